import { describe, expect, it } from "vitest";
import { functionName } from "../../src/boolean/names.js";
import { parseFunction } from "../../src/boolean/truthTable.js";

const name = (bits: string) => functionName(parseFunction(bits));

describe("functionName", () => {
  it("names all 16 functions of two inputs (rows 00, 01, 10, 11)", () => {
    const expected: Record<string, string> = {
      "0000": "const 0",
      "0001": "AND",
      "0010": "x1 and not x2",
      "0011": "x1",
      "0100": "not x1 and x2",
      "0101": "x2",
      "0110": "XOR",
      "0111": "OR",
      "1000": "NOR",
      "1001": "XNOR",
      "1010": "not x2",
      "1011": "x1 or not x2",
      "1100": "not x1",
      "1101": "not x1 or x2",
      "1110": "NAND",
      "1111": "const 1",
    };
    for (let k = 0; k < 16; k++) {
      const bits = k.toString(2).padStart(4, "0");
      expect(name(bits), bits).toBe(expected[bits]);
    }
    expect(new Set(Object.values(expected)).size).toBe(16);
  });

  it("names the functions of 0 and 1 inputs", () => {
    expect(name("0")).toBe("const 0");
    expect(name("1")).toBe("const 1");
    expect(name("00")).toBe("const 0");
    expect(name("01")).toBe("x1");
    expect(name("10")).toBe("not x1");
    expect(name("11")).toBe("const 1");
  });

  it("names the standard functions of 3 inputs", () => {
    expect(name("00000001")).toBe("AND");
    expect(name("01111111")).toBe("OR");
    expect(name("01101001")).toBe("XOR");
    expect(name("10010110")).toBe("XNOR");
    expect(name("00010111")).toBe("MAJ");
    expect(name("00001111")).toBe("x1");
    expect(name("00110011")).toBe("x2");
    expect(name("01010101")).toBe("x3");
    expect(name("10101010")).toBe("not x3");
    expect(name("11111110")).toBe("NAND");
    expect(name("10000000")).toBe("NOR");
  });

  it("has no name for other functions, and no MAJ for even n", () => {
    expect(name("00010110")).toBeUndefined();
    expect(name("0001011101111111")).toBeUndefined();
    expect(name(`${"0".repeat(127)}1`)).toBe("AND");
  });
});
