/** Dense Cholesky factorisation of small symmetric positive-definite matrices (row-major). */

/**
 * Overwrites the lower triangle of `a` (m×m, row-major) with L, A = L·Lᵀ, and zeroes the strict
 * upper triangle. Returns false (leaving `a` partly overwritten) when a pivot is not > 0, i.e. A is
 * not numerically positive definite.
 */
export function choleskyInPlace(a: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    let s = a[j * m + j];
    for (let k = 0; k < j; k++) s -= a[j * m + k] * a[j * m + k];
    if (!(s > 0)) return false;
    const ljj = Math.sqrt(s);
    a[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let t = a[i * m + j];
      for (let k = 0; k < j; k++) t -= a[i * m + k] * a[j * m + k];
      a[i * m + j] = t / ljj;
    }
    for (let i = 0; i < j; i++) a[i * m + j] = 0;
  }
  return true;
}

/** Solves L·x = b in place (L lower triangular m×m, row-major, from choleskyInPlace). */
export function forwardSubstitute(l: Float64Array, m: number, b: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * m + k] * b[k];
    b[i] = s / l[i * m + i];
  }
}
