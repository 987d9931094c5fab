/**
 * Adam on a region's cost: the `adam` proposal's short run and the trained anchor share it. Each step
 * takes one gradient from the cost's engine (Float64, or float32 through tfjs for a net's cost built
 * with it); the run itself is Float64.
 */
import type { RegionCost } from "./regionCost.js";

/** Adam's settings. */
export interface AdamSettings {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
}

/**
 * Runs up to `steps` Adam steps on `cost` from `theta` (changed in place), stopping early after a
 * step where `stop(theta)` holds.
 * @returns the steps taken and the bias-corrected second-moment estimate ν̂ (θ coordinates).
 */
export function adamSteps(
  cost: RegionCost,
  theta: Float64Array,
  steps: number,
  settings: AdamSettings,
  stop?: (theta: Float64Array) => boolean,
): { steps: number; nu: Float64Array } {
  const D = cost.dimension;
  const m = new Float64Array(D);
  const v = new Float64Array(D);
  const g = new Float64Array(D);
  const { learningRate, beta1, beta2 } = settings;
  let t = 0;
  while (t < steps) {
    t++;
    cost.gradient(theta, g);
    for (let k = 0; k < D; k++) {
      m[k] = beta1 * m[k] + (1 - beta1) * g[k];
      v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
      const mHat = m[k] / (1 - beta1 ** t);
      const vHat = v[k] / (1 - beta2 ** t);
      theta[k] -= (learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
    if (stop?.(theta)) break;
  }
  return { steps: t, nu: v.map((x) => x / (1 - beta2 ** t)) };
}
