import { describe, expect, it } from "vitest";
import { binaryEntropy, entropy } from "../../../src/boolean/complexity/entropy.js";
import { fourierL1 } from "../../../src/boolean/complexity/fourierL1.js";
import { averageSensitivity, criticalSampleRatio } from "../../../src/boolean/complexity/sensitivity.js";
import { type BooleanFunction, parseFunction, rowBits, rowCount } from "../../../src/boolean/truthTable.js";

function fromRule(n: number, rule: (x: number[]) => boolean): BooleanFunction {
  let bits = 0n;
  for (let r = 0; r < rowCount(n); r++) if (rule(rowBits(n, r))) bits |= 1n << BigInt(r);
  return { n, bits };
}
const parity = (n: number) => fromRule(n, (x) => x.reduce((a, b) => a + b, 0) % 2 === 1);
const and = (n: number) => fromRule(n, (x) => x.every((b) => b === 1));

describe("entropy", () => {
  it("hand cases", () => {
    expect(entropy(parseFunction("0000"))).toEqual({ ones: 0, value: 0 });
    expect(entropy(parseFunction("1111")).value).toBe(0);
    expect(entropy(parseFunction("0110")).value).toBe(1);
    // H(1/4) = 2 − (3/4) log2 3
    expect(entropy(parseFunction("0001")).value).toBeCloseTo(2 - 0.75 * Math.log2(3), 15);
    expect(binaryEntropy(1, 8)).toBeCloseTo(-(1 / 8) * Math.log2(1 / 8) - (7 / 8) * Math.log2(7 / 8), 15);
    expect(() => binaryEntropy(3, 2)).toThrow(RangeError);
  });
});

describe("critical sample ratio and average sensitivity", () => {
  it("hand cases", () => {
    // AND on 2 inputs: rows 01, 10, 11 each have a neighbour with another value; 00 does not.
    expect(criticalSampleRatio(parseFunction("0001"))).toEqual({ fraction: "3/4", value: 0.75 });
    // Sensitivities 0, 1, 1, 2: mean 1.
    expect(averageSensitivity(parseFunction("0001"))).toEqual({ fraction: "1/1", value: 1 });
    // Constants: nothing is critical.
    expect(criticalSampleRatio(parseFunction("00000000"))).toEqual({ fraction: "0/1", value: 0 });
    // AND on 3: 000 has no different neighbour; 011, 101, 110, 111 do; 001 etc. do not.
    expect(criticalSampleRatio(and(3))).toEqual({ fraction: "1/2", value: 0.5 });
    // Dictator x1 on 3 inputs: every row is critical, sensitivity 1 everywhere.
    expect(criticalSampleRatio(parseFunction("00001111")).fraction).toBe("1/1");
    expect(averageSensitivity(parseFunction("00001111")).fraction).toBe("1/1");
    // Majority of 3: 2^(1−n)·n·C(n−1, (n−1)/2) = 3/2.
    expect(averageSensitivity(parseFunction("00010111")).fraction).toBe("3/2");
  });

  it("parity has sensitivity n", () => {
    for (let n = 1; n <= 7; n++) expect(averageSensitivity(parity(n)).value).toBe(n);
  });
});

describe("Fourier L1", () => {
  it("parity and dictators have L1 = 1", () => {
    for (let n = 1; n <= 7; n++) {
      expect(fourierL1(parity(n)).fraction).toBe("1/1");
      expect(fourierL1(fromRule(n, (x) => x[n - 1] === 1)).fraction).toBe("1/1");
    }
  });

  it("AND_n has L1 = 3 − 2^(2−n)", () => {
    for (let n = 1; n <= 7; n++) {
      const q = 1n << BigInt(Math.max(n - 2, 0));
      const expected = n === 1 ? "1/1" : `${3n * q - 1n}/${q}`;
      expect(fourierL1(and(n)).fraction).toBe(expected);
      expect(fourierL1(and(n)).value).toBe(3 - 2 ** (2 - n));
    }
  });

  it("constants have L1 = 1", () => {
    expect(fourierL1(parseFunction("0000")).fraction).toBe("1/1");
    expect(fourierL1(parseFunction("1")).fraction).toBe("1/1");
  });
});
