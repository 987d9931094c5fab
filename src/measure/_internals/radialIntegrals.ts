/**
 * Three ways to compute ln J for J = ∫₀^r t^k e^{−(t+a)²/2} dt (k ≥ 0 an integer, r ≥ 0 or ∞), the
 * radial integral of the random-direction estimator's Gaussian ray mass. The two fast ones return
 * NaN where their own rounding-error bound exceeds 1e-12·J, and the caller falls back to the next:
 *
 * 1. `taylorLogJ`: J = e^{−a²/2} Σ_m c_m r^{m+k+1}/(m+k+1) with e^{−at−t²/2} = Σ c_m t^m
 *    ((m+1)c_{m+1} = −a·c_m − c_{m−1}); for short rays, where J ∝ r^{k+1} and every other form cancels.
 * 2. `closedFormLogJ`: with u = t + a, J = Σ_j C(k,j)(−a)^{k−j} M_j, M_j = ∫_a^{a+r} u^j e^{−u²/2} du,
 *    M_0 by erfc, M_1 = e^{−a²/2} − e^{−(a+r)²/2}, M_j = (j−1)M_{j−2} + a^{j−1}e^{−a²/2} − (a+r)^{j−1}e^{−(a+r)²/2};
 *    a few erfc and exp calls, for small k and moderate a (the binomial sum cancels for a ≫ 1).
 * 3. `quadratureLogJ`: composite Gauss–Legendre on the window holding all but e^{−45} of the
 *    log-concave integrand (g″ ≤ −1), always accurate (relative error ≤ 1e-13), ~10× slower.
 */
import { erfc } from "../erfc.js";
import { gaussLegendre } from "./gaussLegendre.js";

/** Accepted bound of a fast method's relative rounding error. */
const ACCEPT = 1e-12;
const EPS = 2 ** -52;

/** Rays reaching further (r·(|a| + r) beyond this) are not tried: the series cancels there. */
export const TAYLOR_REACH = 12;

/** ln J by the Taylor series in r, or NaN if it would lose more than 1e-12 to cancellation. */
export function taylorLogJ(k: number, a: number, r: number): number {
  if (!(r > 0) || !(r * (Math.abs(a) + r) <= TAYLOR_REACH)) return Number.NaN;
  let cPrev = 0;
  let c = 1;
  let rm = 1;
  let sum = 1 / (k + 1);
  let abs = sum;
  let small = 0;
  for (let m = 1; m < 400; m++) {
    const next = (-a * c - cPrev) / m;
    cPrev = c;
    c = next;
    rm *= r;
    const term = (c * rm) / (m + k + 1);
    sum += term;
    abs += Math.abs(term);
    // Two consecutive negligible terms past the largest ones end it (the terms fall like r^m/√m!).
    small = Math.abs(term) <= 1e-17 * Math.abs(sum) ? small + 1 : 0;
    if (small >= 2 && m > r * (Math.abs(a) + r)) {
      if (!(sum > 0) || abs * 8 * m * EPS > ACCEPT * sum) return Number.NaN;
      return -0.5 * a * a + (k + 1) * Math.log(r) + Math.log(sum);
    }
  }
  return Number.NaN;
}

const ROOT_HALF_PI = Math.sqrt(Math.PI / 2);

/**
 * ln J by the closed form (erfc, exponentials and the binomial sum), or NaN if its error bound
 * (tracked term by term) exceeds 1e-12·J, or |a| > 20 (its terms would underflow).
 * @param binomial C(k, j) for j = 0 … k.
 * @param powers scratch space of k + 1 numbers.
 */
export function closedFormLogJ(k: number, a: number, r: number, binomial: Float64Array, powers: Float64Array): number {
  if (!(r > 0) || !(Math.abs(a) <= 20)) return Number.NaN;
  const b = a + r;
  const s = Math.SQRT1_2;
  let m0: number;
  let e0: number;
  // erf(b/√2) − erf(a/√2) as a difference of tails on the side where they are small.
  if (a >= 0) {
    const ta = erfc(a * s);
    const tb = Number.isFinite(b) ? erfc(b * s) : 0;
    m0 = ROOT_HALF_PI * (ta - tb);
    e0 = ROOT_HALF_PI * 1e-14 * (ta + tb);
  } else if (b <= 0) {
    const ta = erfc(-a * s);
    const tb = erfc(-b * s);
    m0 = ROOT_HALF_PI * (tb - ta);
    e0 = ROOT_HALF_PI * 1e-14 * (ta + tb);
  } else {
    const ta = erfc(-a * s);
    const tb = Number.isFinite(b) ? erfc(b * s) : 0;
    m0 = ROOT_HALF_PI * (2 - ta - tb);
    e0 = ROOT_HALF_PI * 1e-14 * (2 + ta + tb);
  }
  const ea = Math.exp(-0.5 * a * a);
  const eb = Number.isFinite(b) ? Math.exp(-0.5 * b * b) : 0;
  // M_j and absolute error bounds, two back (the recurrence steps by two).
  let mPrev = m0;
  let ePrev = e0;
  let mCur = ea - eb;
  let eCur = EPS * (ea + eb + Math.abs(mCur));
  // Σ_j C(k, j)(−a)^{k−j} M_j, accumulated from j = 0 with (−a)^{k−j} as a falling power.
  const minusA = -a;
  powers[k] = 1;
  for (let j = k - 1; j >= 0; j--) powers[j] = powers[j + 1] * minusA;
  let sum = binomial[0] * powers[0] * m0;
  let abs = Math.abs(sum);
  let err = binomial[0] * Math.abs(powers[0]) * e0;
  if (k >= 1) {
    const t = binomial[1] * powers[1] * mCur;
    sum += t;
    abs += Math.abs(t);
    err += binomial[1] * Math.abs(powers[1]) * eCur;
  }
  let apow = 1; // a^{j−1}
  let bpow = 1; // b^{j−1}
  for (let j = 2; j <= k; j++) {
    apow *= a;
    bpow *= b;
    const ta = apow * ea;
    const tb = eb === 0 ? 0 : bpow * eb;
    const mNext = (j - 1) * mPrev + ta - tb;
    const eNext = (j - 1) * ePrev + EPS * ((j - 1) * Math.abs(mPrev) + Math.abs(ta) + Math.abs(tb) + Math.abs(mNext));
    mPrev = mCur;
    ePrev = eCur;
    mCur = mNext;
    eCur = eNext;
    const t = binomial[j] * powers[j] * mCur;
    sum += t;
    abs += Math.abs(t);
    err += binomial[j] * Math.abs(powers[j]) * eCur;
  }
  err += (k + 2) * EPS * abs;
  if (!(sum > 0) || !(err <= ACCEPT * sum)) return Number.NaN;
  return Math.log(sum);
}

/** The integrand is cut where it has fallen by e^{−CUT} below its peak on [0, r]. */
const CUT = 45;
/** Gauss–Legendre points per panel. */
const ORDER = 12;
/** Largest panel, in units of the integrand's local width. */
const PANEL = 2.6;
/** Integer exponents up to this use repeated multiplication instead of log/exp per node. */
const MAX_POWER_BY_PRODUCTS = 64;
const RULE = gaussLegendre(ORDER);

/** x^k for x > 0 by repeated squaring. */
function power(x: number, k: number): number {
  let result = 1;
  let base = x;
  let e = k;
  while (e > 0) {
    if (e & 1) result *= base;
    base *= base;
    e >>= 1;
  }
  return result;
}

/** ∫_lo^hi exp(g(t) − g(ref)) dt with g(t) = k ln t − (t + a)²/2, by composite Gauss–Legendre. */
function integrate(k: number, a: number, lo: number, hi: number, ref: number, width: number): number {
  const panels = Math.max(1, Math.ceil((hi - lo) / (PANEL * width)));
  const h = (hi - lo) / panels;
  const refShift = ref + a;
  const byProducts = k <= MAX_POWER_BY_PRODUCTS;
  let sum = 0;
  for (let p = 0; p < panels; p++) {
    const mid = lo + (p + 0.5) * h;
    const half = 0.5 * h;
    let panel = 0;
    for (let i = 0; i < ORDER; i++) {
      const t = mid + half * RULE.nodes[i];
      // −((t + a)² − (ref + a)²)/2 written as a product, exact to rounding near t = ref.
      const quad = -0.5 * (t - ref) * (t + a + refShift);
      const value = byProducts ? power(t / ref, k) * Math.exp(quad) : Math.exp(k * Math.log(t / ref) + quad);
      panel += RULE.weights[i] * value;
    }
    sum += panel * half;
  }
  return sum;
}

/** ln J by quadrature (any k, a and r > 0, r = ∞ included); relative error ≤ 1e-13. */
export function quadratureLogJ(k: number, a: number, r: number): number {
  // g is concave on t > 0 (g″ = −k/t² − 1 ≤ −1); its peak on [0, ∞) is at tm.
  const tm = k === 0 ? Math.max(0, -a) : 0.5 * (-a + Math.sqrt(a * a + 4 * k));
  let lo: number;
  let hi: number;
  let ref: number;
  let width: number;
  if (r > tm) {
    // g″ ≤ −1 − k/(tm + Δ)² on the window, so g falls by CUT within Δ = √(2·CUT/curvature).
    const d0 = Math.sqrt(2 * CUT);
    const curvature = 1 + (k === 0 ? 0 : k / ((tm + d0) * (tm + d0)));
    const delta = Math.sqrt((2 * CUT) / curvature);
    lo = Math.max(0, tm - delta);
    hi = Math.min(r, tm + delta);
    ref = tm > 0 ? tm : hi;
    width = 1 / Math.sqrt(1 + (k === 0 ? 0 : k / (tm * tm)));
  } else {
    // g rises on [0, r] with slope s = g′(r) ≥ 0 at r: g(r − y) ≤ g(r) − s·y − y²/2.
    const slope = k / r - (r + a);
    const curvature = 1 + k / (r * r);
    const delta = -slope + Math.sqrt(slope * slope + 2 * CUT);
    lo = Math.max(0, r - delta);
    hi = r;
    ref = r;
    // Where g has fallen by 1 in the local quadratic model: the scale the panels must resolve.
    width = (-slope + Math.sqrt(slope * slope + 2 * curvature)) / curvature;
  }
  const gRef = (k === 0 ? 0 : k * Math.log(ref)) - 0.5 * (ref + a) * (ref + a);
  return gRef + Math.log(integrate(k, a, lo, hi, ref, width));
}
