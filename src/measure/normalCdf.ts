/**
 * The standard normal distribution function in log space, and the ratio φ(z)/Φ(z), accurate to a
 * few ulps relative from z = −1e8 to +38 (tested against mpmath): the moments of a Gaussian
 * truncated to a half-line need both deep in the tail, where 1 − ½erfc loses everything.
 */

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
/** Where the continued fraction (≤ 400 terms at x = 1) takes over from the series, before 1 − Φ cancels. */
const SWITCH = 1;

/**
 * Mills' ratio R(x) = Φ(−x)/φ(x) for x ≥ SWITCH by its continued fraction
 * 1/(x + 1/(x + 2/(x + 3/(x + …)))), evaluated by the modified Lentz method.
 */
function millsRatioTail(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = x + k * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + k / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

/**
 * Φ(x) − ½ = ½·erf(x/√2) for 0 ≤ x < SWITCH by the series of positive terms
 * erf(t) = 2/√π·e^{−t²}·Σ_k 2^k t^{2k+1}/(1·3·…·(2k+1)), which has no cancellation.
 */
function halfErf(x: number): number {
  const t = x / Math.SQRT2;
  const t2 = t * t;
  let term = t;
  let sum = t;
  for (let k = 1; k < 200; k++) {
    term *= (2 * t2) / (2 * k + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return (Math.exp(-t2) * sum) / Math.sqrt(Math.PI);
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
