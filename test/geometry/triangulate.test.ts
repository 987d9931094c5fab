import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findInteriorPoint } from "../../src/geometry/coneFeasibility.js";
import { extremeRays } from "../../src/geometry/extremeRays.js";
import { homogenisePolytope, polytopeVolume } from "../../src/geometry/polytopeVolume.js";
import { add, eq, type Rational, rat, ZERO } from "../../src/geometry/rational.js";
import { triangulateCone, triangulateRays } from "../../src/geometry/triangulate.js";
import { bruteRank, idot, laplaceDet, plantedCone, randInt, randomPermutation, seeded } from "./support.js";

const factorial = (n: number) =>
  Array.from({ length: n }, (_, k) => BigInt(k + 1)).reduce((a, b) => a * b, 1n);
const absBig = (x: bigint) => (x < 0n ? -x : x);

/** Rows of the cone over the moment curve: generators (1, t, …, t^{d−1}) for t = 1 … k turned into facets. */
function cyclicCone(d: number, k: number): bigint[][] {
  const G = Array.from({ length: k }, (_, j) =>
    Array.from({ length: d }, (_, p) => BigInt(j + 1) ** BigInt(p)),
  );
  return extremeRays(G).rays;
}

/** Simplices whose open cone contains p, by Cramer signs with Laplace determinants (independent of Bareiss). */
function containingSimplices(rays: bigint[][], simplices: number[][], p: bigint[]): number {
  let count = 0;
  for (const s of simplices) {
    const V = s.map((k) => rays[k]);
    const det = laplaceDet(V);
    const inside = V.every((_, j) => {
      const Vj = V.map((row, i) => (i === j ? p : row));
      const dj = laplaceDet(Vj);
      return dj !== 0n && dj > 0n === det > 0n;
    });
    if (inside) count++;
  }
  return count;
}

/** Σ |det V| / Π (c·v): the volume of the slice {c·θ = 1} up to a constant, the same for every triangulation. */
function sliceVolume(rays: bigint[][], simplices: number[][], c: bigint[]): Rational {
  let total = ZERO;
  for (const s of simplices) {
    const V = s.map((k) => rays[k]);
    total = add(
      total,
      rat(
        absBig(laplaceDet(V)),
        V.reduce((acc, v) => acc * idot(c, v), 1n),
      ),
    );
  }
  return total;
}

/** Random nonempty pointed full-dimensional cones. */
const pointedCone = (dMin: number, dMax: number, mMax: number) =>
  plantedCone(dMin, dMax, mMax).filter((A) => bruteRank(A) === A[0].length);

describe("triangulateCone", () => {
  it("has one simplex for a 2-dimensional cone and for the orthant", () => {
    fc.assert(
      fc.property(pointedCone(2, 2, 8), (A) => {
        const T = triangulateCone(A);
        expect(T.rays.length).toBe(2);
        expect(T.simplices).toEqual([[0, 1]]);
      }),
      { seed: 41, numRuns: 50 },
    );
    for (let d = 1; d <= 6; d++) {
      const T = triangulateCone(
        Array.from({ length: d }, (_, k) => Array.from({ length: d }, (_, j) => (j === k ? 1 : 0))),
      );
      expect(T.simplices.length).toBe(1);
      expect(absBig(T.determinants[0])).toBe(1n);
    }
  });

  it("cuts the cone over a convex k-gon into k − 2 triangles", () => {
    for (let k = 3; k <= 12; k++) {
      const T = triangulateCone(cyclicCone(3, k));
      expect(T.rays.length).toBe(k);
      expect(T.simplices.length).toBe(k - 2);
    }
  });

  it("covers random cones exactly once: a generic interior point lies in exactly one simplicial cone", () => {
    const rng = seeded(42);
    fc.assert(
      fc.property(pointedCone(2, 5, 16), (A) => {
        const T = triangulateCone(A);
        const d = A[0].length;
        T.simplices.forEach((s, j) => {
          expect(s.length).toBe(d);
          expect(new Set(s).size).toBe(d);
          expect(laplaceDet(s.map((k) => T.rays[k]))).toBe(T.determinants[j]);
          expect(T.determinants[j]).not.toBe(0n);
        });
        for (let trial = 0; trial < 4; trial++) {
          const coef = T.rays.map(() => BigInt(randInt(rng, 1, 1_000_000)));
          const p = T.rays[0].map((_, k) => T.rays.reduce((acc, r, j) => acc + coef[j] * r[k], 0n));
          expect(containingSimplices(T.rays, T.simplices, p)).toBe(1);
        }
      }),
      { seed: 43, numRuns: 40 },
    );
  });

  it("gives the same slice volume for every ray order", () => {
    const rng = seeded(44);
    fc.assert(
      fc.property(pointedCone(3, 5, 14), (A) => {
        const { rays, incidence } = extremeRays(A);
        const c = findInteriorPoint(rays);
        expect(c.ok).toBe(true);
        if (!c.ok) return;
        const base = sliceVolume(rays, triangulateRays(rays, incidence), c.point);
        for (let trial = 0; trial < 3; trial++) {
          const perm = randomPermutation(rng, rays.length);
          const permuted = perm.map((k) => rays[k]);
          const S = triangulateRays(
            permuted,
            perm.map((k) => incidence[k]),
          );
          expect(eq(sliceVolume(permuted, S, c.point), base)).toBe(true);
        }
      }),
      { seed: 45, numRuns: 40 },
    );
  });

  it("splits the 64-row constant-1 perceptron cone (n = 6) into 32 unimodular simplices on 12 rays", () => {
    const A = Array.from({ length: 64 }, (_, i) => [
      ...Array.from({ length: 6 }, (_, k) => (i >> (5 - k)) & 1),
      1,
    ]);
    const T = triangulateCone(A);
    expect(T.rays.length).toBe(12);
    expect(T.simplices.length).toBe(32);
    expect(T.determinants.every((x) => absBig(x) === 1n)).toBe(true);
  });

  it("triangulates the homogenised cube [−1, 1]^d into simplices of total volume 2^d", () => {
    for (let d = 1; d <= 5; d++) {
      const B = Array.from({ length: 2 * d }, (_, i) =>
        Array.from({ length: d }, (_, k) => (k === i >> 1 ? (i % 2 === 0 ? 1 : -1) : 0)),
      );
      const K = homogenisePolytope(
        B,
        B.map(() => 1),
      );
      const T = triangulateCone(K);
      expect(T.rays.length).toBe(2 ** d);
      expect(T.rays.every((r) => r[d] === 1n)).toBe(true);
      const total = T.determinants.reduce((s, x) => s + absBig(x), 0n);
      expect(total).toBe(2n ** BigInt(d) * factorial(d));
    }
  });

  it("describes lower-dimensional cones with smaller simplices and refuses non-pointed ones", () => {
    const flat = triangulateCone([
      [0, 0, 1],
      [0, 0, -1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(flat.simplices).toEqual([[0, 1]]);
    expect(flat.determinants).toEqual([]);
    expect(
      triangulateCone([
        [1, 0],
        [0, 1],
        [-1, -1],
      ]).simplices,
    ).toEqual([]);
    expect(() => triangulateCone([[1, 0, 0]])).toThrow(/not pointed.*dimension 2/);
  });

  it("rejects inconsistent arguments", () => {
    expect(() => triangulateRays([[1n, 0n]], [])).toThrow(/incidence has length 0, expected 1/);
    expect(() => triangulateRays([[1n, 0n], [1n]], [[0], [0]])).toThrow(/rays\[1\] has length 1, expected 2/);
    expect(triangulateRays([], [])).toEqual([]);
  });
});

describe("polytopeVolume", () => {
  it("knows cubes, cross-polytopes and standard simplices", () => {
    for (let d = 1; d <= 5; d++) {
      const box = Array.from({ length: 2 * d }, (_, i) =>
        Array.from({ length: d }, (_, k) => (k === i >> 1 ? (i % 2 === 0 ? 1 : -1) : 0)),
      );
      expect(
        polytopeVolume(
          box,
          box.map(() => 1),
        ),
      ).toEqual(rat(2n ** BigInt(d)));
      const simplex = [
        ...Array.from({ length: d }, (_, k) => Array.from({ length: d }, (_, j) => (j === k ? -1 : 0))),
        new Array(d).fill(1),
      ];
      expect(polytopeVolume(simplex, [...new Array(d).fill(0), 1])).toEqual(rat(1n, factorial(d)));
    }
    for (let d = 1; d <= 4; d++) {
      const cross = Array.from({ length: 2 ** d }, (_, s) =>
        Array.from({ length: d }, (_, k) => ((s >> k) & 1 ? -1 : 1)),
      );
      expect(
        polytopeVolume(
          cross,
          cross.map(() => 1),
        ),
      ).toEqual(rat(2n ** BigInt(d), factorial(d)));
    }
  });

  it("handles rational vertices, empty, flat and unbounded polyhedra", () => {
    const tri = (s: number, c: number) =>
      polytopeVolume(
        [
          [-1, 0],
          [0, -1],
          [s, s],
        ],
        [0, 0, c],
      );
    expect(tri(3, 2)).toEqual(rat(2n, 9n));
    expect(
      polytopeVolume(
        [
          [-1, 0],
          [0, -1],
          [2, 3],
        ],
        [0, 0, 6],
      ),
    ).toEqual(rat(3n));
    expect(
      polytopeVolume(
        [
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
        ],
        [3, 2, 5, 0],
      ),
    ).toEqual(rat(25n));
    expect(
      polytopeVolume(
        [
          [1, 0],
          [-1, 0],
        ],
        [-1, -1],
      ),
    ).toEqual(ZERO);
    expect(
      polytopeVolume(
        [
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
        ],
        [0, 0, 1, 1],
      ),
    ).toEqual(ZERO);
    expect(() =>
      polytopeVolume(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 1],
      ),
    ).toThrow(/unbounded/);
    expect(() =>
      polytopeVolume(
        [
          [-1, 0],
          [0, -1],
          [1, -1],
        ],
        [0, 0, 1],
      ),
    ).toThrow(/unbounded/);
    expect(() => homogenisePolytope([[1, 0]], [1, 2])).toThrow(/c has length 2, expected 1/);
  });

  it("is invariant under integer translations and signed permutations of coordinates", () => {
    const rng = seeded(46);
    for (let trial = 0; trial < 15; trial++) {
      const d = randInt(rng, 2, 4);
      // A random polytope containing the origin inside a box, so it is bounded and full-dimensional.
      const B = [
        ...Array.from({ length: 2 * d }, (_, i) =>
          Array.from({ length: d }, (_, k) => (k === i >> 1 ? (i % 2 === 0 ? 1 : -1) : 0)),
        ),
        ...Array.from({ length: randInt(rng, 1, 6) }, () =>
          Array.from({ length: d }, () => randInt(rng, -4, 4)),
        ),
      ];
      const c = B.map((_, i) => (i < 2 * d ? randInt(rng, 1, 4) : randInt(rng, 1, 6)));
      const vol = polytopeVolume(B, c);
      expect(vol.num > 0n).toBe(true);
      const shift = Array.from({ length: d }, () => randInt(rng, -3, 3));
      const shifted = B.map((b, i) => c[i] + b.reduce((s, x, k) => s + x * shift[k], 0));
      expect(polytopeVolume(B, shifted)).toEqual(vol);
      const perm = randomPermutation(rng, d);
      const signs = perm.map(() => (randInt(rng, 0, 1) === 0 ? 1 : -1));
      expect(
        polytopeVolume(
          B.map((b) => perm.map((j, k) => signs[k] * b[j])),
          c,
        ),
      ).toEqual(vol);
    }
  });
});
