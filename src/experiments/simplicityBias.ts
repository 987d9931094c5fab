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
import { classMeasurePoints } from "./classMeasurePoints.js";
import { type BootstrapInterval, bootstrapIntervals, DEFAULT_BOOTSTRAP } from "./bootstrapInterval.js";
import { type EntropyBiasEntry, entropyBias } from "./entropyBias.js";
import type { FunctionPopulation } from "./functionPopulation.js";
import { measureColumn } from "./measureColumn.js";
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

/** The (K, log2 P) points of one measure: distinct (class, K) pairs, the atoms mapped onto them. */
interface MeasurePoints {
  readonly pointOf: Int32Array;
  readonly pairs: Readonly<Record<string, RankedPairs>>;
  readonly functions: number;
}

function measurePoints(pop: FunctionPopulation, k: Float64Array, priors: readonly Prior[]): MeasurePoints {
  const pts = classMeasurePoints(pop, k);
  const pairs: Record<string, RankedPairs> = {};
  for (const prior of priors) {
    const kind = prior.family.kind;
    const y = Float64Array.from(pts.classOf, (c) => Math.log2(pop.classes[c].measures[kind].p));
    pairs[kind] = rankPairs({ x: Float64Array.from(pts.k), y, weight: Float64Array.from(pts.functions) });
  }
  return { pointOf: pts.pointOf, pairs, functions: pts.counted };
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
  const atoms = pop.functions.length;
  if (atoms === 0) throw new RangeError("simplicityBias: the table has no realisable function");
  const kinds = priors.map((p) => p.family.kind);
  const points = options.measures.map((m, i) => {
    options.onProgress?.(`measure ${m}`, i, options.measures.length);
    return measurePoints(pop, measureColumn(pop, m, arch), priors);
  });
  // One resampling of the functions serves every measure and prior: the statistics aggregate the
  // atoms' counts onto each measure's points.
  const statistics: ((counts: Float64Array, replicate: number) => number | null)[] = [];
  for (const mp of points) {
    const w = new Float64Array(mp.pairs[kinds[0]].weight.length);
    let filledFor = -1;
    // The counts array is refilled for every replicate; the points' weights follow its index.
    const weights = (counts: Float64Array, replicate: number) => {
      if (filledFor !== replicate) {
        w.fill(0);
        for (let i = 0; i < atoms; i++) if (mp.pointOf[i] >= 0) w[mp.pointOf[i]] += counts[i];
        filledFor = replicate;
      }
      return w;
    };
    for (const kind of kinds) {
      statistics.push((c, b) => spearman(withWeights(mp.pairs[kind], weights(c, b))));
      statistics.push((c, b) => kendallTauB(withWeights(mp.pairs[kind], weights(c, b))));
    }
  }
  options.onProgress?.("bootstrap", 0, 1);
  const intervals = bootstrapIntervals(atoms, options.bootstrap ?? DEFAULT_BOOTSTRAP, options.seed ?? 1, statistics);
  const measures: Record<string, Record<string, MeasureAnalysis>> = {};
  let s = 0;
  options.measures.forEach((m, i) => {
    const mp = points[i];
    measures[m] = {};
    for (const kind of kinds) {
      const pairs = mp.pairs[kind];
      const fit = upperBoundFit(Array.from(pairs.x, (k, j) => ({ k, log2p: pairs.y[j] })));
      measures[m][kind] = {
        spearman: { value: spearman(pairs), ci: intervals[s++] },
        kendall: { value: kendallTauB(pairs), ci: intervals[s++] },
        upperBound: fit,
        functions: mp.functions,
      };
    }
  });
  const bias: Record<string, EntropyBiasEntry[]> = {};
  const ranks: Record<string, RankProbabilityEntry[]> = {};
  for (const prior of priors) {
    bias[prior.family.kind] = entropyBias(pop, prior);
    ranks[prior.family.kind] = rankProbability(pop, prior);
  }
  const anti = antiEntropyApplies(arch)
    ? Object.fromEntries(kinds.map((k) => [k, antiEntropyCheck(bias[k], arch.inputs)]))
    : undefined;
  return {
    functions: atoms,
    classes: pop.classes.length,
    measures,
    entropyBias: bias,
    rankProbability: ranks,
    ...(anti ? { antiEntropy: anti } : {}),
  };
}
