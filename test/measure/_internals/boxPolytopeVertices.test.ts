import { describe, expect, it } from "vitest";
import { boxPolytopeVertices, unitBoxRows } from "../../../src/measure/_internals/boxPolytopeVertices.js";

function key(v: { p: readonly bigint[]; q: bigint }): string {
  return `${v.p.join(",")}/${v.q}`;
}

describe("boxPolytopeVertices", () => {
  it("without cuts returns the 2^d corners, each tight on d box rows", () => {
    for (let d = 1; d <= 5; d++) {
      const vertices = boxPolytopeVertices([], [], d);
      expect(vertices).toHaveLength(2 ** d);
      for (const v of vertices) expect(v.tight.toString(2).replace(/0/g, "")).toHaveLength(d);
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
    expect(corner?.tight).toBe(0b1001n);
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
    expect(vertices.find((v) => key(v) === "0,0,0/1")?.tight).toBe(0b1111n);
  });

  it("creates vertices with rational coordinates in lowest terms", () => {
    // 3x − y ≤ 0 inside [−1, 1]²: vertices (−1, −1), (−1, 1), (1/3, 1), (−1/3, −1).
    const vertices = boxPolytopeVertices([[3n, -1n]], [0n], 2);
    expect(vertices.map(key).sort()).toEqual(["-1,-1/1", "-1,1/1", "-1,-3/3", "1,3/3"].sort());
  });
});
