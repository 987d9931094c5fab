import { describe, expect, it } from "vitest";
import { priorFor } from "../../src/arch/architecture.js";
import { costHessian } from "../../src/estimators/costHessian.js";
import { laplaceEstimator } from "../../src/estimators/laplaceEstimator.js";
import { logUnitBallVolume } from "../../src/measure/unitBallVolume.js";
import { sublevelVolumes } from "../../src/estimators/sublevelVolumes.js";
import { ONE } from "../../src/geometry/rational.js";
import { gaussianPrior } from "../../src/measure/gaussianPrior.js";
import { uniformPrior } from "../../src/measure/uniformPrior.js";
import { coneRegion, perceptron, perceptronKlRegion, quadraticRegion } from "./_helpers/estimatorRegions.js";

const arch = perceptron(3);
const gaussian = priorFor(arch, gaussianPrior, { weight: ONE, bias: ONE });
const anchor = Float64Array.of(1, 2, -1, -1);

describe("laplace estimator", () => {
  it("is exact for a quadratic cost: the ellipsoid's volume times the prior density", () => {
    const m = Float64Array.of(3, 1, 0, 0, 1, 2, 0.5, 0, 0, 0.5, 1, 0, 0, 0, 0, 4);
    // det M = 4·det[[3,1,0],[1,2,.5],[0,.5,1]] = 4·(3·1.75 − 1·1) = 17.
    const det = 17;
    const region = quadraticRegion(m, anchor, 0.01);
    const e = laplaceEstimator.estimate(region, gaussian, { directions: 2, seed: 0, anchor });
    const logVolume = logUnitBallVolume(4) + 2 * Math.log(0.02) - 0.5 * Math.log(det);
    const d = e.details as { logVolume: number; hessian: string; flatDirections: number };
    expect(d.logVolume).toBeCloseTo(logVolume, 6);
    expect(d.hessian).toMatch(/central differences/);
    expect(d.flatDirections).toBe(0);
    const logDensity = anchor.reduce((s, x) => s - 0.5 * x * x - 0.5 * Math.log(2 * Math.PI), 0);
    expect(Math.log(e.estimate)).toBeCloseTo(logVolume + logDensity, 6);
    // Under a uniform box the density is 1/2^4 inside [−2, 2]^4 (half-widths 2).
    const box = priorFor(arch, uniformPrior, { weight: ONE, bias: ONE });
    const wide = { ...box, scales: box.scales.map(() => ({ num: 2n, den: 1n })) };
    expect(Math.log(laplaceEstimator.estimate(region, wide, { directions: 2, seed: 0, anchor }).estimate)).toBeCloseTo(logVolume - 4 * Math.log(4), 6);
  });

  it("differences the cost to the closed-form Hessian of a sigmoid perceptron's KL cost (relative 1e-6)", () => {
    const region = perceptronKlRegion(arch, anchor, 0.01);
    const sub = region.sublevel;
    if (sub?.hessian === undefined) throw new Error("no Hessian");
    const closed = sub.hessian(anchor);
    const fd = costHessian({ epsilon: sub.epsilon, cost: sub.cost }, anchor).matrix;
    const scale = Math.max(...closed.map(Math.abs));
    for (let e = 0; e < 16; e++) expect(Math.abs(fd[e] - closed[e])).toBeLessThan(1e-6 * scale);
  });

  // The KL region is not an ellipsoid; Laplace is its small-ε limit. Radial volumes with 3000 directions
  // have a standard error of ~2.6% in log V (stated by sublevelVolumes); the test allows 5 of them plus
  // the measured Laplace bias (< 0.02 in log V for ε ≤ 1e-2 here). False-failure rate < 1e-6.
  it("matches the radially measured volume of a perceptron's KL region as ε → 0", () => {
    for (const eps of [1e-2, 1e-3, 1e-4]) {
      const region = perceptronKlRegion(arch, anchor, eps);
      const e = laplaceEstimator.estimate(region, gaussian, { directions: 2, seed: 0, anchor });
      expect((e.details as { hessian: string }).hessian).toBe("closed form");
      const radial = sublevelVolumes(region.sublevel ?? { epsilon: eps, cost: () => 0 }, anchor, [eps], 3000, 17);
      const gap = Math.abs((e.details as { logVolume: number }).logVolume - radial.logVolumes[0]);
      expect(gap, `ε = ${eps}`).toBeLessThan(5 * radial.logStandardErrors[0] + 0.02);
    }
  });

  it("rejects regions without a cost, a missing anchor and an anchor outside the region", () => {
    const region = perceptronKlRegion(arch, anchor, 0.01);
    expect(() => laplaceEstimator.estimate(coneRegion(arch, "00010111"), gaussian, { directions: 2, seed: 0, anchor })).toThrow(/needs a behavioural region/);
    expect(() => laplaceEstimator.estimate(region, gaussian, { directions: 2, seed: 0 })).toThrow(/needs an anchor/);
    expect(() => laplaceEstimator.estimate(region, gaussian, { directions: 2, seed: 0, anchor: Float64Array.of(0, 0, 0, 5) })).toThrow(/not inside/);
    const flat = quadraticRegion(Float64Array.of(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1), anchor, 0);
    expect(() => laplaceEstimator.estimate(flat, gaussian, { directions: 2, seed: 0, anchor })).toThrow(/ε must be > 0/);
  });
});
