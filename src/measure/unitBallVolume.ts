/** The volume of the unit ball, in log space so that it stays finite for any dimension. */
import { logGamma } from "./logGamma.js";

/**
 * ln V_d, V_d = π^{d/2}/Γ(d/2 + 1) the volume of the unit ball in R^d (ln Γ from logGamma.ts,
 * checked against mpmath).
 * @throws RangeError if d is not a positive integer.
 */
export function logUnitBallVolume(d: number): number {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`logUnitBallVolume: d must be a positive integer, got ${d}`);
  return (d / 2) * Math.log(Math.PI) - logGamma(d / 2 + 1);
}
