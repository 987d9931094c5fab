import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactFeasibility } from "../../src/geometry/_internals/exactFeasibility.js";
import { findInteriorPoint, type InteriorPointResult } from "../../src/geometry/coneFeasibility.js";
import { idot, intVector, plantedCone, signedPermutation } from "./support.js";

/** Independent check of either certificate; returns the verdict. */
function checkCertificate(A: readonly (readonly bigint[])[], res: InteriorPointResult): boolean {
  if (res.ok) {
    expect(A.every((a) => idot(a, res.point) > 0n)).toBe(true);
  } else {
    const y = res.farkas;
    expect(y.length).toBe(A.length);
    expect(y.every((v) => v >= 0n) && y.some((v) => v > 0n)).toBe(true);
    for (let k = 0; k < A[0].length; k++) expect(A.reduce((s, a, i) => s + y[i] * a[k], 0n)).toBe(0n);
  }
  return res.ok;
}

const AND = [
  [0, 0, -1],
  [0, -1, -1],
  [-1, 0, -1],
  [1, 1, 1],
];
const XOR = [
  [0, 0, -1],
  [0, 1, 1],
  [1, 0, 1],
  [-1, -1, -1],
];
const big = (A: number[][]) => A.map((r) => r.map(BigInt));

describe("findInteriorPoint", () => {
  it("finds AND realisable and XOR not, with both methods", () => {
    for (const method of ["lp", "exact"] as const) {
      expect(checkCertificate(big(AND), findInteriorPoint(AND, { method }))).toBe(true);
      expect(checkCertificate(big(XOR), findInteriorPoint(big(XOR), { method }))).toBe(false);
    }
  });

  it("answers the orthant with a small point, and a zero row with a unit certificate", () => {
    expect(
      findInteriorPoint([
        [1, 0],
        [0, 1],
      ]),
    ).toEqual({ ok: true, point: [1n, 1n] });
    expect(
      findInteriorPoint([
        [1, 2],
        [0, 0],
      ]),
    ).toEqual({ ok: false, farkas: [0n, 1n] });
  });

  it("certifies random cones, and both methods agree", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((d) => fc.array(intVector(d, 2), { minLength: 1, maxLength: 9 })),
        (A) => {
          const lp = checkCertificate(A, findInteriorPoint(A));
          const exact = checkCertificate(A, findInteriorPoint(A, { method: "exact" }));
          expect(lp).toBe(exact);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it("always finds a point in cones with a planted interior point", () => {
    fc.assert(
      fc.property(plantedCone(1, 7, 40), (A) => {
        expect(checkCertificate(A, findInteriorPoint(A))).toBe(true);
      }),
      { seed: 12, numRuns: 150 },
    );
  });

  it("always certifies emptiness when a row is minus a positive combination of others", () => {
    fc.assert(
      fc.property(
        plantedCone(2, 7, 20).chain((A) =>
          fc.tuple(
            fc.constant(A),
            fc.array(fc.integer({ min: 0, max: 3 }), { minLength: A.length, maxLength: A.length }),
          ),
        ),
        ([A, c]) => {
          const comb = A[0].map((_, k) => -A.reduce((s, a, i) => s + BigInt(c[i]) * a[k], 0n));
          const B = [...A, comb];
          expect(checkCertificate(B, findInteriorPoint(B))).toBe(false);
        },
      ),
      { seed: 13, numRuns: 150 },
    );
  });

  it("handles thin cones with huge entries (LP margin below float precision)", () => {
    for (const N of [10n ** 6n, 10n ** 15n, 10n ** 30n]) {
      const thin = [
        [1n, -N],
        [-1n, N + 1n],
      ];
      expect(checkCertificate(thin, findInteriorPoint(thin))).toBe(true);
      const empty = [
        [1n, -N - 1n],
        [-1n, N],
        [0n, 1n],
      ];
      expect(checkCertificate(empty, findInteriorPoint(empty))).toBe(false);
    }
  });

  it("decides cones whose entries do not fit in a double", () => {
    const H = 10n ** 400n;
    const A = [
      [H, 1n],
      [-H, 1n],
    ];
    expect(checkCertificate(A, findInteriorPoint(A))).toBe(true);
    const B = [...A, [0n, -1n]];
    expect(checkCertificate(B, findInteriorPoint(B))).toBe(false);
  });

  it("is invariant under signed permutations of coordinates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((d) =>
          fc.tuple(
            fc.array(intVector(d, 2), { minLength: 1, maxLength: 10 }),
            fc.shuffledSubarray(
              Array.from({ length: d }, (_, k) => k),
              { minLength: d, maxLength: d },
            ),
            fc.array(fc.constantFrom(1n, -1n), { minLength: d, maxLength: d }),
          ),
        ),
        ([A, perm, signs]) => {
          const g = signedPermutation(perm, signs);
          const B = A.map(g);
          const a = findInteriorPoint(A);
          const b = findInteriorPoint(B);
          expect(checkCertificate(B, b)).toBe(a.ok);
          if (a.ok) expect(B.every((row) => idot(row, g(a.point)) > 0n)).toBe(true);
          else expect(b.ok).toBe(false);
        },
      ),
      { seed: 14, numRuns: 150 },
    );
  });

  it("rejects malformed input, naming the argument", () => {
    expect(() => findInteriorPoint([[1, 2], [3]])).toThrow(/A\[1\] has length 1, expected 2/);
    expect(() => findInteriorPoint([])).toThrow(/at least 1 row/);
    expect(() => findInteriorPoint([[]])).toThrow(/at least one column/);
    expect(() => findInteriorPoint([[1.5]])).toThrow(/A\[0\]\[0\] = 1.5/);
    expect(() => findInteriorPoint([[1]], { method: "float" as "lp" })).toThrow(/options.method/);
  });
});

describe("exactFeasibility (the exact fallback)", () => {
  it("returns x ≥ 0 with Mx = b, or u with uᵀM ≤ 0 and uᵀb > 0", () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }))
          .chain(([r, n]) =>
            fc.tuple(fc.array(intVector(n, 3), { minLength: r, maxLength: r }), intVector(r, 4)),
          ),
        ([M, b]) => {
          const res = exactFeasibility(M, b);
          if (res.feasible) {
            expect(res.x.every((q) => q.num >= 0n)).toBe(true);
            M.forEach((row, i) => {
              // Σ_j M_ij x_j = b_i, over the common denominator of x.
              const L = res.x.reduce((l, q) => l * q.den, 1n);
              expect(row.reduce((s, a, j) => s + (a * res.x[j].num * L) / res.x[j].den, 0n)).toBe(b[i] * L);
            });
          } else {
            const L = res.u.reduce((l, q) => l * q.den, 1n);
            const u = res.u.map((q) => (q.num * L) / q.den);
            for (let j = 0; j < M[0].length; j++)
              expect(M.reduce((s, row, i) => s + u[i] * row[j], 0n) <= 0n).toBe(true);
            expect(idot(u, b) > 0n).toBe(true);
          }
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });
});
