import { describe, expect, it } from "vitest";
import { describeOpenCone } from "../../src/geometry/describeOpenCone.js";

const dot = (a: readonly bigint[], b: readonly bigint[]) => a.reduce((s, x, k) => s + x * b[k], 0n);

describe("describeOpenCone", () => {
  it("finds the facets, a witness and the lineality", () => {
    const rows = [
      [1n, 0n, 0n],
      [0n, 1n, 0n],
      [1n, 1n, 0n], // redundant
      [2n, 0n, 0n], // a copy of row 0
    ];
    const s = describeOpenCone(rows, 3);
    expect(s.empty).toBe(false);
    if (s.empty) return;
    expect(s.facets).toEqual([0, 1]);
    expect(s.linealityDimension).toBe(1);
    expect(rows.every((r) => dot(r, s.witness) > 0n)).toBe(true);
  });

  it("no rows: the whole space, lineality d", () => {
    expect(describeOpenCone([], 2)).toEqual({ empty: false, witness: [0n, 0n], facets: [], linealityDimension: 2 });
  });

  it("empty cones carry a Gordan certificate and say whether the closure is full-dimensional", () => {
    const flat = [
      [1n, -1n],
      [-1n, 1n],
    ];
    const s = describeOpenCone(flat, 2);
    expect(s).toMatchObject({ empty: true, closureFullDimensional: false });
    if (!s.empty) return;
    expect(s.farkas.every((y) => y >= 0n) && s.farkas.some((y) => y > 0n)).toBe(true);
    expect([0, 1].map((k) => s.farkas[0] * flat[0][k] + s.farkas[1] * flat[1][k])).toEqual([0n, 0n]);
    expect(describeOpenCone([[1n, 0n], [0n, 0n]], 2)).toMatchObject({ empty: true, closureFullDimensional: true });
  });

  it("rejects a bad dimension or a row of the wrong length", () => {
    expect(() => describeOpenCone([], 0)).toThrow(RangeError);
    expect(() => describeOpenCone([[1n]], 2)).toThrow(/row 1 has 1 entries, expected 2/);
  });
});
