import { describe, expect, it } from "vitest";
import { ENCODINGS, encodeRow, parseEncoding } from "../../src/boolean/encoding.js";

describe("encodings", () => {
  it("lists binary (the default) first, then signed", () => {
    expect(ENCODINGS).toEqual(["binary", "signed"]);
  });

  it("binary: row bits MSB-first as 0/1", () => {
    expect([0, 1, 2, 3].map((r) => encodeRow(2, r, "binary"))).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(encodeRow(3, 6, "binary")).toEqual([1, 1, 0]);
  });

  it("signed: bit 0 ↦ −1, bit 1 ↦ +1", () => {
    expect([0, 1, 2, 3].map((r) => encodeRow(2, r, "signed"))).toEqual([
      [-1, -1],
      [-1, 1],
      [1, -1],
      [1, 1],
    ]);
    expect(encodeRow(3, 6, "signed")).toEqual([1, 1, -1]);
    expect(encodeRow(0, 0, "signed")).toEqual([]);
  });

  it("signed = 2·binary − 1 on every row", () => {
    for (let n = 0; n <= 7; n++) {
      for (let r = 0; r < 2 ** n; r++) {
        expect(encodeRow(n, r, "signed")).toEqual(encodeRow(n, r, "binary").map((b) => 2 * b - 1));
      }
    }
  });

  it("parseEncoding accepts the two names and lists them otherwise", () => {
    expect(parseEncoding("binary")).toBe("binary");
    expect(parseEncoding("signed")).toBe("signed");
    expect(() => parseEncoding("gray")).toThrow(RangeError);
    expect(() => parseEncoding("gray")).toThrow("encoding 'gray' is unknown; allowed: binary, signed");
    expect(() => parseEncoding("Binary")).toThrow(/allowed: binary, signed/);
  });
});
