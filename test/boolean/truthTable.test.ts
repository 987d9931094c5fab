import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertInputs,
  complement,
  flipRow,
  formatFunction,
  fullMask,
  MAX_INPUTS,
  onesCount,
  parseFunction,
  rowBits,
  rowCount,
  valueAt,
} from "../../src/boolean/truthTable.js";

/** A random table of n inputs as a bigint. */
const tableOf = (n: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(2 ** n)) - 1n });
const functionArb = fc
  .integer({ min: 0, max: MAX_INPUTS })
  .chain((n) => tableOf(n).map((bits) => ({ n, bits })));
const bitString = fc
  .integer({ min: 0, max: MAX_INPUTS })
  .chain((n) => fc.array(fc.constantFrom("0", "1"), { minLength: 2 ** n, maxLength: 2 ** n }))
  .map((cs) => cs.join(""));

describe("rowBits (MSB-first rows)", () => {
  it("lists the rows of 2 inputs as 00, 01, 10, 11", () => {
    expect([0, 1, 2, 3].map((r) => rowBits(2, r))).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });

  it("puts x1 in the most significant bit for 3 inputs", () => {
    expect(rowBits(3, 1)).toEqual([0, 0, 1]);
    expect(rowBits(3, 4)).toEqual([1, 0, 0]);
    expect(rowBits(3, 6)).toEqual([1, 1, 0]);
    expect(rowBits(0, 0)).toEqual([]);
  });

  it("reads back the row index, MSB first, for every n ≤ 7", () => {
    for (let n = 0; n <= MAX_INPUTS; n++) {
      for (let r = 0; r < rowCount(n); r++) {
        expect(rowBits(n, r).reduce((a, b) => 2 * a + b, 0)).toBe(r);
      }
    }
  });
});

describe("the design.md examples", () => {
  const cases: [string, (x: number[]) => number][] = [
    ["0001", ([a, b]) => a & b],
    ["0111", ([a, b]) => a | b],
    ["0110", ([a, b]) => a ^ b],
    ["0011", ([a]) => a],
    ["0101", ([, b]) => b],
  ];
  it.each(cases)("%s is character i = f(row i)", (text, rule) => {
    const f = parseFunction(text, 2);
    for (let r = 0; r < 4; r++) {
      expect(valueAt(f, r)).toBe(rule(rowBits(2, r)));
      expect(Number(text[r])).toBe(rule(rowBits(2, r)));
    }
  });

  it("stores character i as bit i of the bigint", () => {
    expect(parseFunction("0001").bits).toBe(8n);
    expect(parseFunction("1000").bits).toBe(1n);
    expect(parseFunction("0111").bits).toBe(14n);
    expect(parseFunction("1").bits).toBe(1n);
  });
});

describe("parseFunction / formatFunction", () => {
  it("format(parse(s)) = s for any bit string of length 2^n (n inferred or given)", () => {
    fc.assert(
      fc.property(bitString, (s) => {
        const n = Math.log2(s.length);
        expect(formatFunction(parseFunction(s))).toBe(s);
        expect(formatFunction(parseFunction(s, n))).toBe(s);
        expect(parseFunction(s).n).toBe(n);
      }),
      { seed: 101, numRuns: 200 },
    );
  });

  it("parse(format(f)) = f for any table of n ≤ 7 inputs", () => {
    fc.assert(
      fc.property(functionArb, (f) => {
        const s = formatFunction(f);
        expect(s).toHaveLength(2 ** f.n);
        expect(parseFunction(s, f.n)).toEqual(f);
        for (let r = 0; r < s.length; r++) expect(valueAt(f, r)).toBe(Number(s[r]));
      }),
      { seed: 102, numRuns: 200 },
    );
  });

  it("names the length and the required length when n is given", () => {
    expect(() => parseFunction("011", 2)).toThrow(RangeError);
    expect(() => parseFunction("011", 2)).toThrow(/length 3.*2 inputs.*4 characters/);
    expect(() => parseFunction("00010", 2)).toThrow(/length 5/);
    expect(() => parseFunction("0001", 3)).toThrow(/length 4.*3 inputs.*8 characters/);
    expect(() => parseFunction("", 0)).toThrow(/length 0/);
  });

  it("requires a power-of-two length 1..256 when n is inferred", () => {
    expect(() => parseFunction("")).toThrow(RangeError);
    expect(() => parseFunction("011")).toThrow(/length 3.*2\^n/);
    expect(() => parseFunction("0".repeat(512))).toThrow(/length 512/);
    expect(parseFunction("0".repeat(128)).n).toBe(7);
    expect(parseFunction("0".repeat(256)).n).toBe(8);
  });

  it("names a bad character and the allowed ones", () => {
    expect(() => parseFunction("01a1", 2)).toThrow(RangeError);
    expect(() => parseFunction("01a1", 2)).toThrow(/character 'a'.*only 0 and 1/);
    expect(() => parseFunction("0 01")).toThrow(/character ' '/);
    expect(() => parseFunction("012")).toThrow(/character '2'/);
    // The character check comes first, even when the length is wrong too.
    expect(() => parseFunction("x", 2)).toThrow(/character 'x'/);
  });

  it("rejects n outside 0..8", () => {
    expect(() => parseFunction("01", 9)).toThrow(/from 0 to 8/);
    expect(() => parseFunction("01", -1)).toThrow(/from 0 to 8/);
    expect(() => parseFunction("01", 1.5)).toThrow(/from 0 to 8/);
  });
});

describe("assertInputs", () => {
  it("accepts integers 0..max and names the range otherwise", () => {
    for (let n = 0; n <= MAX_INPUTS; n++) expect(() => assertInputs(n)).not.toThrow();
    expect(() => assertInputs(9)).toThrow("inputs must be an integer from 0 to 8, got 9");
    expect(() => assertInputs(Number.NaN)).toThrow(RangeError);
    expect(() => assertInputs(2.5)).toThrow(/got 2.5/);
    expect(() => assertInputs(4, 3)).toThrow(/from 0 to 3/);
  });
});

describe("table helpers", () => {
  it("rowCount and fullMask", () => {
    expect([0, 1, 2, 3, 7].map(rowCount)).toEqual([1, 2, 4, 8, 128]);
    expect(fullMask(2)).toBe(15n);
    expect(fullMask(7)).toBe((1n << 128n) - 1n);
  });

  it("complement flips every row, flipRow one row, onesCount counts ones", () => {
    fc.assert(
      fc.property(
        functionArb.chain((f) => fc.tuple(fc.constant(f), fc.integer({ min: 0, max: 2 ** f.n - 1 }))),
        ([f, r]) => {
          const s = formatFunction(f);
          const c = formatFunction(complement(f));
          for (let i = 0; i < s.length; i++) expect(c[i]).toBe(s[i] === "1" ? "0" : "1");
          expect(complement(complement(f))).toEqual(f);
          const g = formatFunction(flipRow(f, r));
          for (let i = 0; i < s.length; i++) expect(g[i] === s[i]).toBe(i !== r);
          expect(onesCount(f)).toBe([...s].filter((ch) => ch === "1").length);
          expect(onesCount(f) + onesCount(complement(f))).toBe(2 ** f.n);
        },
      ),
      { seed: 103, numRuns: 200 },
    );
  });
});
