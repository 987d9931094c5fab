import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lzComplexity, lzComplexityOfString, lzPhraseCount } from "../../../src/boolean/complexity/lzComplexity.js";
import { parseFunction } from "../../../src/boolean/truthTable.js";

/**
 * LZ76 by its definition, independently of Kaspar–Schuster: from position p the next phrase is the
 * longest s[p, p+m) that occurs starting before p (overlap allowed), plus one symbol; a phrase cut
 * off by the end of the string still counts.
 */
function lzByDefinition(s: string): number {
  let count = 0;
  let p = 0;
  while (p < s.length) {
    let m = 0;
    while (p + m < s.length && s.slice(0, p + m).includes(s.slice(p, p + m + 1))) m++;
    count++;
    p += m + 1;
  }
  return count;
}

describe("lzPhraseCount", () => {
  it("known strings", () => {
    expect(lzPhraseCount("00000000")).toBe(2); // 0 · 0000000 (copied, cut by the end)
    expect(lzPhraseCount("01010101")).toBe(3); // 0 · 1 · 010101
    expect(lzPhraseCount("00001111")).toBe(3); // 0 · 0001 · 111
    expect(lzPhraseCount("01101001")).toBe(5); // parity n = 3: 0 · 1 · 10 · 100 · 1
    expect(lzPhraseCount("0")).toBe(1);
    expect(lzPhraseCount("")).toBe(0);
  });

  it("agrees with the definition on random strings", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("0", "1"), { minLength: 1, maxLength: 128 }), (bits) => {
        const s = bits.join("");
        expect(lzPhraseCount(s)).toBe(lzByDefinition(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe("C_LZ", () => {
  it("of a constant is log2 L", () => {
    for (const n of [0, 1, 3, 7]) {
      expect(lzComplexity(parseFunction("0".repeat(1 << n))).cLz).toBe(n);
      expect(lzComplexity(parseFunction("1".repeat(1 << n))).cLz).toBe(n);
    }
  });

  it("otherwise log2 L times the mean phrase count of x and its reverse", () => {
    // Values the reference calc_KC (simpbias-tools KC_LZ.py) gives for these strings.
    expect(lzComplexityOfString("01010101").cLz).toBe(9); // 3·(3 + 3)/2
    expect(lzComplexityOfString("00001111").cLz).toBe(9);
    expect(lzComplexityOfString("0110100110010110").cLz).toBe(28); // 4·(7 + 7)/2
    expect(lzComplexityOfString("01101001").cLz).toBe(15);
    const r = lzComplexity(parseFunction("0001"));
    expect(r).toEqual({ phrases: 2, phrasesReversed: 3, cLz: 5 });
  });

  it("rejects the empty string", () => {
    expect(() => lzComplexityOfString("")).toThrow(RangeError);
  });
});
