/**
 * SGD versus Bayes on one training set: train R networks from the prior (trainNetworks), take
 * P(f) from the network's best method (priorSource), condition it on S (bayesPosterior) and compare
 * (comparePosterior).
 */
import type { Architecture } from "../../arch/architecture.js";
import type { BooleanFunction } from "../../boolean/truthTable.js";
import type { Prior } from "../../measure/prior.js";
import { type BayesPosterior, bayesPosterior } from "./bayesPosterior.js";
import { comparePosterior, type PosteriorComparison } from "./posteriorComparison.js";
import { type PriorMethod, priorSource } from "./priorSource.js";
import { type TrainedFunctions, trainNetworks, type TrainNetworksOptions } from "./trainNetworks.js";
import { trainingSet, type TrainingSet } from "./trainingSet.js";

/** Options of {@link sgdVsBayes}. */
export interface SgdVsBayesOptions extends TrainNetworksOptions {
  /** The target function and the rows of S. */
  readonly target: BooleanFunction;
  readonly trainRows: readonly number[];
  /** P(f) method (default: the best that applies) and its samples (sampled methods). */
  readonly priorMethod?: PriorMethod;
  readonly priorSamples: number;
  /** Replicates of the sampling-only TV distance. */
  readonly replicates?: number;
  /** Progress of the stages (label, done, total). */
  readonly onStage?: (label: string, done: number, total: number) => void;
}

/** Everything the comparison found. */
export interface SgdVsBayesResult {
  readonly trainingSet: TrainingSet;
  readonly trained: TrainedFunctions;
  readonly posterior: BayesPosterior;
  readonly priorSamples?: number;
  readonly priorSeed?: number;
  readonly comparison: PosteriorComparison;
}

/**
 * Runs the comparison. The training set comes from the seed's stream, the initial weights from it
 * jumped once, a sampled P(f) from derivedSeed(seed, 2), the sampling-only TV from derivedSeed(seed, 3).
 * @throws RangeError for a target of the wrong size, bad rows, runs or options, or a posterior that
 *   is undefined (no function with P(f) > 0 agrees with S).
 */
export async function sgdVsBayes(arch: Architecture, prior: Prior, options: SgdVsBayesOptions): Promise<SgdVsBayesResult> {
  if (options.target.n !== arch.inputs) throw new RangeError(`target has ${options.target.n} inputs, the network ${arch.inputs}`);
  const set = trainingSet(options.target, options.trainRows);
  const source = await priorSource(arch, prior, {
    ...(options.priorMethod ? { method: options.priorMethod } : {}),
    samples: options.priorSamples,
    seed: derivedSeed(options.seed, 2),
    ...(options.onStage ? { onProgress: options.onStage } : {}),
  });
  const posterior = bayesPosterior(source, arch.inputs, set);
  const trained = await trainNetworks(arch, prior, set, {
    ...options,
    onProgress: (d, t) => options.onStage?.(`training (${options.optimizer})`, d, t),
  });
  const comparison = comparePosterior(arch.inputs, trained, posterior, {
    seed: derivedSeed(options.seed, 3),
    ...(options.replicates === undefined ? {} : { replicates: options.replicates }),
  });
  return { trainingSet: set, trained, posterior, ...(source.samples ? { priorSamples: source.samples, priorSeed: source.seed } : {}), comparison };
}

/**
 * The seed of sub-stream k: the sampled methods take a seed and draw their own streams (streams
 * seed in 32 bits), so they get (seed + k·0x9E3779B9) mod 2^32 as an int32, distinct from the
 * run's seed and from each other for k = 1 … 3.
 */
export function derivedSeed(seed: number, k: number): number {
  return (seed + k * 0x9e3779b9) | 0;
}
