/**
 * Test helpers for geometry/: seeded random cones and exact checks written independently of the code
 * under test (plain BigInt loops and Laplace-expansion determinants, no Bareiss, no simplex).
 */

import fc from "fast-check";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export type Rng = ReturnType<typeof xoroshiro128plus>;

/** A seeded generator, so every random case is the same on every run. */
export function seeded(seed: number): Rng {
  return xoroshiro128plus(seed);
}

/** A uniform integer in [lo, hi]. */
export function randInt(rng: Rng, lo: number, hi: number): number {
  return uniformInt(rng, lo, hi);
}

/** a·b in BigInt. */
export function idot(a: readonly bigint[], b: readonly bigint[]): bigint {
  let s = 0n;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

/** Determinant by Laplace expansion along rows, memoised on the set of columns left (O(2^d·d)). */
export function laplaceDet(M: readonly (readonly bigint[])[]): bigint {
  const n = M.length;
  const memo = new Map<number, bigint>();
  const rec = (row: number, cols: number): bigint => {
    if (row === n) return 1n;
    const known = memo.get(cols);
    if (known !== undefined) return known;
    let s = 0n;
    let sign = 1n;
    for (let c = 0; c < n; c++) {
      if ((cols & (1 << c)) === 0) continue;
      if (M[row][c] !== 0n) s += sign * M[row][c] * rec(row + 1, cols & ~(1 << c));
      sign = -sign;
    }
    memo.set(cols, s);
    return s;
  };
  return rec(0, (1 << n) - 1);
}

/** Rank by brute force: the largest k with a nonzero k×k minor (small matrices only). */
export function bruteRank(M: readonly (readonly bigint[])[]): number {
  const m = M.length;
  if (m === 0) return 0;
  const n = M[0].length;
  for (let k = Math.min(m, n); k > 0; k--) {
    for (const rows of subsets(m, k)) {
      for (const cols of subsets(n, k)) {
        if (laplaceDet(rows.map((i) => cols.map((j) => M[i][j]))) !== 0n) return k;
      }
    }
  }
  return 0;
}

/** All k-subsets of {0, …, n−1}, increasing. */
export function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const cur: number[] = [];
  const rec = (start: number) => {
    if (cur.length === k) {
      out.push(cur.slice());
      return;
    }
    for (let i = start; i < n; i++) {
      cur.push(i);
      rec(i + 1);
      cur.pop();
    }
  };
  rec(0);
  return out;
}

/** The vector of signed maximal minors of a (d−1)×d matrix: spans its null space when rank is d−1. */
export function generalisedCross(rows: readonly (readonly bigint[])[]): bigint[] {
  const d = rows.length + 1;
  return Array.from({ length: d }, (_, j) => {
    const minor = rows.map((r) => r.filter((_, k) => k !== j));
    const det = laplaceDet(minor);
    return j % 2 === 0 ? det : -det;
  });
}

/** v / gcd(v), for comparing rays as sets. */
export function prim(v: readonly bigint[]): bigint[] {
  let g = 0n;
  for (const x of v) {
    let a = g;
    let b = x < 0n ? -x : x;
    while (b !== 0n) [a, b] = [b, a % b];
    g = a;
  }
  return g === 0n ? v.slice() : v.map((x) => x / g);
}

/** Canonical string of a set of vectors, for set equality. */
export function vectorSetKey(vs: readonly (readonly bigint[])[]): string {
  return vs
    .map((v) => v.join(","))
    .sort()
    .join(" | ");
}

/**
 * Extreme rays of {Aθ ≥ 0} by brute force (pointed cones, small m): every (d−1)-subset of rows of
 * rank d−1 has a one-dimensional null space ±v; keep the signs that satisfy all rows.
 */
export function bruteExtremeRays(A: readonly (readonly bigint[])[]): bigint[][] {
  const d = A[0].length;
  if (d === 1) return [1n, -1n].flatMap((s) => (A.every((a) => a[0] * s >= 0n) ? [[s]] : []));
  const found = new Map<string, bigint[]>();
  for (const rows of subsets(A.length, d - 1)) {
    const v = prim(generalisedCross(rows.map((i) => A[i])));
    if (v.every((x) => x === 0n)) continue;
    for (const w of [v, v.map((x) => -x)]) {
      if (A.every((a) => idot(a, w) >= 0n)) found.set(w.join(","), w);
    }
  }
  return [...found.values()];
}

/** Integer vectors of length d with entries in [−k, k]. */
export function intVector(d: number, k: number): fc.Arbitrary<bigint[]> {
  return fc.array(
    fc.integer({ min: -k, max: k }).map((x) => BigInt(x)),
    { minLength: d, maxLength: d },
  );
}

/**
 * Rows a_i with entries in [−k, k], each flipped so that a_i·p > 0 for a planted random p (rows
 * orthogonal to p dropped): an open cone known to be nonempty.
 */
export function plantedCone(dMin: number, dMax: number, mMax: number, k = 3): fc.Arbitrary<bigint[][]> {
  return fc
    .integer({ min: dMin, max: dMax })
    .chain((d) =>
      fc.tuple(
        intVector(d, 5).filter((p) => p.some((x) => x !== 0n)),
        fc.array(intVector(d, k), { minLength: 1, maxLength: mMax }),
      ),
    )
    .map(([p, rows]) =>
      rows.flatMap((a) => {
        const s = idot(a, p);
        return s > 0n ? [a] : s < 0n ? [a.map((x) => -x)] : [];
      }),
    )
    .filter((rows) => rows.length > 0);
}

/** Signed permutation of coordinates: θ ↦ (s_k θ_{π(k)}). Applied to rows, it maps cones to cones. */
export function signedPermutation(perm: readonly number[], signs: readonly bigint[]) {
  return (v: readonly bigint[]): bigint[] => perm.map((j, k) => signs[k] * v[j]);
}

/** True when b is a positive multiple of a (both nonzero). */
export function sameDirection(a: readonly bigint[], b: readonly bigint[]): boolean {
  return idot(a, b) > 0n && a.every((_, i) => a.every((_, j) => a[i] * b[j] === a[j] * b[i]));
}

/** The rows with the first of each direction kept (positive multiples of an earlier row dropped). */
export function distinctDirections(A: readonly (readonly bigint[])[]): bigint[][] {
  return A.filter((a, i) => !A.slice(0, i).some((b) => sameDirection(b, a))).map((a) => a.slice());
}

/** A uniformly random permutation of 0 … n−1 (Fisher–Yates). */
export function randomPermutation(rng: Rng, n: number): number[] {
  const p = Array.from({ length: n }, (_, k) => k);
  for (let i = n - 1; i > 0; i--) {
    const j = randInt(rng, 0, i);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}
