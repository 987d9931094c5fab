import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareWords,
  complementWords,
  flipRowWord,
  negateRowBit,
  rowValue,
  swapRowBits,
  wordCount,
  wordMask,
  wordsFromBigInt,
  wordsToBigInt,
} from "../../src/boolean/tableWords.js";

/** Naive reference: the table of r ↦ f(σ(r)) for a map σ of row indices. */
function remapRows(f: bigint, n: number, sigma: (r: number) => number): bigint {
  let g = 0n;
  for (let r = 0; r < 2 ** n; r++) if ((f >> BigInt(sigma(r))) & 1n) g |= 1n << BigInt(r);
  return g;
}

const full = (n: number) => (1n << BigInt(2 ** n)) - 1n;
const tableArb = fc
  .integer({ min: 0, max: 7 })
  .chain((n) => fc.tuple(fc.constant(n), fc.bigInt({ min: 0n, max: full(n) })));

describe("word layout", () => {
  it("wordCount: one word up to 5 inputs, 2^(n−5) above", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(wordCount)).toEqual([1, 1, 1, 1, 1, 1, 2, 4]);
  });

  it("wordMask covers the 2^n used bits of a word", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(wordMask)).toEqual([
      0x1, 0x3, 0xf, 0xff, 0xffff, 0xffffffff, 0xffffffff, 0xffffffff,
    ]);
  });

  it("wordsFromBigInt / wordsToBigInt round trip, and rowValue reads bit r", () => {
    fc.assert(
      fc.property(tableArb, ([n, f]) => {
        const w = wordsFromBigInt(f, n);
        expect(w).toHaveLength(wordCount(n));
        expect(wordsToBigInt(w)).toBe(f);
        for (let r = 0; r < 2 ** n; r++) expect(rowValue(w, r)).toBe(Number((f >> BigInt(r)) & 1n));
      }),
      { seed: 301, numRuns: 200 },
    );
  });
});

describe("word operations agree with naive row permutations (n = 0..7)", () => {
  it("negateRowBit(k): r ↦ f(r xor 2^k)", () => {
    fc.assert(
      fc.property(
        tableArb
          .filter(([n]) => n >= 1)
          .chain(([n, f]) => fc.tuple(fc.constant(n), fc.constant(f), fc.nat(n - 1))),
        ([n, f, k]) => {
          const w = wordsFromBigInt(f, n);
          negateRowBit(w, k);
          expect(wordsToBigInt(w)).toBe(remapRows(f, n, (r) => r ^ (1 << k)));
        },
      ),
      { seed: 302, numRuns: 400 },
    );
  });

  it("swapRowBits(k): r ↦ f(r with bits k and k+1 exchanged)", () => {
    const swap = (r: number, k: number) => {
      const a = (r >> k) & 1;
      const b = (r >> (k + 1)) & 1;
      return a === b ? r : r ^ (3 << k);
    };
    fc.assert(
      fc.property(
        tableArb
          .filter(([n]) => n >= 2)
          .chain(([n, f]) => fc.tuple(fc.constant(n), fc.constant(f), fc.nat(n - 2))),
        ([n, f, k]) => {
          const w = wordsFromBigInt(f, n);
          swapRowBits(w, k);
          expect(wordsToBigInt(w)).toBe(remapRows(f, n, (r) => swap(r, k)));
        },
      ),
      { seed: 303, numRuns: 400 },
    );
  });

  it("every (n, k) pair is covered exhaustively once, on a random table each", () => {
    let x = 12345;
    for (let n = 1; n <= 7; n++) {
      let f = 0n;
      for (let r = 0; r < 2 ** n; r++) {
        x = (x * 69069 + 1) % 2 ** 31;
        if (x & 0x40000000) f |= 1n << BigInt(r);
      }
      for (let k = 0; k < n; k++) {
        const w = wordsFromBigInt(f, n);
        negateRowBit(w, k);
        expect(wordsToBigInt(w), `negate n=${n} k=${k}`).toBe(remapRows(f, n, (r) => r ^ (1 << k)));
        negateRowBit(w, k);
        expect(wordsToBigInt(w)).toBe(f);
      }
      for (let k = 0; k + 1 < n; k++) {
        const w = wordsFromBigInt(f, n);
        swapRowBits(w, k);
        swapRowBits(w, k);
        expect(wordsToBigInt(w), `swap twice n=${n} k=${k}`).toBe(f);
      }
    }
  });

  it("complementWords: ¬f, with the unused high bits of a small table left clear", () => {
    fc.assert(
      fc.property(tableArb, ([n, f]) => {
        const w = wordsFromBigInt(f, n);
        complementWords(w, n);
        expect(wordsToBigInt(w)).toBe(f ^ full(n));
      }),
      { seed: 304, numRuns: 200 },
    );
  });

  it("flipRowWord flips exactly row r", () => {
    fc.assert(
      fc.property(
        tableArb.chain(([n, f]) => fc.tuple(fc.constant(n), fc.constant(f), fc.nat(2 ** n - 1))),
        ([n, f, r]) => {
          const w = wordsFromBigInt(f, n);
          flipRowWord(w, r);
          expect(wordsToBigInt(w)).toBe(f ^ (1n << BigInt(r)));
        },
      ),
      { seed: 305, numRuns: 200 },
    );
  });

  it("compareWords orders tables as numbers", () => {
    fc.assert(
      fc.property(
        tableArb.chain(([n, f]) =>
          fc.tuple(fc.constant(n), fc.constant(f), fc.bigInt({ min: 0n, max: full(n) })),
        ),
        ([n, f, g]) => {
          const c = compareWords(wordsFromBigInt(f, n), wordsFromBigInt(g, n));
          expect(Math.sign(c)).toBe(f < g ? -1 : f > g ? 1 : 0);
          expect(compareWords(wordsFromBigInt(f, n), wordsFromBigInt(f, n))).toBe(0);
        },
      ),
      { seed: 306, numRuns: 300 },
    );
  });
});
