/**
 * Gordan's alternative as a standalone certificate: the open cone {θ : Aθ > 0} is empty iff some
 * y ≥ 0, y ≠ 0 has yᵀA = 0. Pairing yᵀA = 0 with any θ gives Σ y_i (a_i·θ) = 0, which cannot hold
 * when every a_i·θ is positive, so checking y in integer arithmetic proves emptiness.
 *
 * The multipliers come from the LP of coneFeasibility (a basic solution, so the support is a minimal
 * dependent set of rows, the shortest readable reason) with the exact simplex as fallback.
 */

import { type IntMatrixInput, toIntMatrix, toIntVector } from "./_internals/checkMatrix.js";
import { decideCone, isGordanCertificate } from "./coneFeasibility.js";

/**
 * Multipliers proving that the open cone {θ : Aθ > 0} is empty, or null when it is not.
 * @param A m×d integer matrix (m ≥ 1, d ≥ 1), bigints or safe-integer numbers.
 * @returns y with one entry per row: non-negative integers, not all zero, gcd 1, yᵀA = 0 (checked in
 *   BigInt before it is returned); null when some θ has Aθ > 0.
 * @throws TypeError on ragged rows or non-integer entries; RangeError if A has no rows or no columns.
 */
export function gordanCertificate(A: IntMatrixInput): bigint[] | null {
  const M = toIntMatrix(A, "gordanCertificate");
  const res = decideCone(M, M[0].length);
  return res.ok ? null : res.farkas;
}

/**
 * Checks a Gordan certificate exactly: y ≥ 0, y ≠ 0 and Σ_i y_i a_i = 0, so {θ : Aθ > 0} is empty.
 * @param A m×d integer matrix, as for {@link gordanCertificate}.
 * @param y m integers (bigints or safe-integer numbers).
 * @returns false for any vector that is not such a certificate, including one of the wrong length.
 * @throws TypeError on ragged rows or non-integer entries; RangeError if A has no rows or no columns.
 */
export function verifyGordanCertificate(A: IntMatrixInput, y: readonly (bigint | number)[]): boolean {
  const M = toIntMatrix(A, "verifyGordanCertificate");
  return isGordanCertificate(M, toIntVector(y, "verifyGordanCertificate", "y"));
}
