/**
 * Percentile bootstrap intervals over a population of equally weighted atoms (the functions of a
 * table), grouped into cells (a cell of weight w stands for w atoms with the same data). A
 * replicate draws as many atoms as there are, uniformly with replacement; what the statistics see
 * is how many draws fell in each cell, a multinomial count with probabilities ∝ the weights, which
 * is drawn directly (multinomialDraw). So a table by class is resampled exactly as its expansion
 * into functions would be, at the cost of its cells.
 */
import { randomStream } from "../measure/randomStream.js";
import { multinomialDraw } from "./multinomialDraw.js";

/** Default number of bootstrap replicates. */
export const DEFAULT_BOOTSTRAP = 200;

/** A two-sided percentile interval. */
export interface BootstrapInterval {
  /** Coverage, 0.95. */
  readonly level: number;
  /** The (1 − level)/2 quantile of the replicates (type-7 linear interpolation). */
  readonly low: number;
  /** The (1 + level)/2 quantile. */
  readonly high: number;
  /** Replicates where the statistic was defined (the others are left out). */
  readonly replicates: number;
}

/** The q-quantile of sorted values, type 7 (linear between order statistics). */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Runs B replicates from the seed's xoroshiro128+ stream (randomStream) and returns one 95%
 * percentile interval per statistic, or null for a statistic undefined in every replicate. The same
 * replicates serve every statistic. Deterministic for a seed.
 * @param cells the cells' weights (atoms per cell, integers), or a number of atoms each its own cell.
 * @param statistics each maps the cells' counts of one replicate (Float64Array, summing to the
 *   number of atoms; the same array refilled for every replicate) and the replicate's index to a
 *   value or null.
 * @throws RangeError unless there is at least one atom, B ≥ 1 and the seed are integers, and the
 *   weights are integers ≥ 0.
 */
export function bootstrapIntervals(
  cells: number | ArrayLike<number>,
  replicates: number,
  seed: number,
  statistics: readonly ((counts: Float64Array, replicate: number) => number | null)[],
  level = 0.95,
): (BootstrapInterval | null)[] {
  const weights = typeof cells === "number" ? new Float64Array(Math.max(0, cells)).fill(1) : cells;
  let atoms = 0;
  for (let i = 0; i < weights.length; i++) {
    if (!(Number.isInteger(weights[i]) && weights[i] >= 0)) throw new RangeError(`bootstrap: cell ${i} has weight ${weights[i]}, must be an integer ≥ 0`);
    atoms += weights[i];
  }
  if (!Number.isInteger(atoms) || atoms < 1) throw new RangeError(`bootstrap: need at least one atom, got ${typeof cells === "number" ? cells : atoms}`);
  if (!Number.isInteger(replicates) || replicates < 1) throw new RangeError(`bootstrap: replicates must be an integer ≥ 1, got ${replicates}`);
  const rng = randomStream(seed);
  const counts = new Float64Array(weights.length);
  const values = statistics.map(() => new Float64Array(replicates));
  const defined = statistics.map(() => 0);
  for (let b = 0; b < replicates; b++) {
    multinomialDraw(rng, atoms, weights, counts);
    statistics.forEach((stat, j) => {
      const v = stat(counts, b);
      if (v !== null && Number.isFinite(v)) values[j][defined[j]++] = v;
    });
  }
  return values.map((v, j) => {
    if (defined[j] === 0) return null;
    const sorted = v.subarray(0, defined[j]).sort();
    return { level, low: quantile(sorted, (1 - level) / 2), high: quantile(sorted, (1 + level) / 2), replicates: defined[j] };
  });
}
