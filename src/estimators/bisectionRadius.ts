/**
 * The distance from an interior point to a region's boundary along a ray, from membership alone:
 * bracketing (doubling from t = 1) and bisection on the radius to a relative tolerance. Exact for
 * convex regions up to the tolerance; for others the bracketing can step over an excursion outside,
 * so the answer is a crossing, not necessarily the first.
 */

/** Default relative tolerance of the radius. */
export const BISECTION_TOLERANCE = 1e-10;
/** Doublings after which a ray is taken to stay inside for ever. */
const MAX_DOUBLINGS = 200;

/**
 * A crossing t of the region's boundary along θ + t·u, with |t − t_true| ≤ tolerance·t_true/2 where
 * membership changes once (midpoint of the final bracket); Infinity when θ + 2^200·u is still
 * inside; 0 when θ is outside. Each step is one membership test.
 * @throws RangeError unless 0 < tolerance < 1.
 */
export function bisectionRadius(
  contains: (theta: Float64Array) => boolean,
  theta: Float64Array,
  u: Float64Array,
  tolerance = BISECTION_TOLERANCE,
): number {
  if (!(tolerance > 0 && tolerance < 1)) throw new RangeError(`the radius tolerance must be in (0, 1), got ${tolerance}`);
  if (!contains(theta)) return 0;
  const D = theta.length;
  const probe = new Float64Array(D);
  const insideAt = (t: number) => {
    for (let k = 0; k < D; k++) probe[k] = theta[k] + t * u[k];
    return contains(probe);
  };
  let lo = 0;
  let hi = 1;
  for (let doublings = 0; insideAt(hi); doublings++) {
    if (doublings >= MAX_DOUBLINGS) return Number.POSITIVE_INFINITY;
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > tolerance * hi) {
    const mid = 0.5 * (lo + hi);
    if (insideAt(mid)) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
