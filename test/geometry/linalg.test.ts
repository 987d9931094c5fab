import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clearDenominators,
  determinant,
  dot,
  matVec,
  nullSpace,
  primitive,
  rank,
  rref,
  solve,
} from "../../src/geometry/linalg.js";
import { add, eq, mul, rat, ZERO } from "../../src/geometry/rational.js";
import { bruteRank, intVector, laplaceDet } from "./support.js";

const matrix = (rows: number, cols: number, k = 4) =>
  fc.array(intVector(cols, k), { minLength: rows, maxLength: rows });
const shaped = (maxRows: number, maxCols: number, k = 3) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([m, n]) => matrix(m, n, k));

describe("determinant", () => {
  it("agrees with Laplace expansion", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => matrix(n, n, 9)),
        (M) => determinant(M) === laplaceDet(M),
      ),
      { seed: 1, numRuns: 200 },
    );
  });

  it("handles the empty matrix, row swaps and singular matrices", () => {
    expect(determinant([])).toBe(1n);
    expect(
      determinant([
        [0n, 1n],
        [1n, 0n],
      ]),
    ).toBe(-1n);
    expect(
      determinant([
        [1n, 2n],
        [2n, 4n],
      ]),
    ).toBe(0n);
  });

  it("rejects non-square input, naming the row", () => {
    expect(() => determinant([[1n, 2n]])).toThrow(/square.*row 0/);
  });
});

describe("rank", () => {
  it("agrees with brute-force minors", () => {
    fc.assert(
      fc.property(shaped(5, 5, 2), (M) => rank(M) === bruteRank(M)),
      { seed: 2, numRuns: 150 },
    );
  });

  it("is the number of columns minus the null-space dimension", () => {
    fc.assert(
      fc.property(shaped(6, 6), (M) => rank(M) + nullSpace(M).length === M[0].length),
      { seed: 3, numRuns: 150 },
    );
  });
});

describe("nullSpace", () => {
  it("returns independent primitive integer vectors annihilated by A", () => {
    fc.assert(
      fc.property(shaped(6, 7), (M) => {
        const N = nullSpace(M);
        for (const v of N) {
          expect(matVec(M, v).every((x) => x === 0n)).toBe(true);
          expect(primitive(v)).toEqual(v);
        }
        expect(N.length === 0 || rank(N) === N.length).toBe(true);
      }),
      { seed: 4, numRuns: 150 },
    );
  });

  it("gives the identity basis for a matrix without rows", () => {
    expect(nullSpace([], 2)).toEqual([
      [1n, 0n],
      [0n, 1n],
    ]);
  });
});

describe("solve", () => {
  it("solves consistent systems exactly", () => {
    fc.assert(
      fc.property(
        shaped(5, 5).chain((M) => fc.tuple(fc.constant(M), intVector(M[0].length, 5))),
        ([M, x0]) => {
          const b = matVec(M, x0);
          const x = solve(M, b);
          expect(x).not.toBeNull();
          M.forEach((row, i) => {
            const lhs = row.reduce((s, a, j) => add(s, mul(rat(a), (x ?? [])[j])), ZERO);
            expect(eq(lhs, rat(b[i]))).toBe(true);
          });
        },
      ),
      { seed: 5, numRuns: 150 },
    );
  });

  it("returns null for inconsistent systems", () => {
    expect(
      solve(
        [
          [1n, 1n],
          [2n, 2n],
        ],
        [1n, 3n],
      ),
    ).toBeNull();
  });

  it("rejects a right-hand side of the wrong length", () => {
    expect(() => solve([[1n]], [1n, 2n])).toThrow(/b has length 2/);
  });
});

describe("rref, primitive, clearDenominators, dot", () => {
  it("reduces to pivots with unit entries", () => {
    const { matrix: R, pivots } = rref([
      [2n, 4n, 6n],
      [1n, 2n, 4n],
    ]);
    expect(pivots).toEqual([0, 2]);
    expect(R[0].map((q) => `${q.num}/${q.den}`)).toEqual(["1/1", "2/1", "0/1"]);
  });

  it("normalises integer and rational vectors", () => {
    expect(primitive([6n, -4n, 0n])).toEqual([3n, -2n, 0n]);
    expect(primitive([0n, 0n])).toEqual([0n, 0n]);
    expect(clearDenominators([rat(1n, 2n), rat(-2n, 3n), rat(0n)])).toEqual([3n, -4n, 0n]);
    expect(dot([1n, 2n], [3n, 4n])).toBe(11n);
    expect(() => dot([1n], [1n, 2n])).toThrow(/lengths differ/);
  });
});
