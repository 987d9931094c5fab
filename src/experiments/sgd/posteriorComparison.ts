/**
 * P_SGD(f | S) against P_B(f | S): one row per function either puts mass on, with the SGD
 * frequency's 95% Wilson interval; Pearson's correlation of log10 P over functions both see,
 * Spearman's ρ over all rows; the total-variation distance and what sampling alone would give
 * (TV between P_B and the frequencies of R draws from P_B, over seeded replicates).
 */
import { functionName } from "../../boolean/names.js";
import { formatFunction } from "../../boolean/truthTable.js";
import type { ConeMeasure } from "../../measure/prior.js";
import { nextUnit, randomStream, stateOf } from "../../measure/randomStream.js";
import { wilsonInterval } from "../../measure/wilsonInterval.js";
import { rankPairs, spearman } from "../rankCorrelation.js";
import type { BayesPosterior, PosteriorProbability } from "./bayesPosterior.js";
import type { TrainedFunctions } from "./trainNetworks.js";

/** Default replicates of the sampling-only TV distance. */
export const DEFAULT_NULL_REPLICATES = 200;

/** One function's row. Field names are a public interface (JSON output). */
export interface ComparisonRow {
  readonly function: string;
  readonly name?: string;
  /** Fitted networks that found it, their fraction P_SGD(f | S) and its 95% Wilson interval. */
  readonly sgd: { readonly count: number; readonly p: number; readonly ci: [number, number] };
  /** P_B(f | S) (p 0 where P(f) has no entry: never seen by a Monte Carlo P(f)). */
  readonly bayes: PosteriorProbability;
  /** P(f) as its method gave it (absent where unseen). */
  readonly prior?: ConeMeasure & Readonly<Record<string, unknown>>;
}

/** The comparison. */
export interface PosteriorComparison {
  /** By P_B descending, then P_SGD descending, then truth table. */
  readonly rows: readonly ComparisonRow[];
  /** Pearson's r of (log10 P_B, log10 P_SGD) over rows where both are > 0, and how many. */
  readonly correlation: { readonly pearsonLog10: number | null; readonly spearman: number | null; readonly functionsBoth: number };
  /** ½ Σ |P_SGD − P_B| over all rows. */
  readonly totalVariation: number;
  /** TV of R draws from P_B against P_B (R = fitted networks): mean and 95th percentile over replicates. */
  readonly samplingTotalVariation: { readonly mean: number; readonly q95: number; readonly replicates: number; readonly seed: number } | null;
  /** Posterior mass on functions SGD never found, and SGD's fraction on functions with P_B = 0. */
  readonly bayesMassUnfound: number;
  readonly sgdMassOutsideBayes: number;
}

/** Pearson's correlation, null when undefined (fewer than two points or a constant variable). */
function pearson(x: readonly number[], y: readonly number[]): number | null {
  const m = x.length;
  if (m < 2) return null;
  const mx = x.reduce((s, v) => s + v, 0) / m;
  const my = y.reduce((s, v) => s + v, 0) / m;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < m; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/**
 * TV(P_B, frequencies of `draws` draws from P_B) for `replicates` replicates from the seed's stream
 * (inverse-CDF draws, u on the 2^-53 grid).
 */
function samplingTv(p: Float64Array, draws: number, replicates: number, seed: number) {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  p.forEach((v, i) => (cdf[i] = acc += v));
  const s = stateOf(randomStream(seed));
  const counts = new Float64Array(p.length);
  const tvs = new Float64Array(replicates);
  for (let b = 0; b < replicates; b++) {
    counts.fill(0);
    for (let k = 0; k < draws; k++) {
      const u = nextUnit(s) * acc;
      let lo = 0;
      let hi = p.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cdf[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]++;
    }
    let tv = 0;
    for (let i = 0; i < p.length; i++) tv += Math.abs(counts[i] / draws - p[i] / acc);
    tvs[b] = tv / 2;
  }
  tvs.sort();
  return { mean: tvs.reduce((a, v) => a + v, 0) / replicates, q95: tvs[Math.min(replicates - 1, Math.ceil(0.95 * replicates) - 1)], replicates, seed };
}

/**
 * Compares the functions trained networks found with the posterior.
 * @throws RangeError for a non-positive replicate count.
 */
export function comparePosterior(
  n: number,
  trained: TrainedFunctions,
  posterior: BayesPosterior,
  options: { readonly seed: number; readonly replicates?: number },
): PosteriorComparison {
  const replicates = options.replicates ?? DEFAULT_NULL_REPLICATES;
  if (!Number.isInteger(replicates) || replicates < 1) throw new RangeError(`replicates must be an integer ≥ 1, got ${replicates}`);
  const keys = new Set<bigint>([...posterior.functions.keys(), ...trained.counts.keys()]);
  const R = trained.fitted;
  const rows: ComparisonRow[] = [];
  for (const bits of keys) {
    const count = trained.counts.get(bits) ?? 0;
    const f = { n, bits };
    const name = functionName(f);
    const b = posterior.functions.get(bits);
    rows.push({
      function: formatFunction(f),
      ...(name === undefined ? {} : { name }),
      sgd: { count, p: R > 0 ? count / R : 0, ci: R > 0 ? wilsonInterval(count, R) : [0, 1] },
      bayes: b?.posterior ?? { p: 0 },
      ...(b ? { prior: b.prior } : {}),
    });
  }
  rows.sort((a, b) => b.bayes.p - a.bayes.p || b.sgd.p - a.sgd.p || (a.function < b.function ? -1 : a.function > b.function ? 1 : 0));
  const both = rows.filter((r) => r.bayes.p > 0 && r.sgd.p > 0);
  const ranked = rankPairs({
    x: Float64Array.from(rows, (r) => r.bayes.p),
    y: Float64Array.from(rows, (r) => r.sgd.p),
    weight: new Float64Array(rows.length).fill(1),
  });
  let tv = 0;
  let unfound = 0;
  let outside = 0;
  for (const r of rows) {
    tv += Math.abs(r.sgd.p - r.bayes.p);
    if (r.sgd.count === 0) unfound += r.bayes.p;
    if (r.bayes.p === 0) outside += r.sgd.p;
  }
  const bayesP = Float64Array.from(rows.filter((r) => r.bayes.p > 0), (r) => r.bayes.p);
  return {
    rows,
    correlation: {
      pearsonLog10: pearson(both.map((r) => Math.log10(r.bayes.p)), both.map((r) => Math.log10(r.sgd.p))),
      spearman: R > 0 ? spearman(ranked) : null,
      functionsBoth: both.length,
    },
    totalVariation: tv / 2,
    samplingTotalVariation: R > 0 ? samplingTv(bayesP, R, replicates, options.seed) : null,
    bayesMassUnfound: unfound,
    sgdMassOutsideBayes: outside,
  };
}
