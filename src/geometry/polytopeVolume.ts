/**
 * Exact volume of a polytope {x ∈ R^n : Bx ≤ c} by triangulating its homogenisation
 * K = {(x, t) : c·t − Bx ≥ 0, t ≥ 0}: the extreme rays of K with t > 0 are the vertices (p/q, 1) scaled
 * to primitive (p, q), a ray with t = 0 is a recession direction, and a simplicial cone on rays
 * (p_j, q_j) cuts t = 1 in a simplex of volume |det[(p_j, q_j)]| / (n! · Π q_j).
 */

import { type IntMatrixInput, toIntMatrix, toIntVector } from "./_internals/checkMatrix.js";
import { extremeRays } from "./extremeRays.js";
import { determinant } from "./linalg.js";
import { add, type Rational, rat, ZERO } from "./rational.js";
import { triangulateRays } from "./triangulate.js";

/**
 * Rows of the homogenisation cone {(x, t) : c_i·t − b_i·x ≥ 0, t ≥ 0} of {x : Bx ≤ c}, in R^{n+1} with t
 * last: row i is (−b_i, c_i), and the final row (0, …, 0, 1) is t ≥ 0.
 * @param B m×n integer matrix (m ≥ 1, n ≥ 1); c integer vector of length m.
 * @throws TypeError on ragged rows or non-integer entries; RangeError if c.length ≠ m.
 */
export function homogenisePolytope(B: IntMatrixInput, c: readonly (bigint | number)[]): bigint[][] {
  const M = toIntMatrix(B, "homogenisePolytope", "B");
  const cc = toIntVector(c, "homogenisePolytope", "c");
  if (cc.length !== M.length) {
    throw new RangeError(`homogenisePolytope: c has length ${cc.length}, expected ${M.length} (rows of B)`);
  }
  const n = M[0].length;
  return [...M.map((row, i) => [...row.map((x) => -x), cc[i]]), [...new Array<bigint>(n).fill(0n), 1n]];
}

/**
 * The n-dimensional volume of {x ∈ R^n : Bx ≤ c}, exact. Empty or lower-dimensional polytopes have
 * volume 0.
 * @param B m×n integer matrix (m ≥ 1, n ≥ 1); c integer vector of length m.
 * @throws RangeError if the polyhedron is nonempty and unbounded; TypeError / RangeError on malformed
 *   input as in {@link homogenisePolytope}.
 */
export function polytopeVolume(B: IntMatrixInput, c: readonly (bigint | number)[]): Rational {
  const K = homogenisePolytope(B, c);
  const n = K[0].length - 1;
  const { rays, incidence, lineality } = extremeRays(K);
  const t = (k: number) => rays[k][n];
  // K = L + cone(rays) with L inside {t = 0}, so the polytope is nonempty iff some ray has t > 0.
  if (rays.every((r) => r[n] === 0n)) return ZERO;
  if (lineality.length > 0 || rays.some((r) => r[n] === 0n)) {
    throw new RangeError(
      "polytopeVolume: {x : Bx ≤ c} is unbounded (its homogenisation has a ray with t = 0)",
    );
  }
  const simplices = triangulateRays(rays, incidence);
  let factorial = 1n;
  for (let k = 2n; k <= BigInt(n); k++) factorial *= k;
  let vol = ZERO;
  for (const s of simplices) {
    if (s.length < n + 1) return ZERO;
    const det = determinant(s.map((k) => rays[k]));
    const denom = s.reduce((acc, k) => acc * t(k), factorial);
    vol = add(vol, rat(det < 0n ? -det : det, denom));
  }
  return vol;
}
