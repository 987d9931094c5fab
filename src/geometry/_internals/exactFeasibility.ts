/**
 * Exact phase-one simplex for {x ≥ 0 : M x = b} with integer data: the fallback that decides every
 * feasibility question the floating-point LP could not certify.
 *
 * The tableau is kept fraction-free (Edmonds' integer pivoting): the true tableau is T / D with D the
 * determinant of the current basis, every entry of T is an integer minor of the starting tableau, and
 * the update T'[i][k] = (p·T[i][k] − T[i][c]·T[r][k]) / D is an exact division. D stays positive because
 * the ratio test only pivots on positive entries. Bland's rule (lowest index enters and, among ties,
 * leaves) rules out cycling.
 */

import type { IntMatrix } from "../linalg.js";
import { type Rational, rat } from "../rational.js";

/** Either a feasible point x ≥ 0 with Mx = b, or a Farkas vector u with uᵀM ≤ 0 and uᵀb > 0. */
export type ExactFeasibility = { feasible: true; x: Rational[] } | { feasible: false; u: Rational[] };

/**
 * Decides whether {x ≥ 0 : Mx = b} is nonempty, exactly.
 * @param M r×n integer matrix (r ≥ 1).
 * @param b right-hand side, length r.
 * @returns a basic feasible x, or the Farkas certificate u of infeasibility (uᵀM ≤ 0, uᵀb > 0).
 * @throws RangeError on inconsistent sizes.
 */
export function exactFeasibility(M: IntMatrix, b: readonly bigint[]): ExactFeasibility {
  const r = M.length;
  if (b.length !== r) throw new RangeError(`exactFeasibility: b has length ${b.length}, expected ${r}`);
  const n = r === 0 ? 0 : M[0].length;
  const width = n + r + 1;
  const rhs = n + r;
  const flip = b.map((x) => (x < 0n ? -1n : 1n));
  const T: bigint[][] = M.map((row, i) => {
    if (row.length !== n)
      throw new RangeError(`exactFeasibility: M[${i}] has length ${row.length}, expected ${n}`);
    const t = new Array<bigint>(width).fill(0n);
    for (let j = 0; j < n; j++) t[j] = flip[i] * row[j];
    t[n + i] = 1n;
    t[rhs] = flip[i] * b[i];
    return t;
  });
  // Phase-one objective Σ artificials, priced out against the artificial starting basis.
  const z = new Array<bigint>(width).fill(0n);
  for (const t of T) {
    for (let j = 0; j < n; j++) z[j] -= t[j];
    z[rhs] -= t[rhs];
  }
  T.push(z);
  const basis = Array.from({ length: r }, (_, i) => n + i);
  let D = 1n;

  for (;;) {
    let c = -1;
    for (let j = 0; j < n + r; j++) {
      if (z[j] < 0n) {
        c = j;
        break;
      }
    }
    if (c < 0) break;
    let pr = -1;
    for (let i = 0; i < r; i++) {
      if (T[i][c] <= 0n) continue;
      if (pr < 0) {
        pr = i;
        continue;
      }
      const lhs = T[i][rhs] * T[pr][c];
      const rhsCmp = T[pr][rhs] * T[i][c];
      if (lhs < rhsCmp || (lhs === rhsCmp && basis[i] < basis[pr])) pr = i;
    }
    // Phase one is bounded below by 0, so an entering column always has a positive entry.
    if (pr < 0) throw new Error("exactFeasibility: internal error (unbounded phase one)");
    const p = T[pr][c];
    const rowP = T[pr];
    for (let i = 0; i <= r; i++) {
      if (i === pr) continue;
      const rowI = T[i];
      const f = rowI[c];
      for (let k = 0; k < width; k++) rowI[k] = (p * rowI[k] - f * rowP[k]) / D;
    }
    D = p;
    basis[pr] = c;
  }

  if (z[rhs] === 0n) {
    const x: Rational[] = new Array(n).fill(rat(0n));
    basis.forEach((j, i) => {
      if (j < n) x[j] = rat(T[i][rhs], D);
    });
    return { feasible: true, x };
  }
  // Reduced cost of artificial i is 1 − y_i, with y the duals of the sign-normalised rows.
  const u = Array.from({ length: r }, (_, i) => rat(flip[i] * (D - z[n + i]), D));
  return { feasible: false, u };
}
