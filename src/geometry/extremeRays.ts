/**
 * Extreme rays of the closed cone {θ : Aθ ≥ 0} (the closure of the open cone {Aθ > 0} when that is
 * nonempty), exactly, by the double description method, with the ray–row incidence.
 *
 * Redundant rows are left for the double description to discard (a redundant row cuts no ray once the
 * facets around it are in) rather than removed first by one LP per row: on perceptron cones (n = 6, 7)
 * that was 5–50 times faster, and on random cones within a factor of about two either way.
 */

import { type IntMatrixInput, toIntMatrix } from "./_internals/checkMatrix.js";
import { doubleDescription } from "./_internals/doubleDescription.js";
import { dot, nullSpace, primitive } from "./linalg.js";

/** Output of {@link extremeRays}. */
export interface ExtremeRaysResult {
  /**
   * Extreme rays as primitive integer vectors. When the cone is pointed these generate it:
   * {Aθ ≥ 0} = cone(rays). Otherwise they are the extreme rays of the pointed part {Aθ ≥ 0} ∩ L^⊥
   * and the cone is L + cone(rays).
   */
  rays: bigint[][];
  /** incidence[k] lists, increasing, the rows i of A with a_i·rays[k] = 0 (all rows, redundant or not). */
  incidence: number[][];
  /** A basis of the lineality space L = {θ : Aθ = 0} (primitive integer vectors); empty iff pointed. */
  lineality: bigint[][];
}

/**
 * Extreme rays of the closed cone {θ : Aθ ≥ 0}, exact. A cone that is not pointed is not an error:
 * its lineality space is returned and the rays are those of the pointed part orthogonal to it (the
 * cone {0} has no rays; a linear subspace has lineality only). Works for lower-dimensional cones too.
 * @param A m×d integer matrix (m ≥ 1, d ≥ 1), bigints or safe-integer numbers.
 * @throws TypeError on ragged rows or non-integer entries; RangeError if A has no rows or no columns.
 */
export function extremeRays(A: IntMatrixInput): ExtremeRaysResult {
  const M = toIntMatrix(A, "extremeRays");
  const d = M[0].length;
  const lineality = nullSpace(M, d);

  const seen = new Set<string>();
  const work: bigint[][] = [];
  for (const row of M) {
    if (row.every((x) => x === 0n)) continue;
    const p = primitive(row);
    const key = p.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    work.push(p);
  }
  // θ ⊥ L as a pair of inequalities per basis vector makes the rows full rank without changing the
  // pointed part.
  for (const l of lineality) {
    work.push(l);
    work.push(l.map((x) => -x));
  }

  const rays = doubleDescription(work, d);
  const incidence = rays.map((r) => M.flatMap((row, i) => (dot(row, r) === 0n ? [i] : [])));
  return { rays, incidence, lineality };
}
