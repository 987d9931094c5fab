import { describe, expect, it } from "vitest";
import { priorFor } from "../../src/arch/architecture.js";
import { monteCarloEstimator } from "../../src/estimators/monteCarloEstimator.js";
import { estimatorByName } from "../../src/estimators/estimatorRegistry.js";
import { ONE, rat } from "../../src/geometry/rational.js";
import { gaussianPrior } from "../../src/measure/gaussianPrior.js";
import { uniformPrior } from "../../src/measure/uniformPrior.js";
import { coneRegion, perceptron } from "./_helpers/estimatorRegions.js";

describe("mc estimator", () => {
  const arch = perceptron(3);
  // σ_b/σ_w = 2 and a_b/a_w = 1/2: the estimator must sample the prior's scales, not unit ones.
  const gaussian = priorFor(arch, gaussianPrior, { weight: ONE, bias: rat(2) });
  const uniform = priorFor(arch, uniformPrior, { weight: ONE, bias: rat(1, 2) });
  // Exact values from the table (measured once per symmetry class), keyed by prior kind.
  const functions: string[] = [];
  const exact: Record<string, number>[] = [];
  arch.exactTable?.({ priors: [gaussian, uniform], all: false, classes: "none" }).forEachRow((r) => {
    functions.push(r.function);
    const row = r as unknown as Record<string, { p: number }>;
    exact.push({ gaussian: row.gaussian.p, uniform: row.uniform.p });
  });

  it("is registered as 'mc'", () => {
    expect(estimatorByName("mc")).toBe(monteCarloEstimator);
  });

  // Per function and prior a two-sided 5σ band (normal approximation; p ≥ 1e-3 here so N·p ≥ 20):
  // false-failure rate ≈ 208 × 5.7e-7 ≈ 1.2e-4 for a random seed; the seeds are fixed.
  it("lies within 5 standard errors of the exact probability for all 104 n = 3 functions, both priors", () => {
    expect(functions).toHaveLength(104);
    const samples = 20_000;
    for (const prior of [gaussian, uniform]) {
      functions.forEach((f, k) => {
        const p = exact[k][prior.family.kind];
        const e = monteCarloEstimator.estimate(coneRegion(arch, f), prior, { directions: samples, seed: 1000 + k });
        const se = Math.sqrt((p * (1 - p)) / samples);
        expect(Math.abs(e.estimate - p), `${prior.family.kind} ${f}`).toBeLessThanOrEqual(5 * se);
        expect(e.evaluations).toBe(samples);
      });
    }
  });

  // 300 intervals on one function: coverage ~ Binomial(300, ≈0.95); the band [0.90, 0.99] fails with
  // probability < 1e-4 (lower tail at 5.0σ, upper P(X ≥ 297) ≈ 4e-5) for a random seed.
  it("has Wilson intervals whose coverage is within a binomial band of 95%", () => {
    const f = "00010111";
    const region = coneRegion(arch, f, [gaussian]);
    const exact = region.exact?.gaussian.p ?? Number.NaN;
    let covered = 0;
    for (let s = 0; s < 300; s++) {
      const e = monteCarloEstimator.estimate(region, gaussian, { directions: 400, seed: s });
      const [lo, hi] = e.ci ?? [Number.NaN, Number.NaN];
      if (lo <= exact && exact <= hi) covered++;
    }
    expect(covered / 300).toBeGreaterThanOrEqual(0.9);
    expect(covered / 300).toBeLessThanOrEqual(0.99);
  });

  it("is reproducible by seed and rejects fewer than 2 samples", () => {
    const region = coneRegion(arch, "00000001", []);
    const a = monteCarloEstimator.estimate(region, gaussian, { directions: 1000, seed: 7 });
    const b = monteCarloEstimator.estimate(region, gaussian, { directions: 1000, seed: 7 });
    expect(a).toEqual(b);
    expect(() => monteCarloEstimator.estimate(region, gaussian, { directions: 1, seed: 7 })).toThrow(/≥ 2/);
  });
});
