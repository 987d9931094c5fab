/**
 * What the behavioural-region estimators (laplace, llc) need from a region and options: its cost
 * with a cutoff ε > 0, and an anchor of the right dimension inside the region.
 */
import type { EstimateOptions, EstimatorRegion, SublevelCost } from "./estimator.js";

/**
 * The region's sublevel cost and `options.anchor`, checked.
 * @throws RangeError when the region has no cost, ε ≤ 0, or the anchor is missing, has the wrong
 *   dimension or lies outside the region.
 */
export function behaviouralInputs(
  estimator: string,
  region: EstimatorRegion,
  options: EstimateOptions,
): { readonly sublevel: SublevelCost; readonly anchor: Float64Array } {
  const sublevel = region.sublevel;
  if (sublevel === undefined)
    throw new RangeError(`${estimator} needs a behavioural region {θ : cost(θ) ≤ ε} with its cost; '${region.label}' has none`);
  if (!(sublevel.epsilon > 0)) throw new RangeError(`${estimator}: ε must be > 0, got ${sublevel.epsilon}`);
  const anchor = options.anchor;
  const d = region.names.length;
  if (anchor === undefined) throw new RangeError(`${estimator} needs an anchor inside the region (options.anchor)`);
  if (anchor.length !== d) throw new RangeError(`${estimator}: the anchor has ${anchor.length} coordinates, the region ${d}`);
  if (!region.contains(anchor)) throw new RangeError(`${estimator}: the anchor is not inside ${region.label}`);
  return { sublevel, anchor };
}
