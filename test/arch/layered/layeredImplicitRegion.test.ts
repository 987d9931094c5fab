/**
 * The implicit region of a step net: the ray distance is where the function computed along
 * θ + t·u first changes (just before it: still f; just after: not f), found exactly by
 * breakpoints for one and two hidden layers (ReLU nets: reluRayDistance.test.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layeredArchitecture } from "../../../src/arch/layered/layeredArchitecture.js";
import { wordsToBigInt } from "../../../src/boolean/tableWords.js";

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89];
/**
 * Vectors in general position (k/64 + √p_i/100 for distinct primes): no pre-activation of θ is 0,
 * where the region is not open and the distance would be 0 by convention.
 */
const vec = (d: number) =>
  fc.array(fc.integer({ min: -128, max: 128 }), { minLength: d, maxLength: d }).map((k) => k.map((v, i) => v / 64 + Math.sqrt(PRIMES[i]) / 100));

describe("step-net ray distances", () => {
  it.each([[2, 2, 1], [3, 3, 1], [2, 2, 2, 1], [3, 2, 2, 1]])("layers %j: the first change of function along the ray", (...layers) => {
    const arch = layeredArchitecture({ activation: "step", layers, encoding: "binary" });
    const d = arch.parameters.length;
    const out = new Uint32Array(1);
    const table = (x: Float64Array) => {
      arch.forward(x, 1, out);
      return wordsToBigInt(out);
    };
    fc.assert(
      fc.property(vec(d), vec(d), (theta, u) => {
        const x = Float64Array.from(theta);
        const f = { n: arch.inputs, bits: table(x) };
        const region = arch.implicitRegion(f);
        const t = region.rayDistance(x, Float64Array.from(u));
        const at = (s: number) => Float64Array.from(theta, (v, k) => v + s * u[k]);
        if (!Number.isFinite(t)) {
          for (const s of [1, 10, 1e3]) expect(region.contains(at(s))).toBe(true);
          return;
        }
        expect(t).toBeGreaterThan(0);
        // Every point before the exit computes f; just after it, something else.
        for (const s of [0.25, 0.5, 0.75, 0.999]) expect(region.contains(at(s * t))).toBe(true);
        expect(region.contains(at(t * (1 + 1e-9) + 1e-12))).toBe(false);
      }),
      { seed: 21, numRuns: 300 },
    );
  });

  it("a point outside the region has distance 0", () => {
    const step = layeredArchitecture({ activation: "step", layers: [2, 2, 1], encoding: "binary" });
    const region = step.implicitRegion({ n: 2, bits: 6n });
    expect(region.rayDistance(new Float64Array(9).fill(1), new Float64Array(9).fill(1))).toBe(0);
  });
});
