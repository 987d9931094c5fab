/**
 * Exact linear algebra over the integers (BigInt) and the rationals ({@link Rational}).
 *
 * Matrices are arrays of rows. Integer routines (rank, determinant) use fraction-free Bareiss
 * elimination, so every intermediate is an exact integer minor and no gcds are needed; rational
 * routines (rref, solve, nullSpace) reduce every entry, which is cheap at the sizes this library uses
 * (d ≤ 8 columns, a few hundred rows).
 */

import { bigGcd, div, isZero, mul, neg, type Rational, rat, sub, ZERO } from "./rational.js";

/** An integer matrix, as an array of rows. */
export type IntMatrix = readonly (readonly bigint[])[];
/** A rational matrix, as an array of rows. */
export type RatMatrix = readonly (readonly Rational[])[];

/**
 * Dot product of two integer vectors.
 * @throws RangeError if the lengths differ.
 */
export function dot(a: readonly bigint[], b: readonly bigint[]): bigint {
  if (a.length !== b.length) throw new RangeError(`dot: lengths differ (${a.length} vs ${b.length})`);
  let s = 0n;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Matrix–vector product A·x of an integer matrix and an integer vector.
 * @throws RangeError if a row's length differs from x's.
 */
export function matVec(A: IntMatrix, x: readonly bigint[]): bigint[] {
  return A.map((row) => dot(row, x));
}

/**
 * Fraction-free forward elimination (Bareiss) on a copy of `M`. After k pivots every entry below
 * the pivot rows is a k×k-bordered minor of M, so the divisions are exact.
 */
function bareissEchelon(M: IntMatrix): { rank: number; lastPivot: bigint; swaps: number } {
  const a = M.map((r) => r.slice());
  const m = a.length;
  const n = m === 0 ? 0 : a[0].length;
  let prev = 1n;
  let r = 0;
  let swaps = 0;
  for (let c = 0; c < n && r < m; c++) {
    let p = r;
    while (p < m && a[p][c] === 0n) p++;
    if (p === m) continue;
    if (p !== r) {
      [a[p], a[r]] = [a[r], a[p]];
      swaps++;
    }
    const piv = a[r][c];
    const rowR = a[r];
    for (let i = r + 1; i < m; i++) {
      const rowI = a[i];
      const f = rowI[c];
      for (let j = c + 1; j < n; j++) rowI[j] = (piv * rowI[j] - f * rowR[j]) / prev;
      rowI[c] = 0n;
    }
    prev = piv;
    r++;
  }
  return { rank: r, lastPivot: prev, swaps };
}

/** Rank of an integer matrix (any shape; 0 for a matrix without rows). Exact. */
export function rank(M: IntMatrix): number {
  return bareissEchelon(M).rank;
}

/**
 * Determinant of a square integer matrix, exact (Bareiss). The empty 0×0 matrix has determinant 1.
 * @throws RangeError if `M` is not square.
 */
export function determinant(M: IntMatrix): bigint {
  const n = M.length;
  for (let i = 0; i < n; i++) {
    if (M[i].length !== n) {
      throw new RangeError(
        `determinant: M must be square, row ${i} has length ${M[i].length}, expected ${n}`,
      );
    }
  }
  if (n === 0) return 1n;
  const { rank: r, lastPivot, swaps } = bareissEchelon(M);
  if (r < n) return 0n;
  return swaps % 2 === 0 ? lastPivot : -lastPivot;
}

function toRatMatrix(M: IntMatrix | RatMatrix): Rational[][] {
  return M.map((row) => row.map((x) => (typeof x === "bigint" ? rat(x) : x)));
}

/**
 * Reduced row echelon form over the rationals.
 * @returns the reduced matrix (zero rows kept at the bottom) and the pivot column of each nonzero row.
 */
export function rref(M: IntMatrix | RatMatrix): { matrix: Rational[][]; pivots: number[] } {
  const a = toRatMatrix(M);
  const m = a.length;
  const n = m === 0 ? 0 : a[0].length;
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < m; c++) {
    let p = r;
    while (p < m && isZero(a[p][c])) p++;
    if (p === m) continue;
    [a[p], a[r]] = [a[r], a[p]];
    const inv = a[r][c];
    a[r] = a[r].map((x) => div(x, inv));
    for (let i = 0; i < m; i++) {
      if (i === r || isZero(a[i][c])) continue;
      const f = a[i][c];
      a[i] = a[i].map((x, j) => sub(x, mul(f, a[r][j])));
    }
    pivots.push(c);
    r++;
  }
  return { matrix: a, pivots };
}

/**
 * One exact solution of A·x = b (free variables set to 0), or `null` when the system is inconsistent.
 * Works for any shape of A.
 * @throws RangeError if `b.length` differs from the number of rows of `A`.
 */
export function solve(
  A: IntMatrix | RatMatrix,
  b: readonly bigint[] | readonly Rational[],
  cols = A.length > 0 ? A[0].length : 0,
): Rational[] | null {
  if (b.length !== A.length) {
    throw new RangeError(`solve: b has length ${b.length}, expected ${A.length} (rows of A)`);
  }
  const rb = b.map((x) => (typeof x === "bigint" ? rat(x) : x));
  const aug = toRatMatrix(A).map((row, i) => [...row, rb[i]]);
  const { matrix, pivots } = rref(aug);
  if (pivots.length > 0 && pivots[pivots.length - 1] === cols) return null;
  const x: Rational[] = new Array(cols).fill(ZERO);
  pivots.forEach((c, k) => {
    x[c] = matrix[k][cols];
  });
  return x;
}

/**
 * A basis of the null space {x : A·x = 0}, each vector primitive and integer. The basis is the
 * standard one from the reduced row echelon form (one vector per free column, in column order).
 * @param cols number of columns; needed only when `A` has no rows (then the basis is the identity).
 */
export function nullSpace(A: IntMatrix | RatMatrix, cols = A.length > 0 ? A[0].length : 0): bigint[][] {
  const { matrix, pivots } = rref(A);
  const isPivot = new Set(pivots);
  const basis: bigint[][] = [];
  for (let f = 0; f < cols; f++) {
    if (isPivot.has(f)) continue;
    const x: Rational[] = new Array(cols).fill(ZERO);
    x[f] = rat(1n);
    pivots.forEach((c, k) => {
      x[c] = neg(matrix[k][f]);
    });
    basis.push(primitive(clearDenominators(x)));
  }
  return basis;
}

/**
 * The vector divided by the gcd of its entries (signs kept). The zero vector is returned unchanged.
 */
export function primitive(v: readonly bigint[]): bigint[] {
  let g = 0n;
  for (const x of v) {
    g = bigGcd(g, x);
    if (g === 1n) return v.slice();
  }
  return g === 0n ? v.slice() : v.map((x) => x / g);
}

/**
 * The rational vector multiplied by the least common multiple of its denominators: the smallest
 * positive multiple with integer entries (a positive multiple, so directions and signs are kept).
 */
export function clearDenominators(v: readonly Rational[]): bigint[] {
  let l = 1n;
  for (const x of v) l = (l / bigGcd(l, x.den)) * x.den;
  return v.map((x) => x.num * (l / x.den));
}
