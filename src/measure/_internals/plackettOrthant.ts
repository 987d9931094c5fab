/**
 * Orthant probabilities P(Z > 0), Z ~ N(0, R), by Plackett's reduction with a fixed quadrature
 * order; orthantProbability() wraps this with validation and order escalation.
 *
 * Plackett (1954): ∂P/∂ρ_ij = φ₂(0, 0; ρ_ij) · P(Z_K > 0 | Z_i = Z_j = 0), K = the other indices.
 * Along R(t) = (1 − t)I + tR (positive definite for t ∈ [0, 1] whenever R is), with P(I) = 2^−m,
 *   P(R) = 2^−m + Σ_{i<j} ρ_ij ∫₀¹ φ₂(0, 0; tρ_ij) · P_{m−2}(C_ij(t)) dt,
 * where C_ij(t) is the correlation matrix of Z_K given Z_i = Z_j = 0 under R(t) (zero mean, so only
 * the correlation matters). The conditional covariance is R(t)_KK − R(t)_K{ij} M⁻¹ R(t)_{ij}K with
 * M = [[1, s], [s, 1]], s = tρ_ij; in the eigenbasis of M this is
 *   R(t)_kl − ((a_k + b_k)(a_l + b_l)/(1 + s) + (a_k − b_k)(a_l − b_l)/(1 − s))/2,
 * a_k = tR_ki, b_k = tR_kj, which keeps 1 ± s accurate when |ρ_ij| is near 1.
 *
 * The integrand is analytic except where a principal submatrix of R(t) turns singular, at the real
 * points t = 1/(1 − λ) for its eigenvalues λ ∈ [λ_min(R), λ_max(R)]: beyond t = 1 when λ < 1 and
 * before t = 0 when λ > 1. The t-quadrature is gradedUnitRule with these distances taken from a
 * λ_min lower bound and a λ_max upper bound, at every level of the recursion.
 *
 * Odd m uses P(Z > 0) = P(Z < 0) = Σ_S (−1)^|S| P(Z_S > 0) (inclusion–exclusion over S ⊆ [m]), i.e.
 * 2P_m = Σ_{S ⊊ [m]} (−1)^|S| P_S; applied recursively to the odd subsets this becomes one sum over
 * even subsets with fixed coefficients (oddCoefficients), so only even-size Plackett integrals are
 * needed and rounding is not amplified by the recursion.
 */

import { CompensatedSum } from "../compensatedSum.js";
import { maxEigenvalueUpperBound, minEigenvalueLowerBound } from "./eigenvalueBounds.js";
import { gradedUnitRule } from "./gradedUnitRule.js";

const INV_TWO_PI = 1 / (2 * Math.PI);
const EPS = 2 ** -52;

/** Largest dimension supported (d = 8 already nests three t-integrals: about a second). */
export const MAX_ORTHANT_DIMENSION = 9;

/** Result of one fixed-order evaluation. */
export interface PlackettValue {
  /** The probability. */
  readonly p: number;
  /**
   * Rounding allowance: 2mε times the summed magnitudes of the terms of each Plackett sum, plus the
   * propagated effect of the rounding of the correlations themselves (|∂P/∂ρ| = φ₂(0, 0; ρ)·P_cond
   * ≤ 1/(2π√(1 − ρ²)) per entry, which dominates near |ρ| = 1: flat cones), integrated through the
   * nested t-integrals; for odd d, the root-sum-square (times 3) of the sub-orthants' allowances
   * weighted by their coefficients.
   */
  readonly rounding: number;
}

interface Workspace {
  readonly sub: Float64Array;
  readonly idx: Int32Array;
  readonly u: Float64Array;
  readonly w: Float64Array;
  readonly sd: Float64Array;
  readonly eig: Float64Array;
}

/**
 * A Plackett evaluator whose every t-integral (at every level of the recursion) uses the
 * gradedUnitRule sized for about `digits` correct digits.
 */
export class PlackettOrthant {
  private readonly work = new Map<number, Workspace>();

  constructor(readonly digits: number) {
    for (let m = 4; m <= MAX_ORTHANT_DIMENSION; m += 2) {
      const k = m - 2;
      this.work.set(m, {
        sub: new Float64Array(k * k),
        idx: new Int32Array(k),
        u: new Float64Array(k),
        w: new Float64Array(k),
        sd: new Float64Array(k),
        eig: new Float64Array(2 * m * m),
      });
    }
  }

  /**
   * P(Z > 0) for the d×d correlation matrix `r` (row-major, assumed valid and positive definite),
   * 1 ≤ d ≤ 8.
   */
  orthant(r: Float64Array, d: number): PlackettValue {
    const v = d % 2 === 0 ? this.even(r, d) : this.odd(r, d);
    // The correlations arrive rounded: P moves by up to Σ|δρ_ij|·φ₂(0, 0; ρ_ij), which dominates
    // near |ρ| = 1 (flat cones) whatever the quadrature does.
    let input = 0;
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) input += entrySensitivity(r[i * d + j], INPUT_ULPS * EPS);
    return { p: v.p, rounding: v.rounding + input };
  }

  private odd(r: Float64Array, d: number): PlackettValue {
    const coef = oddCoefficients(d);
    const acc = new CompensatedSum();
    let sumSquares = 0;
    const sub = new Float64Array(d * d);
    const pick: number[] = [];
    for (let s = 0; s < 1 << d; s++) {
      const k = popCount(s);
      if (k % 2 !== 0) continue;
      pick.length = 0;
      for (let i = 0; i < d; i++) if ((s >> i) & 1) pick.push(i);
      for (let x = 0; x < k; x++) for (let y = 0; y < k; y++) sub[x * k + y] = r[pick[x] * d + pick[y]];
      const v = this.even(sub, k);
      const c = coef[d - k];
      acc.add(c * v.p);
      const allowance = Math.abs(c) * (v.rounding + EPS * Math.abs(v.p));
      sumSquares += allowance * allowance;
    }
    // The 2^(d−1) sub-orthant values come from separate computations, so their rounding errors add
    // like independent variables (root-sum-square, times 3 for safety), not linearly.
    const p = acc.value();
    return { p, rounding: 3 * Math.sqrt(sumSquares) + EPS * Math.abs(p) };
  }

  private even(r: Float64Array, m: number): PlackettValue {
    if (m === 0) return { p: 1, rounding: 0 };
    const ex = this.excess(r, m);
    return { p: 2 ** -m + ex.p, rounding: ex.rounding };
  }

  /**
   * P_m(R) − 2^−m for even m ≥ 2. Subtracting the value at R = I makes every integrand vanish at
   * t = 0 and lets the 2^−(m−2) part of the inner probability integrate in closed form:
   * ρ∫₀¹ φ₂(0, 0; tρ) dt = asin(ρ)/(2π).
   */
  private excess(r: Float64Array, m: number): PlackettValue {
    if (m === 2) {
      const p = Math.asin(r[1]) * INV_TWO_PI;
      return { p, rounding: 2 * EPS * Math.abs(p) };
    }
    const ws = this.work.get(m)!;
    // Singularities of the integrand sit at t = 1/(1 − λ) for eigenvalues λ of principal submatrices.
    const lo = minEigenvalueLowerBound(r, m, ws.eig);
    const hi = maxEigenvalueUpperBound(r, m, ws.eig);
    const delta = lo < 1 ? lo / (1 - lo) : Number.POSITIVE_INFINITY;
    const sigma = hi > 1 ? 1 / (hi - 1) : Number.POSITIVE_INFINITY;
    const { t: ts, oneMinusT: omt, w: wt } = gradedUnitRule(delta, sigma, this.digits);
    const n = ts.length;
    const innerBase = 2 ** -(m - 2);
    const acc = new CompensatedSum();
    let scale = 0;
    let propagated = 0;
    const k = m - 2;
    const { sub, idx, u, w, sd } = ws;
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const rho = r[i * m + j];
        if (rho === 0) continue;
        let c = 0;
        for (let x = 0; x < m; x++) {
          if (x === i || x === j) continue;
          idx[c] = x;
          // Conditioning works in the eigenbasis of [[1, s], [s, 1]]: differences and sums.
          u[c] = r[x * m + i] - r[x * m + j];
          w[c] = r[x * m + i] + r[x * m + j];
          c++;
        }
        // 1 ∓ ρ are exact (Sterbenz) where they are small, so 1 ∓ tρ = (1 − t) + t(1 ∓ ρ) stays accurate.
        const oneMinusRho = 1 - rho;
        const onePlusRho = 1 + rho;
        let integral = 0;
        let innerRounding = 0;
        for (let q = 0; q < n; q++) {
          const t = ts[q];
          const om = omt[q] + t * oneMinusRho;
          const op = omt[q] + t * onePlusRho;
          const fw = (t * t) / (2 * op);
          const fu = (t * t) / (2 * om);
          let inner: number;
          if (k === 2) {
            const v0 = 1 - fw * w[0] * w[0] - fu * u[0] * u[0];
            const v1 = 1 - fw * w[1] * w[1] - fu * u[1] * u[1];
            const cov = t * r[idx[0] * m + idx[1]] - fw * w[0] * w[1] - fu * u[0] * u[1];
            const cr = cov / Math.sqrt(v0 * v1);
            inner = Math.asin(cr > 1 ? 1 : cr < -1 ? -1 : cr) * INV_TWO_PI;
            // v0, v1 and cov lose ~3ε absolute to cancellation, ~3ε/v relative when the
            // conditional variances v are small (nearly singular R(t)).
            const dcr = 3 * EPS * (1 / Math.sqrt(v0 * v1) + (Math.abs(cr) * (1 / v0 + 1 / v1)) / 2);
            innerRounding += (wt[q] * entrySensitivity(cr, dcr)) / Math.sqrt(om * op);
          } else {
            for (let x = 0; x < k; x++) {
              const v = 1 - fw * w[x] * w[x] - fu * u[x] * u[x];
              sd[x] = Math.sqrt(v > 0 ? v : 0);
            }
            for (let x = 0; x < k; x++) {
              sub[x * k + x] = 1;
              for (let y = x + 1; y < k; y++) {
                const cov = t * r[idx[x] * m + idx[y]] - fw * w[x] * w[y] - fu * u[x] * u[y];
                let cr = cov / (sd[x] * sd[y]);
                cr = cr > 1 ? 1 : cr < -1 ? -1 : cr;
                sub[x * k + y] = cr;
                sub[y * k + x] = cr;
              }
            }
            const value = this.excess(sub, k);
            inner = value.p;
            innerRounding += (wt[q] * value.rounding) / Math.sqrt(om * op);
          }
          // φ₂(0, 0; s) = 1/(2π√((1 − s)(1 + s))); the 1/(2π) is applied once below.
          integral += (wt[q] * inner) / Math.sqrt(om * op);
        }
        const closed = innerBase * Math.asin(rho) * INV_TWO_PI;
        const term = rho * integral * INV_TWO_PI;
        acc.add(closed);
        acc.add(term);
        scale += Math.abs(closed) + Math.abs(term);
        propagated += Math.abs(rho) * innerRounding * INV_TWO_PI;
      }
    }
    return { p: acc.value(), rounding: 2 * m * EPS * scale + propagated };
  }
}

/** Error of a correlation as it arrives, in units of ε (one rounding of an exact value, ×2 for safety). */
const INPUT_ULPS = 2;

/**
 * Effect on an orthant probability of an error `delta` in one correlation ρ: |∂P/∂ρ| ≤ φ₂(0, 0; ρ)
 * = 1/(2π√((1 − ρ)(1 + ρ))), the conditional probability factor bounded by 1. Infinite at |ρ| = 1.
 */
function entrySensitivity(rho: number, delta: number): number {
  return (delta * INV_TWO_PI) / Math.sqrt((1 - rho) * (1 + rho));
}

/**
 * Net coefficients of the odd-d identity unrolled down to even subsets: for odd d,
 * P_d = Σ_{T ⊆ [d], |T| even} g(d − |T|)·P_T with g(1) = 1/2 and, for odd k ≥ 3,
 * g(k) = (1 − Σ_{odd j < k} C(k, j) g(j))/2 (from 2P_S = Σ_{U⊊S} (−1)^|U| P_U applied to every odd S;
 * g(k) = (−1)^((k−1)/2) G_{k+1}/(k + 1) with Genocchi numbers G: 1/2, −1/4, 1/2, −17/8, …).
 * Entry k of the returned array is g(k) (even k unused).
 */
function oddCoefficients(d: number): Float64Array {
  const g = new Float64Array(d + 1);
  for (let k = 1; k <= d; k += 2) {
    let s = 1;
    let binom = 1; // C(k, j), updated as j advances
    for (let j = 1; j < k; j++) {
      binom = (binom * (k - j + 1)) / j;
      if (j % 2 === 1) s -= binom * g[j];
    }
    g[k] = s / 2;
  }
  return g;
}

function popCount(x: number): number {
  let c = 0;
  for (let y = x; y !== 0; y &= y - 1) c++;
  return c;
}

/** Result of plackettOrthantProbability. */
export interface PlackettEstimate {
  readonly p: number;
  readonly err: number;
  /** Whether err met the tolerance before the highest accuracy level was reached. */
  readonly converged: boolean;
}

/** Digits between successive accuracy levels. */
const STEP = 3;
/** Factor from the previous level's error to the estimate for the current one (10^−STEP·10). */
const GAIN_SAFETY = 0.01;
/** Levels are tried from ~log10(1/absTol) − 4 digits, four at most, never beyond MAX_DIGITS. */
const MIN_DIGITS = 6;
const MAX_DIGITS = 20;
const evaluators = new Map<number, PlackettOrthant>();

function evaluator(digits: number): PlackettOrthant {
  let e = evaluators.get(digits);
  if (!e) {
    e = new PlackettOrthant(digits);
    evaluators.set(digits, e);
  }
  return e;
}

/**
 * P(Z > 0) for a valid positive definite d×d correlation matrix (row-major, 4 ≤ d ≤ 8, not
 * checked) with an error estimate. Node budgets for L₀ − 3, L₀, L₀ + 3, L₀ + 6, L₀ + 9 digits are
 * evaluated in turn (L₀ = round(log10(1/absTol)) − 4 within 6..11); from the third level on, each
 * new value Q_L is returned with
 *   err = |Q_L − Q_{L−3}|·max(10^−2, 2·|Q_L − Q_{L−3}|/|Q_{L−3} − Q_{L−6}|) + rounding allowance,
 * i.e. the observed error of the previous value scaled by the 10^−3 the budgets are designed to
 * gain with a safety factor 10, or by twice the gain actually observed over the last two steps when
 * that is worse (slow convergence near singular R), as soon as err ≤ min(absTol, relTol·p), or as
 * soon as the rounding allowance alone exceeds that target (more nodes cannot help then).
 * `converged` says whether the target was met. NaN values (a breakdown in the recursion) are never
 * returned as converged: they give err = Infinity. With `giveUpEarly`, a target below the rounding
 * floor (typically a tiny p and a relative target) returns after the first level with err =
 * Infinity and converged = false.
 */
export function plackettOrthantProbability(
  r: Float64Array,
  d: number,
  absTol: number,
  relTol: number,
  giveUpEarly = false,
): PlackettEstimate {
  const first = Math.min(MAX_DIGITS - 3 * STEP, Math.max(MIN_DIGITS, Math.round(-Math.log10(absTol)) - 4));
  let older = evaluator(first - STEP).orthant(r, d);
  let prev = evaluator(first).orthant(r, d);
  // The rounding floor already exceeds the relative target (tiny p): more nodes cannot get there,
  // and a caller with another method at hand would rather not pay for an error estimate.
  if (giveUpEarly && 10 * Math.min(absTol, relTol * Math.abs(prev.p)) < prev.rounding) {
    return { p: prev.p, err: Number.POSITIVE_INFINITY, converged: false };
  }
  let best: PlackettEstimate | undefined;
  for (let digits = first + STEP; digits <= first + 3 * STEP; digits += STEP) {
    const cur = evaluator(digits).orthant(r, d);
    const step = Math.abs(cur.p - prev.p);
    // Differences below the rounding allowance say nothing about the convergence rate.
    const before = Math.max(Math.abs(prev.p - older.p), prev.rounding);
    const gain = Math.max(GAIN_SAFETY, before > 0 ? (2 * step) / before : 1);
    let err = step * gain + cur.rounding;
    if (!Number.isFinite(cur.p) || Number.isNaN(err)) err = Number.POSITIVE_INFINITY;
    const tol = Math.min(absTol, relTol * Math.abs(cur.p));
    const est = { p: cur.p, err, converged: err <= tol };
    if (est.converged || cur.rounding >= tol) return est;
    if (!best || err < best.err || !Number.isFinite(best.p)) best = est;
    older = prev;
    prev = cur;
  }
  return best!;
}
