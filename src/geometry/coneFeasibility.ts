/**
 * Is the open cone C = {θ ∈ R^d : a_i·θ > 0 for all i} nonempty? Answered with a certificate either
 * way (Gordan's alternative): an integer point of C, or y ≥ 0, y ≠ 0 with yᵀA = 0.
 *
 * Candidates come from glpk.js in floating point; each is turned into an exact object and checked in
 * BigInt arithmetic. Whenever that fails, an exact rational simplex decides, so the answer never
 * depends on a floating-point tolerance.
 */

import { type IntMatrixInput, toIntMatrix } from "./_internals/checkMatrix.js";
import { exactFeasibility } from "./_internals/exactFeasibility.js";
import { clearDenominators, dot, type IntMatrix, nullSpace, primitive } from "./linalg.js";
import { lpReady, solveLp } from "./lp.js";
import { fromNumber, neg } from "./rational.js";

/**
 * Result of {@link findInteriorPoint}: an integer point p (primitive) with a_i·p > 0 for every row, or
 * a Gordan certificate y (primitive, non-negative, nonzero) with Σ_i y_i a_i = 0.
 */
export type InteriorPointResult = { ok: true; point: bigint[] } | { ok: false; farkas: bigint[] };

/** Options of {@link findInteriorPoint}. */
export interface FeasibilityOptions {
  /**
   * "lp" (default): glpk.js candidates, certified exactly, exact simplex only as a fallback.
   * "exact": the exact simplex alone, no floating point at all (also how the fallback is tested).
   */
  readonly method?: "lp" | "exact";
}

/**
 * Finds an interior point of the open cone {θ : Aθ > 0}, or certifies that it is empty.
 * @param A m×d integer matrix (m ≥ 1, d ≥ 1), bigints or safe-integer numbers.
 * @returns `{ ok: true, point }` with a_i·point > 0 for all i (checked in BigInt), or
 *   `{ ok: false, farkas }` with farkas ≥ 0, farkas ≠ 0 and farkasᵀA = 0 (checked in BigInt).
 * @throws TypeError on ragged rows or non-integer entries; RangeError if A has no rows or no columns,
 *   or if `options.method` is neither "lp" nor "exact".
 */
export function findInteriorPoint(A: IntMatrixInput, options: FeasibilityOptions = {}): InteriorPointResult {
  const M = toIntMatrix(A, "findInteriorPoint");
  const method = options.method ?? "lp";
  if (method !== "lp" && method !== "exact") {
    throw new RangeError(`findInteriorPoint: options.method must be "lp" or "exact", got ${String(method)}`);
  }
  return decideCone(M, M[0].length, method);
}

/** True when a_i·p > 0 for every row a_i of A, in exact integer arithmetic. */
export function isInteriorPoint(A: IntMatrix, p: readonly bigint[]): boolean {
  return A.every((row) => dot(row, p) > 0n);
}

/** True when y ≥ 0, y ≠ 0 and yᵀA = 0, in exact integer arithmetic (Gordan's certificate of emptiness). */
export function isGordanCertificate(A: IntMatrix, y: readonly bigint[]): boolean {
  if (y.length !== A.length || y.some((v) => v < 0n) || y.every((v) => v === 0n)) return false;
  const d = A.length === 0 ? 0 : A[0].length;
  for (let k = 0; k < d; k++) {
    let s = 0n;
    for (let i = 0; i < A.length; i++) s += y[i] * A[i][k];
    if (s !== 0n) return false;
  }
  return true;
}

/**
 * The same decision on an already validated matrix; shared with the facet test, which asks it once
 * per row. With no rows every point is interior, and the origin is returned.
 * @internal
 */
export function decideCone(A: IntMatrix, d: number, method: "lp" | "exact" = "lp"): InteriorPointResult {
  const m = A.length;
  if (m === 0) return { ok: true, point: new Array<bigint>(d).fill(0n) };
  const zeroRow = A.findIndex((row) => row.every((x) => x === 0n));
  if (zeroRow >= 0) {
    const farkas = new Array<bigint>(m).fill(0n);
    farkas[zeroRow] = 1n;
    return { ok: false, farkas };
  }
  const scaled = A.map((row) => {
    const s = row.reduce((mx, x) => Math.max(mx, Math.abs(Number(x))), 0);
    return row.map((x) => Number(x) / s);
  });
  // Entries beyond the double range (|x| > 1.8e308) leave nothing for the LP to work with.
  // Without glpk.js loaded the exact simplex decides alone (the same certified answer).
  if (method === "lp" && lpReady() && scaled.every((row) => row.every(Number.isFinite))) {
    const t = maxMargin(scaled, d);
    if (t !== null) {
      const point = roundToInteriorPoint(A, t);
      if (point !== null) return { ok: true, point };
    } else {
      const farkas = gordanFromLp(A, scaled);
      if (farkas !== null) return { ok: false, farkas };
    }
  }
  return decideExactly(A, d);
}

/**
 * max t s.t. â_i·θ ≥ t, −1 ≤ θ ≤ 1, t ≤ 1 on row-normalised â. Returns θ when the optimum is
 * positive enough to be worth rounding, otherwise null (the cone is then probably empty).
 */
function maxMargin(scaled: number[][], d: number): number[] | null {
  const res = solveLp({
    objective: [...new Array<number>(d).fill(0), 1],
    rows: scaled.map((row) => ({ coef: [...row, -1], lb: 0 })),
    bounds: [...Array.from({ length: d }, () => ({ lb: -1, ub: 1 })), { ub: 1 }],
  });
  if (res.status !== "optimal" || !(res.objective > 1e-12)) return null;
  return res.x.slice(0, d);
}

/**
 * Rounds θ·2^k for k = 0, 1, … (so the first success is a small integer point), then tries the exact
 * dyadic value of θ itself; returns the first that passes the exact test, made primitive.
 */
function roundToInteriorPoint(A: IntMatrix, theta: number[]): bigint[] | null {
  for (let k = 0; k <= 40; k++) {
    const s = 2 ** k;
    const p = theta.map((x) => BigInt(Math.round(x * s)));
    if (p.some((x) => x !== 0n) && isInteriorPoint(A, p)) return primitive(p);
  }
  const exact = clearDenominators(theta.map(fromNumber));
  return isInteriorPoint(A, exact) ? primitive(exact) : null;
}

/**
 * Solves {y ≥ 0, Σ y_i â_i = 0, Σ y_i = 1} with glpk, reads off the support S of the basic solution,
 * and, when the exact null space of the support rows is one-dimensional and of one sign, returns it as
 * the certificate (positive row scaling does not change supports, so the float rows â may be used).
 */
function gordanFromLp(A: IntMatrix, scaled: number[][]): bigint[] | null {
  const m = A.length;
  const d = A[0].length;
  const res = solveLp({
    direction: "min",
    objective: new Array<number>(m).fill(0),
    rows: [
      ...Array.from({ length: d }, (_, k) => ({ coef: scaled.map((row) => row[k]), lb: 0, ub: 0 })),
      { coef: new Array<number>(m).fill(1), lb: 1, ub: 1 },
    ],
    bounds: Array.from({ length: m }, () => ({ lb: 0 })),
  });
  if (res.status !== "optimal" && res.status !== "feasible") return null;
  const ymax = Math.max(...res.x);
  const support = res.x.flatMap((y, i) => (y > 1e-9 * ymax ? [i] : []));
  const supportT = Array.from({ length: d }, (_, k) => support.map((i) => A[i][k]));
  const basis = nullSpace(supportT, support.length);
  if (basis.length !== 1) return null;
  const v = basis[0].some((x) => x < 0n) ? basis[0].map((x) => -x) : basis[0];
  if (v.some((x) => x < 0n)) return null;
  const farkas = new Array<bigint>(m).fill(0n);
  support.forEach((i, k) => {
    farkas[i] = v[k];
  });
  return isGordanCertificate(A, farkas) ? farkas : null;
}

/**
 * Gordan by exact simplex on {y ≥ 0 : Aᵀy = 0, 1ᵀy = 1}. Its Farkas vector (π, π₀) has
 * a_i·π + π₀ ≤ 0 and π₀ > 0, so θ = −π satisfies a_i·θ ≥ π₀ > 0.
 */
function decideExactly(A: IntMatrix, d: number): InteriorPointResult {
  const m = A.length;
  const M = [...Array.from({ length: d }, (_, k) => A.map((row) => row[k])), new Array<bigint>(m).fill(1n)];
  const b = [...new Array<bigint>(d).fill(0n), 1n];
  const res = exactFeasibility(M, b);
  if (res.feasible) {
    const farkas = primitive(clearDenominators(res.x));
    if (!isGordanCertificate(A, farkas))
      throw new Error("findInteriorPoint: internal error (bad exact certificate)");
    return { ok: false, farkas };
  }
  const point = primitive(clearDenominators(res.u.slice(0, d).map(neg)));
  if (!isInteriorPoint(A, point)) throw new Error("findInteriorPoint: internal error (bad exact point)");
  return { ok: true, point };
}
