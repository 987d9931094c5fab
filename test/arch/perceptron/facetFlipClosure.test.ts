import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { npnThresholdKey } from "../../../src/arch/perceptron/classKeys.js";
import { type ClassRepresentative, certifyFacetFlipClosure } from "../../../src/arch/perceptron/facetFlipClosure.js";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { enumerateThresholdClasses } from "../../../src/arch/perceptron/thresholdClassList.js";
import { formatWords } from "../../../src/boolean/truthTable.js";
import { bruteForceFunctions } from "../_helpers/bruteForce.js";
import { VARIANTS } from "../_helpers/variants.js";

const specOf = (inputs: number, v: (typeof VARIANTS)[number]): PerceptronSpec => ({ inputs, ...v });
const words = (bits: number) => Uint32Array.of(bits >>> 0);

/** Every function of the brute-force oracle as its own class (no symmetry), keyed by its table. */
function oracleRepresentatives(spec: PerceptronSpec): { reps: ClassRepresentative[]; oracle: Map<number, number[]> } {
  const oracle = bruteForceFunctions(spec);
  const reps = [...oracle].map(([bits, witness]) => ({ table: words(bits), witness }));
  return { reps, oracle };
}
const tableKey = (n: number) => (t: Uint32Array) => formatWords(t, n);

/**
 * Directed edges of the chamber graph from the oracle alone: f → f with row r flipped (and, signed
 * without bias, its partner 2^n − 1 − r) when that is realisable too.
 */
function oracleEdges(spec: PerceptronSpec, oracle: Map<number, number[]>): number {
  const rows = 2 ** spec.inputs;
  let edges = 0;
  for (const bits of oracle.keys()) {
    for (let r = 0; r < rows; r++) {
      const partner = !spec.bias && spec.encoding === "signed" ? rows - 1 - r : r;
      if (partner < r || (!spec.bias && spec.encoding === "binary" && r === 0)) continue;
      const flipped = (bits ^ (1 << r) ^ (partner === r ? 0 : 1 << partner)) >>> 0;
      if (oracle.has(flipped)) edges++;
    }
  }
  return edges;
}

describe("certifyFacetFlipClosure", () => {
  it("proves every brute-force set for n ≤ 3 complete, flipping exactly the chamber graph's edges", () => {
    for (const v of VARIANTS) {
      for (let n = v.bias ? 0 : 1; n <= 3; n++) {
        const spec = specOf(n, v);
        const { reps, oracle } = oracleRepresentatives(spec);
        const r = certifyFacetFlipClosure(spec, reps, tableKey(n));
        expect(r.closed).toBe(true);
        expect(r.missing).toBeUndefined();
        expect(r.classes).toBe(oracle.size);
        expect(r.fallbacks).toBe(0);
        expect(r.flipsChecked).toBe(oracleEdges(spec, oracle));
        expect(r.certification).toMatch(/^complete: closed under facet flips \(\d+ classes, \d+ facet flips/);
      }
    }
  });

  it("finds the one function removed from a complete set (n = 3, every variant)", () => {
    const sets = VARIANTS.map((v) => oracleRepresentatives(specOf(3, v)).reps);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.nat(), (k, pick) => {
        const reps = sets[k];
        const i = pick % reps.length;
        const spec = specOf(3, VARIANTS[k]);
        const r = certifyFacetFlipClosure(spec, [...reps.slice(0, i), ...reps.slice(i + 1)], tableKey(3));
        expect(r.closed).toBe(false);
        expect(r.missing).toBe(formatWords(reps[i].table, 3));
        expect(r.certification).toMatch(/^incomplete: /);
      }),
      { seed: 99, numRuns: 25 },
    );
  });

  it("finds the NPN class removed from the class list (n = 4 and 5)", () => {
    for (const n of [4, 5]) {
      const spec: PerceptronSpec = { inputs: n, bias: true, encoding: "binary" };
      const reps = enumerateThresholdClasses(n).classes.map((c) => ({ table: c.rep, witness: c.witness }));
      const key = npnThresholdKey(n);
      fc.assert(
        fc.property(fc.nat(), (pick) => {
          const i = pick % reps.length;
          const r = certifyFacetFlipClosure(spec, [...reps.slice(0, i), ...reps.slice(i + 1)], key);
          expect(r.closed).toBe(false);
          expect(key(Uint32Array.of(parseInt([...(r.missing as string)].reverse().join(""), 2) >>> 0))).toBe(
            key(reps[i].table),
          );
        }),
        { seed: n, numRuns: 6 },
      );
    }
  });

  it("reports a partial check as not closed, and finds witnesses itself", () => {
    const spec: PerceptronSpec = { inputs: 3, bias: true, encoding: "binary" };
    const reps = enumerateThresholdClasses(3).classes.map((c) => ({ table: c.rep }));
    const r = certifyFacetFlipClosure(spec, reps, npnThresholdKey(3), { only: [0, 2] });
    expect(r.closed).toBe(false);
    expect(r.missing).toBeUndefined();
    expect(r.classes).toBe(2);
    expect(r.certification).toMatch(/^partial: 2 of 6 classes checked/);
    expect(certifyFacetFlipClosure(spec, reps, npnThresholdKey(3)).closed).toBe(true);
  });

  it("rejects an empty set, an unrealisable representative and a bad index", () => {
    const spec: PerceptronSpec = { inputs: 2, bias: true, encoding: "binary" };
    const key = tableKey(2);
    expect(() => certifyFacetFlipClosure(spec, [], key)).toThrow(/at least one representative/);
    expect(() => certifyFacetFlipClosure(spec, [{ table: words(0b0110) }], key)).toThrow(
      /representative 0110 is not realisable/,
    );
    // Without bias: binary input 0 cannot output 1; signed x and −x cannot agree (XNOR, 1001).
    expect(() => certifyFacetFlipClosure({ ...spec, bias: false }, [{ table: words(0b0001) }], key)).toThrow(
      /representative 1000 is not realisable/,
    );
    expect(() =>
      certifyFacetFlipClosure({ ...spec, bias: false, encoding: "signed" }, [{ table: words(0b1001) }], key),
    ).toThrow(/representative 1001 is not realisable/);
    expect(() => certifyFacetFlipClosure(spec, [{ table: words(1) }], key, { only: [1] })).toThrow(
      /only: index 1 is not a representative 0 … 0/,
    );
  });
});
