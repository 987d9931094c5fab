/**
 * The tfjs cost engine against the Float64 one (the independent reference: hand-written
 * back-propagation) and against central differences of the Float64 value.
 *
 * Tolerance, from first principles: tfjs computes in float32 (u = 2^−24 ≈ 6e-8). Every entry of a
 * gradient, Hessian or Fisher matrix of these nets is a sum over R ≤ 8 rows of products along a chain
 * of at most ~30 rounded float32 operations (forward, first and second reverse pass), so its
 * rounding error is at most about 30·u·(Σ |terms|) ≈ 2e-6 of the sum of its terms' absolute values
 * (the componentwise bound for a sum of products), a few ulp more for sigmoid and softplus. The
 * tests allow TFJS_RELATIVE_ACCURACY = 1e-4 of that scale (a factor 50 of headroom, so a failure
 * means a wrong derivative, not rounding): for gradients the scale is max_k mean_r |(σ(z_r) − p_r)·J_rk|,
 * for matrices the largest entry of |H| and of the Fisher matrix (the Gauss–Newton part bounds the
 * terms of H's sums for these O(1) parameters). The Float64 reference itself is exact to 1e-10
 * relative (Hessian by differences of the exact gradient), far inside the tolerance. Seeds are fixed,
 * so these checks are deterministic.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createArchitecture } from "../../src/arch/registry.js";
import { parseFunction } from "../../src/boolean/truthTable.js";
import { behaviouralRegion } from "../../src/estimators/behaviouralRegion.js";
import type { CostEngine } from "../../src/estimators/costEngine.js";
import { functionRegion } from "../../src/estimators/functionRegion.js";
import { laplaceEstimator } from "../../src/estimators/laplaceEstimator.js";
import { buildPreconditioner } from "../../src/estimators/preconditioner.js";
import { crossEntropyCost, float64CostEngine, type RegionCost } from "../../src/estimators/regionCost.js";
import { TFJS_RELATIVE_ACCURACY, tfjsCostEngine } from "../../src/estimators/tfjsCostEngine.js";
import { type DenseNet, denseNetOf, type HiddenActivation, sigmoid } from "../../src/estimators/_internals/denseNet.js";
import { tensorBackend } from "../../src/tensor/tensorBackend.js";
import { gaussian, perceptron } from "./_helpers/priors.js";

let tfjs: CostEngine;
beforeAll(async () => {
  tfjs = tfjsCostEngine(await tensorBackend({ report: () => {} }));
});

const maxAbs = (m: Float64Array) => m.reduce((s, x) => Math.max(s, Math.abs(x)), 0);
const maxDiff = (a: Float64Array, b: Float64Array) => a.reduce((s, x, k) => Math.max(s, Math.abs(x - b[k])), 0);

/** max_k mean_r |(σ(z_r) − p_r)·J_rk|: the scale of the gradient's terms (see the file comment). */
function gradientScale(net: DenseNet, targets: Float64Array, theta: Float64Array): number {
  const D = net.dimension;
  const R = net.rows;
  const out = new Float64Array(R);
  const jac = new Float64Array(R * D);
  net.jacobian(theta, out, jac);
  let s = 0;
  for (let k = 0; k < D; k++) {
    let t = 0;
    for (let r = 0; r < R; r++) t += Math.abs((sigmoid(out[r]) - targets[r]) * jac[r * D + k]);
    s = Math.max(s, t / R);
  }
  return s;
}

/** A net's cost in both engines, with the pieces the scales need. */
interface Case {
  readonly label: string;
  readonly net: DenseNet;
  readonly targets: Float64Array;
}

function netCase(label: string, type: "step" | "relu", layers: number[], hidden: HiddenActivation | undefined, targets: (R: number) => Float64Array): Case {
  const net = denseNetOf(createArchitecture(type, { inputs: layers[0], layers }), hidden);
  return { label, net, targets: targets(net.rows) };
}

const bits = (f: string) => () => Float64Array.from(f, (c) => Number(c));
const cases: Case[] = [
  // The sigmoid stand-in's second derivative is the one tf.sigmoid's own gradient loses under nesting.
  netCase("step 2-2-1 XOR, sigmoid stand-in", "step", [2, 2, 1], "sigmoid", bits("0110")),
  netCase("relu 2-3-1 OR", "relu", [2, 3, 1], undefined, bits("0111")),
  netCase("relu 3-8-1 parity", "relu", [3, 8, 1], undefined, bits("01101001")),
  netCase("step 3-8-1 MAJ, sigmoid stand-in", "step", [3, 8, 1], "sigmoid", bits("00010111")),
  // Behavioural targets: soft probabilities.
  netCase("relu 2-2-1, soft targets", "relu", [2, 2, 1], undefined, (R) => Float64Array.from({ length: R }, (_, r) => sigmoid(Math.sin(3 * r + 1)))),
];

// Coordinates (i + 0.1·√2)/1000 in [−3, 3]: no sum of a few of them is 0, so ReLU kinks stay rare.
const point = (D: number) =>
  fc.array(fc.integer({ min: -3000, max: 3000 }), { minLength: D, maxLength: D }).map((v) => Float64Array.from(v, (i) => (i + 0.1 * Math.SQRT2) / 1000));

describe.each(cases)("tfjs against Float64: $label", ({ net, targets }) => {
  const D = net.dimension;
  let a: RegionCost;
  let b: RegionCost;
  beforeAll(() => {
    a = crossEntropyCost("reference", net, targets, false, float64CostEngine);
    b = crossEntropyCost("tfjs", net, targets, false, tfjs);
  });

  it("records the engine: tfjs-<backend>, and a Float64 value", () => {
    expect(b.method).toMatch(/^tfjs-(tensorflow|wasm|cpu)$/);
    expect(a.method).toBe("float64");
    const theta = Float64Array.from({ length: D }, (_, k) => Math.cos(k));
    expect(b.value(theta)).toBe(a.value(theta));
  });

  it("gradients agree within 1e-4 of the scale of their terms", () => {
    fc.assert(
      fc.property(point(D), (theta) => {
        const ga = new Float64Array(D);
        const gb = new Float64Array(D);
        a.gradient(theta, ga);
        b.gradient(theta, gb);
        expect(maxDiff(ga, gb)).toBeLessThanOrEqual(TFJS_RELATIVE_ACCURACY * gradientScale(net, targets, theta));
      }),
      { seed: 1001, numRuns: 30 },
    );
  });

  it("Hessians and Fisher matrices agree within 1e-4 of their largest entries, and are symmetric", () => {
    fc.assert(
      fc.property(point(D), (theta) => {
        const Fa = a.fisher(theta);
        const Fb = b.fisher(theta);
        const Ha = a.hessian(theta);
        const Hb = b.hessian(theta);
        const scale = Math.max(maxAbs(Ha), maxAbs(Fa));
        expect(maxDiff(Ha, Hb)).toBeLessThanOrEqual(TFJS_RELATIVE_ACCURACY * scale);
        expect(maxDiff(Fa, Fb)).toBeLessThanOrEqual(TFJS_RELATIVE_ACCURACY * maxAbs(Fa));
        for (let i = 0; i < D; i++) for (let j = 0; j < i; j++) expect(Hb[i * D + j]).toBe(Hb[j * D + i]);
      }),
      { seed: 1002, numRuns: D > 20 ? 8 : 20 },
    );
  });
});

describe("tfjs against central differences of the Float64 value", () => {
  /** ∂L/∂θ_k by (L(θ + h e_k) − L(θ − h e_k))/2h and ∂²L/∂θ_i∂θ_j by the four-point formula. */
  const differences = (cost: RegionCost, theta: Float64Array, h: number) => {
    const D = theta.length;
    const at = (i: number, di: number, j: number, dj: number) => {
      const p = Float64Array.from(theta);
      p[i] += di;
      p[j] += dj;
      return cost.value(p);
    };
    const g = Float64Array.from({ length: D }, (_, k) => (at(k, h, k, 0) - at(k, -h, k, 0)) / (2 * h));
    const H = new Float64Array(D * D);
    for (let i = 0; i < D; i++)
      for (let j = 0; j < D; j++) H[i * D + j] = (at(i, h, j, h) - at(i, h, j, -h) - at(i, -h, j, h) + at(i, -h, j, -h)) / (4 * h * h);
    return { g, H };
  };

  it.each([
    ["step 2-2-1 XOR, sigmoid stand-in", cases[0]],
    ["relu 2-3-1 OR", cases[1]],
  ])("%s: gradient and Hessian", (_, { net, targets }) => {
    const cost = crossEntropyCost("tfjs", net, targets, false, tfjs);
    const D = net.dimension;
    // Away from ReLU kinks (all hidden pre-activations are ≥ 0.05 from 0 on every row here).
    const theta = Float64Array.from({ length: D }, (_, k) => 1.3 * Math.sin(k + 1) + 0.1);
    // h = 1e-4: truncation O(h²·L''') ≈ 1e-8, rounding ε/h² ≈ 2e-8 for the Hessian, far below 1e-4.
    const { g, H } = differences(cost, theta, 1e-4);
    const gt = new Float64Array(D);
    cost.gradient(theta, gt);
    const Ht = cost.hessian(theta);
    expect(maxDiff(g, gt)).toBeLessThanOrEqual(TFJS_RELATIVE_ACCURACY * Math.max(maxAbs(g), 1e-2));
    expect(maxDiff(H, Ht)).toBeLessThanOrEqual(TFJS_RELATIVE_ACCURACY * maxAbs(H));
  });
});

describe("engines in region builders", () => {
  it("perceptrons and cones keep their Float64 closed forms whatever the engine", () => {
    const cost = functionRegion(perceptron(3), parseFunction("00010111"), [], { costEngine: tfjs }).cost!;
    expect(cost.method).toBe("float64 (closed form)");
    expect(cost.hessianMethod).toMatch(/^exact/);
  });

  it("a net's preconditioner from tfjs matches the Float64 one, and records the engine", () => {
    const arch = createArchitecture("step", { inputs: 2, layers: [2, 2, 1] });
    const prior = gaussian(arch);
    const f = parseFunction("0110");
    const ra = functionRegion(arch, f, [prior]);
    const rb = functionRegion(arch, f, [prior], { costEngine: tfjs });
    const inputs = { anchor: ra.anchor!.theta, prior, scales: Array.from({ length: 9 }, () => 1), seed: 1 };
    for (const proposal of ["fisher", "hessian"] as const) {
      const pa = buildPreconditioner({ proposal, cost: ra.cost!, ...inputs });
      const pb = buildPreconditioner({ proposal, cost: rb.cost!, ...inputs });
      expect(pa.derivatives).toBe("float64");
      expect(pb.derivatives).toBe(tfjs.method);
      // P = diag(M)^{-1/2}/det: a relative error δ in M's diagonal moves P by about δ/2.
      pa.diagonal!.forEach((x, k) => expect(Math.abs(pb.diagonal![k] / x - 1)).toBeLessThan(TFJS_RELATIVE_ACCURACY));
    }
  });

  it("laplace on a behavioural ReLU region: the same spectrum from either engine, floored at each engine's accuracy", () => {
    const arch = createArchitecture("relu", { inputs: 2, layers: [2, 2, 1] });
    const theta = Float64Array.of(1, -1, 0.5, 2, 0.3, -0.2, 1.5, -1, 0.25);
    const options = { directions: 2, seed: 1, anchor: theta };
    const ea = laplaceEstimator.estimate(behaviouralRegion(arch, theta, 0.01), gaussian(arch), options);
    const eb = laplaceEstimator.estimate(behaviouralRegion(arch, theta, 0.01, { costEngine: tfjs }), gaussian(arch), options);
    expect(ea.details!.derivatives).toBe("float64");
    expect(eb.details!.derivatives).toBe(tfjs.method);
    // At θ* the Hessian is the Fisher matrix, of rank ≤ 4 rows < D = 9: five flat directions in both.
    expect(ea.details!.flatDirections).toBe(5);
    expect(eb.details!.flatDirections).toBe(5);
    // The resolved eigenvalues (≥ 1e-2·λ_max here) agree to 1e-4·λ_max/λ ≤ 1e-2 relative each.
    const resolved = (e: typeof ea) => (e.details!.eigenvalues as Float64Array).slice(5);
    const la = resolved(ea);
    const lb = resolved(eb);
    la.forEach((l, k) => expect(Math.abs(lb[k] / l - 1)).toBeLessThan(1e-2));
    // log det differs only by the floors: 5·ln(1e-4 / 1e-9) plus the resolved eigenvalues' differences.
    const gap = (eb.details!.logDetHessian as number) - (ea.details!.logDetHessian as number);
    const resolvedGap = la.reduce((s, l, k) => s + Math.log(lb[k] / l), 0);
    expect(gap - resolvedGap).toBeCloseTo(5 * Math.log(TFJS_RELATIVE_ACCURACY / 1e-9), 6);
  });
});
