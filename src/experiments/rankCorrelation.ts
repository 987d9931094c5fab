/**
 * Rank correlations of weighted pairs, by their exact definitions over the expanded sample (point i
 * repeated weight[i] times): Spearman's ρ as Pearson's correlation of mid-ranks (average ranks for
 * ties), Kendall's τ-b. The weights enter the formulas directly, so a table by class gives the same
 * numbers as its expansion into functions, at the cost of the classes.
 */
import { checkWeightedPairs, orderBy, type WeightedPairs } from "./weightedSample.js";

/**
 * Pairs with their sort orders precomputed, so that statistics of many weightings (bootstrap
 * replicates) of the same points cost no sorting.
 */
export interface RankedPairs extends WeightedPairs {
  /** Point indices by x ascending. */
  readonly byX: Int32Array;
  /** Point indices by y ascending. */
  readonly byY: Int32Array;
  /** Point indices by (x, y) ascending. */
  readonly byXY: Int32Array;
  /** Dense rank of each point's y among the distinct y values (0-based). */
  readonly yLevel: Int32Array;
  /** Number of distinct y values. */
  readonly yLevels: number;
}

/**
 * Precomputes the orders of `s` (its weights may later be replaced with `withWeights`).
 * @throws RangeError for mismatched lengths, bad weights or NaN values.
 */
export function rankPairs(s: WeightedPairs): RankedPairs {
  checkWeightedPairs(s);
  for (let i = 0; i < s.x.length; i++)
    if (Number.isNaN(s.x[i]) || Number.isNaN(s.y[i])) throw new RangeError(`rank correlation: point ${i} is NaN`);
  const byX = orderBy(s.x);
  const byY = orderBy(s.y);
  const byXY = Int32Array.from(byX).sort((a, b) => s.x[a] - s.x[b] || s.y[a] - s.y[b] || a - b);
  const yLevel = new Int32Array(s.x.length);
  let level = -1;
  for (let k = 0; k < byY.length; k++) {
    if (k === 0 || s.y[byY[k]] !== s.y[byY[k - 1]]) level++;
    yLevel[byY[k]] = level;
  }
  return { ...s, byX, byY, byXY, yLevel, yLevels: level + 1 };
}

/** The same points with other weights (same length). */
export function withWeights(r: RankedPairs, weight: Float64Array): RankedPairs {
  if (weight.length !== r.weight.length) throw new RangeError(`withWeights: ${weight.length} weights for ${r.weight.length} points`);
  return { ...r, weight };
}

/** Mid-ranks (1-based, ties averaged) of the expanded sample, per point, along `order`. */
function midRanks(v: Float64Array, w: Float64Array, order: Int32Array): Float64Array {
  const rank = new Float64Array(v.length);
  let before = 0;
  for (let k = 0; k < order.length; ) {
    let end = k;
    let group = 0;
    while (end < order.length && v[order[end]] === v[order[k]]) group += w[order[end++]];
    // Ranks before+1 … before+group average to before + (group+1)/2.
    for (let j = k; j < end; j++) rank[order[j]] = before + (group + 1) / 2;
    before += group;
    k = end;
  }
  return rank;
}

/**
 * Spearman's ρ of the expanded sample: Pearson's correlation of mid-ranks, which is the exact
 * tie-corrected ρ. Dimensionless, in [−1, 1].
 * @returns null when fewer than two observations or either variable is constant (ρ undefined).
 */
export function spearman(r: RankedPairs): number | null {
  const w = r.weight;
  let total = 0;
  for (const x of w) total += x;
  if (total < 2) return null;
  const rx = midRanks(r.x, w, r.byX);
  const ry = midRanks(r.y, w, r.byY);
  // Mid-ranks of a sample of size W always average (W + 1)/2.
  const mean = (total + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue;
    const dx = rx[i] - mean;
    const dy = ry[i] - mean;
    sxy += w[i] * dx * dy;
    sxx += w[i] * dx * dx;
    syy += w[i] * dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Σ over groups of equal values of G(G−1)/2: pairs tied in that variable. */
function tiedPairs(v: Float64Array, w: Float64Array, order: Int32Array): number {
  let tied = 0;
  for (let k = 0; k < order.length; ) {
    let group = 0;
    const value = v[order[k]];
    while (k < order.length && v[order[k]] === value) group += w[order[k++]];
    tied += (group * (group - 1)) / 2;
  }
  return tied;
}

/**
 * Kendall's τ-b of the expanded sample: (C − D)/√((n0 − n1)(n0 − n2)), n0 = W(W−1)/2 pairs, n1 and
 * n2 the pairs tied in x and in y. C − D is counted in O(m log m) over the m points: along x, each
 * point against all points of smaller x, by a Fenwick tree of weights over y levels. The counts are
 * integers below 2^53 for W < 9·10^7 observations, so they are exact; only the final division rounds.
 * @returns null when fewer than two observations or either variable is constant (τ-b undefined).
 */
export function kendallTauB(r: RankedPairs): number | null {
  const w = r.weight;
  let total = 0;
  for (const x of w) total += x;
  if (total < 2) return null;
  const tree = new Float64Array(r.yLevels + 1);
  const add = (level: number, value: number) => {
    for (let i = level + 1; i <= r.yLevels; i += i & -i) tree[i] += value;
  };
  // Weight of the inserted points with y level < level.
  const below = (level: number) => {
    let s = 0;
    for (let i = level; i > 0; i -= i & -i) s += tree[i];
    return s;
  };
  let inserted = 0;
  let s = 0;
  const order = r.byXY;
  for (let k = 0; k < order.length; ) {
    let end = k;
    while (end < order.length && r.x[order[end]] === r.x[order[k]]) end++;
    for (let j = k; j < end; j++) {
      const i = order[j];
      if (w[i] === 0) continue;
      const less = below(r.yLevel[i]);
      const notGreater = below(r.yLevel[i] + 1);
      s += w[i] * (less - (inserted - notGreater));
    }
    // A group of equal x joins the tree after it is compared: ties in x are neither C nor D.
    for (let j = k; j < end; j++) {
      add(r.yLevel[order[j]], w[order[j]]);
      inserted += w[order[j]];
    }
    k = end;
  }
  const n0 = (total * (total - 1)) / 2;
  const n1 = tiedPairs(r.x, w, r.byX);
  const n2 = tiedPairs(r.y, w, r.byY);
  if (n0 === n1 || n0 === n2) return null;
  return s / Math.sqrt((n0 - n1) * (n0 - n2));
}
