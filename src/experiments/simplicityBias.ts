/**
 * The simplicity-bias analyses of one exact table: for each complexity measure K, the rank
 * correlations of K with log2 P(f) (with bootstrap intervals) and the upper-bound fit; the
 * rank–probability data; entropy bias P(T = t); and, for a perceptron without bias on binary
 * inputs, the anti-entropy check.
 */
import type { Architecture } from "../arch/architecture.js";
import type { ComplexityMeasureName } from "../arch/complexityOfFunction.js";
import type { Prior } from "../measure/prior.js";
import { type AntiEntropyCheck, antiEntropyApplies, antiEntropyCheck } from "./antiEntropyCheck.js";
import { type BootstrapInterval, bootstrapIntervals, DEFAULT_BOOTSTRAP } from "./bootstrapInterval.js";
import { type EntropyBiasEntry, entropyBias } from "./entropyBias.js";
import type { FunctionPopulation } from "./functionPopulation.js";
import { type MeasurePoints, measurePoints } from "./measurePoints.js";
import { kendallTauB, type RankedPairs, rankPairs, spearman, withWeights } from "./rankCorrelation.js";
import { type RankProbabilityEntry, rankProbability } from "./rankProbability.js";
import { type UpperBoundFit, upperBoundFit } from "./upperBoundFit.js";

/** Options of simplicityBias. */
export interface SimplicityBiasOptions {
  /** Measures to analyse, in output order. */
  readonly measures: readonly ComplexityMeasureName[];
  /** Bootstrap replicates (default DEFAULT_BOOTSTRAP). */
  readonly bootstrap?: number;
  /** Seed of the bootstrap stream (default 1). */
  readonly seed?: number;
  /** Called before each measure is computed. */
  readonly onProgress?: (label: string, done: number, total: number) => void;
  /** The measures' points, when already computed (populationPoints); else computed here. */
  readonly points?: Readonly<Record<string, MeasurePoints>>;
}

/** A statistic and its bootstrap interval (null where undefined). */
export interface StatisticWithInterval {
  readonly value: number | null;
  readonly ci: BootstrapInterval | null;
}

/** One measure under one prior. */
export interface MeasureAnalysis {
  /** Spearman's ρ between K and log2 P over all functions with a value of K. */
  readonly spearman: StatisticWithInterval;
  /** Kendall's τ-b between K and log2 P. */
  readonly kendall: StatisticWithInterval;
  /** log2 P ≤ −a·K + b over the top envelope. */
  readonly upperBound: UpperBoundFit;
  /** Functions with a value of K (the others, e.g. non-threshold functions for facets, are left out). */
  readonly functions: number;
}

/** Everything the analyses find, per prior kind. */
export interface SimplicityBiasResult {
  /** Realisable functions (population size) and table rows (classes). */
  readonly functions: number;
  readonly classes: number;
  /** Per measure, per prior kind. */
  readonly measures: Readonly<Record<string, Readonly<Record<string, MeasureAnalysis>>>>;
  /** Per prior kind, P(T = t), t = 0 … 2^n. */
  readonly entropyBias: Readonly<Record<string, readonly EntropyBiasEntry[]>>;
  /** Per prior kind, P by rank. */
  readonly rankProbability: Readonly<Record<string, readonly RankProbabilityEntry[]>>;
  /** Per prior kind, the theorem's check, when it applies. */
  readonly antiEntropy?: Readonly<Record<string, AntiEntropyCheck>>;
}

/**
 * The points of each measure over the population (the costly part of the analyses where a measure
 * is not constant on classes: LZ at n = 6 runs on 46,080 images of each of 567 rows).
 */
export function populationPoints(
  arch: Architecture,
  pop: FunctionPopulation,
  measures: readonly ComplexityMeasureName[],
  onProgress?: (label: string, done: number, total: number) => void,
): Record<string, MeasurePoints> {
  return Object.fromEntries(measures.map((m) => [m, measurePoints(pop, m, arch, (d, t) => onProgress?.(`measure ${m}`, d, t))]));
}

/** The (K, log2 P) pairs of one measure's points under one prior, weighted by their functions. */
function rankedPoints(pop: FunctionPopulation, pts: MeasurePoints, kind: string): RankedPairs {
  const y = Float64Array.from(pts.classOf, (c) => Math.log2(pop.classes[c].measures[kind].p));
  return rankPairs({ x: pts.k, y, weight: pts.functions });
}

/**
 * Runs every analysis on a population measured under `priors`.
 * @throws RangeError for an empty population or bad bootstrap settings.
 */
export function simplicityBias(
  arch: Architecture,
  pop: FunctionPopulation,
  priors: readonly Prior[],
  options: SimplicityBiasOptions,
): SimplicityBiasResult {
  if (pop.functions === 0) throw new RangeError("simplicityBias: the table has no realisable function");
  const kinds = priors.map((p) => p.family.kind);
  const points = options.points ?? populationPoints(arch, pop, options.measures, options.onProgress);
  const measures: Record<string, Record<string, MeasureAnalysis>> = {};
  options.measures.forEach((m, i) => {
    const pts = points[m];
    if (pts === undefined) throw new RangeError(`simplicityBias: no points for measure ${m}`);
    options.onProgress?.(`bootstrap ${m}`, i, options.measures.length);
    const pairs = kinds.map((kind) => rankedPoints(pop, pts, kind));
    // Each measure's replicates resample the functions afresh (the same seed): a replicate's counts
    // are drawn per point, as a multinomial over the points weighted by their functions.
    const intervals =
      pts.counted === 0
        ? pairs.flatMap(() => [null, null])
        : bootstrapIntervals(
            pts.functions,
            options.bootstrap ?? DEFAULT_BOOTSTRAP,
            options.seed ?? 1,
            pairs.flatMap((pp) => [(c: Float64Array) => spearman(withWeights(pp, c)), (c: Float64Array) => kendallTauB(withWeights(pp, c))]),
          );
    measures[m] = {};
    kinds.forEach((kind, j) => {
      const pp = pairs[j];
      const fit = upperBoundFit(Array.from(pp.x, (k, q) => ({ k, log2p: pp.y[q] })));
      measures[m][kind] = {
        spearman: { value: spearman(pp), ci: intervals[2 * j] },
        kendall: { value: kendallTauB(pp), ci: intervals[2 * j + 1] },
        upperBound: fit,
        functions: pts.counted,
      };
    });
  });
  const bias: Record<string, EntropyBiasEntry[]> = {};
  const ranks: Record<string, RankProbabilityEntry[]> = {};
  for (const prior of priors) {
    bias[prior.family.kind] = entropyBias(arch, pop, prior);
    ranks[prior.family.kind] = rankProbability(pop, prior);
  }
  const anti = antiEntropyApplies(arch)
    ? Object.fromEntries(kinds.map((k) => [k, antiEntropyCheck(bias[k], arch.inputs)]))
    : undefined;
  return {
    functions: pop.functions,
    classes: pop.classes.length,
    measures,
    entropyBias: bias,
    rankProbability: ranks,
    ...(anti ? { antiEntropy: anti } : {}),
  };
}
