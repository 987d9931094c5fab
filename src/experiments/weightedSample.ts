/**
 * A sample of values with integer multiplicities: what a table by class is (each class's row stands
 * for `orbit` functions), and what a bootstrap replicate is (each point drawn `count` times).
 */

/** Paired observations (x_i, y_i), point i standing for `weight[i]` ≥ 0 identical observations. */
export interface WeightedPairs {
  /** First variable (e.g. a complexity measure). */
  readonly x: Float64Array;
  /** Second variable (e.g. log2 P). */
  readonly y: Float64Array;
  /** Multiplicities, non-negative integers; a point of weight 0 takes no part. */
  readonly weight: Float64Array;
}

/**
 * Checks that x, y and weight have one length and the weights are non-negative integers.
 * @throws RangeError otherwise.
 */
export function checkWeightedPairs(s: WeightedPairs): void {
  if (s.x.length !== s.y.length || s.x.length !== s.weight.length)
    throw new RangeError(`weighted pairs: x, y and weight lengths differ (${s.x.length}, ${s.y.length}, ${s.weight.length})`);
  for (const w of s.weight) if (!(Number.isInteger(w) && w >= 0)) throw new RangeError(`weights must be integers ≥ 0, got ${w}`);
}

/** Indices 0 … m−1 sorted by `v` ascending (stable, NaN-free input assumed). */
export function orderBy(v: Float64Array): Int32Array {
  const idx = Int32Array.from({ length: v.length }, (_, i) => i);
  return idx.sort((a, b) => v[a] - v[b] || a - b);
}
