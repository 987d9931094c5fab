import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extremeRays } from "../../src/geometry/extremeRays.js";
import { rank } from "../../src/geometry/linalg.js";
import {
  bruteExtremeRays,
  bruteRank,
  idot,
  intVector,
  plantedCone,
  prim,
  randInt,
  randomPermutation,
  seeded,
  signedPermutation,
  vectorSetKey,
} from "./support.js";

const big = (A: number[][]) => A.map((r) => r.map(BigInt));
const unit = (d: number, k: number) => Array.from({ length: d }, (_, i) => (i === k ? 1n : 0n));

/** Rows (x, 1) for x ∈ {0,1}^n: the cone of the constant-1 function of an n-input perceptron. */
function constantOneCone(n: number): bigint[][] {
  return Array.from({ length: 2 ** n }, (_, i) => [
    ...Array.from({ length: n }, (_, k) => BigInt((i >> (n - 1 - k)) & 1)),
    1n,
  ]);
}

/** Checks the output against the definition: rays in the cone, extreme, incidence exact. */
function checkRays(A: readonly (readonly bigint[])[], res: ReturnType<typeof extremeRays>) {
  const d = A[0].length;
  for (const l of res.lineality) expect(A.every((a) => idot(a, l) === 0n)).toBe(true);
  expect(bruteRank(res.lineality)).toBe(res.lineality.length);
  const pointedDim = d - res.lineality.length;
  res.rays.forEach((r, k) => {
    expect(prim(r)).toEqual(r);
    expect(A.every((a) => idot(a, r) >= 0n)).toBe(true);
    expect(res.incidence[k]).toEqual(A.flatMap((a, i) => (idot(a, r) === 0n ? [i] : [])));
    for (const l of res.lineality) expect(idot(l, r)).toBe(0n);
    // Extreme in the pointed part: tight rows and the lineality directions pin r down to a line.
    // (rank is checked against brute-force minors in linalg.test.ts; brute force is too slow here.)
    const tight = res.incidence[k].map((i) => A[i]);
    expect(rank([...tight, ...res.lineality])).toBe(d - 1);
  });
  expect(pointedDim).toBeGreaterThanOrEqual(0);
}

describe("extremeRays", () => {
  it("returns the d unit vectors of the orthant", () => {
    for (let d = 1; d <= 6; d++) {
      const A = Array.from({ length: d }, (_, k) => unit(d, k));
      const res = extremeRays(A);
      expect(vectorSetKey(res.rays)).toBe(vectorSetKey(A));
      expect(res.lineality).toEqual([]);
      checkRays(A, res);
    }
  });

  it("finds the three rays of the AND cone", () => {
    const AND = [
      [0, 0, -1],
      [0, -1, -1],
      [-1, 0, -1],
      [1, 1, 1],
    ];
    const res = extremeRays(AND);
    expect(vectorSetKey(res.rays)).toBe(
      vectorSetKey([
        [1n, 0n, -1n],
        [0n, 1n, -1n],
        [1n, 1n, -1n],
      ]),
    );
    checkRays(big(AND), res);
  });

  it("finds the 12 rays of the 64-row constant-1 perceptron cone (n = 6)", () => {
    const A = constantOneCone(6);
    const expected = Array.from({ length: 6 }, (_, k) => [
      [...unit(6, k), 0n],
      [...unit(6, k).map((x) => -x), 1n],
    ]).flat();
    const res = extremeRays(A);
    expect(vectorSetKey(res.rays)).toBe(vectorSetKey(expected));
    checkRays(A, res);
    // (e_k, 0) is tight at the 32 inputs with x_k = 0, (−e_k, 1) at the 32 with x_k = 1.
    expect(res.incidence.map((s) => s.length)).toEqual(new Array(12).fill(32));
  });

  it("agrees with brute-force enumeration on random small pointed cones, generic and degenerate", () => {
    for (const [k, seed] of [
      [3, 31],
      [1, 34],
    ]) {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: 6 })
            .chain((d) => fc.array(intVector(d, k), { minLength: d, maxLength: 14 }))
            .filter((A) => bruteRank(A) === A[0].length),
          (A) => {
            const res = extremeRays(A);
            expect(res.lineality).toEqual([]);
            expect(vectorSetKey(res.rays)).toBe(vectorSetKey(bruteExtremeRays(A)));
            checkRays(A, res);
          },
        ),
        { seed, numRuns: 150 },
      );
    }
  });

  it("has the facet rows as the extreme rays of its dual cone (double dual)", () => {
    fc.assert(
      fc.property(plantedCone(2, 6, 30), (A) => {
        const res = extremeRays(A);
        checkRays(A, res);
        if (res.lineality.length > 0) return;
        // Double dual: the extreme rays of {θ : Rθ ≥ 0}, R = rays, are the facet normals of {Aθ ≥ 0}.
        const facetNormals = res.rays.length === 0 ? [] : extremeRays(res.rays).rays;
        const d = A[0].length;
        const facetRows = A.filter(
          (_, i) => rank(res.rays.filter((_, k) => res.incidence[k].includes(i))) === d - 1,
        );
        expect(vectorSetKey(facetNormals)).toBe(
          vectorSetKey([...new Map(facetRows.map((a) => [prim(a).join(","), prim(a)])).values()]),
        );
      }),
      { seed: 32, numRuns: 60 },
    );
  });

  it("recovers a cyclic cone's generators from its facets (conic hull of the moment curve)", () => {
    for (const [d, k] of [
      [3, 7],
      [4, 8],
      [5, 9],
    ]) {
      const G = Array.from({ length: k }, (_, j) =>
        Array.from({ length: d }, (_, p) => BigInt(j + 1) ** BigInt(p)),
      );
      const facets = extremeRays(G).rays;
      const back = extremeRays(facets);
      expect(vectorSetKey(back.rays)).toBe(vectorSetKey(G));
      checkRays(facets, back);
    }
  });

  it("reports the lineality space of non-pointed cones and handles degenerate cones", () => {
    const wedge = extremeRays([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(wedge.lineality).toEqual([[0n, 0n, 1n]]);
    expect(vectorSetKey(wedge.rays)).toBe(vectorSetKey([unit(3, 0), unit(3, 1)]));
    const halfPlane = extremeRays([[1, 1]]);
    expect(halfPlane.lineality).toEqual([[-1n, 1n]]);
    expect(halfPlane.rays).toEqual([[1n, 1n]]);
    const origin = extremeRays([
      [1, 0],
      [0, 1],
      [-1, -1],
    ]);
    expect(origin).toEqual({ rays: [], incidence: [], lineality: [] });
    const flat = extremeRays([
      [1, 0],
      [-1, 0],
      [0, 1],
    ]);
    expect(flat.rays).toEqual([[0n, 1n]]);
    expect(flat.incidence).toEqual([[0, 1]]);
    const space = extremeRays([[0, 0]]);
    expect(space.rays).toEqual([]);
    expect(space.lineality.length).toBe(2);
  });

  it("is covariant under signed permutations of coordinates and invariant under row order", () => {
    const rng = seeded(33);
    for (let trial = 0; trial < 20; trial++) {
      const d = randInt(rng, 2, 6);
      const A = Array.from({ length: randInt(rng, d, 16) }, () =>
        Array.from({ length: d }, () => BigInt(randInt(rng, -3, 3))),
      );
      const perm = randomPermutation(rng, d);
      const signs = Array.from({ length: d }, () => (randInt(rng, 0, 1) === 0 ? 1n : -1n));
      const g = signedPermutation(perm, signs);
      const base = extremeRays(A);
      expect(vectorSetKey(extremeRays(A.map(g)).rays)).toBe(vectorSetKey(base.rays.map(g)));
      expect(vectorSetKey(extremeRays(A.slice().reverse()).rays)).toBe(vectorSetKey(base.rays));
    }
  });

  it("rejects malformed input, naming the argument", () => {
    expect(() => extremeRays([[1, 0], [1]])).toThrow(/extremeRays: A\[1\] has length 1, expected 2/);
    expect(() => extremeRays([])).toThrow(/at least 1 row/);
  });
});
