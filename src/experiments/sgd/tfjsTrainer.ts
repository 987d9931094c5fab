/**
 * Full-batch training of many networks as one TensorFlow.js program (backend from src/tensor:
 * tfjs-node, else wasm, else cpu). All networks' parameters are one [R, P] tensor (per block its
 * weights row-major, then its biases); each step runs one batched forward pass, which both decides
 * which networks fit and feeds the hand-written backward pass (the same gradients as the Float64
 * engine, in a few batched kernels instead of a recorded tape), then one Adam or gradient step for
 * the whole batch, masked so that a network stops the step it fits.
 *
 * For nets of a few dozen parameters a kernel call costs more than its arithmetic, so the program
 * keeps the number of kernels per step small, reads the device only every SYNC_EVERY steps, and
 * drops fitted networks from the batch (compaction) once half of it has fitted: a few networks
 * that need the full step limit then cost a step of a small batch, not of all R.
 * float32, as tfjs computes; the caller re-evaluates the final weights in Float64.
 */
import type { Tensor, Tensor1D, Tensor2D, Tensor3D } from "@tensorflow/tfjs";
import { tensorBackend } from "../../tensor/tensorBackend.js";
import { ADAM, checkTrainingJob, type TrainingJob, type TrainingOptions, type TrainingOutcome } from "./trainingOptions.js";

/**
 * Steps between reads of the device (how many networks still train). A network's mask is updated
 * on the device every step, so this only delays the end of training and compaction, never a
 * network's stop.
 */
const SYNC_EVERY = 16;

/** Compact the batch once at most this fraction of it still trains. */
const COMPACT_BELOW = 0.5;

/**
 * Trains the job's networks (parameters updated in place) as `trainFloat64` does, in float32 tensors; `backend` names the tfjs backend that ran.
 * @throws RangeError for bad options or buffer sizes.
 */
export async function trainTfjs(job: TrainingJob, options: TrainingOptions): Promise<TrainingOutcome & { readonly backend: string }> {
  checkTrainingJob(job, options);
  const { net, x, labels, params, count } = job;
  const { tf, name } = await tensorBackend();
  const steps = new Int32Array(count);
  const fitted = new Uint8Array(count);
  if (count === 0) return { steps, fitted, backend: name };
  const d = net.parameters;
  const K = labels.length;
  const blocks = net.blocks;
  const L = blocks.length;
  // Offsets of each block's weights and biases in the packed [R, P] layout.
  const packed: { w: number; b: number }[] = [];
  let P = 0;
  for (const b of blocks) {
    const w = P;
    P += b.units * b.fanIn;
    packed.push({ w, b: b.biases >= 0 ? P : -1 });
    if (b.biases >= 0) P += b.units;
  }
  /** Network s's parameters from `params` into row r of a packed array (and back with `out`). */
  const copyRow = (s: number, row: Float32Array, r: number, out: boolean) => {
    blocks.forEach((b, l) => {
      const src = s * d;
      const dst = r * P;
      for (let q = 0; q < b.units * b.fanIn; q++) {
        if (out) params[src + b.weights + q] = row[dst + packed[l].w + q];
        else row[dst + packed[l].w + q] = params[src + b.weights + q];
      }
      if (b.biases >= 0)
        for (let j = 0; j < b.units; j++) {
          if (out) params[src + b.biases + j] = row[dst + packed[l].b + j];
          else row[dst + packed[l].b + j] = params[src + b.biases + j];
        }
    });
  };

  const xs = tf.tensor2d(Float32Array.from(x), [K, net.inputs]);
  const t = tf.tensor1d(Float32Array.from(labels, (y) => (y === 1 ? 1 : -1)));
  const yes = tf.tensor1d(Array.from(labels, (y) => y === 1), "bool");
  // ∂loss/∂z per example: ce −t·σ(−t z)/K, mse (z − t)/K; the −t/K factor is precomputed.
  const minusTOverK = tf.tensor1d(Float32Array.from(labels, (y) => (y === 1 ? -1 : 1) / K));

  /** The network's layers from the packed parameters of a batch of `size`. */
  const unpack = (theta: Tensor2D, size: number) =>
    blocks.map((b, l) => ({
      w: tf.reshape(tf.slice(theta, [0, packed[l].w], [size, b.units * b.fanIn]), [size, b.units, b.fanIn]) as Tensor3D,
      b: packed[l].b >= 0 ? (tf.reshape(tf.slice(theta, [0, packed[l].b], [size, b.units]), [size, 1, b.units]) as Tensor3D) : undefined,
    }));

  /** Pre-activations of every block, [size, K, units], with the trained hidden activation (and its outputs). */
  const forward = (layers: ReturnType<typeof unpack>, inputs: Tensor3D) => {
    const zs: Tensor3D[] = [];
    const acts: Tensor3D[] = [inputs];
    for (let l = 0; l < L; l++) {
      const mm = tf.matMul(acts[l], layers[l].w, false, true);
      const z = layers[l].b ? tf.add(mm, layers[l].b!) : mm;
      zs.push(z as Tensor3D);
      if (l + 1 < L) acts.push((net.trained === "logistic" ? tf.sigmoid(z) : tf.relu(z)) as Tensor3D);
    }
    return { zs, acts };
  };

  /** Output pre-activations [size, K] with steps in the hidden layers (a step net's evaluation). */
  const stepOutputs = (layers: ReturnType<typeof unpack>, inputs: Tensor3D): Tensor => {
    let a: Tensor3D = inputs;
    for (let l = 0; l < L; l++) {
      const mm = tf.matMul(a, layers[l].w, false, true);
      const z = layers[l].b ? tf.add(mm, layers[l].b!) : mm;
      if (l + 1 === L) return z;
      a = tf.cast(tf.greater(z, 0), "float32") as Tensor3D;
    }
    throw new Error("unreachable");
  };

  /** The mean loss's gradient, packed [size, P], from a forward pass. */
  const gradient = (layers: ReturnType<typeof unpack>, zs: Tensor3D[], acts: Tensor3D[], size: number): Tensor2D => {
    const out = tf.reshape(zs[L - 1], [size, K]);
    const top = options.loss === "ce" ? tf.mul(tf.sigmoid(tf.mul(tf.neg(t), out)), minusTOverK) : tf.div(tf.sub(out, t), K);
    let delta = tf.reshape(top, [size, K, 1]) as Tensor3D;
    const parts: Tensor[] = new Array<Tensor>(2 * L);
    for (let l = L - 1; l >= 0; l--) {
      const b = blocks[l];
      parts[2 * l] = tf.reshape(tf.matMul(delta, acts[l], true, false), [size, b.units * b.fanIn]);
      if (b.biases >= 0) parts[2 * l + 1] = tf.sum(delta, 1);
      if (l > 0) {
        const below = tf.matMul(delta, layers[l].w);
        const a = acts[l];
        const slope = net.trained === "logistic" ? tf.mul(a, tf.sub(1, a)) : tf.cast(tf.greater(zs[l - 1], 0), "float32");
        delta = tf.mul(below, slope) as Tensor3D;
      }
    }
    return tf.concat(parts.filter((p) => p !== undefined), 1) as Tensor2D;
  };

  // The batch: its networks (row → network), packed parameters, Adam moments, steps taken, and which still train.
  let rows = Int32Array.from({ length: count }, (_, i) => i);
  const start = new Float32Array(count * P);
  for (let s = 0; s < count; s++) copyRow(s, start, s, false);
  let theta = tf.tensor2d(start, [count, P]);
  let m = tf.zeros([count, P]) as Tensor2D;
  let v = tf.zeros([count, P]) as Tensor2D;
  let taken = tf.zeros([count]) as Tensor1D;
  let active = tf.ones([count]) as Tensor1D;
  let inputs = tf.broadcastTo(xs, [count, K, net.inputs]) as Tensor3D;
  const lr = options.learningRate;
  let c1 = 1;
  let c2 = 1;
  let done = 0;

  /** Writes the batch's stopped networks back (all of them with `all`), keeping the others in the batch. */
  const settle = async (all: boolean) => {
    const [th, act, tk] = await Promise.all([theta.data(), active.data(), taken.data()]);
    const keep: number[] = [];
    for (let r = 0; r < rows.length; r++) {
      if (act[r] !== 0 && !all) {
        keep.push(r);
        continue;
      }
      const s = rows[r];
      copyRow(s, th as Float32Array, r, true);
      steps[s] = tk[r];
      fitted[s] = act[r] === 0 ? 1 : 0;
    }
    done = count - keep.length;
    if (all) return;
    const idx = tf.tensor1d(Int32Array.from(keep), "int32");
    const old = [theta, m, v, taken, active, inputs];
    [theta, m, v, taken] = [tf.gather(theta, idx), tf.gather(m, idx), tf.gather(v, idx), tf.gather(taken, idx)] as [Tensor2D, Tensor2D, Tensor2D, Tensor1D];
    active = tf.ones([keep.length]);
    inputs = tf.broadcastTo(xs, [keep.length, K, net.inputs]) as Tensor3D;
    for (const o of old) o.dispose();
    idx.dispose();
    rows = Int32Array.from(keep, (r) => rows[r]);
  };

  for (let step = 0; ; step++) {
    const size = rows.length;
    const last = step === options.maxSteps;
    const next = tf.tidy(() => {
      const layers = unpack(theta, size);
      const { zs, acts } = forward(layers, inputs);
      const out = net.stepEvaluation ? stepOutputs(layers, inputs) : zs[L - 1];
      const fits = tf.all(tf.equal(tf.greater(tf.reshape(out, [size, K]), 0), yes), 1);
      const stillActive = tf.where(fits, tf.zerosLike(active), active) as Tensor1D;
      if (last) return { active: stillActive };
      // Networks that fit stop here: their parameters are left as they are (their moments no longer matter).
      const g = gradient(layers, zs, acts, size);
      const mask = tf.reshape(stillActive, [size, 1]);
      if (options.optimizer === "sgd") return { active: stillActive, theta: tf.sub(theta, tf.mul(mask, tf.mul(g, lr))) as Tensor2D, taken: tf.add(taken, stillActive) as Tensor1D };
      const mi = tf.add(tf.mul(m, ADAM.beta1), tf.mul(g, 1 - ADAM.beta1)) as Tensor2D;
      const vi = tf.add(tf.mul(v, ADAM.beta2), tf.mul(tf.square(g), 1 - ADAM.beta2)) as Tensor2D;
      const c1n = c1 * ADAM.beta1;
      const c2n = c2 * ADAM.beta2;
      const delta = tf.div(tf.mul(mi, lr / (1 - c1n)), tf.add(tf.sqrt(tf.div(vi, 1 - c2n)), ADAM.epsilon));
      return { active: stillActive, theta: tf.sub(theta, tf.mul(mask, delta)) as Tensor2D, m: mi, v: vi, taken: tf.add(taken, stillActive) as Tensor1D };
    });
    c1 *= ADAM.beta1;
    c2 *= ADAM.beta2;
    const replace = <T extends Tensor>(old: T, fresh: T | undefined): T => {
      if (fresh === undefined) return old;
      old.dispose();
      return fresh;
    };
    active = replace(active, next.active);
    theta = replace(theta, next.theta);
    m = replace(m, next.m);
    v = replace(v, next.v);
    taken = replace(taken, next.taken);
    if (last) break;
    if ((step + 1) % SYNC_EVERY === 0) {
      const sum = tf.sum(active);
      const remaining = (await sum.data())[0];
      sum.dispose();
      options.onProgress?.(done + size - remaining, count);
      if (remaining === 0) break;
      if (remaining <= COMPACT_BELOW * size) await settle(false);
    }
  }
  await settle(true);
  options.onProgress?.(count, count);
  for (const o of [theta, m, v, taken, active, inputs, xs, t, yes, minusTOverK]) o.dispose();
  return { steps, fitted, backend: name };
}
