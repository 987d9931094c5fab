/**
 * `laplace`: the Laplace / Hessian-spectrum approximation of a behavioural region's probability.
 * Near the anchor θ* (the cost's minimum, cost 0) the cost is ½ δᵀHδ, so {cost ≤ ε} is the
 * ellipsoid δᵀHδ ≤ 2ε with volume V_D (2ε)^{D/2} / √det H, V_D = π^{D/2}/Γ(D/2 + 1), and the
 * prior mass is that volume times the prior density at θ*. log det H comes from H's symmetric
 * eigenvalues (mathjs); eigenvalues below max(1e-9, a)·λ_max, a the Hessian's stated relative
 * accuracy (1e-4 for the float32 tfjs engine, whose smaller eigenvalues are rounding noise), are flat
 * directions, where the quadratic model says the region is unbounded: they are floored there and
 * counted, since the estimate then reflects the floor, not the region.
 */
import { logUnitBallVolume } from "../measure/unitBallVolume.js";
import { behaviouralInputs } from "./behaviouralInputs.js";
import { costHessian } from "./costHessian.js";
import type { Estimator } from "./estimator.js";
import { priorLogDensity } from "./priorLogDensity.js";
import { symmetricEigenvalues } from "./symmetricEigen.js";

/** Eigenvalues below this fraction of the largest count as flat. */
export const FLAT_EIGENVALUE = 1e-9;

/** Laplace approximation: prior density at the anchor × the volume of the Hessian's ellipsoid. */
export const laplaceEstimator: Estimator = {
  name: "laplace",
  summary: "Laplace / Hessian spectrum: prior density at the anchor × ellipsoid volume V_D (2ε)^{D/2}/√det H of the cost's Hessian (behavioural regions)",
  estimate(region, prior, options) {
    const { sublevel, anchor } = behaviouralInputs("laplace", region, options);
    const eps = sublevel.epsilon;
    const d = anchor.length;
    const hessian = costHessian(sublevel, anchor);
    const values = symmetricEigenvalues(hessian.matrix, d);
    const largest = values[d - 1];
    if (!(largest > 0)) throw new RangeError("laplace: the cost's Hessian at the anchor has no positive eigenvalue (the anchor is not a minimum)");
    const floor = Math.max(FLAT_EIGENVALUE, hessian.relativeAccuracy) * largest;
    const flat = values.filter((v) => v < floor).length;
    const logDet = values.reduce((s, v) => s + Math.log(Math.max(v, floor)), 0);
    const logVolume = logUnitBallVolume(d) + (d / 2) * Math.log(2 * eps) - logDet / 2;
    const logEstimate = logVolume + priorLogDensity(prior, anchor);
    return {
      estimator: "laplace",
      estimate: Math.exp(logEstimate),
      directions: 0,
      evaluations: hessian.evaluations,
      details: {
        logEstimate,
        logVolume,
        logDetHessian: logDet,
        eigenvalues: values,
        flatDirections: flat,
        hessian: hessian.method,
        ...(hessian.derivatives === undefined ? {} : { derivatives: hessian.derivatives }),
        epsilon: eps,
      },
    };
  },
};
