/**
 * Full-batch training of many networks as one TensorFlow.js program (backend from src/tensor:
 * tfjs-node, else wasm, else cpu): every layer's weights of all R networks as one [R, units, fanIn]
 * tensor, batched matrix products, gradients by tf.grads of the summed per-network losses (each
 * network's gradient is its own loss's), and a mask that freezes a network once it fits the
 * training set. float32, as tfjs computes; the caller re-evaluates the final weights in Float64.
 */
import type { Tensor } from "@tensorflow/tfjs";
import { tensorBackend } from "../../tensor/tensorBackend.js";
import { ADAM, checkTrainingJob, type TrainingJob, type TrainingOptions, type TrainingOutcome } from "./trainingOptions.js";

/** Steps between progress reports. */
const PROGRESS_EVERY = 50;

/**
 * Trains the job's networks (parameters updated in place) as `trainFloat64` does, in float32 tensors; `backend` names the tfjs backend that ran.
 * @throws RangeError for bad options or buffer sizes.
 */
export async function trainTfjs(job: TrainingJob, options: TrainingOptions): Promise<TrainingOutcome & { readonly backend: string }> {
  checkTrainingJob(job, options);
  const { net, x, labels, params, count } = job;
  const d = net.parameters;
  const K = labels.length;
  const { tf, name } = await tensorBackend();
  const blocks = net.blocks;
  const L = blocks.length;
  // Split θ into per-block tensors W [R, units, fanIn] and b [R, units] (zeros where a unit has no bias).
  const split = (): Tensor[] => {
    const out: Tensor[] = [];
    for (const b of blocks) {
      const w = new Float32Array(count * b.units * b.fanIn);
      const bias = new Float32Array(count * b.units);
      for (let s = 0; s < count; s++) {
        for (let m = 0; m < b.units * b.fanIn; m++) w[s * b.units * b.fanIn + m] = params[s * d + b.weights + m];
        if (b.biases >= 0) for (let j = 0; j < b.units; j++) bias[s * b.units + j] = params[s * d + b.biases + j];
      }
      out.push(tf.tensor3d(w, [count, b.units, b.fanIn]), tf.tensor2d(bias, [count, b.units]));
    }
    return out;
  };
  let theta = split();
  const hasBias = blocks.map((b) => tf.scalar(b.biases >= 0 ? 1 : 0));
  const inputs = tf.tidy(() => tf.broadcastTo(tf.tensor2d(Float32Array.from(x), [K, net.inputs]), [count, K, net.inputs]));
  const t = tf.tensor1d(Float32Array.from(labels, (y) => (y === 1 ? 1 : -1)));
  const yes = tf.tensor1d(Float32Array.from(labels, (y) => y));
  // Output pre-activations [R, K] with the trained (or, with `evaluate`, the evaluated) activation.
  const outputs = (th: Tensor[], evaluate: boolean): Tensor => {
    let a = inputs;
    for (let l = 0; l < L; l++) {
      const z = tf.add(tf.matMul(a as never, th[2 * l] as never, false, true), tf.expandDims(tf.mul(th[2 * l + 1], hasBias[l]), 1));
      if (l + 1 === L) return tf.squeeze(z, [2]);
      a = evaluate && net.stepEvaluation ? tf.cast(tf.greater(z, 0), "float32") : net.trained === "logistic" ? tf.sigmoid(z) : tf.relu(z);
    }
    throw new Error("unreachable");
  };
  const lossOf = (...th: Tensor[]) => {
    const z = outputs(th, false);
    const perExample = options.loss === "ce" ? tf.softplus(tf.neg(tf.mul(t, z))) : tf.mul(0.5, tf.square(tf.sub(z, t)));
    return tf.sum(tf.mean(perExample, 1)) as never;
  };
  const gradients = tf.grads(lossOf);
  let active = tf.ones([count]);
  let steps = tf.zeros([count]);
  let m = theta.map((p) => tf.zerosLike(p));
  let v = theta.map((p) => tf.zerosLike(p));
  const lr = options.learningRate;
  let c1 = 1;
  let c2 = 1;
  for (let step = 0; ; step++) {
    const next = tf.tidy(() => {
      const z = outputs(theta, true);
      const fits = tf.cast(tf.all(tf.equal(tf.cast(tf.greater(z, 0), "float32"), yes), 1), "float32");
      return tf.mul(active, tf.sub(1, fits));
    });
    active.dispose();
    active = next;
    const remaining = (await active.sum().data())[0];
    if (remaining === 0 || step === options.maxSteps) break;
    const old = { theta, m, v, steps };
    c1 *= ADAM.beta1;
    c2 *= ADAM.beta2;
    const updated = tf.tidy(() => {
      const g = gradients(theta);
      const nt: Tensor[] = [];
      const nm: Tensor[] = [];
      const nv: Tensor[] = [];
      theta.forEach((p, i) => {
        const mask = p.rank === 3 ? tf.reshape(active, [count, 1, 1]) : tf.reshape(active, [count, 1]);
        if (options.optimizer === "adam") {
          const mi = tf.add(tf.mul(ADAM.beta1, m[i]), tf.mul(1 - ADAM.beta1, g[i]));
          const vi = tf.add(tf.mul(ADAM.beta2, v[i]), tf.mul(1 - ADAM.beta2, tf.square(g[i])));
          const delta = tf.div(tf.mul(lr / (1 - c1), mi), tf.add(tf.sqrt(tf.div(vi, 1 - c2)), ADAM.epsilon));
          nt.push(tf.sub(p, tf.mul(mask, delta)));
          // A frozen network keeps its moments too (it no longer moves).
          nm.push(tf.add(m[i], tf.mul(mask, tf.sub(mi, m[i]))));
          nv.push(tf.add(v[i], tf.mul(mask, tf.sub(vi, v[i]))));
        } else {
          nt.push(tf.sub(p, tf.mul(mask, tf.mul(lr, g[i]))));
          nm.push(tf.clone(m[i]));
          nv.push(tf.clone(v[i]));
        }
      });
      return { theta: nt, m: nm, v: nv, steps: tf.add(steps, active) };
    });
    ({ theta, m, v, steps } = updated);
    for (const ts of [old.theta, old.m, old.v, [old.steps]]) for (const x of ts) x.dispose();
    if ((step + 1) % PROGRESS_EVERY === 0) options.onProgress?.(count - remaining, count);
  }
  options.onProgress?.(count, count);
  // Write the trained weights back into θ's layout.
  const values = await Promise.all(theta.map((p) => p.data()));
  blocks.forEach((b, l) => {
    const w = values[2 * l];
    const bias = values[2 * l + 1];
    for (let s = 0; s < count; s++) {
      for (let q = 0; q < b.units * b.fanIn; q++) params[s * d + b.weights + q] = w[s * b.units * b.fanIn + q];
      if (b.biases >= 0) for (let j = 0; j < b.units; j++) params[s * d + b.biases + j] = bias[s * b.units + j];
    }
  });
  const activeValues = await active.data();
  const stepValues = await steps.data();
  for (const ts of [theta, m, v, hasBias, [inputs, t, yes, active, steps]]) for (const x of ts) x.dispose();
  return {
    steps: Int32Array.from(stepValues),
    fitted: Uint8Array.from(activeValues, (a) => (a === 0 ? 1 : 0)),
    backend: name,
  };
}
