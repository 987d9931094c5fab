/**
 * Orthant probabilities of centred multivariate normal vectors.
 */

import { minEigenvalueLowerBound } from "./_internals/eigenvalueBounds.js";
import { MAX_ORTHANT_DIMENSION, plackettOrthantProbability } from "./_internals/plackettOrthant.js";

/** A probability with an estimate of its absolute error. */
export interface OrthantResult {
  /** The probability. */
  readonly p: number;
  /** Estimated absolute error of `p` (see orthantProbability for how it is formed). */
  readonly err: number;
}

/** Options of orthantProbability. */
export interface OrthantOptions {
  /**
   * Absolute error target: quadrature orders are raised until err ≤ absTol and err ≤ relTol·p, or
   * the highest order is reached, or rounding dominates. Default 1e-14.
   */
  readonly absTol?: number;
  /**
   * Relative error target (see absTol). Default Infinity (none): the method's accuracy is absolute,
   * and a tiny p cannot be had to high relative accuracy from a correlation matrix alone.
   */
  readonly relTol?: number;
}

const EPS = 2 ** -52;
const INV_TWO_PI = 1 / (2 * Math.PI);
/** Tolerance for "is a correlation matrix": unit diagonal and symmetry up to this much. */
const SHAPE_TOL = 1e-12;

/**
 * P(Z > 0) (every coordinate positive) for Z ~ N(0, R), R a d×d correlation matrix, 1 ≤ d ≤ 8.
 *
 * Method: closed forms for d ≤ 3 (1/2; 1/4 + asin ρ/(2π); 1/8 + Σ asin ρ_ij/(4π)). For d ≥ 4,
 * Plackett's reduction P_d = 2^−d + Σ_{i<j} ρ_ij ∫₀¹ φ₂(0, 0; tρ_ij) P_{d−2}(C_ij(t)) dt along
 * R(t) = (1 − t)I + tR, C_ij(t) the conditional correlation of the other coordinates given
 * Z_i = Z_j = 0 under R(t), recursively down to d = 2 for even d; odd d uses
 * 2P_d = Σ_{S⊊[d]} (−1)^|S| P_S over principal submatrices, unrolled to a fixed-coefficient sum over
 * the even subsets. Each t-integral uses Gauss–Legendre, sinh-graded towards t = 1 when R is nearly
 * singular (the integrand's singularities sit at t = 1/(1 − λ) for eigenvalues λ of principal
 * submatrices), with node counts sized from the Bernstein-ellipse bound for a target of L digits.
 *
 * Error estimate (d ≥ 4), numerical, not a proven bound: the computation is repeated for
 * L = L₀ − 3, L₀, …, L₀ + 9 (L₀ = round(log10(1/absTol)) − 4, within 6..11) until
 *   err = |Q_L − Q_{L−3}|·max(10^−2, 2·|Q_L − Q_{L−3}|/|Q_{L−3} − Q_{L−6}|) + rounding allowance
 * ≤ min(absTol, relTol·p), i.e. the previous order's observed error scaled by the designed 10^−3
 * gain with a safety factor 10, or by the observed gain when convergence is slower; the allowance
 * is 2dε·Σ|terms| per Plackett sum (root-sum-square through the odd-d sum) plus the effect of
 * the correlations' own rounding, Σ 2ε/(2π√(1 − ρ_ij²)), which grows without bound as |ρ_ij| → 1
 * (flat cones). It stops early when the allowance alone exceeds the target. For d ≤ 3, err is a rounding bound of a few
 * ulps. Accuracy is absolute: ~1e-16 for well-conditioned R and still ≲ 1e-15 down to
 * λ_min(R) ≈ 1e-3 (tested against mpmath references); relative accuracy is lost when p is tiny
 * (thin cones: use simplicialConeGaussian, whose radial method is relative).
 * Cost grows steeply with d: ≲ 0.1 ms (d = 4, 5), ~2–4 ms (d = 6), ~10–30 ms (d = 7),
 * 0.2–1 s (d = 8), single-threaded.
 *
 * @param r the correlation matrix as d rows of d numbers.
 * @throws RangeError if r is not square with 1 ≤ d ≤ 8, has non-finite entries, a diagonal entry
 *   other than 1, an asymmetric pair or an off-diagonal entry outside [−1, 1] (all up to 1e-12),
 *   or is not positive definite.
 */
export function orthantProbability(
  r: ArrayLike<ArrayLike<number>>,
  options: OrthantOptions = {},
): OrthantResult {
  const absTol = options.absTol ?? 1e-14;
  const relTol = options.relTol ?? Number.POSITIVE_INFINITY;
  const d = r.length;
  if (!Number.isInteger(d) || d < 1 || d > MAX_ORTHANT_DIMENSION) {
    throw new RangeError(`orthantProbability: r must have 1 to ${MAX_ORTHANT_DIMENSION} rows, got ${d}`);
  }
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    if (r[i].length !== d) {
      throw new RangeError(
        `orthantProbability: r must be square; row ${i} has ${r[i].length} entries, not ${d}`,
      );
    }
    for (let j = 0; j < d; j++) {
      const x = r[i][j];
      if (!Number.isFinite(x)) throw new RangeError(`orthantProbability: r[${i}][${j}] = ${x} is not finite`);
      if (i === j && Math.abs(x - 1) > SHAPE_TOL) {
        throw new RangeError(`orthantProbability: r[${i}][${i}] must be 1, got ${x}`);
      }
      if (i !== j && Math.abs(x) > 1 + SHAPE_TOL) {
        throw new RangeError(`orthantProbability: r[${i}][${j}] = ${x} is outside [−1, 1]`);
      }
      if (j < i && Math.abs(x - r[j][i]) > SHAPE_TOL) {
        throw new RangeError(
          `orthantProbability: r is not symmetric: r[${i}][${j}] = ${x}, r[${j}][${i}] = ${r[j][i]}`,
        );
      }
    }
  }
  for (let i = 0; i < d; i++) {
    m[i * d + i] = 1;
    for (let j = 0; j < i; j++) {
      const x = Math.max(-1, Math.min(1, (r[i][j] + r[j][i]) / 2));
      m[i * d + j] = x;
      m[j * d + i] = x;
    }
  }
  if (d === 1) return { p: 0.5, err: 0 };
  if (d === 2 && Math.abs(m[1]) < 1) {
    const a = Math.asin(m[1]) * INV_TWO_PI;
    return { p: 0.25 + a, err: 4 * EPS * (0.25 + Math.abs(a)) };
  }
  if (minEigenvalueLowerBound(m, d, new Float64Array(2 * d * d)) <= 0) {
    throw new RangeError("orthantProbability: r must be positive definite");
  }
  if (d === 3) {
    const a = (Math.asin(m[1]) + Math.asin(m[2]) + Math.asin(m[5])) * (INV_TWO_PI / 2);
    return { p: 0.125 + a, err: 8 * EPS * (0.125 + Math.abs(a)) };
  }
  const est = plackettOrthantProbability(m, d, absTol, relTol);
  return { p: est.p, err: est.err };
}
