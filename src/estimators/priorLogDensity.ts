/** The prior's log density at a point, for estimators that turn a Lebesgue volume into a probability. */
import { toNumber } from "../geometry/rational.js";
import type { Prior } from "../measure/prior.js";

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * log p(θ) (natural log, density with respect to Lebesgue measure on R^D): Gaussian
 * Σ_k [−θ_k²/(2σ_k²) − log σ_k − ½ log 2π]; uniform −Σ_k log(2h_k) inside the box, −∞ outside.
 * @throws RangeError for a family without a density here, or θ of the wrong length.
 */
export function priorLogDensity(prior: Prior, theta: Float64Array): number {
  if (theta.length !== prior.scales.length)
    throw new RangeError(`prior density: θ has ${theta.length} coordinates, the prior ${prior.scales.length}`);
  const kind = prior.family.kind;
  let sum = 0;
  for (let k = 0; k < theta.length; k++) {
    const s = toNumber(prior.scales[k]);
    if (kind === "gaussian") sum += -0.5 * (theta[k] / s) ** 2 - Math.log(s) - LOG_SQRT_2PI;
    else if (kind === "uniform") {
      if (Math.abs(theta[k]) > s) return Number.NEGATIVE_INFINITY;
      sum -= Math.log(2 * s);
    } else throw new RangeError(`no density for the ${kind} prior; allowed: gaussian, uniform`);
  }
  return sum;
}
