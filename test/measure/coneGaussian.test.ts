import fc from "fast-check";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { rat } from "../../src/geometry/rational.js";
import { coneGaussian } from "../../src/measure/coneGaussian.js";
import { simplicialConeGaussian } from "../../src/measure/simplicialConeGaussian.js";
import { readReference } from "../reference/readReference.js";

const AND_REFERENCE = Number(readReference<{ p: string }>("andConeGaussian.json").p);

const SEED = 424_242;

function unitRows(d: number): number[][] {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
}

/** The orthant cone(e_1..e_d) split by the ray (1, …, 1): d simplices, each with one e_i replaced. */
function splitOrthant(d: number): number[][][] {
  const ones = new Array<number>(d).fill(1);
  return Array.from({ length: d }, (_, i) => unitRows(d).map((row, j) => (j === i ? ones : row)));
}

/** Splits a simplicial cone by the ray through the sum of its generators (d pieces). */
function splitAtCentre(v: bigint[][]): bigint[][][] {
  const centre = v[0].map((_, k) => v.reduce((s, row) => s + row[k], 0n));
  return v.map((_, i) => v.map((row, j) => (j === i ? centre : row)));
}

/**
 * Triangulations of the cones of all threshold functions of n = 2 inputs, θ = (w1, w2, b): the
 * chambers of the arrangement of the four planes x̃·θ = 0. A chamber's rays are the candidates
 * ±(x̃_i × x̃_j) that satisfy all its sign conditions weakly; its section is a convex polygon, so a
 * fan from the first ray in angular order triangulates it. Non-threshold functions get < 3 rays.
 */
function thresholdCones2(): { f: string; simplices: number[][][] }[] {
  const rows = [
    [0, 0, 1],
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 1],
  ];
  const cross = (a: number[], b: number[]) => [
    a[1] * b[2] - a[2] * b[1],
    a[2] * b[0] - a[0] * b[2],
    a[0] * b[1] - a[1] * b[0],
  ];
  const candidates: number[][] = [];
  for (let i = 0; i < 4; i++) {
    for (let j = i + 1; j < 4; j++) {
      const c = cross(rows[i], rows[j]);
      for (const s of [1, -1]) {
        const r = c.map((x) => s * x);
        if (
          !candidates.some((q) =>
            q.every(
              (x, k) => x * r[(k + 1) % 3] === q[(k + 1) % 3] * r[k] && Math.sign(x) === Math.sign(r[k]),
            ),
          )
        )
          candidates.push(r);
      }
    }
  }
  const out: { f: string; simplices: number[][][] }[] = [];
  for (let f = 0; f < 16; f++) {
    const sign = rows.map((_, i) => ((f >> (3 - i)) & 1 ? 1 : -1));
    const rays = candidates.filter((r) =>
      rows.every((x, i) => sign[i] * (x[0] * r[0] + x[1] * r[1] + x[2] * r[2]) >= 0),
    );
    if (rays.length < 3) continue;
    const unit = rays.map((r) => r.map((x) => x / Math.hypot(...r)));
    const axis = [0, 1, 2].map((k) => unit.reduce((s, u) => s + u[k], 0));
    const e1 = cross(axis, [1, 0.3, 0.1]);
    const e2 = cross(axis, e1);
    const angle = (u: number[]) =>
      Math.atan2(
        u.reduce((s, x, k) => s + x * e2[k], 0),
        u.reduce((s, x, k) => s + x * e1[k], 0),
      );
    const order = rays.map((_, i) => i).sort((a, b) => angle(unit[a]) - angle(unit[b]));
    const simplices: number[][][] = [];
    for (let k = 1; k + 1 < order.length; k++)
      simplices.push([rays[order[0]], rays[order[k]], rays[order[k + 1]]]);
    out.push({ f: sign.map((s) => (s > 0 ? "1" : "0")).join(""), simplices });
  }
  return out;
}

describe("coneGaussian: sums over triangulations", () => {
  it("an empty triangulation has probability 0", () => {
    expect(coneGaussian([])).toEqual({ p: 0, err: 0, method: "degenerate", methodCounts: {}, converged: true });
  });

  it("the orthant split at (1, …, 1) sums to 2^−d, d = 2..7", () => {
    for (let d = 2; d <= 7; d++) {
      const q = coneGaussian(splitOrthant(d));
      expect(Math.abs(q.p - 2 ** -d)).toBeLessThan(1e-14);
      expect(Math.abs(q.p - 2 ** -d)).toBeLessThanOrEqual(q.err + 1e-17);
      expect(q.err).toBeLessThan(1e-13);
      expect(Object.values(q.methodCounts).reduce((s, x) => s + (x ?? 0), 0)).toBe(d);
    }
  });

  it("a thin simplex split at its centre keeps its probability to 1e-10 relative", () => {
    const v = [
      [1_000_000n, 1n, 0n, -1n, 2n],
      [1_000_000n, 0n, 2n, 1n, -1n],
      [1_000_000n, -2n, 1n, 0n, 1n],
      [1_000_000n, 1n, -1n, 2n, 0n],
      [1_000_000n, 0n, 0n, -1n, -2n],
    ];
    const whole = simplicialConeGaussian(v);
    const parts = coneGaussian(splitAtCentre(v), { relTol: 1e-10 });
    expect(whole.p).toBeLessThan(1e-20);
    expect(Math.abs(parts.p - whole.p) / whole.p).toBeLessThan(1e-10);
    expect(parts.err / parts.p).toBeLessThanOrEqual(1e-10);
    expect(parts.method).toBe("radial-cubature");
  });

  it("the 14 threshold functions of two inputs: AND as referenced, and Σ P = 1 for several priors", () => {
    const cones = thresholdCones2();
    expect(cones).toHaveLength(14);
    const and = cones.find((c) => c.f === "0001")!;
    // The orthant closed form, evaluated by test/reference/andConeGaussian.py.
    expect(Math.abs(coneGaussian(and.simplices).p - AND_REFERENCE)).toBeLessThan(1e-16);
    for (const sigma of [undefined, [1, 1, 2], [0.5, 3, 1], [rat(1, 3), rat(2, 7), 5n]]) {
      let total = 0;
      let err = 0;
      for (const c of cones) {
        const q = coneGaussian(c.simplices, sigma === undefined ? {} : { sigma });
        total += q.p;
        err += q.err;
      }
      expect(Math.abs(total - 1)).toBeLessThan(1e-14);
      expect(Math.abs(total - 1)).toBeLessThanOrEqual(err + 1e-16);
    }
  });
});

describe("coneGaussian: non-isotropic priors", () => {
  it("a common scale changes nothing; σ as float or as the same rational gives the same result", () => {
    const simplices = splitOrthant(5).map((s) => s.map((row) => row.map((x, k) => x + (k === 0 ? 2 : 0))));
    const base = coneGaussian(simplices);
    expect(coneGaussian(simplices, { sigma: [3, 3, 3, 3, 3] })).toEqual(base);
    expect(coneGaussian(simplices, { sigma: [0.5, 2, 1, 0.25, 1] })).toEqual(
      coneGaussian(simplices, { sigma: [rat(1, 2), 2n, 1n, rat(1, 4), 1] }),
    );
  });

  it("d = 2: cone((1, 0), (1, 1)) under σ = (1, 2) is the wedge up to (1, 1/2)", () => {
    const q = coneGaussian(
      [
        [
          [1, 0],
          [1, 1],
        ],
      ],
      { sigma: [1, 2] },
    );
    expect(Math.abs(q.p - Math.atan(0.5) / (2 * Math.PI))).toBeLessThan(1e-16);
  });

  it("matches a seeded Monte Carlo with θ_k ~ N(0, σ_k²) within 5 standard errors", () => {
    // False-failure rate for a random seed: P(|Z| > 5) ≈ 5.7e-7 per comparison (3 here).
    let rng = xoroshiro128plus(SEED);
    const normal = (): number =>
      Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng))) * Math.cos(2 * Math.PI * uniformFloat64(rng));
    const simplices = splitOrthant(4).map((s) => s.map((row) => row.map((x, k) => (k === 3 ? x - 1 : x))));
    // θ lies in the union iff it is a non-negative combination of some simplex's generators.
    const solve = (v: number[][], theta: number[]): number[] => {
      const n = v.length;
      const a = v[0].map((_, r) => [...v.map((g) => g[r]), theta[r]]);
      for (let k = 0; k < n; k++) {
        let p = k;
        for (let i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > Math.abs(a[p][k])) p = i;
        [a[p], a[k]] = [a[k], a[p]];
        for (let i = 0; i < n; i++) {
          if (i === k) continue;
          const f = a[i][k] / a[k][k];
          for (let j = k; j <= n; j++) a[i][j] -= f * a[k][j];
        }
      }
      return a.map((row, i) => row[n] / row[i]);
    };
    rng = xoroshiro128plus(SEED + 1);
    for (const sigma of [
      [1, 1, 1, 1],
      [1, 2, 0.5, 3],
      [0.2, 1, 1, 4],
    ]) {
      const q = coneGaussian(simplices, { sigma });
      const samples = 100_000;
      let hits = 0;
      for (let t = 0; t < samples; t++) {
        const theta = sigma.map((s) => s * normal());
        if (simplices.some((v) => solve(v, theta).every((mu) => mu >= 0))) hits++;
      }
      const se = Math.sqrt((q.p * (1 - q.p)) / samples);
      expect(Math.abs(hits / samples - q.p)).toBeLessThan(5 * se);
    }
  });
});

describe("coneGaussian: properties", () => {
  it("the sum over a triangulation does not depend on the order of the simplices", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }), (perm) => {
        const simplices = splitOrthant(5);
        const a = coneGaussian(simplices);
        const b = coneGaussian(perm.map((i) => simplices[i]));
        expect(Math.abs(a.p - b.p)).toBeLessThan(1e-16);
      }),
      { seed: SEED, numRuns: 5 },
    );
  });
});

describe("coneGaussian: argument checks", () => {
  it("rejects mismatched dimensions, bad σ and bad options", () => {
    expect(() => coneGaussian([unitRows(3), unitRows(4)])).toThrow(/simplex 1/);
    expect(() => coneGaussian([unitRows(3)], { sigma: [1, 1] })).toThrow(/sigma must have 3 entries/);
    expect(() => coneGaussian([unitRows(3)], { sigma: [1, 0, 1] })).toThrow(/sigma\[1\] must be > 0/);
    expect(() => coneGaussian([unitRows(3)], { sigma: [1, Number.POSITIVE_INFINITY, 1] })).toThrow(/finite/);
    expect(() => coneGaussian([unitRows(3)], { relTol: Number.NaN })).toThrow(/relTol/);
    expect(() => coneGaussian([[[1, 2], [3]]])).toThrow(/generator 1 has 1 coordinates/);
  });
});
