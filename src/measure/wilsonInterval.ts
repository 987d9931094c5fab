/** Wilson score interval for a binomial proportion. */

/** Two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval [lo, hi] for `hits` successes in `trials` trials at normal quantile z
 * (default 95%). Stays inside [0, 1] and behaves well at 0 and `trials` hits.
 * @throws RangeError unless 0 ≤ hits ≤ trials and trials ≥ 1.
 */
export function wilsonInterval(hits: number, trials: number, z = Z95): [number, number] {
  if (!(trials >= 1) || !(hits >= 0) || hits > trials) {
    throw new RangeError(`wilson interval needs 0 ≤ hits ≤ trials, trials ≥ 1; got ${hits}/${trials}`);
  }
  const p = hits / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denom;
  // Rounding can leave the ends a hair inside [0, 1] at 0 or `trials` hits; the interval must
  // still contain p̂ exactly.
  const lo = hits === 0 ? 0 : Math.min(p, Math.max(0, centre - half));
  const hi = hits === trials ? 1 : Math.max(p, Math.min(1, centre + half));
  return [lo, hi];
}
