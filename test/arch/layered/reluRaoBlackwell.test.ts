/**
 * ReLU volume estimators on 2-2-1, both priors:
 * - plain Monte Carlo, Rao-Blackwell and scrambled-Sobol' QMC agree on every function within
 *   4 combined standard errors (seeded, so deterministic; with independent seeds a false failure
 *   of one of the 48 comparisons has probability about 48 × 6e-5 ≈ 0.3%);
 * - the per-sample integrand sums to 1 over the functions, so the totals are 1 up to rounding
 *   (near-degenerate arrangements lose up to ~1e-7 in a sample);
 * - permuting hidden units leaves the integrand unchanged (the same samples permuted);
 * - rescaling (W1[j], b1[j], v[j]) → (αW1[j], αb1[j], v[j]/α) in the prior's scales leaves every
 *   estimate unchanged for both priors (both are per-coordinate scale families; what the uniform
 *   prior lacks is invariance of its density under the map, which no estimate sees), and plain
 *   Monte Carlo agrees too (its sampler keeps a ReLU net's scales as given).
 */
import { describe, expect, it } from "vitest";
import { expectEstimatorsAgree } from "../_helpers/estimatorAgreement.js";
import { expectIntegrandInvariant } from "../_helpers/integrandInvariance.js";
import { type Architecture, priorFor } from "../../../src/arch/architecture.js";
import { layeredArchitecture } from "../../../src/arch/layered/layeredArchitecture.js";
import type { LayeredSpec } from "../../../src/arch/layered/layeredSpec.js";
import { reluOutputMeasure } from "../../../src/arch/layered/reluOutputMeasure.js";
import { reluEstimateTable } from "../../../src/arch/layered/reluRaoBlackwell.js";
import { monteCarloTable } from "../../../src/arch/monteCarloTable.js";
import { rat, type Rational } from "../../../src/geometry/rational.js";
import { gaussianPrior } from "../../../src/measure/gaussianPrior.js";
import type { Prior, PriorFamily } from "../../../src/measure/prior.js";
import { uniformPrior } from "../../../src/measure/uniformPrior.js";

const spec: LayeredSpec = { activation: "relu", layers: [2, 2, 1], encoding: "binary" };
const arch: Architecture = layeredArchitecture(spec);
const families = [gaussianPrior, uniformPrior] as unknown as PriorFamily[];
const unitPrior = (family: PriorFamily) => priorFor(arch, family, { weight: rat(1), bias: rat(1) });

describe("ReLU volume estimators, 2-2-1", () => {
  it.each(families.map((f) => [f.kind, f] as const))("%s: mc, rao-blackwell and qmc agree on all 16 functions; totals are 1", async (_, family) => {
    const { rb, qmc } = await expectEstimatorsAgree(spec, unitPrior(family));
    for (let f = 0; f < 16; f++) {
      expect(rb[f].method).toBe("rao-blackwell");
      expect(qmc[f]).toMatchObject({ method: "qmc", scrambles: 16, samples: 8192 });
      expect(rb[f].ci[0]).toBeLessThanOrEqual(rb[f].p);
      // Complementary functions have equal probability (both priors are symmetric).
      expect(rb[f].p).toBeCloseTo(rb[15 - f].p, 14);
    }
  });

  it.each(["gaussian", "uniform"])("%s integrand: permuting the hidden units changes nothing", (kind) => {
    // W1 row-major (unit 1: w11 w12, unit 2: w21 w22), then b1; swap the units.
    const swap = (h: Float64Array) => Float64Array.of(h[2], h[3], h[0], h[1], h[5], h[4]);
    expectIntegrandInvariant(reluOutputMeasure(spec, kind, [1, 1, 0.5]), 6, 12345, [swap], 5e-13);
  });

  it.each(families.map((f) => [f.kind, f] as const))("%s: rescaling unit scales (W1, b1) by α and v by 1/α changes no estimate", async (_, family) => {
    const base = unitPrior(family);
    const alpha = rat(2);
    const half = rat(1, 2);
    // Parameter order: W1 (4), b1 (2), v (2), c.
    const scaled: Rational[] = [alpha, alpha, alpha, alpha, alpha, alpha, half, half, rat(1)];
    const prior: Prior = { family, scales: scaled };
    for (const method of ["rao-blackwell", "qmc"] as const) {
      const a = reluEstimateTable(spec, base, { method, samples: 2048, seed: 9 }).estimates;
      const b = reluEstimateTable(spec, prior, { method, samples: 2048, seed: 9 }).estimates;
      for (let f = 0; f < 16; f++) expect(b[f].p).toBeCloseTo(a[f].p, 12);
    }
    // Plain Monte Carlo draws the same functions from the rescaled prior (θ ↦ rescaled θ is exact in doubles for α = 2).
    const ma = await monteCarloTable(arch, [base], 50_000, 2);
    const mb = await monteCarloTable(arch, [prior], 50_000, 2);
    expect(mb.rows).toEqual(ma.rows);
  });
});
