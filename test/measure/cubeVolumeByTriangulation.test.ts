/**
 * Exact cube volumes by triangulation, checked against Lasserre's recursion (an independent exact
 * method), exact identities, and a seeded Monte Carlo run.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, cmp, type Rational, rat, toNumber } from "../../src/geometry/rational.js";
import { cubeVolume } from "../../src/measure/cubeVolume.js";
import { cubeVolumeByTriangulation } from "../../src/measure/cubeVolumeByTriangulation.js";
import { monteCarloCone } from "../../src/measure/monteCarlo.js";
import { uniformPrior } from "../../src/measure/uniformPrior.js";

const row = (d: number) => fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d });
const cone = (d: number, maxRows: number) => fc.array(row(d), { minLength: 1, maxLength: maxRows });
const halfWidth = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }))
  .map(([p, q]) => rat(p, q));
const cases = fc
  .integer({ min: 1, max: 4 })
  .chain((d) =>
    fc.record({ d: fc.constant(d), A: cone(d, 5), h: fc.array(halfWidth, { minLength: d, maxLength: d }) }),
  );

describe("cubeVolumeByTriangulation", () => {
  it("equals Lasserre's recursion exactly on random cones and boxes (d ≤ 4)", () => {
    fc.assert(
      fc.property(cases, ({ A, h }) => {
        const t = cubeVolumeByTriangulation(A, h);
        const l = cubeVolume(A, h);
        expect(t.volume).toEqual(l.volume);
        expect(t.fraction).toEqual(l.fraction);
      }),
      { seed: 20261122, numRuns: 150 },
    );
  });

  it("splits exactly along any extra hyperplane, and a cone and its negation have equal volume", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((d) => fc.tuple(cone(d, 4), row(d))),
        ([A, a]) => {
          const whole = cubeVolumeByTriangulation(A).volume;
          const plus = cubeVolumeByTriangulation([...A, a]).volume;
          const minus = cubeVolumeByTriangulation([...A, a.map((v) => -v)]).volume;
          // Adding a constraint never increases the volume.
          expect(cmp(plus, whole)).toBeLessThanOrEqual(0);
          // The hyperplane a·θ = 0 has measure zero unless a = 0, where both halves are empty.
          if (a.some((v) => v !== 0)) expect(add(plus, minus)).toEqual(whole);
          expect(cubeVolumeByTriangulation(A.map((r) => r.map((v) => -v))).volume).toEqual(whole);
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });

  it("is invariant under permuting coordinates together with the half-widths", () => {
    fc.assert(
      fc.property(cases, ({ A, h, d }) => {
        const perm = Array.from({ length: d }, (_, i) => d - 1 - i);
        const permuted = cubeVolumeByTriangulation(
          A.map((r) => perm.map((k) => r[k])),
          perm.map((k) => h[k]),
        );
        expect(permuted.volume).toEqual(cubeVolumeByTriangulation(A, h).volume);
      }),
      { seed: 11, numRuns: 80 },
    );
  });

  it("lies within 5 standard errors of a seeded Monte Carlo estimate (false-failure rate ≈ 5.7e-7 per cone)", () => {
    const cones: { A: number[][]; h: Rational[] }[] = [
      {
        A: [
          [1, 2, -1],
          [0, 1, 1],
          [-1, 0, 3],
        ],
        h: [rat(1), rat(1), rat(1)],
      },
      {
        A: [
          [2, -1, 0, 1],
          [1, 1, 1, -1],
          [0, 0, 1, 1],
        ],
        h: [rat(1), rat(2), rat(1, 2), rat(1)],
      },
      {
        A: [
          [1, 1, 1, 1, 1, -3],
          [1, -1, 0, 0, 0, 1],
          [0, 0, 1, -1, 1, 0],
        ],
        h: Array.from({ length: 6 }, () => rat(1)),
      },
    ];
    for (const { A, h } of cones) {
      const exact = toNumber(cubeVolumeByTriangulation(A, h).fraction);
      const samples = 200_000;
      const mc = monteCarloCone(A, { family: uniformPrior, scales: h }, samples, 5);
      const se = Math.sqrt((exact * (1 - exact)) / samples);
      expect(Math.abs(mc.p - exact)).toBeLessThanOrEqual(5 * se);
    }
  });

  it("gives the hand values: quadrant 1/4 of the square, AND on two inputs 1/48 of the cube", () => {
    expect(
      cubeVolumeByTriangulation([
        [1, 0],
        [0, 1],
      ]).fraction,
    ).toEqual(rat(1, 4));
    expect(
      cubeVolumeByTriangulation([
        [0, -1, -1],
        [-1, 0, -1],
        [1, 1, 1],
      ]).fraction,
    ).toEqual(rat(1, 48));
  });
});
