import { describe, expect, it } from "vitest";
import { createArchitecture } from "../../../src/arch/registry.js";
import { trainFloat64 } from "../../../src/experiments/sgd/float64Trainer.js";
import { trainTfjs } from "../../../src/experiments/sgd/tfjsTrainer.js";
import { encodedRows, type TrainableNet, trainableNet } from "../../../src/experiments/sgd/trainableNet.js";
import type { LossName } from "../../../src/experiments/sgd/trainingOptions.js";
import { gaussianPrior } from "../../../src/measure/gaussianPrior.js";
import { randomStream } from "../../../src/measure/randomStream.js";
import { tensorBackend } from "../../../src/tensor/tensorBackend.js";

/**
 * The loss written out independently of the trainer: a plain scalar forward pass over the examples
 * (hidden units relu, or logistic for a step net's surrogate), mean of log(1 + e^(−t z)) or ½(z − t)².
 */
function referenceLoss(net: TrainableNet, theta: Float64Array, x: Float64Array, labels: Uint8Array, loss: LossName): number {
  let total = 0;
  for (let k = 0; k < labels.length; k++) {
    let a = Array.from(x.subarray(k * net.inputs, (k + 1) * net.inputs));
    let z = 0;
    net.blocks.forEach((b, l) => {
      const next: number[] = [];
      for (let j = 0; j < b.units; j++) {
        let s = b.biases >= 0 ? theta[b.biases + j] : 0;
        for (let i = 0; i < b.fanIn; i++) s += theta[b.weights + j * b.fanIn + i] * a[i];
        next.push(l + 1 < net.blocks.length ? (net.trained === "logistic" ? 1 / (1 + Math.exp(-s)) : Math.max(0, s)) : s);
        z = s;
      }
      a = next;
    });
    const t = labels[k] === 1 ? 1 : -1;
    total += loss === "ce" ? Math.log1p(Math.exp(-t * z)) : 0.5 * (z - t) ** 2;
  }
  return total / labels.length;
}

const NETS = [
  ["perceptron", { inputs: 3 }],
  ["perceptron", { inputs: 3, bias: false, encoding: "signed" as const }],
  ["relu", { inputs: 3, layers: [3, 4, 1] }],
  ["relu", { inputs: 2, layers: [2, 3, 2, 1] }],
  ["step", { inputs: 3, layers: [3, 3, 1] }],
] as const;

describe("hand-written Float64 gradients", () => {
  // One SGD step of rate h moves θ by −h·∇L; ∇L is checked against central differences of the
  // independent loss (relative error 1e-6; the differences' own error is O(ε²) ≈ 1e-10).
  for (const [name, config] of NETS) {
    for (const loss of ["ce", "mse"] as const) {
      it(`${name} ${JSON.stringify(config)} ${loss}: one step equals −h·(finite-difference gradient)`, () => {
        const arch = createArchitecture(name, config);
        const net = trainableNet(arch);
        const d = net.parameters;
        const rows = [0, 1, 2, 3].filter((r) => r < 2 ** net.inputs);
        const x = encodedRows(net, rows);
        const labels = Uint8Array.from(rows, (r) => (r === 1 || r === 2 ? 1 : 0));
        const count = 20;
        const theta = new Float64Array(count * d);
        gaussianPrior.sample(new Float64Array(d).fill(1), count, randomStream(3), theta);
        const before = Float64Array.from(theta);
        const h = 1e-3;
        const out = trainFloat64({ net, x, labels, params: theta, count }, { optimizer: "sgd", loss, learningRate: h, maxSteps: 1 });
        let checked = 0;
        for (let s = 0; s < count; s++) {
          if (out.steps[s] === 0) continue;
          checked++;
          const t0 = before.slice(s * d, (s + 1) * d);
          for (let i = 0; i < d; i++) {
            const eps = 1e-5;
            const plus = Float64Array.from(t0);
            const minus = Float64Array.from(t0);
            plus[i] += eps;
            minus[i] -= eps;
            const fd = (referenceLoss(net, plus, x, labels, loss) - referenceLoss(net, minus, x, labels, loss)) / (2 * eps);
            const step = (t0[i] - theta[s * d + i]) / h;
            expect(Math.abs(step - fd)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fd)));
          }
        }
        expect(checked).toBeGreaterThan(5);
      });
    }
  }

  it("every perceptron fits a training set labelled by a threshold function (adam and sgd)", () => {
    const arch = createArchitecture("perceptron", { inputs: 3 });
    const net = trainableNet(arch);
    const rows = [0, 3, 5, 6, 7];
    const labels = Uint8Array.from(rows, (r) => (r >= 5 ? 1 : 0)); // x1 ∧ (x2 ∨ x3)
    for (const optimizer of ["adam", "sgd"] as const) {
      const theta = new Float64Array(200 * 4);
      gaussianPrior.sample(new Float64Array(4).fill(1), 200, randomStream(9), theta);
      const out = trainFloat64({ net, x: encodedRows(net, rows), labels, params: theta, count: 200 }, { optimizer, loss: "ce", learningRate: optimizer === "adam" ? 0.01 : 0.1, maxSteps: 10_000 });
      expect(out.fitted.every((f) => f === 1)).toBe(true);
      const tables = new Uint32Array(200);
      arch.forward(theta, 200, tables);
      for (const t of tables) for (const [k, r] of rows.entries()) expect((t >>> r) & 1).toBe(labels[k]);
    }
  });
});

describe("the tfjs engine", () => {
  // Same networks, same initial weights, a few SGD and Adam steps: the float32 tensor program (its
  // hand-written batched gradients) and the Float64 code agree to float32 rounding (1e-4 relative
  // after 20 steps), on every trainable kind of network.
  for (const [name, config] of NETS) {
    it(`follows the Float64 trajectory (${name} ${JSON.stringify(config)}, sgd and adam, ce and mse)`, async () => {
      await tensorBackend({ preferred: ["cpu"], report: () => {} });
      const arch = createArchitecture(name, config);
      const net = trainableNet(arch);
      const d = net.parameters;
      const rows = Array.from({ length: 2 ** net.inputs }, (_, r) => r);
      const labels = Uint8Array.from(rows, (r) => (r.toString(2).split("1").length - 1) % 2);
      const x = encodedRows(net, rows);
      for (const optimizer of ["sgd", "adam"] as const) {
        for (const loss of ["ce", "mse"] as const) {
          const count = 16;
          const a = new Float64Array(count * d);
          gaussianPrior.sample(new Float64Array(d).fill(1), count, randomStream(4), a);
          const b = Float64Array.from(a, Math.fround);
          const c = Float64Array.from(b);
          const options = { optimizer, loss, learningRate: optimizer === "adam" ? 0.01 : 0.05, maxSteps: 20 };
          const f64 = trainFloat64({ net, x, labels, params: c, count }, options);
          const tf = await trainTfjs({ net, x, labels, params: b, count }, options);
          expect(Array.from(tf.steps)).toEqual(Array.from(f64.steps));
          for (let i = 0; i < count * d; i++) expect(Math.abs(b[i] - c[i])).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(c[i])));
        }
      }
    });
  }

  // Networks that fit at different steps leave the batch as it shrinks (compaction): each must still
  // stop the step it fits, with the weights it had then, as in the Float64 engine.
  it("stops each network the step it fits while the batch shrinks (relu 3-8-1, adam)", async () => {
    await tensorBackend({ preferred: ["cpu"], report: () => {} });
    const arch = createArchitecture("relu", { inputs: 3, layers: [3, 8, 1] });
    const net = trainableNet(arch);
    const d = net.parameters;
    const rows = [0, 1, 2, 7];
    const labels = Uint8Array.from([0, 0, 0, 1]);
    const x = encodedRows(net, rows);
    const count = 200;
    const a = new Float64Array(count * d);
    gaussianPrior.sample(new Float64Array(d).fill(1), count, randomStream(5), a);
    const b = Float64Array.from(a, Math.fround);
    const c = Float64Array.from(b);
    const options = { optimizer: "adam" as const, loss: "ce" as const, learningRate: 0.01, maxSteps: 300 };
    const f64 = trainFloat64({ net, x, labels, params: c, count }, options);
    const tf = await trainTfjs({ net, x, labels, params: b, count }, options);
    // Enough spread for several compactions: some fit at once, many within 300 steps, not all at the same step.
    // Half fit within 32 steps and some run past 64: the batch is compacted at least twice.
    expect(new Set(f64.steps).size).toBeGreaterThan(20);
    expect(f64.steps.filter((s) => s < 32).length).toBeGreaterThanOrEqual(count / 2);
    expect(f64.steps.filter((s) => s > 64).length).toBeGreaterThan(0);
    expect(Array.from(tf.fitted)).toEqual(Array.from(f64.fitted));
    expect(Array.from(tf.steps)).toEqual(Array.from(f64.steps));
    for (let i = 0; i < count * d; i++) expect(Math.abs(b[i] - c[i])).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(c[i])));
  });
});
