import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FacetsResult, irredundantRows } from "../../src/geometry/coneFacets.js";
import { extremeRays } from "../../src/geometry/extremeRays.js";
import {
  bruteRank,
  distinctDirections,
  idot,
  plantedCone,
  sameDirection,
  signedPermutation,
} from "./support.js";

/** Checks every certificate independently; returns the facet indices. */
function checkFacets(A: readonly (readonly bigint[])[], res: FacetsResult): number[] {
  expect(res.ok).toBe(true);
  if (!res.ok) return [];
  expect(A.every((a) => idot(a, res.interiorPoint) > 0n)).toBe(true);
  res.rows.forEach((s, i) => {
    if (s.kind === "facet") {
      expect(idot(A[i], s.witness) < 0n).toBe(true);
      A.forEach((a) => {
        if (!sameDirection(A[i], a)) expect(idot(a, s.witness) > 0n).toBe(true);
      });
    } else if (s.kind === "redundant") {
      expect(s.lambda[i].num).toBe(0n);
      expect(s.lambda.every((l) => l.num >= 0n)).toBe(true);
      const L = s.lambda.reduce((l, q) => l * q.den, 1n);
      for (let k = 0; k < A[i].length; k++) {
        const comb = A.reduce((acc, a, j) => acc + (a[k] * s.lambda[j].num * L) / s.lambda[j].den, 0n);
        expect(comb).toBe(A[i][k] * L);
      }
    } else {
      expect(s.of).toBeLessThan(i);
      expect(res.rows[s.of].kind).not.toBe("duplicate");
      expect(s.factor.num > 0n).toBe(true);
      A[i].forEach((x, k) => {
        expect(x * s.factor.den).toBe(A[s.of][k] * s.factor.num);
      });
    }
  });
  const facets = res.rows.flatMap((s, i) => (s.kind === "facet" ? [i] : []));
  expect(res.facets).toEqual(facets);
  return facets;
}

const big = (A: number[][]) => A.map((r) => r.map(BigInt));

describe("irredundantRows", () => {
  it("finds the three facets of AND (binary inputs, rows s_x·(x, 1))", () => {
    const AND = [
      [0, 0, -1],
      [0, -1, -1],
      [-1, 0, -1],
      [1, 1, 1],
    ];
    for (const method of ["lp", "exact", "rays"] as const) {
      const res = irredundantRows(AND, { method });
      expect(checkFacets(big(AND), res)).toEqual([1, 2, 3]);
      // −b = (w1 + w2 + b) − (w1 + b) − (w2 + b) is the only combination: λ = (0, 1, 1, 1).
      expect(res.ok && res.rows[0].kind === "redundant" && res.rows[0].lambda.map((q) => q.num)).toEqual([
        0n,
        1n,
        1n,
        1n,
      ]);
    }
  });

  it("knows orthants, duplicates and the empty cone", () => {
    const orthant = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    expect(checkFacets(big(orthant), irredundantRows(orthant))).toEqual([0, 1, 2]);
    const dup = [
      [1, 0],
      [0, 1],
      [3, 0],
      [1, 1],
    ];
    const res = irredundantRows(dup);
    expect(checkFacets(big(dup), res)).toEqual([0, 1]);
    expect(res.ok && res.rows[2]).toEqual({ kind: "duplicate", of: 0, factor: { num: 3n, den: 1n } });
    const empty = irredundantRows([
      [1, 0],
      [-1, 0],
    ]);
    expect(empty).toEqual({ ok: false, farkas: [1n, 1n] });
    expect(
      irredundantRows([
        [1, 0],
        [0, 0],
      ]).ok,
    ).toBe(false);
  });

  it("certifies every row of random nonempty cones, and the three methods agree", () => {
    fc.assert(
      fc.property(plantedCone(2, 5, 12), (A) => {
        const facets = checkFacets(A, irredundantRows(A));
        expect(checkFacets(A, irredundantRows(A, { method: "exact" }))).toEqual(facets);
        expect(checkFacets(A, irredundantRows(A, { method: "rays" }))).toEqual(facets);
      }),
      { seed: 21, numRuns: 80 },
    );
  });

  it("agrees with the extreme-ray incidence: a facet's tight rays (and the lineality) span d − 1 dimensions", () => {
    fc.assert(
      fc.property(plantedCone(2, 5, 14), (A) => {
        const d = A[0].length;
        const facets = checkFacets(A, irredundantRows(A));
        const { rays, incidence, lineality } = extremeRays(A);
        const fromRays = A.flatMap((_, i) => {
          // With a lineality space L, a facet is L + (its tight rays of the pointed part).
          const tight = [...lineality, ...rays.filter((_, k) => incidence[k].includes(i))];
          const firstOfItsDirection = !A.slice(0, i).some((b) => sameDirection(b, A[i]));
          return firstOfItsDirection && bruteRank(tight) === d - 1 ? [i] : [];
        });
        expect(fromRays).toEqual(facets);
      }),
      { seed: 22, numRuns: 60 },
    );
  });

  it("is invariant under permuting rows and signed permutations of coordinates", () => {
    fc.assert(
      fc.property(
        plantedCone(2, 6, 12)
          .map(distinctDirections)
          .chain((A) =>
            fc.tuple(
              fc.constant(A),
              fc.shuffledSubarray(
                A.map((_, i) => i),
                { minLength: A.length, maxLength: A.length },
              ),
              fc.shuffledSubarray(
                A[0].map((_, k) => k),
                { minLength: A[0].length, maxLength: A[0].length },
              ),
              fc.array(fc.constantFrom(1n, -1n), { minLength: A[0].length, maxLength: A[0].length }),
            ),
          ),
        ([A, rowPerm, perm, signs]) => {
          const base = new Set(checkFacets(A, irredundantRows(A)));
          const P = rowPerm.map((i) => A[i]);
          expect(new Set(checkFacets(P, irredundantRows(P)).map((k) => rowPerm[k]))).toEqual(base);
          const S = A.map(signedPermutation(perm, signs));
          expect(new Set(checkFacets(S, irredundantRows(S)))).toEqual(base);
        },
      ),
      { seed: 23, numRuns: 60 },
    );
  });

  it("handles half-spaces and cones with a lineality space by rays", () => {
    for (const A of [
      [[2n, 1n, 0n]],
      [
        [1n, 0n, 0n],
        [0n, 1n, 0n],
        [1n, 1n, 0n],
      ],
    ]) {
      const facets = checkFacets(A, irredundantRows(A));
      expect(checkFacets(A, irredundantRows(A, { method: "rays" }))).toEqual(facets);
    }
  });

  it("rejects malformed input, naming the argument", () => {
    expect(() => irredundantRows([[1, 2], [1]])).toThrow(/irredundantRows: A\[1\] has length 1/);
    expect(() => irredundantRows([[1]], { method: "simplex" as "lp" })).toThrow(/options.method/);
  });
});
