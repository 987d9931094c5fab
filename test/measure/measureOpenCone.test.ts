import { describe, expect, it } from "vitest";
import { nullSpace } from "../../src/geometry/linalg.js";
import { type Rational, rat } from "../../src/geometry/rational.js";
import { gaussianPrior } from "../../src/measure/gaussianPrior.js";
import { measureOpenCone, pointedPieces } from "../../src/measure/measureOpenCone.js";
import { uniformPrior } from "../../src/measure/uniformPrior.js";

const ones = (d: number): Rational[] => Array.from({ length: d }, () => rat(1));
const gaussian = (rows: bigint[][], scales: Rational[]) => measureOpenCone(rows, { family: gaussianPrior, scales });
const uniform = (rows: bigint[][], scales: Rational[]) => measureOpenCone(rows, { family: uniformPrior, scales });
const unitRows = (d: number, k: number): bigint[][] =>
  Array.from({ length: k }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1n : 0n)));

describe("measureOpenCone", () => {
  it.each([1, 2, 3, 4, 5])("the %i-dimensional orthant has p = 2^-d under both priors", (d) => {
    const g = gaussian(unitRows(d, d), ones(d));
    expect(Math.abs(g.p - 2 ** -d)).toBeLessThanOrEqual(g.err + 1e-15);
    expect(uniform(unitRows(d, d), ones(d)).fraction).toBe(`1/${2 ** d}`);
  });

  it.each([1, 2, 3, 4])("no rows in dimension %i: p = 1", (d) => {
    const g = gaussian([], ones(d));
    expect(Math.abs(g.p - 1)).toBeLessThanOrEqual(g.err + 1e-15);
    expect(uniform([], ones(d)).fraction).toBe("1/1");
  });

  it("cones that are not pointed: a half-space is 1/2, a wedge times a line its angle", () => {
    for (const row of [
      [1n, 0n, 0n],
      [2n, -3n, 5n],
    ]) {
      const g = gaussian([row], [rat(1), rat(2), rat(1, 3)]);
      expect(Math.abs(g.p - 0.5)).toBeLessThanOrEqual(g.err + 1e-15);
      expect(uniform([row], [rat(1), rat(2), rat(1, 3)]).fraction).toBe("1/2");
    }
    // |y| < x with z free; σ = (1, 3, 1/2): in u = y/3 the wedge is |u| < x/3.
    const wedge = [
      [1n, 1n, 0n],
      [1n, -1n, 0n],
    ];
    const g = gaussian(wedge, [rat(1), rat(3), rat(1, 2)]);
    expect(Math.abs(g.p - Math.atan(1 / 3) / Math.PI)).toBeLessThanOrEqual(g.err + 1e-15);
    // Box [−1,1]×[−3,3]: area ∫₀¹ 2x dx = 1 of 12.
    expect(uniform(wedge, [rat(1), rat(3), rat(1, 2)]).fraction).toBe("1/12");
  });

  it("empty cones (a lower-dimensional closure, a zero row) have p = 0, method 'empty'", () => {
    for (const rows of [
      [
        [1n, -1n],
        [-1n, 1n],
      ],
      [[0n, 0n]],
      [
        [1n, 0n],
        [0n, 0n],
      ],
    ]) {
      expect(gaussian(rows, ones(2))).toEqual({ p: 0, err: 0, method: "empty", converged: true });
      expect(uniform(rows, ones(2))).toEqual({ fraction: "0/1", p: 0 });
    }
  });

  it("refuses dimensions beyond the exact methods, pointing to Monte Carlo", () => {
    expect(() => gaussian(unitRows(10, 10), ones(10))).toThrow(/at most 9 parameters, got 10; use Monte Carlo/);
    expect(() => uniform([[1n, 2n]], ones(3))).toThrow(RangeError);
  });
});

describe("pointedPieces", () => {
  it("splits a cone with k-dimensional lineality into 2^k pointed pieces", () => {
    for (const [rows, d, k] of [
      [[], 3, 3],
      [[[1n, 1n, 0n, 0n]], 4, 3],
      [
        [
          [1n, 0n, 0n],
          [0n, 1n, 0n],
        ],
        3,
        1,
      ],
      [unitRows(3, 3), 3, 0],
    ] as [bigint[][], number, number][]) {
      const pieces = pointedPieces(rows, d);
      expect(pieces).toHaveLength(2 ** k);
      for (const p of pieces) expect(nullSpace(p, d)).toEqual([]);
    }
  });
});
