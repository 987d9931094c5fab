/**
 * Statistical properties of the random-direction estimator against exact ground truth (issue 10
 * item 6). Every test is seeded, so it passes or fails deterministically; the false-failure rates
 * stated are for a correct estimator and a random seed:
 * - 5-sigma bands: P(|Z| > 5) = 5.7e-7 per comparison under the CLT (a heavy right tail makes the
 *   sample standard error too small now and then: the bands use 20,000 directions on cones with
 *   P ≥ 1e-3, whose tails that many directions sample well);
 * - binomial coverage bands of ±4.5 sd: 7e-6;
 * - the Kolmogorov–Smirnov test at α = 1e-4.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseFunction } from "../../src/boolean/truthTable.js";
import { bisectionRadius } from "../../src/estimators/bisectionRadius.js";
import { chebyshevAnchor } from "../../src/estimators/chebyshevAnchor.js";
import { coneRegion } from "../../src/estimators/coneRegion.js";
import { functionRegion } from "../../src/estimators/functionRegion.js";
import { customPreconditioner } from "../../src/estimators/preconditioner.js";
import { randomDirectionEstimate } from "../../src/estimators/randomDirectionEstimator.js";
import { describeOpenCone } from "../../src/geometry/describeOpenCone.js";
import { gaussian, perceptron, uniform, unitPrior } from "./_helpers/priors.js";

/** A random nonempty cone in R^d (d = 3..5) with small integer rows, and a random anchor inside it. */
const randomCone = fc
  .integer({ min: 3, max: 5 })
  .chain((d) =>
    fc.record({
      d: fc.constant(d),
      rows: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }), { minLength: d, maxLength: d + 3 }),
      offset: fc.array(fc.double({ min: -0.9, max: 0.9, noNaN: true }), { minLength: d, maxLength: d }),
      scale: fc.double({ min: 0.3, max: 1, noNaN: true }),
    }),
  )
  .map(({ d, rows, offset, scale }) => {
    const big = rows.map((r) => r.map(BigInt));
    const shape = describeOpenCone(big, d);
    if (shape.empty || rows.some((r) => r.every((x) => x === 0))) return null;
    const names = Array.from({ length: d }, (_, k) => `x${k + 1}`);
    const centre = chebyshevAnchor(big, names);
    if (!centre || centre.radius < 1e-3) return null;
    // A point of the inscribed ball (radius ρ about the centre, in the box [−1, 1]^d), scaled.
    const norm = Math.hypot(...offset) || 1;
    const reach = (0.9 * centre.radius * Math.min(1, norm)) / norm;
    const anchor = Float64Array.from(centre.theta, (c, k) => scale * (c + reach * offset[k]));
    return { rows: big, names, anchor };
  })
  .filter((c): c is NonNullable<typeof c> => c !== null);

/** A random symmetric positive-definite 3..5-matrix A·Aᵀ + 0.1·I. */
function spd(d: number, entries: readonly number[]): Float64Array {
  const P = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = i === j ? 0.1 : 0;
      for (let k = 0; k < d; k++) s += entries[i * d + k] * entries[j * d + k];
      P[i * d + j] = s;
    }
  return P;
}

describe("unbiasedness on random cones with random anchors", () => {
  it("the exact value lies within 5 standard errors of the mean of 20,000 directions (both priors)", () => {
    fc.assert(
      fc.property(randomCone, fc.integer({ min: 0, max: 1e6 }), ({ rows, names, anchor }, seed) => {
        const d = names.length;
        const priors = [unitPrior("gaussian", d), unitPrior("uniform", d)];
        const region = coneRegion(rows, names, { label: "random cone", priors });
        // Thinner cones have tails 20,000 directions do not sample: a random cone with P = 1.7e-6
        // had an effective sample size of 19 out of 4 million directions (still unbiased: its mean
        // over those 4 million was 1.55e-6 ± 0.36e-6). There the band says nothing.
        fc.pre(region.exact!.gaussian.p >= 1e-3);
        for (const prior of priors) {
          const e = randomDirectionEstimate(region, prior, { directions: 20000, seed, anchor, bootstrap: 0 });
          const exact = region.exact![prior.family.kind].p;
          expect(Math.abs(e.estimate - exact), `${prior.family.kind} exact ${exact} estimate ${e.estimate}`).toBeLessThanOrEqual(
            5 * (e.details!.standardError as number) + 1e-12,
          );
        }
      }),
      { seed: 601, numRuns: 12 },
    );
  });
  it("importance sampling with a random positive-definite P stays unbiased", () => {
    fc.assert(
      fc.property(randomCone, fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 25, maxLength: 25 }), (cone, entries) => {
        const d = cone.names.length;
        const prior = unitPrior("gaussian", d);
        const region = coneRegion(cone.rows, cone.names, { label: "random cone", priors: [prior] });
        fc.pre(region.exact!.gaussian.p >= 1e-3);
        const preconditioner = customPreconditioner(spd(d, entries), d);
        const e = randomDirectionEstimate(region, prior, { directions: 20000, seed: 17, anchor: cone.anchor, preconditioner, bootstrap: 0 });
        expect(e.details!.proposal).toBe("full");
        expect(Math.abs(e.estimate - region.exact!.gaussian.p)).toBeLessThanOrEqual(5 * (e.details!.standardError as number) + 1e-12);
      }),
      { seed: 602, numRuns: 8 },
    );
  });
});

describe("the uniform-prior estimator", () => {
  it("agrees with the exact rational volume of every n = 3 threshold function (5 standard errors)", () => {
    const arch = perceptron(3);
    const prior = uniform(arch);
    const all: string[] = [];
    arch.exactTable!({ priors: [], all: false, classes: "none" }).forEachRow((row) => all.push(row.function));
    expect(all.length).toBe(104);
    let seed = 1;
    for (const bits of all) {
      const region = functionRegion(arch, parseFunction(bits, 3), [prior]);
      const e = randomDirectionEstimate(region, prior, { directions: 3000, seed: seed++, bootstrap: 0 });
      const exact = region.exact!.uniform;
      expect(exact.fraction).toMatch(/^\d+\/\d+$/);
      expect(Math.abs(e.estimate - exact.p), `${bits}: exact ${exact.fraction}, estimate ${e.estimate}`).toBeLessThanOrEqual(
        5 * (e.details!.standardError as number) + 1e-12,
      );
    }
  });
});

describe("interval coverage", () => {
  it("the 95% CLT interval covers the exact value in a binomial band of 95% (200 runs of 2,000 directions)", () => {
    const arch = perceptron(3);
    const prior = gaussian(arch);
    const region = functionRegion(arch, parseFunction("00010111"), [prior]);
    const exact = region.exact!.gaussian.p;
    const R = 200;
    let covered = 0;
    for (let r = 0; r < R; r++) {
      const e = randomDirectionEstimate(region, prior, { directions: 2000, seed: 5000 + r, bootstrap: 0 });
      if (e.ci![0] <= exact && exact <= e.ci![1]) covered++;
    }
    const sd = Math.sqrt(R * 0.95 * 0.05);
    expect(Math.abs(covered - 0.95 * R)).toBeLessThanOrEqual(4.5 * sd);
  });
});

describe("log-mean-exp on thin cones", () => {
  // A wedge y > 100|x| (2/100 rad) with z > 0: P ≈ 1.6e-3, a heavy right tail of p̂.
  const thin = coneRegion(
    [
      [100n, 1n, 0n],
      [-100n, 1n, 0n],
      [0n, 0n, 1n],
      [1n, 0n, 1n],
    ],
    ["x", "y", "z"],
    { label: "thin wedge", priors: [unitPrior("gaussian", 3)] },
  );
  const exact = thin.exact!.gaussian.p;
  const run = (K: number, R: number) => {
    const gaps: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < R; r++) {
      const e = randomDirectionEstimate(thin, unitPrior("gaussian", 3), { directions: K, seed: 9000 + r, bootstrap: 0 });
      gaps.push(e.logMeanExp! - Math.log(exact));
      ratios.push(e.estimate / exact);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const se = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1) / xs.length);
    return { gap: mean(gaps), gapSe: se(gaps), ratio: mean(ratios), ratioSe: se(ratios) };
  };
  it("is biased low by about 1.1 nats at 100 directions and 0.1 at 1,000, while the linear mean is unbiased", () => {
    const k100 = run(100, 400);
    const k1000 = run(1000, 200);
    // Measured: gap −1.15 ± 0.09 (K = 100), −0.12 ± 0.04 (K = 1,000); the ratio of means 1 ± 0.05.
    expect(k100.gap).toBeLessThan(-0.8);
    expect(k100.gap).toBeGreaterThan(-1.6);
    expect(k1000.gap).toBeLessThan(0);
    expect(k1000.gap).toBeGreaterThan(k100.gap + 5 * Math.hypot(k100.gapSe, k1000.gapSe));
    for (const k of [k100, k1000]) expect(Math.abs(k.ratio - 1)).toBeLessThanOrEqual(5 * k.ratioSe);
  });
  it("has no visible bias on a wide cone (|gap| < 0.05 at 500 directions)", () => {
    const arch = perceptron(3);
    const prior = uniform(arch);
    const region = functionRegion(arch, parseFunction("00000011"), [prior]);
    let gap = 0;
    for (let r = 0; r < 100; r++) gap += randomDirectionEstimate(region, prior, { directions: 500, seed: 300 + r, bootstrap: 0 }).logMeanExp! - Math.log(region.exact!.uniform.p);
    expect(Math.abs(gap / 100)).toBeLessThan(0.05);
  });
});

describe("rotation invariance", () => {
  // An exact rational rotation: Givens rotations by the Pythagorean triples (3,4,5), (5,12,13), (8,15,17).
  const givens = (d: number, i: number, j: number, c: number, s: number) => {
    const G: number[][] = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (a === b ? 1 : 0)));
    G[i][i] = c;
    G[j][j] = c;
    G[i][j] = -s;
    G[j][i] = s;
    return G;
  };
  const mul = (A: number[][], B: number[][]) => A.map((row) => B[0].map((_, j) => row.reduce((s, a, k) => s + a * B[k][j], 0)));
  const d = 4;
  // Denominators 5·13·17 = 1105: Q·1105 is an integer matrix.
  const Q = mul(mul(givens(d, 0, 1, 3 / 5, 4 / 5), givens(d, 1, 2, 5 / 13, 12 / 13)), givens(d, 2, 3, 8 / 17, 15 / 17));
  const Qint = Q.map((row) => row.map((x) => BigInt(Math.round(x * 1105))));
  const arch = perceptron(3);
  const prior = gaussian(arch);
  const region = functionRegion(arch, parseFunction("00000001"), [prior]);
  const rotatedRows = region.rows!.map((a) => Qint.map((q) => q.reduce((s, x, k) => s + x * a[k], 0n)));
  const rotated = coneRegion(rotatedRows, ["a", "b", "c", "e"], { label: "rotated AND cone", priors: [unitPrior("gaussian", d)] });
  const anchor = region.anchor!.theta;
  const rotatedAnchor = Float64Array.from(Q, (row) => row.reduce((s, x, k) => s + x * anchor[k], 0));

  it("keeps the exact probability", () => {
    expect(rotated.exact!.gaussian.p).toBeCloseTo(region.exact!.gaussian.p, 12);
  });
  it("gives the same estimate, direction by direction, when the directions are rotated too (P = Q)", () => {
    const P = customPreconditioner(Float64Array.from(Q.flat()), d);
    const a = randomDirectionEstimate(region, prior, { directions: 5000, seed: 21, bootstrap: 0 });
    const b = randomDirectionEstimate(rotated, unitPrior("gaussian", d), { directions: 5000, seed: 21, anchor: rotatedAnchor, preconditioner: P, bootstrap: 0 });
    expect(b.estimate / a.estimate).toBeCloseTo(1, 10);
    expect(b.max! / a.max!).toBeCloseTo(1, 10);
  });
  it("has the same distribution of estimates over seeds (two-sample Kolmogorov–Smirnov, α = 1e-4)", () => {
    const R = 200;
    const sample = (reg: typeof region, anc: Float64Array, p: typeof prior, base: number) =>
      Array.from({ length: R }, (_, r) => randomDirectionEstimate(reg, p, { directions: 200, seed: base + r, anchor: anc, bootstrap: 0 }).estimate).sort(
        (x, y) => x - y,
      );
    const xs = sample(region, anchor, prior, 100);
    const ys = sample(rotated, rotatedAnchor, unitPrior("gaussian", d), 100000);
    let i = 0;
    let j = 0;
    let D = 0;
    while (i < R && j < R) {
      if (xs[i] <= ys[j]) i++;
      else j++;
      D = Math.max(D, Math.abs(i - j) / R);
    }
    // c(α)·√(2/R) with c(1e-4) = √(−ln(α/2)/2) = 2.226.
    expect(D).toBeLessThan(2.226 * Math.sqrt(2 / R));
  });
});

describe("exact radius against bisection radius", () => {
  it("agree to the bisection's tolerance on random cones and directions", () => {
    fc.assert(
      fc.property(randomCone, fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 5, maxLength: 5 }), (cone, v) => {
        const d = cone.names.length;
        const u = Float64Array.from(v.slice(0, d));
        fc.pre(u.some((x) => x !== 0));
        const region = coneRegion(cone.rows, cone.names, { label: "random cone" });
        const exact = region.rayDistance(cone.anchor, u);
        const bisected = bisectionRadius(region.contains, cone.anchor, u, 1e-12);
        if (!Number.isFinite(exact)) expect(bisected).toBe(Infinity);
        else expect(Math.abs(bisected - exact)).toBeLessThanOrEqual(1e-11 * exact);
      }),
      { seed: 603, numRuns: 300 },
    );
  });
});
