/**
 * Exact facet certificates for an open cone C = {θ : Aθ > 0} when the facets are already suspected
 * (e.g. from chamber adjacency): every row ends up with a checked certificate either way, and a
 * wrong guess costs only a fallback LP for the rows it got wrong.
 *
 * - Candidate facets: the extreme rays of K = {θ : a_j·θ ≥ 0, j candidate} are found once. For a true
 *   facet r of K the sum q of the rays tight at r lies in the relative interior of that facet, so
 *   every row not parallel to a_r is positive at q, and w = k·q − p (p interior, k large) has
 *   a_r·w < 0 < a_j·w for all j ≠ r: the cone with row r reversed is nonempty.
 * - Other rows: a_i = Σ λ_j a_j over the candidates with λ ≥ 0, read off the simplicial cone of a
 *   triangulation of cone(F) that holds a_i (the exact simplex when none does). With row i reversed,
 *   Gordan's y = (λ, 1) shows the cone is empty, so row i is redundant.
 * A candidate whose ray witness fails, or a row outside the candidates' cone, is decided by one
 * LP-with-exact-certificate over all rows instead (`fallbacks` counts them).
 */

import { type IntMatrixInput, toIntMatrix, toIntVector } from "./_internals/checkMatrix.js";
import { exactFeasibility } from "./_internals/exactFeasibility.js";
import { decideCone, isInteriorPoint } from "./coneFeasibility.js";
import { extremeRays } from "./extremeRays.js";
import { dot, type IntMatrix, primitive } from "./linalg.js";
import { triangulateRays } from "./triangulate.js";
import { bigGcd, type Rational, rat } from "./rational.js";

/** Certificate for one row of {@link certifyFacetCandidates}. */
export type CandidateRowStatus =
  /** a_i·witness < 0 and a_j·witness > 0 for every other row j: row i is a facet. */
  | { kind: "facet"; witness: bigint[] }
  /** a_i = Σ_k lambda[k]·a_{support[k]}, lambda ≥ 0, i not in support: row i is redundant. */
  | { kind: "redundant"; support: number[]; lambda: Rational[] };

/** Result of {@link certifyFacetCandidates}; `ok: false` carries a Gordan certificate that C is empty. */
export type CandidateFacetsResult =
  | {
      ok: true;
      /** An integer point with Aθ > 0. */
      interiorPoint: bigint[];
      /** One certificate per row of A, in order; each was checked exactly. */
      rows: CandidateRowStatus[];
      /** Indices of the facet rows, increasing. */
      facets: number[];
      /** Rows the candidates did not settle (a candidate that is no facet, a facet not among them). */
      fallbacks: number;
    }
  | { ok: false; farkas: bigint[] };

/** Options of {@link certifyFacetCandidates}. */
export interface CandidateOptions {
  /** An integer point believed to satisfy Aθ > 0 (checked; found by LP when absent or wrong). */
  readonly interiorPoint?: readonly (bigint | number)[];
}

/**
 * Classifies every row of the open cone {θ : Aθ > 0} as a facet or redundant, with exact
 * certificates, using `candidates` as the suspected facet rows.
 * @param A m×d integer matrix, no row a positive multiple of another (then "facet" would be
 *   ambiguous), bigints or safe-integer numbers.
 * @param candidates row indices believed to be the facets (any subset gives correct answers).
 * @returns the certificates, or `{ ok: false, farkas }` when the open cone is empty.
 * @throws TypeError on ragged rows or non-integer entries; RangeError if A has no rows or columns,
 *   two rows are positive multiples of each other, or a candidate is not a row index.
 */
export function certifyFacetCandidates(
  A: IntMatrixInput,
  candidates: readonly number[],
  options: CandidateOptions = {},
): CandidateFacetsResult {
  const M = toIntMatrix(A, "certifyFacetCandidates");
  const m = M.length;
  const d = M[0].length;
  checkDistinctDirections(M);
  const isCandidate = new Uint8Array(m);
  for (const r of candidates) {
    if (!Number.isInteger(r) || r < 0 || r >= m) {
      throw new RangeError(`certifyFacetCandidates: candidate ${r} is not a row index 0 … ${m - 1}`);
    }
    isCandidate[r] = 1;
  }
  const given =
    options.interiorPoint && toIntVector(options.interiorPoint, "certifyFacetCandidates", "interiorPoint");
  let p: bigint[];
  if (given && given.length === d && isInteriorPoint(M, given)) p = given;
  else {
    const whole = decideCone(M, d);
    if (!whole.ok) return whole;
    p = whole.point;
  }

  const F = M.flatMap((_, i) => (isCandidate[i] ? [i] : []));
  const rays = F.length > 0 ? extremeRays(F.map((i) => M[i])) : { rays: [], incidence: [] };
  const FT = Array.from({ length: d }, (_, c) => F.map((j) => M[j][c]));
  let fallbacks = 0;
  const rows: (CandidateRowStatus | null)[] = M.map((_, i) => {
    if (!isCandidate[i]) return null;
    const k = F.indexOf(i);
    return witnessFromRays(M, i, rays.rays.filter((_, t) => rays.incidence[t].includes(k)), p);
  });
  // Only when every candidate is a facet are the candidates the extreme rays of cone(F), which the
  // triangulation needs; otherwise each redundant row gets its own exact simplex.
  const allFacets = F.every((i) => rows[i] !== null);
  const combination = allFacets && "lineality" in rays ? simplicialCombinations(F, M, rays) : () => null;
  const out = rows.map((found, i): CandidateRowStatus => {
    let status = found;
    if (!isCandidate[i]) {
      status = combination(M[i]);
      if (status === null) {
        const res = exactFeasibility(FT, M[i]);
        status = res.feasible ? { kind: "redundant", support: F, lambda: res.x } : null;
      }
    }
    if (status === null) {
      fallbacks++;
      status = decideByReversal(M, i);
    }
    if (!checkStatus(M, i, status)) throw new Error("certifyFacetCandidates: internal error (bad certificate)");
    return status;
  });
  return {
    ok: true,
    interiorPoint: p,
    rows: out,
    facets: out.flatMap((s, i) => (s.kind === "facet" ? [i] : [])),
    fallbacks,
  };
}

/** Throws if two rows point the same way (equal after dividing by their content). */
function checkDistinctDirections(M: IntMatrix): void {
  const seen = new Map<string, number>();
  M.forEach((row, i) => {
    const g = row.reduce((acc, x) => bigGcd(acc, x), 0n);
    // A zero row empties the cone, which the caller is told by the Gordan certificate instead.
    if (g === 0n) return;
    const key = row.map((x) => x / g).join(",");
    const j = seen.get(key);
    if (j !== undefined) {
      throw new RangeError(`certifyFacetCandidates: rows ${j} and ${i} are positive multiples of each other`);
    }
    seen.set(key, i);
  });
}

/** k·q − p with q the sum of the rays tight at row r, or null if that is no witness. */
function witnessFromRays(M: IntMatrix, r: number, tight: readonly bigint[][], p: readonly bigint[]): CandidateRowStatus | null {
  // No tight ray: K is the half-space of row r alone (q = 0), the only case where −p is a witness.
  const q = tight.reduce((acc, ray) => acc.map((x, c) => x + ray[c]), new Array<bigint>(p.length).fill(0n));
  let k = 1n;
  for (let j = 0; j < M.length; j++) {
    if (j === r) continue;
    const aq = dot(M[j], q);
    if (aq <= 0n) return null;
    const need = dot(M[j], p) / aq + 1n;
    if (need > k) k = need;
  }
  return { kind: "facet", witness: primitive(q.map((x, c) => k * x - p[c])) };
}

/**
 * Multipliers over the candidates from a triangulation of cone(F) (F = the candidate rows, all facets,
 * so they are its extreme rays, and the rays of K = {Fθ ≥ 0} are its facets): a row in cone(F) lies
 * in one of the simplicial cones, where λ = B⁻¹a is one exact matrix–vector product. Returns null for
 * a row in none of them (then outside cone(F)) or when K is not pointed.
 */
function simplicialCombinations(
  F: readonly number[],
  M: IntMatrix,
  K: { rays: bigint[][]; incidence: number[][]; lineality: bigint[][] },
): (a: readonly bigint[]) => CandidateRowStatus | null {
  const d = M[0].length;
  if (K.lineality.length > 0 || F.length < d) return () => null;
  const generators = F.map((j) => M[j]);
  const facetsOfDual = F.map((_, k) => K.incidence.flatMap((rows, t) => (rows.includes(k) ? [t] : [])));
  const cones = triangulateRays(generators, facetsOfDual).map((simplex) => {
    const B = Array.from({ length: d }, (_, c) => simplex.map((k) => generators[k][c]));
    return { support: simplex.map((k) => F[k]), ...integerInverse(B) };
  });
  return (a) => {
    search: for (const { support, N, D } of cones) {
      const num: bigint[] = [];
      for (const row of N) {
        const x = dot(row, a);
        if (x < 0n) continue search;
        num.push(x);
      }
      return { kind: "redundant", support, lambda: num.map((x) => rat(x, D)) };
    }
    return null;
  };
}

/**
 * B⁻¹ = N / D with N integer and D > 0, by fraction-free Gauss–Jordan on [B | I] (every entry stays
 * an integer minor, so each division by the previous pivot is exact; no rationals are built, which
 * made rational row reduction the larger part of the certification's cost at n = 7).
 * B must be square and invertible (the simplices of a triangulation are).
 */
function integerInverse(B: IntMatrix): { N: bigint[][]; D: bigint } {
  const d = B.length;
  const a = B.map((row, i) => [...row, ...Array.from({ length: d }, (_, j) => (j === i ? 1n : 0n))]);
  let prev = 1n;
  for (let k = 0; k < d; k++) {
    const p = a.findIndex((row, i) => i >= k && row[k] !== 0n);
    if (p < 0) throw new Error("certifyFacetCandidates: internal error (singular simplex)");
    [a[k], a[p]] = [a[p], a[k]];
    const pivotRow = a[k];
    const pivot = pivotRow[k];
    for (let i = 0; i < d; i++) {
      if (i === k) continue;
      const row = a[i];
      const f = row[k];
      for (let j = 0; j < 2 * d; j++) row[j] = (pivot * row[j] - f * pivotRow[j]) / prev;
    }
    prev = pivot;
  }
  // Now a = [D·I | D·B⁻¹] with D = prev (±det B).
  const sign = prev < 0n ? -1n : 1n;
  return { N: a.map((row) => row.slice(d).map((x) => sign * x)), D: sign * prev };
}

/** Row i decided on its own: reverse it and ask for an interior point of the resulting cone. */
function decideByReversal(M: IntMatrix, i: number): CandidateRowStatus {
  const others = M.flatMap((_, j) => (j === i ? [] : [j]));
  const res = decideCone([...others.map((j) => M[j]), M[i].map((x) => -x)], M[0].length);
  if (res.ok) return { kind: "facet", witness: res.point };
  // Pairing Gordan's yᵀ(others, −a_i) = 0 with an interior point of C forces y_i > 0.
  const yi = res.farkas[others.length];
  if (yi <= 0n) throw new Error("certifyFacetCandidates: internal error (Gordan vector misses the reversed row)");
  return { kind: "redundant", support: others, lambda: others.map((_, k) => rat(res.farkas[k], yi)) };
}

/** Exact check of one certificate (see CandidateRowStatus). */
function checkStatus(M: IntMatrix, i: number, s: CandidateRowStatus): boolean {
  if (s.kind === "facet") {
    return M.every((a, j) => (j === i ? dot(a, s.witness) < 0n : dot(a, s.witness) > 0n));
  }
  if (s.support.includes(i) || s.lambda.some((l) => l.num < 0n)) return false;
  // Σ λ_k a_k = a_i, scaled by the common denominator D to stay in integers.
  const D = s.lambda.reduce((acc, l) => (acc * l.den) / bigGcd(acc, l.den), 1n);
  return M[i].every((x, c) => s.support.reduce((acc, j, k) => acc + ((s.lambda[k].num * D) / s.lambda[k].den) * M[j][c], 0n) === D * x);
}
