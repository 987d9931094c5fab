/**
 * Trains R networks from prior-initialised weights on a training set and records the function each
 * computes on all 2^n inputs (the architecture's exact forward pass), i.e. samples of P_SGD(f | S).
 */
import type { Architecture } from "../../arch/architecture.js";
import { wordsToBigInt } from "../../boolean/tableWords.js";
import { samplingScales } from "../../measure/monteCarlo.js";
import type { Prior } from "../../measure/prior.js";
import { randomStream } from "../../measure/randomStream.js";
import { trainFloat64 } from "./float64Trainer.js";
import { trainTfjs } from "./tfjsTrainer.js";
import { encodedRows, trainableNet } from "./trainableNet.js";
import type { TrainingOptions } from "./trainingOptions.js";
import { agreesWith, type TrainingSet } from "./trainingSet.js";

/**
 * Training engines: one tfjs tensor program over all networks (the default), or hand-written
 * Float64 code that sums in the exact forward passes' order (a cross-check of the tensor program).
 */
export type TrainingEngine = "float64" | "tfjs";
/** The engines, as option values. */
export const TRAINING_ENGINES: readonly TrainingEngine[] = ["float64", "tfjs"];
/** The engine used when none is named. */
export const DEFAULT_TRAINING_ENGINE: TrainingEngine = "tfjs";

/** Training runs and what they found. */
export interface TrainedFunctions {
  /** Networks trained. */
  readonly runs: number;
  /** Networks whose function (exact forward pass) agrees with S: the sample of P_SGD(f | S). */
  readonly fitted: number;
  /** Function bits → networks of the fitted ones that compute it. */
  readonly counts: ReadonlyMap<bigint, number>;
  /** Steps taken: mean and largest over fitted networks. */
  readonly steps: { readonly mean: number; readonly max: number };
  /** Networks the trainer counted as fitted but whose exact table disagrees with S, or the reverse (float32 rounding at a boundary; 0 for float64). */
  readonly disagreements: number;
  /** Backend that ran the tensors (tfjs engine), e.g. `wasm`. */
  readonly backend?: string;
}

/** Options of {@link trainNetworks}. */
export interface TrainNetworksOptions extends TrainingOptions {
  readonly runs: number;
  /** Seed: initial weights come from the seed's xoroshiro128+ stream jumped once (the training set uses the unjumped stream). */
  readonly seed: number;
  /** Default `tfjs`. */
  readonly engine?: TrainingEngine;
}

/**
 * Draws R parameter vectors from `prior` (its scales as given: the training dynamics depend on
 * them even where the function does not), trains them on `set` and histograms the functions of
 * the networks that fit it.
 * @throws RangeError for bad options or an architecture the trainers do not know.
 */
export async function trainNetworks(arch: Architecture, prior: Prior, set: TrainingSet, options: TrainNetworksOptions): Promise<TrainedFunctions> {
  const { runs, seed } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be an integer ≥ 1, got ${runs}`);
  const net = trainableNet(arch);
  const d = net.parameters;
  const params = new Float64Array(runs * d);
  const rng = randomStream(seed);
  rng.jump();
  prior.family.sample(samplingScales(prior, false), runs, rng, params);
  const job = { net, x: encodedRows(net, set.rows), labels: set.labels, params, count: runs };
  let backend: string | undefined;
  let outcome;
  if ((options.engine ?? DEFAULT_TRAINING_ENGINE) === "tfjs") {
    const r = await trainTfjs(job, options);
    backend = r.backend;
    outcome = r;
  } else outcome = trainFloat64(job, options);
  const words = arch.tableWords;
  const tables = new Uint32Array(runs * words);
  arch.forward(params, runs, tables);
  const counts = new Map<bigint, number>();
  let fitted = 0;
  let disagreements = 0;
  let stepSum = 0;
  let stepMax = 0;
  for (let s = 0; s < runs; s++) {
    const fits = agreesWith(tables, s * words, set);
    if (fits !== (outcome.fitted[s] === 1)) disagreements++;
    if (!fits) continue;
    fitted++;
    stepSum += outcome.steps[s];
    stepMax = Math.max(stepMax, outcome.steps[s]);
    const bits = wordsToBigInt(tables.subarray(s * words, (s + 1) * words));
    counts.set(bits, (counts.get(bits) ?? 0) + 1);
  }
  return {
    runs,
    fitted,
    counts,
    steps: { mean: fitted > 0 ? stepSum / fitted : 0, max: stepMax },
    disagreements,
    ...(backend ? { backend } : {}),
  };
}
