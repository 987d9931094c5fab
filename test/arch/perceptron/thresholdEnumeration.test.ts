import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalSweep,
  enumerateThresholdFunctions,
  mapWitness,
  NPN_CLASS_COUNTS,
  THRESHOLD_COUNTS,
} from "../../../src/arch/perceptron/thresholdEnumeration.js";
import { wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { act } from "../../boolean/_helpers/naiveBoolean.js";
import { bruteForceFunctions, evaluateStrict } from "../_helpers/bruteForce.js";

const BINARY_BIAS = (inputs: number) => ({ inputs, bias: true, encoding: "binary" as const });

const enumerations = [0, 1, 2, 3, 4, 5].map((n) => enumerateThresholdFunctions(n));

describe("enumerateThresholdFunctions (n = 0..5; n = 6 in thresholdEnumeration.n6.test.ts)", () => {
  it("finds the published number of threshold functions 2, 4, 14, 104, 1882, 94572", () => {
    expect(enumerations.map((e) => e.count)).toEqual([2, 4, 14, 104, 1882, 94572]);
    expect(enumerations.map((e) => e.classOf.size)).toEqual(THRESHOLD_COUNTS.slice(0, 6));
  });

  it("finds the published number of NPN classes 1, 2, 3, 6, 15, 63 with orbits summing to the count", () => {
    expect(enumerations.map((e) => e.classes.length)).toEqual(NPN_CLASS_COUNTS.slice(0, 6));
    for (const e of enumerations) {
      expect(e.classes.reduce((s, c) => s + c.orbit, 0)).toBe(e.count);
    }
  });

  it("agrees, function by function, with an independent brute-force search over integer weights (n ≤ 4)", () => {
    // n = 5: the same comparison is made on realisableFunctions in realisableFunctions.test.ts.
    for (const e of enumerations.slice(0, 5)) {
      const oracle = bruteForceFunctions(BINARY_BIAS(e.n));
      expect(oracle.size).toBe(e.count);
      let missing = 0;
      e.classOf.forEach((t) => {
        if (!oracle.has(t[0])) missing++;
      });
      expect(missing).toBe(0);
    }
  });

  it("labels every member of class c with c, and each representative with a witness that realises it", () => {
    for (const e of enumerations) {
      const perClass = new Array<number>(e.classes.length).fill(0);
      e.classOf.forEach((_t, id) => {
        perClass[id]++;
      });
      expect(perClass).toEqual(e.classes.map((c) => c.orbit));
      e.classes.forEach((c, id) => {
        expect(e.classOf.get(c.rep)).toBe(id);
        expect(evaluateStrict(BINARY_BIAS(e.n), Array.from(c.witness))).toBe(wordsToBigInt(c.rep));
      });
    }
  });

  it("rejects n outside 0..6, naming the range", () => {
    expect(() => enumerateThresholdFunctions(7)).toThrow(/from 0 to 6/);
    expect(() => enumerateThresholdFunctions(-1)).toThrow(RangeError);
    expect(() => enumerateThresholdFunctions(2.5)).toThrow(/got 2.5/);
  });

  it("reports progress up to the total", () => {
    const calls: [number, number][] = [];
    enumerateThresholdFunctions(4, (found, total) => calls.push([found, total]));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.at(-1)).toEqual([1882, 1882]);
  });
});

describe("canonicalSweep", () => {
  it("emits only tables its witness realises, all of them threshold functions (n ≤ 5)", () => {
    for (const e of enumerations) {
      let emitted = 0;
      let bad = 0;
      canonicalSweep(e.n, (table, witness) => {
        emitted++;
        if (evaluateStrict(BINARY_BIAS(e.n), Array.from(witness)) !== wordsToBigInt(table)) bad++;
        if (e.classOf.get(table) < 0) bad++;
      });
      expect(emitted).toBeGreaterThan(0);
      expect(bad).toBe(0);
    }
  });

  it("uses canonical weights w1 ≥ … ≥ wn ≥ 0", () => {
    canonicalSweep(4, (_t, w) => {
      for (let i = 0; i + 1 < 4; i++) expect(w[i]).toBeGreaterThanOrEqual(w[i + 1]);
      expect(w[3]).toBeGreaterThanOrEqual(0);
    });
  });
});

describe("mapWitness follows the NPN generators", () => {
  const all4 = [...bruteForceFunctions(BINARY_BIAS(4)).entries()];
  it("swap, negate and output maps send a witness of f to a witness of the image (n = 4)", () => {
    fc.assert(
      fc.property(
        fc.nat(all4.length - 1),
        fc.constantFrom("swap", "negate", "output"),
        fc.nat(3),
        (k, kind, i) => {
          const [table, theta] = all4[k];
          const n = 4;
          const arg = kind === "swap" ? Math.min(i, 2) : i;
          const w = Int32Array.from(theta);
          mapWitness(w, kind, arg);
          const id = [0, 1, 2, 3];
          let g = { perm: id, neg: [0, 0, 0, 0], out: 0 };
          if (kind === "swap") {
            const perm = [...id];
            [perm[arg], perm[arg + 1]] = [perm[arg + 1], perm[arg]];
            g = { ...g, perm };
          } else if (kind === "negate") g = { ...g, neg: id.map((j) => (j === arg ? 1 : 0)) };
          else g = { ...g, out: 1 };
          expect(evaluateStrict(BINARY_BIAS(n), Array.from(w))).toBe(act(BigInt(table), n, g));
        },
      ),
      { seed: 501, numRuns: 300 },
    );
  });
});
