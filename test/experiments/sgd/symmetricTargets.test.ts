import { describe, expect, it } from "vitest";
import { priorFor } from "../../../src/arch/architecture.js";
import { createArchitecture } from "../../../src/arch/registry.js";
import { type BooleanFunction, formatFunction, valueAt } from "../../../src/boolean/truthTable.js";
import { sgdVsBayes } from "../../../src/experiments/sgd/sgdVsBayes.js";
import { ONE } from "../../../src/geometry/rational.js";
import { priorFamily } from "../../../src/measure/priorFamilies.js";

/** Row r with inputs x1 and x2 swapped (rows MSB-first: x1 is bit n−1, x2 bit n−2). */
function swapRow(r: number, n: number): number {
  const a = (r >> (n - 1)) & 1;
  const b = (r >> (n - 2)) & 1;
  return (r & ~((1 << (n - 1)) | (1 << (n - 2)))) | (b << (n - 1)) | (a << (n - 2));
}

/** f with x1 and x2 swapped: (σf)(r) = f(σr). */
function swapFunction(f: BooleanFunction): BooleanFunction {
  let bits = 0n;
  for (let r = 0; r < 2 ** f.n; r++) if (valueAt(f, swapRow(r, f.n))) bits |= 1n << BigInt(r);
  return { n: f.n, bits };
}

// Swapping x1 and x2 permutes the perceptron's weights (w1 ↔ w2): it preserves the prior and
// commutes with gradient descent, so the target σf trained on σS must give P_SGD(σg | σS) =
// P_SGD(g | S) and P_B(σg | σS) = P_B(g | S) exactly. The posteriors are compared as exact
// rationals; the SGD frequencies of two independent seeded runs (R = 4000 each) by a two-sample
// 5-sigma bound per function, |p1 − p2| ≤ 5·√(p(1 − p)·2/R) with p the pooled frequency, false-
// failure rate below 1e-5 over the ~20 functions (and the seeds are fixed, so the run is repeatable).
describe("SGD vs Bayes on a perceptron: targets related by a symmetry", () => {
  for (const [optimizer, loss] of [
    ["adam", "ce"],
    ["sgd", "mse"],
  ] as const) {
    it(`x1 ↔ x2 (${optimizer}, ${loss}): equal posteriors exactly, equal SGD frequencies within sampling error`, async () => {
      const arch = createArchitecture("perceptron", { inputs: 3 });
      const prior = priorFor(arch, priorFamily("uniform"), { weight: ONE, bias: ONE });
      const f = { n: 3, bits: 0b00001101n }; // rows 0,2,3 → 1: not symmetric in x1, x2
      const sf = swapFunction(f);
      expect(sf.bits).not.toBe(f.bits);
      const rows = [0, 1, 4, 6];
      const R = 4000;
      const common = { runs: R, optimizer, loss, learningRate: optimizer === "adam" ? 0.01 : 0.1, maxSteps: 10_000, priorSamples: 1 };
      const a = await sgdVsBayes(arch, prior, { ...common, target: f, trainRows: rows, seed: 1 });
      const b = await sgdVsBayes(arch, prior, { ...common, target: sf, trainRows: rows.map((r) => swapRow(r, 3)), seed: 2 });
      expect(a.trained.fitted).toBe(R);
      expect(b.trained.fitted).toBe(R);
      expect(a.posterior.functions.size).toBe(b.posterior.functions.size);
      for (const [bits, e] of a.posterior.functions) {
        const image = b.posterior.functions.get(swapFunction({ n: 3, bits }).bits);
        expect(image?.posterior.fraction, formatFunction({ n: 3, bits })).toBe(e.posterior.fraction);
      }
      const keys = new Set([...a.trained.counts.keys(), ...[...b.trained.counts.keys()].map((k) => swapFunction({ n: 3, bits: k }).bits)]);
      for (const bits of keys) {
        const p1 = (a.trained.counts.get(bits) ?? 0) / R;
        const p2 = (b.trained.counts.get(swapFunction({ n: 3, bits }).bits) ?? 0) / R;
        const p = (p1 + p2) / 2;
        expect(Math.abs(p1 - p2), formatFunction({ n: 3, bits })).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p) * 2) / R) + 1e-12);
      }
    });
  }
});
