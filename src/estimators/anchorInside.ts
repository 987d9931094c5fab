/** The anchor an estimator works from: given, of the right dimension, and inside the region. */
import type { EstimateOptions, EstimatorRegion } from "./estimator.js";

/**
 * `options.anchor`, checked.
 * @throws RangeError when it is missing, has the wrong dimension, or lies outside the region.
 */
export function anchorInside(estimator: string, region: EstimatorRegion, options: EstimateOptions): Float64Array {
  const anchor = options.anchor;
  const d = region.names.length;
  if (anchor === undefined) throw new RangeError(`${estimator} needs an anchor inside the region (options.anchor)`);
  if (anchor.length !== d) throw new RangeError(`${estimator}: the anchor has ${anchor.length} coordinates, the region ${d}`);
  if (!region.contains(anchor)) throw new RangeError(`${estimator}: the anchor is not inside ${region.label}`);
  return anchor;
}
