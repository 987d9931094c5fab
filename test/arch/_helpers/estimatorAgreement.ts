/** The agreement check of the three ReLU volume estimators on a 2-input net (16 functions). */
import { expect } from "vitest";
import { layeredArchitecture } from "../../../src/arch/layered/layeredArchitecture.js";
import type { LayeredSpec } from "../../../src/arch/layered/layeredSpec.js";
import { type ReluEstimate, reluEstimateTable } from "../../../src/arch/layered/reluRaoBlackwell.js";
import { monteCarloTable } from "../../../src/arch/monteCarloTable.js";
import { formatFunction } from "../../../src/boolean/truthTable.js";
import type { Prior } from "../../../src/measure/prior.js";

/** Samples of the plain Monte Carlo reference. */
const MC_SAMPLES = 400_000;

/**
 * Runs rao-blackwell (8,000 samples, seed 3), qmc (8,192, seed 4) and plain Monte Carlo (400,000,
 * seed 5) under `prior` and expects: both estimators' totals within 1e-6 of 1, and every function's
 * three estimates pairwise within 4 combined standard errors (Monte Carlo's SE from its count, at
 * least that of p = 1e-6). Seeded, so deterministic; with independent seeds one of the 48
 * comparisons would fail falsely with probability about 48 × 6e-5 ≈ 0.3%. Returns the two tables'
 * estimates (indexed by function) for further checks.
 */
export async function expectEstimatorsAgree(
  spec: LayeredSpec,
  prior: Prior,
): Promise<{ rb: readonly ReluEstimate[]; qmc: readonly ReluEstimate[] }> {
  const rb = reluEstimateTable(spec, prior, { method: "rao-blackwell", samples: 8000, seed: 3 }).estimates;
  const qmc = reluEstimateTable(spec, prior, { method: "qmc", samples: 8192, seed: 4 }).estimates;
  const mc = await monteCarloTable(layeredArchitecture(spec), [prior], MC_SAMPLES, 5);
  expect(Math.abs(rb.reduce((s, e) => s + e.p, 0) - 1)).toBeLessThan(1e-6);
  expect(Math.abs(qmc.reduce((s, e) => s + e.p, 0) - 1)).toBeLessThan(1e-6);
  for (let f = 0; f < 16; f++) {
    const row = mc.rows.find((r) => r.function === formatFunction({ n: 2, bits: BigInt(f) }));
    const pm = (row as unknown as Record<string, { p: number }> | undefined)?.[prior.family.kind]?.p ?? 0;
    const sm = Math.sqrt(Math.max(pm * (1 - pm), 1e-6) / MC_SAMPLES);
    expect(Math.abs(rb[f].p - pm)).toBeLessThan(4 * Math.hypot(rb[f].err, sm));
    expect(Math.abs(qmc[f].p - pm)).toBeLessThan(4 * Math.hypot(qmc[f].err, sm));
    expect(Math.abs(qmc[f].p - rb[f].p)).toBeLessThan(4 * Math.hypot(qmc[f].err, rb[f].err));
  }
  return { rb, qmc };
}
