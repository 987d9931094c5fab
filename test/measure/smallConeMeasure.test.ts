/**
 * Closed-form small-cone measures (floats) against the exact ones: the Gaussian solid angle
 * against gaussianPrior.measureCone (numerical with err), the cube fraction against the exact
 * rational uniform measure, on random integer cones in dimensions 1 to 3; the all-cells-at-once
 * versions (Arrangement3, cubeArrangementFractions) against the one-cone functions.
 */
import { describe, expect, it } from "vitest";
import { parse, rat, toNumber } from "../../src/geometry/rational.js";
import { gaussianPrior } from "../../src/measure/gaussianPrior.js";
import { cubeArrangementFractions, squareArrangementFractions } from "../../src/measure/arrangementCube3.js";
import { Arrangement3 } from "../../src/measure/arrangementGaussian3.js";
import { smallConeCubeFraction, smallConeGaussian } from "../../src/measure/smallConeMeasure.js";
import { uniformPrior } from "../../src/measure/uniformPrior.js";

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("small-cone measures", () => {
  it.each([1, 2, 3])("dimension %i: Gaussian and cube fractions equal the exact measures", (m) => {
    const u = lcg(17 * m);
    let nonempty = 0;
    for (let t = 0; t < 60; t++) {
      const count = m + Math.floor(u() * 4);
      const rows = Array.from({ length: count }, () => Array.from({ length: m }, () => Math.floor(u() * 7) - 3));
      if (rows.some((r) => r.every((x) => x === 0))) continue;
      const big = rows.map((r) => r.map(BigInt));
      const scales = Array.from({ length: m }, () => rat(1));
      let g: { p: number; err: number };
      let c: { fraction: string };
      try {
        g = gaussianPrior.measureCone(big, scales);
        c = uniformPrior.measureCone(big, scales);
      } catch {
        continue; // the exact methods take pointed cones only
      }
      expect(Math.abs(smallConeGaussian(rows, m) - g.p)).toBeLessThan(1e-9 + 10 * g.err);
      expect(smallConeCubeFraction(rows, m)).toBeCloseTo(toNumber(parse(c.fraction)), 10);
      if (g.p > 0) nonempty++;
    }
    expect(nonempty).toBeGreaterThan(5);
  });

  it("all cells of an arrangement at once equal the cones one by one (Gaussian and cube)", () => {
    const u = lcg(5);
    const gauss = new Arrangement3(5);
    const cube = new Float64Array(32);
    for (let t = 0; t < 40; t++) {
      const R = 3 + (t % 3);
      const rows = Array.from({ length: R }, () => Array.from({ length: 3 }, () => u() * 2 - 1));
      const flat = Float64Array.from(rows.flat());
      expect(gauss.load(flat, R)).toBe(true);
      expect(cubeArrangementFractions(flat, R, cube)).toBeCloseTo(1, 12);
      let total = 0;
      for (let mask = 0; mask < 2 ** R; mask++) {
        const cone = rows.map((r, i) => ((mask >>> i) & 1 ? r : r.map((x) => -x)));
        total += gauss.probability(mask);
        expect(gauss.probability(mask)).toBeCloseTo(smallConeGaussian(cone, 3), 12);
        expect(cube[mask]).toBeCloseTo(smallConeCubeFraction(cone, 3), 12);
      }
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it("all cells of a planar arrangement at once equal the cones one by one (square)", () => {
    const u = lcg(8);
    const square = new Float64Array(32);
    for (let t = 0; t < 40; t++) {
      const R = 2 + (t % 4);
      const rows = Array.from({ length: R }, () => [u() * 2 - 1, t % 5 === 0 ? 0 : u() * 2 - 1]);
      expect(squareArrangementFractions(Float64Array.from(rows.flat()), R, square)).toBeCloseTo(1, 12);
      for (let mask = 0; mask < 2 ** R; mask++) {
        const cone = rows.map((r, i) => ((mask >>> i) & 1 ? r : r.map((x) => -x)));
        expect(square[mask]).toBeCloseTo(smallConeCubeFraction(cone, 2), 12);
      }
    }
  });

  it("the whole space, a half-space and an orthant", () => {
    expect(smallConeGaussian([], 3)).toBe(1);
    expect(smallConeGaussian([[0, 0, 2]], 3)).toBeCloseTo(0.5, 14);
    expect(smallConeGaussian([[1, 0, 0], [0, 1, 0], [0, 0, 1]], 3)).toBeCloseTo(1 / 8, 14);
    expect(smallConeCubeFraction([[1, 0, 0], [0, 1, 0], [0, 0, 1]], 3)).toBeCloseTo(1 / 8, 14);
    expect(smallConeCubeFraction([[1, 1]], 2)).toBeCloseTo(1 / 2, 14);
  });
});
