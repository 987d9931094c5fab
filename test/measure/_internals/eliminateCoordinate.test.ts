import { describe, expect, it } from "vitest";
import { eliminateCoordinate } from "../../../src/measure/_internals/eliminateCoordinate.js";
import type { InequalitySystem } from "../../../src/measure/_internals/inequalitySystem.js";

describe("eliminateCoordinate", () => {
  it("restricts to the pivot row's hyperplane and keeps entries as minors (exact division)", () => {
    // Rows of B with rhs c; make row 0 (2x + y − z ≤ 4) tight and eliminate x.
    const sys: InequalitySystem = {
      dim: 3,
      rows: [
        [2n, 1n, -1n],
        [1n, 3n, 0n],
        [-1n, 0n, 2n],
      ],
      rhs: [4n, 5n, 1n],
      ids: [0, 1, 2],
      scale: 1n,
    };
    const once = eliminateCoordinate(sys, 0, 0);
    // x = (4 − y + z)/2: row 1 → (5/2)y + (1/2)z ≤ 3 and row 2 → (1/2)y + (3/2)z ≤ 3, both times
    // the new scale |2| = 2.
    expect(once).toEqual({
      dim: 2,
      rows: [
        [5n, 1n],
        [1n, 3n],
      ],
      rhs: [6n, 6n],
      ids: [1, 2],
      scale: 2n,
    });
    // Then make row 1 tight and eliminate y: the scale becomes the minor |det [[2,1],[1,3]]| = 5 and
    // row 2's coefficient the full determinant det B = 7 (Schur complement 7/5, times 5):
    // y = (6 − z)/5 turns (1/2)y + (3/2)z ≤ 3 into (7/5)z ≤ 12/5.
    const twice = eliminateCoordinate(once, 0, 0);
    expect(twice).toEqual({ dim: 1, rows: [[7n]], rhs: [12n], ids: [2], scale: 5n });
  });

  it("keeps the inequality's direction when the pivot is negative", () => {
    const sys: InequalitySystem = {
      dim: 2,
      rows: [
        [-1n, 1n],
        [1n, 1n],
      ],
      rhs: [0n, 2n],
      ids: [0, 1],
      scale: 1n,
    };
    // −x + y = 0 ⇒ x = y; x + y ≤ 2 becomes 2y ≤ 2.
    expect(eliminateCoordinate(sys, 0, 0)).toEqual({ dim: 1, rows: [[2n]], rhs: [2n], ids: [1], scale: 1n });
  });
});
