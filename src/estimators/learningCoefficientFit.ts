/**
 * The local learning coefficient λ (and multiplicity m) from volumes at several cutoffs: singular
 * learning theory gives V(ε) ≈ c·ε^λ·(−log ε)^{m−1} as ε → 0, so log V is fitted by least squares
 * on [1, log ε] (m = 1, the regular case) and on [1, log ε, log(−log ε)] (m free).
 */

/** Fitted coefficients. */
export interface LearningCoefficientFit {
  /** λ with m fixed at 1. */
  readonly lambda: number;
  /** log c with m fixed at 1. */
  readonly logC: number;
  /** Root-mean-square residual of the m = 1 fit (natural log units). */
  readonly residual: number;
  /** λ and m fitted together (needs ≥ 3 cutoffs, all < 1; absent otherwise). */
  readonly free?: { readonly lambda: number; readonly multiplicity: number; readonly logC: number; readonly residual: number };
}

/**
 * Least squares x minimising |A x − y| for a tall matrix with 2 or 3 columns (given as columns),
 * by modified Gram–Schmidt, which keeps the near-collinear log ε and log(−log ε) columns usable.
 */
function leastSquares(columns: readonly Float64Array[], y: Float64Array): { x: number[]; residual: number } {
  const k = columns.length;
  const q = columns.map((c) => Float64Array.from(c));
  const r = Array.from({ length: k }, () => new Float64Array(k));
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      let dot = 0;
      for (let t = 0; t < y.length; t++) dot += q[i][t] * q[j][t];
      r[i][j] = dot;
      for (let t = 0; t < y.length; t++) q[j][t] -= dot * q[i][t];
    }
    const norm = Math.hypot(...q[j]);
    if (!(norm > 0)) throw new RangeError("learning coefficient fit: the cutoffs do not separate the fitted terms (give distinct cutoffs)");
    r[j][j] = norm;
    for (let t = 0; t < y.length; t++) q[j][t] /= norm;
  }
  const qty = q.map((col) => col.reduce((s, v, t) => s + v * y[t], 0));
  const x = new Array<number>(k).fill(0);
  for (let j = k - 1; j >= 0; j--) {
    let s = qty[j];
    for (let i = j + 1; i < k; i++) s -= r[j][i] * x[i];
    x[j] = s / r[j][j];
  }
  let ss = 0;
  for (let t = 0; t < y.length; t++) {
    let fit = 0;
    for (let j = 0; j < k; j++) fit += columns[j][t] * x[j];
    ss += (y[t] - fit) ** 2;
  }
  return { x, residual: Math.sqrt(ss / y.length) };
}

/**
 * Fits λ (and, with ≥ 3 cutoffs all below 1, λ and m) to log V at the cutoffs.
 * @throws RangeError for fewer than 2 cutoffs, non-positive or repeated cutoffs, or non-finite log V.
 */
export function learningCoefficientFit(cutoffs: readonly number[], logVolumes: readonly number[]): LearningCoefficientFit {
  if (cutoffs.length < 2 || cutoffs.length !== logVolumes.length)
    throw new RangeError(`learning coefficient fit: need ≥ 2 cutoffs with one volume each, got ${cutoffs.length} and ${logVolumes.length}`);
  if (cutoffs.some((e) => !(e > 0))) throw new RangeError("learning coefficient fit: every cutoff must be > 0");
  if (logVolumes.some((v) => !Number.isFinite(v))) throw new RangeError("learning coefficient fit: a volume is 0 or infinite");
  const y = Float64Array.from(logVolumes);
  const one = new Float64Array(y.length).fill(1);
  const logE = Float64Array.from(cutoffs, Math.log);
  const regular = leastSquares([one, logE], y);
  const fit: LearningCoefficientFit = { logC: regular.x[0], lambda: regular.x[1], residual: regular.residual };
  if (cutoffs.length < 3 || cutoffs.some((e) => e >= 1)) return fit;
  const logLog = Float64Array.from(cutoffs, (e) => Math.log(-Math.log(e)));
  const free = leastSquares([one, logE, logLog], y);
  return { ...fit, free: { logC: free.x[0], lambda: free.x[1], multiplicity: free.x[2] + 1, residual: free.residual } };
}
