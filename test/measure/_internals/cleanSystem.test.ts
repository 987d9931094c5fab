import { describe, expect, it } from "vitest";
import { cleanSystem } from "../../../src/measure/_internals/cleanSystem.js";
import type { InequalitySystem } from "../../../src/measure/_internals/inequalitySystem.js";

function system(rows: number[][], rhs: number[]): InequalitySystem {
  return {
    dim: rows[0].length,
    rows: rows.map((r) => r.map(BigInt)),
    rhs: rhs.map(BigInt),
    ids: rows.map((_, i) => 10 + i),
    scale: 1n,
  };
}

describe("cleanSystem", () => {
  it("merges rows with the same direction, keeping the tighter bound", () => {
    // x ≤ 2, 3x ≤ 3 (x ≤ 1), 2x ≤ 4 (x ≤ 2), −x ≤ 1
    const out = cleanSystem(
      system(
        [
          [1, 0],
          [3, 0],
          [2, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
        ],
        [2, 3, 4, 1, 1, 1],
      ),
    );
    expect(out?.ids).toEqual([11, 13, 14, 15]);
  });

  it("keeps the lowest original index among rows that define the same hyperplane", () => {
    const out = cleanSystem(
      system(
        [
          [2, 2],
          [1, 1],
          [-1, 0],
          [0, -1],
        ],
        [2, 1, 0, 0],
      ),
    );
    expect(out?.ids).toEqual([10, 12, 13]);
    const reversed = cleanSystem(
      system(
        [
          [1, 1],
          [2, 2],
          [-1, 0],
          [0, -1],
        ],
        [1, 2, 0, 0],
      ),
    );
    expect(reversed?.ids).toEqual([10, 12, 13]);
  });

  it("drops zero rows that hold and rejects zero rows that fail", () => {
    expect(
      cleanSystem(
        system(
          [
            [0, 0],
            [1, 0],
            [-1, 0],
          ],
          [0, 1, 1],
        ),
      )?.ids,
    ).toEqual([11, 12]);
    expect(
      cleanSystem(
        system(
          [
            [0, 0],
            [1, 0],
            [-1, 0],
          ],
          [-1, 1, 1],
        ),
      ),
    ).toBeNull();
  });

  it("reports crossing (empty) and touching (flat) opposite rows", () => {
    expect(
      cleanSystem(
        system(
          [
            [1, 2],
            [-2, -4],
          ],
          [1, -3],
        ),
      ),
    ).toBeNull();
    expect(
      cleanSystem(
        system(
          [
            [1, 2],
            [-2, -4],
          ],
          [1, -2],
        ),
      ),
    ).toBeNull();
    expect(
      cleanSystem(
        system(
          [
            [1, 2],
            [-2, -4],
          ],
          [1, -1],
        ),
      )?.ids,
    ).toEqual([10, 11]);
  });
});
