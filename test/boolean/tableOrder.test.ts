import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { truthTableOrder } from "../../src/boolean/tableOrder.js";
import { formatWords } from "../../src/boolean/truthTable.js";
import { wordCount, wordMask } from "../../src/boolean/tableWords.js";

describe("truthTableOrder", () => {
  it("orders tables as their truth-table strings sort (property, n = 0 … 7)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 }),
        fc.array(fc.nat({ max: 2 ** 32 - 1 }), { minLength: 0, maxLength: 200 }),
        (n, raw) => {
          const words = wordCount(n);
          const count = Math.floor(raw.length / words);
          // Few distinct values per word, so that many tables share their first words.
          const tables = Uint32Array.from(raw.slice(0, count * words), (x) => (x % 7 === 0 ? 0 : x) & wordMask(n));
          const strings = Array.from({ length: count }, (_, k) => formatWords(tables.subarray(k * words, (k + 1) * words), n));
          const order = Array.from(truthTableOrder(tables, words, count), (k) => strings[k]);
          expect(order).toEqual([...strings].sort());
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });
});
