/** The Monte Carlo histogram against a Map: any batches, any split into parts merged, every width. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FunctionCounts } from "../../../src/arch/_internals/functionCounts.js";
import { WordCounts } from "../../../src/arch/_internals/wordCounts.js";

/** Counts of `keys` (tables of `words` words, flattened) by their joined words. */
function reference(keys: readonly number[], words: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let s = 0; s < keys.length; s += words) {
    const k = keys.slice(s, s + words).join(",");
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function contents(c: FunctionCounts): Map<string, number> {
  const m = new Map<string, number>();
  c.forEach((t, h) => m.set([...t].join(","), h));
  return m;
}

/** Keys from a small pool (repeats) and anywhere in 32 bits, 0 and 2^32 − 1 included. */
const word = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }));

describe("FunctionCounts", () => {
  for (const [words, keyBits] of [
    [1, 16],
    [1, 32],
    [2, 64],
  ] as const) {
    it(`counts ${words}-word tables (${keyBits} key bits) as a Map does, batched and merged from parts`, () => {
      const key = keyBits === 16 ? fc.integer({ min: 0, max: 0xffff }) : word;
      fc.assert(
        fc.property(fc.array(key, { maxLength: 3000 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 3 }), (raw, batch, parts) => {
          const keys = raw.slice(0, raw.length - (raw.length % words));
          const counts = Array.from({ length: parts }, () => new FunctionCounts(words, keyBits));
          const flat = Uint32Array.from(keys);
          for (let s = 0, b = 0; s < flat.length / words; s += batch, b++) {
            const n = Math.min(batch, flat.length / words - s);
            counts[b % parts].addTables(flat.subarray(s * words, (s + n) * words), n);
          }
          const merged = new FunctionCounts(words, keyBits);
          for (const c of counts) merged.merge(c.pack());
          const want = reference(keys, words);
          expect(contents(merged)).toEqual(want);
          expect(merged.size).toBe(want.size);
          if (words === 1) {
            const order: number[] = [];
            merged.forEach((t) => order.push(t[0]));
            expect(order).toEqual([...order].sort((a, b) => a - b));
          }
        }),
        { numRuns: 60, seed: 7 },
      );
    });
  }
});

describe("WordCounts", () => {
  it("weighted additions alone (the merge path) keep every count while the table grows under them", () => {
    const counts = new WordCounts(1);
    for (let k = 0; k < 5000; k++) counts.add(Math.imul(k, 7919) >>> 0, k + 1);
    let total = 0;
    let size = 0;
    counts.forEach((key, h) => {
      size++;
      total += h;
      expect(h).toBeGreaterThan(0);
    });
    expect(size).toBe(5000);
    expect(total).toBe((5000 * 5001) / 2);
  });

  it("keeps every count through many doublings from a tiny table, with weighted additions between batches", () => {
    const counts = new WordCounts(1);
    const want = new Map<number, number>();
    const batch = new Uint32Array(257);
    let x = 12345;
    for (let b = 0; b < 300; b++) {
      for (let i = 0; i < batch.length; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        batch[i] = x % 20000;
        want.set(batch[i], (want.get(batch[i]) ?? 0) + 1);
      }
      counts.addEach(batch, batch.length);
      const extra = (x >>> 3) % 50000;
      counts.add(extra, 2.5);
      want.set(extra, (want.get(extra) ?? 0) + 2.5);
    }
    const got = new Map<number, number>();
    counts.forEach((k, h) => got.set(k, h));
    expect(got).toEqual(want);
    expect(counts.size).toBe(want.size);
  });
});

describe("WordCounts in WebAssembly", () => {
  it("counts any batches exactly as the JavaScript loop does (same keys, same hits, same order)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 700 }), { maxLength: 12 }), (batches) => {
        const wasm = new WordCounts(1);
        const js = new WordCounts(1, false);
        for (const b of batches) {
          wasm.addEach(Uint32Array.from(b), b.length);
          js.addEach(Uint32Array.from(b), b.length);
        }
        const visit = (c: WordCounts) => {
          const out: [number, number][] = [];
          c.forEach((key, h) => out.push([key, h]));
          return out;
        };
        expect(visit(wasm)).toEqual(visit(js));
        expect(wasm.size).toBe(js.size);
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  it("counts batches longer than the kernel's word buffer, growing from a tiny table mid-batch, as a Map does", () => {
    const counts = new WordCounts(1);
    const want = new Map<number, number>();
    let x = 987654321;
    for (let b = 0; b < 5; b++) {
      // 10,000 words a batch (the buffer holds 4,096), about a third of them new keys.
      const batch = new Uint32Array(10_000);
      for (let s = 0; s < batch.length; s++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        batch[s] = s % 3 === 0 ? x : x % 97;
        want.set(batch[s], (want.get(batch[s]) ?? 0) + 1);
      }
      counts.addEach(batch, batch.length);
    }
    const got = new Map<number, number>();
    counts.forEach((key, h) => got.set(key, h));
    expect(got).toEqual(want);
    expect(counts.size).toBe(want.size);
  });
});
