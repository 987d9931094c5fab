/**
 * Cheap bounds on the extreme eigenvalues of a small symmetric positive definite matrix. Plackett
 * quadratures use them to place the singularities of t ↦ f((1 − t)I + tA), which sit at
 * t = 1/(1 − λ) for the eigenvalues λ of A's principal submatrices, all within [λ_min, λ_max].
 */

/**
 * A lower bound on λ_min of the m×m symmetric matrix `a` (row-major), or 0 when `a` is not
 * numerically positive definite. Newton's method on det(A − λI) from λ = 0: the step
 * 1/tr((A − λI)⁻¹) = 1/Σ 1/(λ_i − λ) never passes λ_min, so every iterate is a lower bound, and it
 * converges quadratically to a simple λ_min (linearly, rate 1 − 1/k, to a k-fold one).
 * `work` needs room for 2m² numbers.
 */
export function minEigenvalueLowerBound(a: Float64Array, m: number, work: Float64Array): number {
  let lam = 0;
  for (let iter = 0; iter < 8; iter++) {
    const tr = inverseTrace(a, m, lam, 1, work);
    if (!(tr > 0) || !Number.isFinite(tr)) return iter === 0 ? 0 : lam;
    const step = 1 / tr;
    lam += step;
    if (step < 0.1 * lam) break;
  }
  // Rounding in the factorisation can push an iterate a hair past λ_min; keep a margin.
  return lam * (1 - 1e-6);
}

/**
 * An upper bound on λ_max of the m×m symmetric matrix `a`: Newton's method on det(λI − A) from the
 * Gershgorin bound (largest absolute row sum) downwards; as for the lower bound, every iterate stays
 * on its side of λ_max. `work` needs room for 2m² numbers.
 */
export function maxEigenvalueUpperBound(a: Float64Array, m: number, work: Float64Array): number {
  let lam = 0;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += Math.abs(a[i * m + j]);
    if (s > lam) lam = s;
  }
  // Gershgorin can be attained (λ_max = lam); start just above it so λI − A is definite.
  lam = lam * (1 + 1e-9) + 1e-300;
  for (let iter = 0; iter < 8; iter++) {
    const tr = inverseTrace(a, m, lam, -1, work);
    if (!(tr > 0) || !Number.isFinite(tr)) break;
    const step = 1 / tr;
    lam -= step;
    if (step < 0.1 * lam) break;
  }
  return lam * (1 + 1e-6);
}

/**
 * tr(M⁻¹) = ‖L⁻¹‖_F² for M = s(A − λI) (s = ±1) from its Cholesky factor L, or NaN if M is not
 * positive definite.
 */
function inverseTrace(a: Float64Array, m: number, lam: number, s0: 1 | -1, work: Float64Array): number {
  const l = work;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = s0 * (a[i * m + j] - (i === j ? lam : 0));
      for (let k = 0; k < j; k++) s -= l[i * m + k] * l[j * m + k];
      if (i === j) {
        if (!(s > 0)) return Number.NaN;
        l[i * m + i] = Math.sqrt(s);
      } else {
        l[i * m + j] = s / l[j * m + j];
      }
    }
  }
  // Columns of X = L⁻¹ by forward substitution, accumulating Σ X_ij².
  let sum = 0;
  const x = m * m;
  for (let j = 0; j < m; j++) {
    work[x + j] = 1 / l[j * m + j];
    sum += work[x + j] * work[x + j];
    for (let i = j + 1; i < m; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * m + k] * work[x + k];
      work[x + i] = s / l[i * m + i];
      sum += work[x + i] * work[x + i];
    }
  }
  return sum;
}
