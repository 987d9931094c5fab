import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { irredundantRows } from "../../src/geometry/coneFacets.js";
import { type CandidateFacetsResult, certifyFacetCandidates } from "../../src/geometry/facetCandidates.js";
import { distinctDirections, idot, plantedCone } from "./support.js";

/** Independent check of every certificate, in plain BigInt loops; returns the facet rows. */
function checkedFacets(A: readonly (readonly bigint[])[], res: CandidateFacetsResult): number[] {
  if (!res.ok) throw new Error("expected a nonempty cone");
  expect(A.every((a) => idot(a, res.interiorPoint) > 0n)).toBe(true);
  res.rows.forEach((s, i) => {
    if (s.kind === "facet") {
      A.forEach((a, j) => expect(j === i ? idot(a, s.witness) < 0n : idot(a, s.witness) > 0n).toBe(true));
    } else {
      expect(s.support.includes(i)).toBe(false);
      expect(s.lambda.every((l) => l.num >= 0n)).toBe(true);
      // Σ λ_k a_k = a_i, compared as fractions over the product of denominators.
      const D = s.lambda.reduce((acc, l) => acc * l.den, 1n);
      A[i].forEach((x, c) => {
        const lhs = s.support.reduce((acc, j, k) => acc + (s.lambda[k].num * D * A[j][c]) / s.lambda[k].den, 0n);
        expect(lhs).toBe(D * x);
      });
    }
  });
  return res.facets;
}

const cones = plantedCone(2, 5, 14).map(distinctDirections);

describe("certifyFacetCandidates", () => {
  it("finds the facets irredundantRows finds, from any candidate set, with checked certificates", () => {
    fc.assert(
      fc.property(cones, fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }), (A, pick) => {
        const truth = irredundantRows(A);
        if (!truth.ok) throw new Error("planted cone is empty");
        const guess = A.flatMap((_, i) => (pick[i] ? [i] : []));
        expect(checkedFacets(A, certifyFacetCandidates(A, guess))).toEqual(truth.facets);
        const right = certifyFacetCandidates(A, truth.facets);
        expect(checkedFacets(A, right)).toEqual(truth.facets);
        // Right candidates settle every row without a fallback LP.
        expect(right.ok && right.fallbacks).toBe(0);
      }),
      { seed: 31337, numRuns: 120 },
    );
  });

  it("uses a given interior point and replaces a wrong one", () => {
    const A = [
      [1n, 0n],
      [0n, 1n],
      [1n, 1n],
    ];
    const res = certifyFacetCandidates(A, [0, 1], { interiorPoint: [3, 5] });
    expect(res.ok && res.interiorPoint).toEqual([3n, 5n]);
    expect(res.ok && res.facets).toEqual([0, 1]);
    const other = certifyFacetCandidates(A, [0, 1], { interiorPoint: [-1, 5] });
    expect(checkedFacets(A, other)).toEqual([0, 1]);
  });

  it("returns a Gordan certificate for an empty cone", () => {
    const res = certifyFacetCandidates(
      [
        [1n, 0n],
        [-1n, 0n],
        [0n, 1n],
      ],
      [0],
    );
    expect(res).toEqual({ ok: false, farkas: [1n, 1n, 0n] });
  });

  it("rejects parallel rows and bad candidates, naming them", () => {
    expect(() => certifyFacetCandidates([[1, 2], [2, 4], [0, 1]], [])).toThrow(/rows 0 and 1 are positive multiples/);
    expect(() => certifyFacetCandidates([[1, 0], [0, 1]], [2])).toThrow(/candidate 2 is not a row index 0 … 1/);
  });
});
