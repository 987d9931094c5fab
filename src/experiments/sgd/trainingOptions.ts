/** What every trainer is told: the networks and examples, optimiser, loss, learning rate, step limit; and what it reports. */
import type { TrainableNet } from "./trainableNet.js";

/** Optimisers: plain gradient descent, or Adam (β1 0.9, β2 0.999, ε 1e-8). */
export type OptimizerName = "sgd" | "adam";
/** The optimisers, as option values. */
export const OPTIMIZERS: readonly OptimizerName[] = ["sgd", "adam"];

/**
 * Losses on the output pre-activation z with label y ∈ {0, 1} and t = 2y − 1, averaged over the
 * training set: `ce` = log(1 + e^(−t·z)) (cross-entropy of σ(z)), `mse` = ½(z − t)².
 */
export type LossName = "ce" | "mse";
/** The losses, as option values. */
export const LOSSES: readonly LossName[] = ["ce", "mse"];

/** Default learning rate of each optimiser. */
export const DEFAULT_LEARNING_RATE: Readonly<Record<OptimizerName, number>> = { sgd: 0.1, adam: 0.01 };

/** Default step limit. */
export const DEFAULT_MAX_STEPS = 10_000;

/** Adam's constants. */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

/** Options of a training run. */
export interface TrainingOptions {
  readonly optimizer: OptimizerName;
  readonly loss: LossName;
  /** Learning rate (> 0). */
  readonly learningRate: number;
  /** Full-batch steps at most per network (≥ 1). */
  readonly maxSteps: number;
  /** Progress (networks finished, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What training did to each network. */
export interface TrainingOutcome {
  /** Steps taken by each network (0 when it fitted the training set at initialisation). */
  readonly steps: Int32Array;
  /** 1 where the network fitted every training example (by the evaluated activation), else 0. */
  readonly fitted: Uint8Array;
}

/**
 * Checks training options.
 * @throws RangeError for a learning rate that is not a positive finite number or a bad step limit.
 */
export function checkTrainingOptions(o: TrainingOptions): void {
  if (!(o.learningRate > 0) || !Number.isFinite(o.learningRate)) throw new RangeError(`learning rate must be a positive number, got ${o.learningRate}`);
  if (!Number.isInteger(o.maxSteps) || o.maxSteps < 1) throw new RangeError(`step limit must be an integer ≥ 1, got ${o.maxSteps}`);
  if (!OPTIMIZERS.includes(o.optimizer)) throw new RangeError(`optimizer '${o.optimizer}' is unknown; allowed: ${OPTIMIZERS.join(", ")}`);
  if (!LOSSES.includes(o.loss)) throw new RangeError(`loss '${o.loss}' is unknown; allowed: ${LOSSES.join(", ")}`);
}

/** The networks to train and the examples. */
export interface TrainingJob {
  readonly net: TrainableNet;
  /** Encoded examples, K × n row-major. */
  readonly x: Float64Array;
  /** Label of each example, 0 or 1. */
  readonly labels: Uint8Array;
  /** count parameter vectors, row-major (count × d), updated in place. */
  readonly params: Float64Array;
  readonly count: number;
}

/**
 * Checks a job and its options.
 * @throws RangeError for bad options or buffer sizes.
 */
export function checkTrainingJob(job: TrainingJob, options: TrainingOptions): void {
  checkTrainingOptions(options);
  const { net, x, labels, params, count } = job;
  if (x.length !== labels.length * net.inputs) throw new RangeError(`${x.length} input values for ${labels.length} examples of ${net.inputs} inputs`);
  if (!Number.isInteger(count) || count < 0 || params.length < count * net.parameters)
    throw new RangeError(`params hold ${params.length} numbers, need ${count} × ${net.parameters}`);
}
