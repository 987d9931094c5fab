/**
 * Percentile bootstrap intervals over a population of equally weighted atoms (the functions of a
 * table). A replicate draws `atoms` atoms uniformly with replacement, i.e. a multinomial count per
 * atom; the statistics see those counts. A table by class is resampled as its functions: a class
 * is drawn with probability ∝ its orbit, exactly as if every function were a row, because each of
 * its functions is an atom of its own.
 */
import { nextUnit, randomStream, stateOf } from "../measure/randomStream.js";

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
 * Runs B replicates from the seed's xoroshiro128+ stream (randomStream; each draw is
 * ⌊u·atoms⌋ for u on the 2^-53 grid, uniform up to a relative bias below atoms·2^-53) and
 * returns one 95% percentile interval per statistic, or null for a statistic undefined in every
 * replicate. The same replicates serve every statistic, so intervals of several measures are
 * computed from one resampling of the functions. Deterministic for a seed.
 * @param statistics each maps the atoms' counts of one replicate (Float64Array, summing to `atoms`;
 *   the same array refilled for every replicate) and the replicate's index to a value or null.
 * @throws RangeError unless atoms ≥ 1, B ≥ 1 and the seed are integers.
 */
export function bootstrapIntervals(
  atoms: number,
  replicates: number,
  seed: number,
  statistics: readonly ((counts: Float64Array, replicate: number) => number | null)[],
  level = 0.95,
): (BootstrapInterval | null)[] {
  if (!Number.isInteger(atoms) || atoms < 1) throw new RangeError(`bootstrap: need at least one atom, got ${atoms}`);
  if (!Number.isInteger(replicates) || replicates < 1) throw new RangeError(`bootstrap: replicates must be an integer ≥ 1, got ${replicates}`);
  const s = stateOf(randomStream(seed));
  const counts = new Float64Array(atoms);
  const values = statistics.map(() => new Float64Array(replicates));
  const defined = statistics.map(() => 0);
  for (let b = 0; b < replicates; b++) {
    counts.fill(0);
    for (let k = 0; k < atoms; k++) counts[Math.floor(nextUnit(s) * atoms)]++;
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
