import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priorFor } from "../../src/arch/architecture.js";
import { createArchitecture } from "../../src/arch/registry.js";
import { gpEpEstimator } from "../../src/estimators/gpEpEstimator.js";
import { nngpKernel } from "../../src/estimators/nngpKernel.js";
import { orthantEp } from "../../src/estimators/orthantEp.js";
import { priorVariances } from "../../src/estimators/priorVariances.js";
import { encodeRow } from "../../src/boolean/encoding.js";
import { ONE, rat } from "../../src/geometry/rational.js";
import { gaussianPrior, standardNormals } from "../../src/measure/gaussianPrior.js";
import { orthantProbability } from "../../src/measure/orthantProbability.js";
import { randomStream } from "../../src/measure/randomStream.js";
import { coneRegion, perceptron } from "./_helpers/estimatorRegions.js";

const logRatio = (a: number, b: number) => Math.abs(Math.log(a / b));

function equicorrelated(d: number, rho: number): number[][] {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : rho)));
}

describe("orthantEp", () => {
  it("is exact for one coordinate and for independent coordinates (EP is exact on product factors)", () => {
    expect(Math.exp(orthantEp(Float64Array.of(4), 1).logP)).toBeCloseTo(0.5, 14);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }), (vars) => {
        const m = vars.length;
        const c = new Float64Array(m * m);
        vars.forEach((v, i) => (c[i * m + i] = v));
        expect(orthantEp(c, m).logP).toBeCloseTo(-m * Math.LN2, 12);
      }),
      { seed: 3, numRuns: 100 },
    );
  });

  it("gives probability 0 when a coordinate is identically 0 and rejects a malformed covariance", () => {
    expect(orthantEp(Float64Array.of(1, 0, 0, 0), 2).logP).toBe(Number.NEGATIVE_INFINITY);
    expect(() => orthantEp(Float64Array.of(1, 0, 0), 2)).toThrow(RangeError);
    expect(() => orthantEp(Float64Array.of(-1), 1)).toThrow(/negative/);
  });

  // Measured errors (|log EP/exact|): ≤ 0.03 for d = 2, |ρ| ≤ 0.9; ≤ 0.043 on equicorrelated d ≤ 6, ρ ≤ 0.8; 0.0026 at d = 8, ρ = 0.3
  // (EP underestimates strongly positively correlated orthants, as Cunningham et al. 2011 report).
  it("is close to exact orthant probabilities (closed form d = 2, Plackett up to d = 8)", () => {
    for (const rho of [-0.9, -0.5, 0, 0.5, 0.9]) {
      const ep = Math.exp(orthantEp(Float64Array.of(1, rho, rho, 1), 2).logP);
      expect(logRatio(ep, 0.25 + Math.asin(rho) / (2 * Math.PI))).toBeLessThan(0.035);
    }
    for (const [d, rhos] of [
      [3, [-0.1, 0.3, 0.8]],
      [4, [-0.1, 0.3, 0.8]],
      [6, [-0.1, 0.3, 0.8]],
      [8, [0.3]],
    ] as const) {
      for (const rho of rhos) {
        const r = equicorrelated(d, rho);
        const ep = Math.exp(orthantEp(Float64Array.from(r.flat()), d).logP);
        expect(logRatio(ep, orthantProbability(r).p), `d=${d} rho=${rho}`).toBeLessThan(rho > 0.5 ? 0.06 : 0.005);
      }
    }
  });
});

describe("nngpKernel", () => {
  it("is the perceptron's linear kernel σ_w²⟨x, x'⟩ + σ_b² exactly", () => {
    const arch = perceptron(3);
    const prior = priorFor(arch, gaussianPrior, { weight: rat(1, 2), bias: rat(3) });
    const k = nngpKernel(arch, priorVariances(prior));
    for (let a = 0; a < 8; a++)
      for (let b = 0; b < 8; b++) {
        const xa = encodeRow(3, a, "binary");
        const xb = encodeRow(3, b, "binary");
        expect(k[a * 8 + b]).toBe(0.25 * xa.reduce((s, v, i) => s + v * xb[i], 0) + 9);
      }
  });

  // One hidden layer: the output covariance is exact, so sampled networks must reproduce it. 16
  // entries, each within 5 standard errors (estimated from the sample): false-failure rate < 1e-5.
  it("matches the sampled output covariance of 2-2-1 step and ReLU nets (arc-cosine orders 0 and 1)", () => {
    for (const type of ["step", "relu"] as const) {
      const arch = createArchitecture(type, { inputs: 2, layers: [2, 2, 1] });
      const prior = priorFor(arch, gaussianPrior, { weight: ONE, bias: rat(1, 2) });
      const k = nngpKernel(arch, priorVariances(prior));
      const samples = 100_000;
      const rng = randomStream(11);
      const theta = new Float64Array(9);
      const sum = new Float64Array(16);
      const sumSq = new Float64Array(16);
      const out = new Float64Array(4);
      const act = (z: number) => (type === "step" ? (z > 0 ? 1 : 0) : Math.max(z, 0));
      for (let s = 0; s < samples; s++) {
        standardNormals(rng, theta, 9);
        // Order W1[1][1], W1[1][2], W1[2][1], W1[2][2], b1[1], b1[2], v[1], v[2], c; biases have σ = 1/2.
        for (const i of [4, 5, 8]) theta[i] *= 0.5;
        for (let r = 0; r < 4; r++) {
          const x = encodeRow(2, r, "binary");
          let o = theta[8];
          for (let j = 0; j < 2; j++) o += theta[6 + j] * act(theta[2 * j] * x[0] + theta[2 * j + 1] * x[1] + theta[4 + j]);
          out[r] = o;
        }
        for (let a = 0; a < 4; a++)
          for (let b = 0; b < 4; b++) {
            const p = out[a] * out[b];
            sum[a * 4 + b] += p;
            sumSq[a * 4 + b] += p * p;
          }
      }
      for (let e = 0; e < 16; e++) {
        const mean = sum[e] / samples;
        const se = Math.sqrt((sumSq[e] / samples - mean * mean) / samples);
        expect(Math.abs(mean - k[e]), `${type} entry ${e}`).toBeLessThan(5 * se);
      }
    }
  });
});

describe("gp-ep estimator", () => {
  // For a perceptron under a Gaussian prior the GP is the exact law of the pre-activations, so EP's
  // orthant error is the whole error. Measured: n = 2 max |log ratio| 0.042; n = 3 max 0.101, mean 0.050.
  it("approximates the exact Gaussian probability of every n = 2 and n = 3 perceptron function", () => {
    for (const [n, worst, mean] of [
      [2, 0.05, 0.02],
      [3, 0.12, 0.06],
    ]) {
      const arch = perceptron(n);
      const prior = priorFor(arch, gaussianPrior, { weight: ONE, bias: ONE });
      const errors: number[] = [];
      arch.exactTable?.({ priors: [prior], all: false, classes: "none" }).forEachRow((row) => {
        const exact = (row as unknown as { gaussian: { p: number } }).gaussian.p;
        const e = gpEpEstimator.estimate(coneRegion(arch, row.function), prior, { directions: 2, seed: 0 });
        expect((e.details as { converged: boolean }).converged).toBe(true);
        errors.push(logRatio(e.estimate, exact));
      });
      expect(errors).toHaveLength(n === 2 ? 14 : 104);
      expect(Math.max(...errors)).toBeLessThan(worst);
      expect(errors.reduce((s, x) => s + x, 0) / errors.length).toBeLessThan(mean);
    }
  });

  // Hidden layers: EP against the exact orthant probability of the same NNGP (4 inputs). The exact
  // orthants of all 16 sign patterns partition the space, so they sum to 1. Measured max |log ratio|:
  // step 0.056, ReLU 0.052.
  it("agrees with the exact orthant probability of the NNGP on 2-2-1 step and ReLU nets", () => {
    for (const type of ["step", "relu"] as const) {
      const arch = createArchitecture(type, { inputs: 2, layers: [2, 2, 1] });
      const prior = priorFor(arch, gaussianPrior, { weight: ONE, bias: ONE });
      const k = nngpKernel(arch, priorVariances(prior));
      let total = 0;
      for (let bits = 0; bits < 16; bits++) {
        const f = Array.from({ length: 4 }, (_, i) => ((bits >> i) & 1 ? "1" : "0")).join("");
        const s = Array.from(f, (ch) => (ch === "1" ? 1 : -1));
        const r = Array.from({ length: 4 }, (_, a) =>
          Array.from({ length: 4 }, (_, b) => (k[a * 4 + b] * s[a] * s[b]) / Math.sqrt(k[a * 4 + a] * k[b * 4 + b])),
        );
        const exact = orthantProbability(r).p;
        total += exact;
        const region = { label: f, function: f, names: arch.parameters, arch, contains: () => false, rayDistance: () => 0, radius: { method: "exact" as const } };
        const e = gpEpEstimator.estimate(region, prior, { directions: 2, seed: 0 });
        expect(logRatio(e.estimate, exact), `${type} ${f}`).toBeLessThan(0.07);
      }
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it("needs a network's function region", () => {
    const arch = perceptron(2);
    const prior = priorFor(arch, gaussianPrior, { weight: ONE, bias: ONE });
    const region = { label: "a cone", names: arch.parameters, contains: () => true, rayDistance: () => 1, radius: { method: "exact" as const } };
    expect(() => gpEpEstimator.estimate(region, prior, { directions: 2, seed: 0 })).toThrow(/needs the region of a network's function/);
  });
});
