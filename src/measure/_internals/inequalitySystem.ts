/**
 * The inequality system {x ∈ R^k : rows[j]·x ≤ rhs[j]} that Lasserre's recursion passes from one
 * level to the next.
 *
 * Rows are kept fraction-free (Bareiss): after the coordinates of the face F_S (S = the original
 * rows made tight so far) have been eliminated, row j is `scale` times the exact Schur-complement
 * row of original row j, where `scale` = |det| of the original rows S restricted to the eliminated
 * coordinates. Every entry is then an integer minor of the original matrix, so no fractions and no
 * gcd work are needed, and `scale` is exactly the factor that relates the projected volume of F_S
 * to its coordinate-free normalisation (see lasserreVolume.ts).
 */
export interface InequalitySystem {
  /** Number of free coordinates k. */
  readonly dim: number;
  /** Row coefficients, each of length `dim`. */
  readonly rows: readonly (readonly bigint[])[];
  /** Right-hand sides, one per row. */
  readonly rhs: readonly bigint[];
  /** Index of each row in the original (top-level) system; identifies faces for memoisation. */
  readonly ids: readonly number[];
  /** Common positive scale of all rows: |det| of the tight original rows on the eliminated columns. */
  readonly scale: bigint;
}
