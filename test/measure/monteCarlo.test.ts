/**
 * Monte Carlo against cones with known probability. Every statistical check allows 5 standard
 * errors: for a correct estimator the chance of a false failure is P(|Z| > 5) ≈ 5.7e-7 per check
 * (normal approximation). The seeds are fixed, so the results are deterministic anyway; the bound
 * says that a different seed would almost surely pass too.
 */
import { describe, expect, it } from "vitest";
import { monteCarloCone } from "../../src/measure/monteCarlo.js";
import { fromNumber, rat } from "../../src/geometry/rational.js";
import { gaussianPrior } from "../../src/measure/gaussianPrior.js";
import type { Prior } from "../../src/measure/prior.js";
import { uniformPrior } from "../../src/measure/uniformPrior.js";
import { wilsonInterval } from "../../src/measure/wilsonInterval.js";

const gaussian = (scales: number[]): Prior => ({ family: gaussianPrior, scales: scales.map(fromNumber) });
const uniform = (scales: number[]): Prior => ({ family: uniformPrior, scales: scales.map(fromNumber) });
const identity = (d: number) =>
  Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));

/** |p̂ − p| within 5 standard errors of the exact p. */
function expectWithin5se(p: number, estimate: { p: number; samples: number }): void {
  const se = Math.sqrt((p * (1 - p)) / estimate.samples);
  expect(Math.abs(estimate.p - p), `p̂ = ${estimate.p}, p = ${p}, se = ${se}`).toBeLessThan(5 * se);
}

/** AND on 2 inputs, binary, with bias: rows s_x·(x, 1) over θ = (w1, w2, b). */
const AND_ROWS = [
  [0, 0, -1],
  [0, -1, -1],
  [-1, 0, -1],
  [1, 1, 1],
];

describe("monteCarloCone against known probabilities", () => {
  it("the positive orthant has probability 2^−d under both priors, any scales (d = 1..6)", () => {
    for (let d = 1; d <= 6; d++) {
      const scales = Array.from({ length: d }, (_, i) => 0.5 + i);
      for (const prior of [gaussian(scales), uniform(scales)]) {
        const est = monteCarloCone(identity(d), prior, 100_000, 1000 + d);
        expectWithin5se(2 ** -d, est);
      }
    }
  });

  it("AND (2 inputs) under the uniform prior on [−1, 1]^3 has probability 1/48", () => {
    // By hand: with β = −b ∈ (0, 1) the constraints w1 < β, w2 < β, w1 + w2 > β force w1, w2 ∈ (0, β)
    // and leave the triangle of area β²/2; ∫₀¹ β²/2 dβ = 1/6 of the box volume 8 gives 1/48
    // (b > 0 is impossible: w1 + b < 0 and w2 + b < 0 would contradict w1 + w2 + b > 0).
    // Cross-checked once with 2·10^7 samples of this function (seed 54321): p̂ = 0.0208430, z = +0.30.
    expectWithin5se(1 / 48, monteCarloCone(AND_ROWS, uniform([1, 1, 1]), 400_000, 7));
  });

  it("AND (2 inputs) under the standard Gaussian prior has probability Ω/4π ≈ 0.0146233", () => {
    // The cone has 3 facets (b < 0 is redundant); its extreme rays (cross products of facet normals)
    // are u = (1, 1, −1), v = (0, 1, −1), w = (1, 0, −1). Van Oosterom–Strackee on the unit rays:
    // Ω = 2·atan2(|det[u v w]|, 1 + u·v + u·w + v·w) = 2·atan2(1/(2√3), 3/2 + 4/√6).
    // Cross-checked once with 2·10^7 samples (seed 12345): p̂ = 0.0146128, z = −0.39.
    const p = Math.atan2(1 / (2 * Math.sqrt(3)), 1.5 + 4 / Math.sqrt(6)) / (2 * Math.PI);
    expect(p).toBeCloseTo(0.0146233, 7);
    expectWithin5se(p, monteCarloCone(AND_ROWS, gaussian([1, 1, 1]), 400_000, 8));
  });

  it("a 2-d wedge between (0, 1) and (1, 2): Gaussian atan(1/2)/2π, uniform 1/16", () => {
    // {θ1 > 0, θ2 − 2θ1 > 0}: the angle between the rays (0, 1) and (1, 2) is atan(1/2); in the
    // square [−1, 1]² the region is 0 < θ1 < θ2/2, of area ∫₀¹ θ2/2 dθ2 = 1/4, a fraction 1/16.
    const rows = [
      [1, 0],
      [-2, 1],
    ];
    expectWithin5se(Math.atan(0.5) / (2 * Math.PI), monteCarloCone(rows, gaussian([1, 1]), 200_000, 9));
    expectWithin5se(1 / 16, monteCarloCone(rows, uniform([1, 1]), 200_000, 10));
  });

  it("a half-space has probability 1/2; no constraints has probability 1", () => {
    expectWithin5se(0.5, monteCarloCone([[1, -2, 3]], gaussian([1, 1, 1]), 100_000, 11));
    expectWithin5se(0.5, monteCarloCone([[1, -2, 3]], uniform([1, 3, 0.5]), 100_000, 12));
    expect(monteCarloCone([], gaussian([1, 1]), 1000, 13).p).toBe(1);
  });
});

describe("monteCarloCone: the estimate object", () => {
  it("is reproducible for a seed, and differs between seeds", () => {
    const a = monteCarloCone(AND_ROWS, gaussian([1, 1, 1]), 20_000, 42);
    const b = monteCarloCone(AND_ROWS, gaussian([1, 1, 1]), 20_000, 42);
    const c = monteCarloCone(AND_ROWS, gaussian([1, 1, 1]), 20_000, 43);
    expect(b).toEqual(a);
    expect(c.hits).not.toBe(a.hits);
  });

  it("has p = hits/samples, the Wilson interval, method mc and the seed", () => {
    const e = monteCarloCone(AND_ROWS, uniform([1, 1, 1]), 30_000, 5);
    expect(e.p).toBe(e.hits / e.samples);
    expect(e.samples).toBe(30_000);
    expect(e.ci).toEqual(wilsonInterval(e.hits, e.samples));
    expect(e.ci[0]).toBeLessThanOrEqual(e.p);
    expect(e.ci[1]).toBeGreaterThanOrEqual(e.p);
    expect(e.method).toBe("mc");
    expect(e.seed).toBe(5);
  });

  it("depends only on the ratios of the scales (a common factor draws the same signs)", () => {
    for (const kind of ["gaussian", "uniform"] as const) {
      const prior = kind === "gaussian" ? gaussian : uniform;
      const a = monteCarloCone(AND_ROWS, prior([1, 1, 2]), 20_000, 3);
      const b = monteCarloCone(AND_ROWS, prior([4, 4, 8]), 20_000, 3);
      expect(b.hits).toBe(a.hits);
    }
  });

  it("reports progress every 2^16 samples and once at the end", () => {
    const calls: number[] = [];
    monteCarloCone([[1]], gaussian([1]), 200_000, 1, (done, total) => {
      expect(total).toBe(200_000);
      calls.push(done);
    });
    expect(calls).toEqual([65536, 131072, 196608, 200_000]);
  });

  it("rejects bad sample counts, seeds, rows and priors with RangeError", () => {
    const rows = [[1, 1]];
    const p = gaussian([1, 1]);
    expect(() => monteCarloCone(rows, p, 0, 1)).toThrow(/samples must be a positive integer, got 0/);
    expect(() => monteCarloCone(rows, p, -3, 1)).toThrow(RangeError);
    expect(() => monteCarloCone(rows, p, 1.5, 1)).toThrow(/got 1.5/);
    expect(() => monteCarloCone(rows, p, Number.NaN, 1)).toThrow(RangeError);
    expect(() => monteCarloCone(rows, p, 10, 0.5)).toThrow(/seed/);
    expect(() => monteCarloCone([[1, 1, 1]], p, 10, 1)).toThrow(/row 0 has 3 entries, expected 2/);
    expect(() => monteCarloCone(rows, gaussian([1, 0]), 10, 1)).toThrow(/coordinate 2 must be > 0/);
    expect(() => monteCarloCone(rows, { family: uniformPrior, scales: [rat(1), rat(-1)] }, 10, 1)).toThrow(RangeError);
  });
});
