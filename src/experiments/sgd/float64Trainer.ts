/**
 * Full-batch training of many networks by hand-written Float64 gradient code: each network in
 * turn, forward and backward over the training set in scratch arrays, until it fits every example
 * or reaches the step limit. It is `--engine float64`, the cross-check of the tensor program (the
 * default engine): double precision, in the exact forward passes' order of summation, no kernels.
 * For nets of a few dozen parameters it is also the cheaper in CPU (bench/sgdVsBayes.mjs).
 *
 * Pre-activations are summed as b + Σ_i W[j][i]·a_i in input order, as the architectures' exact
 * forward passes sum them, so "fits the training set" here agrees with their truth tables.
 */
import { ADAM, checkTrainingJob, type TrainingJob, type TrainingOptions, type TrainingOutcome } from "./trainingOptions.js";
import type { TrainableNet } from "./trainableNet.js";

/** Networks between progress reports. */
const PROGRESS_EVERY = 256;

/** Logistic function σ(z), written to stay finite for large |z|. */
function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** A per-network trainer over fixed scratch arrays. */
interface Kernel {
  /** Whether parameters at offset o fit the examples (evaluated activation). */
  fits(p: Float64Array, o: number): boolean;
  /** Mean loss gradient at offset o into grad (length d); called right after `fits` on the same parameters. */
  gradient(p: Float64Array, o: number, grad: Float64Array): void;
}

function kernel(net: TrainableNet, x: Float64Array, labels: Uint8Array, loss: TrainingOptions["loss"]): Kernel {
  const K = labels.length;
  const blocks = net.blocks;
  const L = blocks.length;
  const logisticHidden = net.trained === "logistic";
  // Activations below each block: acts[0] = inputs, acts[l] = output of hidden block l − 1.
  const acts: Float64Array[] = [x, ...blocks.slice(0, -1).map((b) => new Float64Array(K * b.units))];
  const zs = blocks.map((b) => new Float64Array(K * b.units));
  const deltas = blocks.map((b) => new Float64Array(K * b.units));
  const widest = Math.max(net.inputs, ...blocks.map((b) => b.units));
  let evalA = new Float64Array(widest);
  let evalB = new Float64Array(widest);

  /** Forward pass of the trained activation over all examples, filling zs and acts. */
  const forward = (p: Float64Array, o: number) => {
    for (let l = 0; l < L; l++) {
      const { units, fanIn, weights, biases } = blocks[l];
      const a = acts[l];
      const z = zs[l];
      const next = l + 1 < L ? acts[l + 1] : undefined;
      for (let k = 0; k < K; k++) {
        for (let j = 0; j < units; j++) {
          let s = biases >= 0 ? p[o + biases + j] : 0;
          const w = o + weights + j * fanIn;
          for (let i = 0; i < fanIn; i++) s += p[w + i] * a[k * fanIn + i];
          z[k * units + j] = s;
          if (next) next[k * units + j] = logisticHidden ? logistic(s) : s > 0 ? s : 0;
        }
      }
    }
  };

  const fits = (p: Float64Array, o: number): boolean => {
    if (!net.stepEvaluation) {
      forward(p, o);
      const out = zs[L - 1];
      for (let k = 0; k < K; k++) if (out[k] > 0 !== (labels[k] === 1)) return false;
      return true;
    }
    // Steps in the hidden layers: one example at a time through two swapped buffers.
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < net.inputs; i++) evalA[i] = x[k * net.inputs + i];
      for (let l = 0; l < L; l++) {
        const { units, fanIn, weights, biases } = blocks[l];
        for (let j = 0; j < units; j++) {
          let s = biases >= 0 ? p[o + biases + j] : 0;
          const w = o + weights + j * fanIn;
          for (let i = 0; i < fanIn; i++) s += p[w + i] * evalA[i];
          evalB[j] = l + 1 < L ? (s > 0 ? 1 : 0) : s;
        }
        const t = evalA;
        evalA = evalB;
        evalB = t;
      }
      if (evalA[0] > 0 !== (labels[k] === 1)) return false;
    }
    return true;
  };

  const gradient = (p: Float64Array, o: number, grad: Float64Array) => {
    // Without steps `fits` has just run this forward pass on the same parameters.
    if (net.stepEvaluation) forward(p, o);
    grad.fill(0);
    const top = deltas[L - 1];
    const out = zs[L - 1];
    for (let k = 0; k < K; k++) {
      const t = labels[k] === 1 ? 1 : -1;
      // d/dz log(1 + e^(−t z)) = −t·σ(−t z); d/dz ½(z − t)² = z − t.
      top[k] = (loss === "ce" ? -t * logistic(-t * out[k]) : out[k] - t) / K;
    }
    for (let l = L - 1; l >= 0; l--) {
      const { units, fanIn, weights, biases } = blocks[l];
      const a = acts[l];
      const delta = deltas[l];
      const below = l > 0 ? deltas[l - 1] : undefined;
      if (below) below.fill(0);
      for (let k = 0; k < K; k++) {
        for (let j = 0; j < units; j++) {
          const g = delta[k * units + j];
          if (g === 0) continue;
          if (biases >= 0) grad[biases + j] += g;
          const w = weights + j * fanIn;
          for (let i = 0; i < fanIn; i++) {
            grad[w + i] += g * a[k * fanIn + i];
            if (below) below[k * fanIn + i] += g * p[o + w + i];
          }
        }
      }
      if (below) {
        // Through the hidden activation of block l − 1, whose outputs are acts[l].
        const z = zs[l - 1];
        for (let m = 0; m < below.length; m++) {
          below[m] *= logisticHidden ? a[m] * (1 - a[m]) : z[m] > 0 ? 1 : 0;
        }
      }
    }
  };
  return { fits, gradient };
}

/**
 * Trains the job's networks (parameters updated in place) on its examples, each until it fits
 * every example (evaluated activation: steps for a step net) or has taken `maxSteps` steps.
 * @throws RangeError for bad options or buffer sizes.
 */
export function trainFloat64(job: TrainingJob, options: TrainingOptions): TrainingOutcome {
  checkTrainingJob(job, options);
  const { net, x, labels, params, count } = job;
  const d = net.parameters;
  const k = kernel(net, x, labels, options.loss);
  const grad = new Float64Array(d);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const steps = new Int32Array(count);
  const fitted = new Uint8Array(count);
  const lr = options.learningRate;
  const adam = options.optimizer === "adam";
  for (let s = 0, o = 0; s < count; s++, o += d) {
    m.fill(0);
    v.fill(0);
    let c1 = 1;
    let c2 = 1;
    let t = 0;
    for (; ; t++) {
      if (k.fits(params, o)) {
        fitted[s] = 1;
        break;
      }
      if (t === options.maxSteps) break;
      k.gradient(params, o, grad);
      if (adam) {
        c1 *= ADAM.beta1;
        c2 *= ADAM.beta2;
        for (let i = 0; i < d; i++) {
          m[i] = ADAM.beta1 * m[i] + (1 - ADAM.beta1) * grad[i];
          v[i] = ADAM.beta2 * v[i] + (1 - ADAM.beta2) * grad[i] * grad[i];
          params[o + i] -= (lr * (m[i] / (1 - c1))) / (Math.sqrt(v[i] / (1 - c2)) + ADAM.epsilon);
        }
      } else {
        for (let i = 0; i < d; i++) params[o + i] -= lr * grad[i];
      }
    }
    steps[s] = t;
    if ((s + 1) % PROGRESS_EVERY === 0 || s + 1 === count) options.onProgress?.(s + 1, count);
  }
  return { steps, fitted };
}
