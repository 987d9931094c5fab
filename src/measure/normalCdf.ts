/**
 * The standard normal distribution function in log space, and the ratio φ(z)/Φ(z), accurate to a
 * few ulps relative from z = −1e8 to +38 (tested against mpmath): the moments of a Gaussian
 * truncated to a half-line need both deep in the tail, where 1 − ½erfc loses everything. Built on
 * erfc.ts's expansions (the erf series and Laplace's continued fraction), not a copy of them.
 */
import { erfBySeries, erfcxByContinuedFraction } from "./erfc.js";

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
/** Where the continued fraction takes over from the series, before 1 − Φ cancels. */
const SWITCH = 1;

/** Mills' ratio R(x) = Φ(−x)/φ(x) = √(π/2)·erfcx(x/√2) for x ≥ SWITCH. */
function millsRatioTail(x: number): number {
  return Math.sqrt(Math.PI / 2) * erfcxByContinuedFraction(x / Math.SQRT2);
}

/** Φ(x) − ½ = ½·erf(x/√2) for 0 ≤ x < SWITCH (the series has no cancellation). */
function halfErf(x: number): number {
  return 0.5 * erfBySeries(x / Math.SQRT2);
}

/** Φ(−x) for x ≥ 0 (the upper tail), with its logarithm for the far tail. */
function upperTail(x: number): { readonly q: number; readonly logQ: number } {
  if (x < SWITCH) {
    const q = 0.5 - halfErf(x);
    return { q, logQ: Math.log(q) };
  }
  const logQ = -0.5 * x * x - LOG_SQRT_2PI + Math.log(millsRatioTail(x));
  return { q: Math.exp(logQ), logQ };
}

/**
 * log Φ(z), natural log.
 * @throws RangeError if z is NaN.
 */
export function logNormalCdf(z: number): number {
  if (Number.isNaN(z)) throw new RangeError("logNormalCdf: z is NaN");
  if (z === Number.POSITIVE_INFINITY) return 0;
  if (z === Number.NEGATIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  return z >= 0 ? Math.log1p(-upperTail(z).q) : upperTail(-z).logQ;
}

/**
 * φ(z)/Φ(z) = E[X | X > −z] for X ~ N(0, 1): the mean shift of a standard normal truncated to
 * (−z, ∞), which tends to −z as z → −∞ and to 0 as z → +∞.
 * @throws RangeError if z is NaN.
 */
export function normalHazard(z: number): number {
  if (Number.isNaN(z)) throw new RangeError("normalHazard: z is NaN");
  if (z === Number.NEGATIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (z <= -SWITCH) return 1 / millsRatioTail(-z);
  const logPhi = -0.5 * z * z - LOG_SQRT_2PI;
  return Math.exp(logPhi - logNormalCdf(z));
}
