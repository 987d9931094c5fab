/** Invariance checks for the ReLU output-cone integrand (tests of the Rao-Blackwell estimators). */
import { expect } from "vitest";
import type { ReluOutputMeasure } from "../../../src/arch/layered/reluOutputMeasure.js";
import { lcgUniform } from "./lcgUniform.js";

/**
 * Expects `integrand` (of a 2-input net: 16 functions) to be invariant under `maps` of the hidden
 * weights: on 200 seeded points h uniform in [−½, ½]^dimension it sums to 1 over the functions, and
 * every map's image gives each function the same value within `tolerance` (the cone measures may
 * sum their terms in another order).
 */
export function expectIntegrandInvariant(
  integrand: ReluOutputMeasure,
  dimension: number,
  seed: number,
  maps: readonly ((h: Float64Array) => Float64Array)[],
  tolerance: number,
): void {
  const a = new Float64Array(16);
  const b = new Float64Array(16);
  const next = lcgUniform(seed);
  for (let t = 0; t < 200; t++) {
    const h = Float64Array.from({ length: dimension }, () => next() - 0.5);
    expect(integrand.measure(h, 0, a)).toBeCloseTo(1, 9);
    for (const map of maps) {
      integrand.measure(map(h), 0, b);
      for (let f = 0; f < 16; f++) expect(Math.abs(b[f] - a[f])).toBeLessThanOrEqual(tolerance);
    }
  }
}
