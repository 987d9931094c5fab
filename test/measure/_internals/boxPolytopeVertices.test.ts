import { describe, expect, it } from "vitest";
import {
  boxPolytopeVertices,
  isTight,
  unitBoxRows,
} from "../../../src/measure/_internals/boxPolytopeVertices.js";

function key(v: { p: readonly bigint[]; q: bigint }): string {
  return `${v.p.join(",")}/${v.q}`;
}

describe("boxPolytopeVertices", () => {
  it("without cuts returns the 2^d corners, each tight on d box rows", () => {
    for (let d = 1; d <= 5; d++) {
      const vertices = boxPolytopeVertices([], [], d);
      expect(vertices).toHaveLength(2 ** d);
      for (const v of vertices)
        expect(Array.from({ length: 2 * d }, (_, i) => isTight(v, i)).filter(Boolean)).toHaveLength(d);
    }
  });

  it("indexes box rows as unitBoxRows orders them", () => {
    const rows = unitBoxRows(2);
    expect(rows).toEqual([
      [1n, 0n],
      [-1n, 0n],
      [0n, 1n],
      [0n, -1n],
    ]);
    // Corner (1, −1) is tight on u_0 ≤ 1 (index 0) and −u_1 ≤ 1 (index 3).
    const corner = boxPolytopeVertices([], [], 2).find((v) => key(v) === "1,-1/1");
    expect([0, 1, 2, 3].filter((i) => corner !== undefined && isTight(corner, i))).toEqual([0, 3]);
  });

  it("keeps tight sets past 32 rows (several bitset words)", () => {
    // 40 copies of x ≥ 0 and one of y ≥ 0: the origin is tight on all 41 plus no box row.
    const rows = [...Array.from({ length: 40 }, () => [-1n, 0n]), [0n, -1n]];
    const vertices = boxPolytopeVertices(rows, Array(41).fill(0n), 2);
    expect(vertices.map(key).sort()).toEqual(["0,0/1", "0,1/1", "1,0/1", "1,1/1"]);
    const origin = vertices.find((v) => key(v) === "0,0/1");
    expect(
      Array.from({ length: 45 }, (_, i) => i).filter((i) => origin !== undefined && isTight(origin, i)),
    ).toEqual(Array.from({ length: 41 }, (_, i) => i));
  });

  it("finds the vertices of a square pyramid, including its non-simple apex", () => {
    // z ≥ |x|, z ≥ |y| as rows (∓1, 0, −1)·u ≤ 0, (0, ∓1, −1)·u ≤ 0.
    const rows = [
      [-1n, 0n, -1n],
      [1n, 0n, -1n],
      [0n, -1n, -1n],
      [0n, 1n, -1n],
    ];
    const vertices = boxPolytopeVertices(rows, [0n, 0n, 0n, 0n], 3);
    expect(vertices.map(key).sort()).toEqual(["-1,-1,1/1", "-1,1,1/1", "0,0,0/1", "1,-1,1/1", "1,1,1/1"]);
    const apex = vertices.find((v) => key(v) === "0,0,0/1");
    expect(
      Array.from({ length: 10 }, (_, i) => i).filter((i) => apex !== undefined && isTight(apex, i)),
    ).toEqual([0, 1, 2, 3]);
  });

  it("matches an independent count for the binary constant-1 cones (more than 32 rows from n = 6)", () => {
    // Counts from an offline floating-point enumeration (scipy HalfspaceIntersection, deduplicated).
    const expected = [9, 21, 49, 113, 257];
    for (let n = 2; n <= 6; n++) {
      const rows = Array.from({ length: 1 << n }, (_, i) => [
        ...Array.from({ length: n }, (_, k) => -BigInt((i >> (n - 1 - k)) & 1)),
        -1n,
      ]);
      expect(boxPolytopeVertices(rows, Array(rows.length).fill(0n), n + 1)).toHaveLength(expected[n - 2]);
    }
  });

  it("creates vertices with rational coordinates in lowest terms", () => {
    // 3x − y ≤ 0 inside [−1, 1]²: vertices (−1, −1), (−1, 1), (1/3, 1), (−1/3, −1).
    const vertices = boxPolytopeVertices([[3n, -1n]], [0n], 2);
    expect(vertices.map(key).sort()).toEqual(["-1,-1/1", "-1,1/1", "-1,-3/3", "1,3/3"].sort());
  });
});
