/**
 * The random-direction estimator's per-direction probability under a standard Gaussian in R^D:
 * for an anchor z* and a unit direction w with a = ⟨z*, w⟩ and q = |z*|² − a² (the squared distance
 * of the ray's line from the origin),
 *
 *   p̂ = D·V_D·(2π)^{−D/2} ∫₀^r t^{D−1} exp(−((t + a)² + q)/2) dt,   D·V_D = 2π^{D/2}/Γ(D/2),
 *
 * the Gaussian mass of the segment [z*, z* + r·w] seen from z* in polar coordinates. Averaged over
 * uniform w it is the Gaussian probability of the (star-shaped part of the) region exactly. With the
 * anchor at the origin (a = q = 0) it is P(D/2, r²/2), the regularised incomplete gamma function;
 * otherwise it is a non-central integral with no such closed form, computed here by Gauss–Legendre
 * quadrature of its log-concave integrand on the window that holds all but e^{−45} of its mass.
 *
 * Accuracy: relative error ≤ 1e-12 of p̂ (checked against mpmath's 30-digit quadrature for D from 1
 * to 10^4 in test/measure/gaussianRayMass.test.ts); everything is in log space, so p̂ far below the
 * smallest double is still returned as its logarithm.
 */
import { logGammaP } from "./incompleteGamma.js";
import { logGamma } from "./logGamma.js";
import { gaussLegendre } from "./_internals/gaussLegendre.js";

/** The integrand is cut where it has fallen by e^{−CUT} below its peak on [0, r]. */
const CUT = 45;
/** Gauss–Legendre points per panel. */
const ORDER = 12;
/** Largest panel, in units of the integrand's width 1/√(−g″) at its peak. */
const PANEL = 2.6;
/** Integer exponents up to this use repeated multiplication instead of log/exp per node. */
const MAX_POWER_BY_PRODUCTS = 64;

/** A prepared evaluator of ln p̂ for one dimension D (holds its constants and scratch space). */
export interface GaussianRayMass {
  /** The dimension D. */
  readonly dimension: number;
  /**
   * ln p̂ for a = ⟨z*, w⟩, q = |z*|² − a² (clamped at 0) and radius r ≥ 0 (Infinity allowed):
   * −Infinity for r = 0.
   */
  logMass(a: number, q: number, r: number): number;
}

/**
 * The evaluator of ln p̂ in R^D.
 * @throws RangeError unless D is an integer ≥ 1.
 */
export function gaussianRayMass(D: number): GaussianRayMass {
  if (!Number.isInteger(D) || D < 1) throw new RangeError(`gaussianRayMass: D must be an integer ≥ 1, got ${D}`);
  const k = D - 1;
  // ln(D·V_D·(2π)^{−D/2}) = (1 − D/2) ln 2 − ln Γ(D/2).
  const logConst = (1 - D / 2) * Math.LN2 - logGamma(D / 2);
  const rule = gaussLegendre(ORDER);
  const nodes = rule.nodes;
  const weights = rule.weights;
  const byProducts = k <= MAX_POWER_BY_PRODUCTS;
  /** (x)^k for x > 0. */
  const power = (x: number): number => {
    let result = 1;
    let base = x;
    let e = k;
    while (e > 0) {
      if (e & 1) result *= base;
      base *= base;
      e >>= 1;
    }
    return result;
  };
  /** ∫_lo^hi exp(g(t) − g(ref)) dt with g(t) = k ln t − (t + a)²/2, by composite Gauss–Legendre. */
  const integrate = (a: number, lo: number, hi: number, ref: number, width: number): number => {
    const panels = Math.max(1, Math.ceil((hi - lo) / (PANEL * width)));
    const h = (hi - lo) / panels;
    const refShift = ref + a;
    let sum = 0;
    for (let p = 0; p < panels; p++) {
      const mid = lo + (p + 0.5) * h;
      const half = 0.5 * h;
      let panel = 0;
      for (let i = 0; i < ORDER; i++) {
        const t = mid + half * nodes[i];
        // −((t + a)² − (ref + a)²)/2 written as a product, exact to rounding near t = ref.
        const quad = -0.5 * (t - ref) * (t + a + refShift);
        const value = byProducts
          ? power(t / ref) * Math.exp(quad)
          : Math.exp(k * Math.log(t / ref) + quad);
        panel += weights[i] * value;
      }
      sum += panel * half;
    }
    return sum;
  };
  return {
    dimension: D,
    logMass(a, q, r) {
      if (!(r > 0)) return Number.NEGATIVE_INFINITY;
      const perp = q > 0 ? q : 0;
      if (a === 0 && perp === 0 && Number.isFinite(r)) return logGammaP(D / 2, (r * r) / 2);
      // g(t) = k ln t − (t + a)²/2 is concave on t > 0 (g″ = −k/t² − 1 ≤ −1); its peak on [0, ∞) is tm.
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
      return logConst - 0.5 * perp + gRef + Math.log(integrate(a, lo, hi, ref, width));
    },
  };
}
