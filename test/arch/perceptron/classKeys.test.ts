import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { npnThresholdKey, symmetryClassKey } from "../../../src/arch/perceptron/classKeys.js";
import { certifyFacetFlipClosure } from "../../../src/arch/perceptron/facetFlipClosure.js";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { NPN_CLASS_COUNTS } from "../../../src/arch/perceptron/thresholdEnumeration.js";
import { act, type NaiveElement } from "../../boolean/_helpers/naiveBoolean.js";
import { bruteForceFunctions } from "../_helpers/bruteForce.js";

const words = (bits: number) => Uint32Array.of(bits >>> 0);
const distinct = <T>(xs: Iterable<T>) => new Set(xs).size;

/** A random NPN element for n inputs, in the naive helper's form. */
const npnElement = (n: number): fc.Arbitrary<NaiveElement> =>
  fc.record({
    perm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    neg: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    out: fc.integer({ min: 0, max: 1 }),
  });

describe("npnThresholdKey", () => {
  it("has one key per NPN class of threshold functions (n ≤ 4)", () => {
    for (let n = 0; n <= 4; n++) {
      const key = npnThresholdKey(n);
      const all = bruteForceFunctions({ inputs: n, bias: true, encoding: "binary" });
      expect(distinct([...all.keys()].map((bits) => key(words(bits))))).toBe(NPN_CLASS_COUNTS[n]);
    }
  });

  it("is invariant under the NPN group (n = 4)", () => {
    const key = npnThresholdKey(4);
    const fns = [...bruteForceFunctions({ inputs: 4, bias: true, encoding: "binary" }).keys()];
    fc.assert(
      fc.property(fc.nat(), npnElement(4), (pick, g) => {
        const f = fns[pick % fns.length];
        const image = Number(act(BigInt(f), 4, g));
        expect(key(words(image))).toBe(key(words(f)));
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});

describe("symmetryClassKey", () => {
  it("gives the binary perceptron with bias's permutation × complement classes a closed set (n ≤ 4)", () => {
    for (let n = 1; n <= 4; n++) {
      const spec: PerceptronSpec = { inputs: n, bias: true, encoding: "binary" };
      const key = symmetryClassKey(spec);
      const all = bruteForceFunctions(spec);
      const reps = new Map<string, { table: Uint32Array; witness: number[] }>();
      for (const [bits, witness] of all) {
        const k = key(words(bits));
        if (!reps.has(k)) reps.set(k, { table: words(bits), witness });
        // The key is the table of a member of the class: complement and permutations only.
        expect(all.has(parseInt([...k].reverse().join(""), 2))).toBe(true);
      }
      const r = certifyFacetFlipClosure(spec, [...reps.values()], key);
      expect(r.closed).toBe(true);
      // More classes than NPN ones: input negation is no symmetry of the prior here.
      expect(reps.size).toBeGreaterThanOrEqual(NPN_CLASS_COUNTS[n]);
    }
  });

  it("is invariant under permutations and θ ↦ −θ without bias (binary: the zero row stays 0)", () => {
    const spec: PerceptronSpec = { inputs: 4, bias: false, encoding: "binary" };
    const key = symmetryClassKey(spec);
    const fns = [...bruteForceFunctions(spec).keys()];
    fc.assert(
      fc.property(fc.nat(), npnElement(4), (pick, g) => {
        const f = fns[pick % fns.length];
        let image = Number(act(BigInt(f), 4, { ...g, neg: [0, 0, 0, 0], out: 0 }));
        // θ ↦ −θ complements every output but that of the zero input, which stays 0.
        if (g.out) image = (image ^ 0xffff ^ 1) >>> 0;
        expect(key(words(image))).toBe(key(words(f)));
      }),
      { seed: 6, numRuns: 200 },
    );
  });
});
