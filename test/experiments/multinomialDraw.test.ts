import { describe, expect, it } from "vitest";
import { binomialDraw, multinomialDraw } from "../../src/experiments/multinomialDraw.js";
import { randomStream } from "../../src/measure/randomStream.js";

// Statistical checks with fixed seeds: each bound is 5 standard deviations of the statistic, so a
// correct sampler fails one with probability below 6e-7 (a handful of bounds per run).
describe("binomialDraw", () => {
  const cases: [number, number][] = [
    [10, 0.3], // inversion
    [1000, 0.02], // inversion (mean 20)
    [1000, 0.5], // order-statistic step, then inversion
    [15_028_134, 0.37], // n of the n = 6 table: several order-statistic steps
    [92_160, 0.999], // p > ½ by symmetry
  ];
  it.each(cases)("Binomial(%i, %f): mean and variance within 5 sigma over 4000 draws", (n, p) => {
    const rng = randomStream(11);
    const draws = 4000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < draws; i++) {
      const x = binomialDraw(rng, n, p);
      expect(Number.isInteger(x) && x >= 0 && x <= n).toBe(true);
      sum += x;
      sq += x * x;
    }
    const mean = n * p;
    const variance = n * p * (1 - p);
    const sampleMean = sum / draws;
    const sampleVar = sq / draws - sampleMean * sampleMean;
    expect(Math.abs(sampleMean - mean)).toBeLessThanOrEqual(5 * Math.sqrt(variance / draws));
    // Var of the sample variance ≈ (μ4 − σ⁴)/draws with μ4 = σ⁴(3 + γ), γ = (1 − 6pq)/(npq) the binomial's excess kurtosis.
    const kurtosis = (1 - 6 * p * (1 - p)) / variance;
    expect(Math.abs(sampleVar - variance)).toBeLessThanOrEqual(5 * variance * Math.sqrt((2 + kurtosis) / draws));
  });

  it("the edges and bad arguments", () => {
    const rng = randomStream(1);
    expect(binomialDraw(rng, 0, 0.5)).toBe(0);
    expect(binomialDraw(rng, 7, 0)).toBe(0);
    expect(binomialDraw(rng, 7, 1)).toBe(7);
    expect(() => binomialDraw(rng, -1, 0.5)).toThrow(RangeError);
    expect(() => binomialDraw(rng, 2.5, 0.5)).toThrow(RangeError);
    expect(() => binomialDraw(rng, 3, 1.5)).toThrow(RangeError);
  });

  it("P(X = k) of Binomial(40, 0.3) against the exact law (chi-square over k, 20000 draws)", () => {
    const rng = randomStream(5);
    const n = 40;
    const p = 0.3;
    const draws = 20_000;
    const seen = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < draws; i++) seen[binomialDraw(rng, n, p)]++;
    let pk = (1 - p) ** n;
    let chi = 0;
    let cells = 0;
    for (let k = 0; k <= n; k++) {
      const expected = draws * pk;
      if (expected >= 5) {
        chi += (seen[k] - expected) ** 2 / expected;
        cells++;
      }
      pk *= ((n - k) / (k + 1)) * (p / (1 - p));
    }
    // χ² with cells − 1 degrees of freedom: mean df, sd √(2 df).
    const df = cells - 1;
    expect(chi).toBeLessThanOrEqual(df + 5 * Math.sqrt(2 * df));
  });
});

describe("multinomialDraw", () => {
  it("counts are integers summing to the total; each cell's mean within 5 sigma", () => {
    const rng = randomStream(3);
    const weights = [7680, 1, 0, 92_160, 40_320, 3];
    const total = weights.reduce((s, w) => s + w, 0);
    const out = new Float64Array(weights.length);
    const draws = 2000;
    const sums = new Array<number>(weights.length).fill(0);
    for (let i = 0; i < draws; i++) {
      multinomialDraw(rng, total, weights, out);
      expect(out.reduce((s, x) => s + x, 0)).toBe(total);
      out.forEach((x, j) => {
        expect(Number.isInteger(x)).toBe(true);
        sums[j] += x;
      });
    }
    expect(sums[2]).toBe(0);
    weights.forEach((w, j) => {
      const p = w / total;
      const sd = Math.sqrt((total * p * (1 - p)) / draws);
      expect(Math.abs(sums[j] / draws - total * p)).toBeLessThanOrEqual(5 * sd + 1e-12);
    });
  });

  it("rejects negative weights, all-zero weights and mismatched lengths", () => {
    const rng = randomStream(1);
    expect(() => multinomialDraw(rng, 3, [1, -1], new Float64Array(2))).toThrow(RangeError);
    expect(() => multinomialDraw(rng, 3, [0, 0], new Float64Array(2))).toThrow(RangeError);
    expect(() => multinomialDraw(rng, 3, [1, 1], new Float64Array(3))).toThrow(RangeError);
  });
});
