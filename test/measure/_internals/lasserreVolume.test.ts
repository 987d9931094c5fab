import { describe, expect, it } from "vitest";
import { toString as ratString } from "../../../src/geometry/rational.js";
import { boxPolytopeVertices, unitBoxRows } from "../../../src/measure/_internals/boxPolytopeVertices.js";
import { lasserreVolume } from "../../../src/measure/_internals/lasserreVolume.js";

/** Volume of {u ∈ [−1,1]^d : rows·u ≤ rhs} through the same path cubeVolume takes. */
function volume(rows: bigint[][], rhs: bigint[], d: number): string {
  const all = [...rows, ...unitBoxRows(d)];
  const system = {
    dim: d,
    rows: all,
    rhs: [...rhs, ...Array.from({ length: 2 * d }, () => 1n)],
    ids: all.map((_, i) => i),
    scale: 1n,
  };
  return ratString(lasserreVolume(system, boxPolytopeVertices(rows, rhs, d)));
}

describe("lasserreVolume", () => {
  it("measures the box itself", () => {
    for (let d = 1; d <= 6; d++) expect(volume([], [], d)).toBe(String(2 ** d));
  });

  it("handles rows off the origin: the cross-polytope |x| + |y| + |z| ≤ 1 has volume 8/3! = 4/3", () => {
    const rows: bigint[][] = [];
    for (let s = 0; s < 8; s++) rows.push([0, 1, 2].map((k) => (((s >> k) & 1) === 1 ? -1n : 1n)));
    expect(volume(rows, Array(8).fill(1n), 3)).toBe("4/3");
  });

  it("handles a slab whose facets miss the box's corners: 1/2 ≤ x + y ≤ 1 in [−1,1]²", () => {
    // A(x + y ≤ t) = 4 − (2 − t)²/2 for 0 ≤ t ≤ 2: 7/2 at t = 1 minus 23/8 at t = 1/2.
    expect(
      volume(
        [
          [2n, 2n],
          [-2n, -2n],
        ],
        [2n, -1n],
        2,
      ),
    ).toBe("5/8");
  });
});
