/**
 * Exact determinant and scaled inverse of an integer matrix by fraction-free Gauss–Jordan
 * elimination (Bareiss 1968): every intermediate is an integer (a minor of the input), so the
 * divisions are exact and the entries stay as small as the minors themselves.
 */

/** D and X = D·M⁻¹ with |D| = |det M| (X is ± the adjugate). */
export interface ScaledInverse {
  /** ±det M (0 when M is singular, and then `x` is undefined). */
  readonly det: bigint;
  /** det·M⁻¹, an integer matrix, rows of M⁻¹ scaled by `det`. */
  readonly x: bigint[][] | undefined;
}

/**
 * Fraction-free Gauss–Jordan on [M | I]. Row operations keep [L | X] = E·[M | I], so L = X·M;
 * Bareiss' update leaves L = D·I at the end, hence X = D·M⁻¹ whatever row swaps were made.
 */
export function fractionFreeInverse(m: readonly (readonly bigint[])[]): ScaledInverse {
  const n = m.length;
  const a: bigint[][] = m.map((row, i) => [
    ...row,
    ...Array.from({ length: n }, (_, j) => (i === j ? 1n : 0n)),
  ]);
  let prev = 1n;
  for (let k = 0; k < n; k++) {
    let p = k;
    while (p < n && a[p][k] === 0n) p++;
    if (p === n) return { det: 0n, x: undefined };
    if (p !== k) [a[p], a[k]] = [a[k], a[p]];
    const piv = a[k][k];
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const f = a[i][k];
      const row = a[i];
      const pr = a[k];
      for (let j = 0; j < 2 * n; j++) row[j] = (piv * row[j] - f * pr[j]) / prev;
    }
    // Rows already reduced keep the invariant "diagonal = current pivot" by the same scaling.
    prev = piv;
  }
  return { det: prev, x: a.map((row) => row.slice(n)) };
}
