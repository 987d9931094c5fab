/**
 * Splitting a run into shards: contiguous ranges of its items (classes or sample chunks) whose
 * predicted costs are as equal as the items allow, decided from the items alone so that every shard
 * computes the same split.
 */
import { triangulateCone } from "../geometry/triangulate.js";
import type { TableClass } from "./architecture.js";

/** A range [start, end) of items. */
export interface ItemSpan {
  readonly start: number;
  readonly end: number;
}

/** How `classCost` predicts, for manifests and documentation. */
export const CLASS_COST_MODEL = "simplices in the cone's triangulation by its extreme rays";

/**
 * Predicted cost of measuring a class: the number of simplicial cones its cone triangulates into
 * (each is integrated separately under the Gaussian prior and its volume summed under the uniform
 * one), or its facet count for a cone that has no triangulation by rays. Facet counts alone predict
 * badly (n = 6 signed: shards of equal facet sums cost 0.4× to 2× the mean); triangulating costs
 * about 2% of measuring.
 */
export function classCost(c: TableClass): number {
  try {
    return Math.max(1, triangulateCone(c.rows).simplices.length);
  } catch {
    return Math.max(1, c.rows.length);
  }
}

/**
 * Shard `index` (1 … count) of items with these costs: contiguous ranges, item k going to the shard
 * whose share of the total cost holds the middle of item k's cost, each shard given at least one item.
 * @throws RangeError if index or count is out of range or count exceeds the items.
 */
export function balancedRange(costs: readonly number[], index: number, count: number): ItemSpan {
  const n = costs.length;
  if (!Number.isSafeInteger(count) || count < 1 || count > n)
    throw new RangeError(`cannot split ${n} items into ${count} shards; allowed: 1 to ${n}`);
  if (!Number.isSafeInteger(index) || index < 1 || index > count)
    throw new RangeError(`shard ${index} of ${count} does not exist; allowed: 1 to ${count}`);
  const total = costs.reduce((s, c) => s + c, 0);
  // bounds[j] = first item of shard j + 1 (0-based j), before clamping.
  const bounds = new Array<number>(count + 1).fill(0);
  let before = 0;
  let j = 1;
  for (let k = 0; k < n; k++) {
    const middle = before + costs[k] / 2;
    while (j < count && middle >= (j * total) / count) bounds[j++] = k;
    before += costs[k];
  }
  while (j < count) bounds[j++] = n;
  bounds[count] = n;
  // Every shard keeps at least one item: push starts right, then left.
  for (let s = 1; s < count; s++) bounds[s] = Math.max(bounds[s], bounds[s - 1] + 1);
  for (let s = count - 1; s >= 1; s--) bounds[s] = Math.min(bounds[s], bounds[s + 1] - 1);
  return { start: bounds[index - 1], end: bounds[index] };
}
