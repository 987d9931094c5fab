/**
 * The ziggurat sampler against the exact normal distribution, with fixed seeds (so each check
 * either always passes or always fails; the stated rates are the chance that a correct sampler
 * would fail with a seed picked at random): its table, moments, a Kolmogorov–Smirnov test on the
 * whole distribution, the tail beyond the base strip, and the Gaussian prior's scaling.
 */
import { describe, expect, it } from "vitest";
import { ZIGGURAT_TABLES, zigguratNormals } from "../../../src/measure/_internals/ziggurat.js";
import { gaussianPrior } from "../../../src/measure/gaussianPrior.js";
import { randomStream } from "../../../src/measure/randomStream.js";

/** Φ on a grid x = −8 + k·H by cumulative Simpson steps of e^{−t²/2}/√(2π) (error ≪ 1e-12). */
const H = 1e-3;
const GRID_MIN = -8;
const PHI_GRID = (() => {
  const steps = Math.round(16 / H);
  const phi = new Float64Array(steps + 1);
  const pdf = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  phi[0] = 6.22096057427178e-16; // Φ(−8)
  for (let k = 0; k < steps; k++) {
    const a = GRID_MIN + k * H;
    phi[k + 1] = phi[k] + (H / 6) * (pdf(a) + 4 * pdf(a + H / 2) + pdf(a + H));
  }
  return phi;
})();

/** Φ(x) by linear interpolation on the grid (error < 1e-7, far below the KS bound used). */
function phi(x: number): number {
  if (x <= GRID_MIN) return 0;
  const t = (x - GRID_MIN) / H;
  const k = Math.floor(t);
  if (k >= PHI_GRID.length - 1) return 1;
  return PHI_GRID[k] + (t - k) * (PHI_GRID[k + 1] - PHI_GRID[k]);
}

/** √N · sup |F_N − Φ| of sorted samples. */
function ksStatistic(sorted: Float64Array): number {
  const m = sorted.length;
  let d = 0;
  for (let i = 0; i < m; i++) {
    const p = phi(sorted[i]);
    d = Math.max(d, (i + 1) / m - p, p - i / m);
  }
  return Math.sqrt(m) * d;
}

function normals(seed: number, m: number): Float64Array {
  const out = new Float64Array(m);
  zigguratNormals(randomStream(seed), out, m);
  return out;
}

describe("ziggurat normals", () => {
  it("has the table of Doornik (2005): base edge r = 3.442619855899 and equal-area strips", () => {
    expect(ZIGGURAT_TABLES.r).toBeCloseTo(3.442619855899, 11);
    const x = ZIGGURAT_TABLES.x;
    const f = (t: number) => Math.exp(-0.5 * t * t);
    const v = x[0] * f(x[1]);
    // Strip i spans heights f(x[i]) … f(x[i+1]) with width x[i]; all have the base strip's area.
    for (let i = 1; i < 128; i++) expect(Math.abs(x[i] * (f(x[i + 1]) - f(x[i])) - v)).toBeLessThan(1e-14);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(normals(5, 1000)).toEqual(normals(5, 1000));
    expect(normals(6, 1000)).not.toEqual(normals(5, 1000));
  });

  // 1e6 samples; each bound is 5 standard errors of its statistic (false failure ≈ 5.7e-7 each, by
  // the normal approximation of these sums), 4 checks.
  it("has mean 0, variance 1, third moment 0 and fourth moment 3", () => {
    const m = 1_000_000;
    const z = normals(11, m);
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    for (const v of z) {
      s1 += v;
      s2 += v * v;
      s3 += v * v * v;
      s4 += v * v * v * v;
    }
    // Standard deviations of one draw's x, x², x³, x⁴: 1, √2, √15, √96.
    expect(Math.abs(s1 / m)).toBeLessThan(5 / Math.sqrt(m));
    expect(Math.abs(s2 / m - 1)).toBeLessThan(5 * Math.sqrt(2 / m));
    expect(Math.abs(s3 / m)).toBeLessThan(5 * Math.sqrt(15 / m));
    expect(Math.abs(s4 / m - 3)).toBeLessThan(5 * Math.sqrt(96 / m));
  });

  // Kolmogorov–Smirnov: P(√N·D > 2.694) ≈ 2·e^{−2·2.694²} ≈ 1e-6 for a correct sampler.
  it("passes a Kolmogorov–Smirnov test against Φ (N = 200,000, false failure ≈ 1e-6)", () => {
    expect(ksStatistic(normals(12, 200_000).sort())).toBeLessThan(2.694);
  });

  it("a biased sampler fails the same test (the test can fail)", () => {
    // σ = 1.05 moves the CDF by up to 0.05·φ(1) ≈ 0.012, √N·D ≈ 5.4.
    expect(ksStatistic(normals(12, 200_000).map((v) => v * 1.05).sort())).toBeGreaterThan(2.694);
  });

  // The tail beyond the base strip is drawn by a separate loop: its mass must be 2·(1 − Φ(r)).
  it("puts mass 2·(1 − Φ(r)) beyond the base strip, within 5 standard errors", () => {
    const m = 2_000_000;
    const r = ZIGGURAT_TABLES.r;
    const p = 2 * (1 - phi(r));
    const z = normals(13, m);
    let beyond = 0;
    let beyondFar = 0;
    for (const v of z) {
      if (Math.abs(v) > r) beyond++;
      if (Math.abs(v) > 4) beyondFar++;
    }
    expect(Math.abs(beyond - m * p)).toBeLessThan(5 * Math.sqrt(m * p * (1 - p)));
    const q = 2 * (1 - phi(4));
    expect(Math.abs(beyondFar - m * q)).toBeLessThan(5 * Math.sqrt(m * q));
  });
});

describe("gaussianPrior.sample", () => {
  it("scales coordinate k by σ_k", () => {
    const count = 200_000;
    const scales = Float64Array.of(1, 3, 0.5);
    const out = new Float64Array(count * 3);
    gaussianPrior.sample(scales, count, randomStream(21), out);
    for (let k = 0; k < 3; k++) {
      let s2 = 0;
      for (let s = 0; s < count; s++) s2 += out[s * 3 + k] ** 2;
      const variance = s2 / count;
      expect(Math.abs(variance / scales[k] ** 2 - 1)).toBeLessThan(5 * Math.sqrt(2 / count));
    }
  });
});
