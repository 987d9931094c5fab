/**
 * The registry of volume estimators: `--estimator NAME`, `validate` and the library look them up
 * here. A new estimator is one file implementing `Estimator` plus one entry in `ESTIMATORS`.
 */
import type { Estimator } from "./estimator.js";
import { gpEpEstimator } from "./gpEpEstimator.js";
import { laplaceEstimator } from "./laplaceEstimator.js";
import { llcEstimator } from "./llcEstimator.js";
import { monteCarloEstimator } from "./monteCarloEstimator.js";
import { randomDirectionEstimator } from "./randomDirectionEstimator.js";

/** Every registered estimator, in printing order. */
const ESTIMATORS: readonly Estimator[] = [
  randomDirectionEstimator,
  monteCarloEstimator,
  gpEpEstimator,
  laplaceEstimator,
  llcEstimator,
];

/** Names of the registered estimators, in printing order. */
export const ESTIMATOR_NAMES: readonly string[] = ESTIMATORS.map((e) => e.name);

/**
 * The estimator registered under `name`.
 * @throws RangeError naming the allowed estimators when `name` is unknown.
 */
export function estimatorByName(name: string): Estimator {
  const found = ESTIMATORS.find((e) => e.name === name);
  if (!found) throw new RangeError(`unknown estimator '${name}'; allowed: ${ESTIMATOR_NAMES.join(", ") || "(none registered)"}`);
  return found;
}
