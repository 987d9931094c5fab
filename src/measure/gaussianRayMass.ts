/**
 * The random-direction estimator's per-direction probability under a standard Gaussian in R^D:
 * for an anchor z* and a unit direction w with a = ⟨z*, w⟩ and q = |z*|² − a² (the squared distance
 * of the ray's line from the origin),
 *
 *   p̂ = D·V_D·(2π)^{−D/2} ∫₀^r t^{D−1} exp(−((t + a)² + q)/2) dt,   D·V_D = 2π^{D/2}/Γ(D/2),
 *
 * the Gaussian mass of the segment [z*, z* + r·w] seen from z* in polar coordinates. Averaged over
 * uniform w it is the Gaussian probability of the (star-shaped part of the) region exactly. With the
 * anchor at the origin (a = q = 0) it is P(D/2, r²/2), the regularised incomplete gamma function;
 * otherwise it is a non-central integral, computed by the fastest of three methods whose error bound
 * holds (see _internals/radialIntegrals.ts): a Taylor series for short rays, for D ≤ 31 the closed
 * form in erfc and exponentials, else Gauss–Legendre quadrature of the log-concave integrand.
 *
 * Accuracy: relative error of p̂ ≤ 1e-12 for D ≤ 100 and ≤ 2e-11 up to D = 10^4 (ln Γ(D/2) is
 * itself ~1e4 there), checked against mpmath's 40-digit quadrature in
 * test/measure/specialFunctions.test.ts and, method by method, test/measure/_internals/
 * radialIntegrals.test.ts; everything is in log space, so p̂ far below the smallest double is still
 * returned as its logarithm.
 */
import { logGammaP } from "./incompleteGamma.js";
import { logGamma } from "./logGamma.js";
import { closedFormLogJ, quadratureLogJ, taylorLogJ } from "./_internals/radialIntegrals.js";

/** Largest k = D − 1 for which the closed form is tried (its binomial sum cancels more as k grows). */
const MAX_CLOSED_FORM_K = 30;

/** A prepared evaluator of ln p̂ for one dimension D (holds its constants). */
export interface GaussianRayMass {
  /** The dimension D. */
  readonly dimension: number;
  /**
   * ln p̂ for a = ⟨z*, w⟩, q = |z*|² − a² (clamped at 0) and radius r ≥ 0 (Infinity allowed):
   * −Infinity for r = 0.
   */
  logMass(a: number, q: number, r: number): number;
}

/**
 * The evaluator of ln p̂ in R^D.
 * @throws RangeError unless D is an integer ≥ 1.
 */
export function gaussianRayMass(D: number): GaussianRayMass {
  if (!Number.isInteger(D) || D < 1) throw new RangeError(`gaussianRayMass: D must be an integer ≥ 1, got ${D}`);
  const k = D - 1;
  // ln(D·V_D·(2π)^{−D/2}) = (1 − D/2) ln 2 − ln Γ(D/2).
  const logConst = (1 - D / 2) * Math.LN2 - logGamma(D / 2);
  const closed = k <= MAX_CLOSED_FORM_K;
  const binomial = new Float64Array(k + 1);
  binomial[0] = 1;
  for (let j = 1; j <= k; j++) binomial[j] = (binomial[j - 1] * (k - j + 1)) / j;
  const powers = new Float64Array(k + 1);
  return {
    dimension: D,
    logMass(a, q, r) {
      if (!(r > 0)) return Number.NEGATIVE_INFINITY;
      const perp = q > 0 ? q : 0;
      if (a === 0 && perp === 0 && Number.isFinite(r)) return logGammaP(D / 2, (r * r) / 2);
      let logJ = Number.NaN;
      if (closed) {
        logJ = taylorLogJ(k, a, r);
        if (Number.isNaN(logJ)) logJ = closedFormLogJ(k, a, r, binomial, powers);
      }
      if (Number.isNaN(logJ)) logJ = quadratureLogJ(k, a, r);
      return logConst - 0.5 * perp + logJ;
    },
  };
}
