/**
 * The simplicity-bias analyses from a Monte Carlo table, where no exact table exists (n = 7
 * perceptron, ReLU nets): each prior's population is the functions its samples produced, each with
 * P = hits/samples and its Wilson interval. Functions never sampled (P below about 1/samples) cannot
 * be told apart from unrealisable ones and are left out of the correlations, fits and ranks; P(T = t)
 * counts samples, so it covers them.
 */
import { monteCarloTable } from "../arch/monteCarloTable.js";
import type { Architecture, TableRow } from "../arch/architecture.js";
import { parseFunction } from "../boolean/truthTable.js";
import type { MonteCarloEstimate } from "../measure/monteCarlo.js";
import type { Prior } from "../measure/prior.js";
import type { FunctionPopulation, PopulationClass } from "./functionPopulation.js";
import type { AntiEntropyCheck } from "./antiEntropyCheck.js";
import type { EntropyBiasEntry } from "./entropyBias.js";
import type { RankProbabilityEntry } from "./rankProbability.js";
import { type MeasureAnalysis, type SimplicityBiasOptions, type SimplicityBiasResult, simplicityBias } from "./simplicityBias.js";

/** What the sampled analyses add: how P was sampled and how many functions each prior's samples saw. */
export interface SampledBiasResult extends SimplicityBiasResult {
  readonly sampled: {
    readonly samples: number;
    readonly seed: number;
    /** Per prior kind, functions seen (the population of its analyses). */
    readonly functionsSeen: Readonly<Record<string, number>>;
    /** The published count of realisable functions, where one exists (the unseen ones are the rest). */
    readonly realisable?: number;
    readonly note: string;
  };
}

/** Options: the analyses' and the sampler's. */
export interface SampledBiasOptions extends SimplicityBiasOptions {
  readonly samples: number;
  /** Seed of the samples (the bootstrap uses it too). */
  readonly seed: number;
  /** Worker threads of the sampler (1: in-process; the table is the same for any count). */
  readonly workers?: number;
}

/** One population per prior kind: the functions with hits under it, one class each. */
function sampledPopulations(arch: Architecture, kinds: readonly string[], rows: (visit: (row: TableRow) => void) => void) {
  const pops = Object.fromEntries(kinds.map((k) => [k, { classes: [] as PopulationClass[] }]));
  rows((row) => {
    const r = row as unknown as Record<string, MonteCarloEstimate>;
    const f = parseFunction(row.function, arch.inputs);
    for (const k of kinds) if (r[k].hits > 0) pops[k].classes.push({ function: f, orbit: 1, measures: { [k]: r[k] } });
  });
  return Object.fromEntries(
    kinds.map((k): [string, FunctionPopulation] => {
      const classes = pops[k].classes;
      return [k, { inputs: arch.inputs, classes, functions: classes.length, summary: {} }];
    }),
  );
}

/**
 * Samples a Monte Carlo table of `arch` under each prior and runs the analyses on it, one prior at a
 * time (each on the functions its own samples produced).
 * @throws RangeError for bad sampling options or a prior whose samples produced no function.
 */
export async function sampledSimplicityBias(arch: Architecture, priors: readonly Prior[], options: SampledBiasOptions): Promise<SampledBiasResult> {
  const table = await monteCarloTable(arch, priors, options.samples, options.seed, options.onProgress, options.workers ?? 1);
  const kinds = priors.map((p) => p.family.kind);
  const pops = sampledPopulations(arch, kinds, (visit) => table.forEachRow(visit));
  const measures: Record<string, Record<string, MeasureAnalysis>> = {};
  const entropyBias: Record<string, readonly EntropyBiasEntry[]> = {};
  const rankProbability: Record<string, readonly RankProbabilityEntry[]> = {};
  const antiEntropy: Record<string, AntiEntropyCheck> = {};
  const functionsSeen: Record<string, number> = {};
  for (const prior of priors) {
    const kind = prior.family.kind;
    const r = simplicityBias(arch, pops[kind], [prior], options);
    functionsSeen[kind] = pops[kind].functions;
    for (const [m, byPrior] of Object.entries(r.measures)) (measures[m] ??= {})[kind] = byPrior[kind];
    entropyBias[kind] = r.entropyBias[kind];
    rankProbability[kind] = r.rankProbability[kind];
    if (r.antiEntropy) antiEntropy[kind] = r.antiEntropy[kind];
  }
  const seen = table.summary.functionsSeen as number;
  const realisable = arch.publishedCount?.count;
  return {
    functions: seen,
    classes: seen,
    measures,
    entropyBias,
    rankProbability,
    ...(Object.keys(antiEntropy).length > 0 ? { antiEntropy } : {}),
    sampled: {
      samples: options.samples,
      seed: options.seed,
      functionsSeen,
      ...(realisable !== undefined ? { realisable } : {}),
      note:
        `P(f) sampled: hits/${options.samples} with a 95% Wilson interval; functions no sample produced (P below about 1/${options.samples}) are left out of the correlations, ` +
        `the upper-bound fits and the ranks${realisable !== undefined ? ` (${seen} seen of ${realisable} realisable)` : ""}; P(T = t) counts every sample`,
    },
  };
}
