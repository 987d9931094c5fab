/**
 * Gauss–Legendre-based quadrature on [0, 1] for integrands that are analytic on a neighbourhood of
 * [0, 1] except for real branch points at t = 1 + δ (and beyond) and at t = −σ (and beyond), with
 * the number of nodes chosen from the Bernstein-ellipse error bound for the requested accuracy.
 *
 * Gauss–Legendre with n nodes on an interval has error O(ρ^−2n) when the integrand is analytic
 * inside the Bernstein ellipse with parameter ρ (foci at the interval ends); a real singularity at
 * normalised position z (|z| > 1) limits ρ to |z| + √(z² − 1). For small δ that ρ tends to 1, so the
 * rule is then split: plain Gauss–Legendre on [0, 1/2], and on [1/2, 1] the sinh substitution
 * 1 − t = δ·sinh(μ(1 − u)), μ = asinh(1/(2δ)) (Johnston & Elliott 2005), which moves the branch
 * point at 1 + δ to u = 1 + asinh(1)/μ and the ones beyond it to u = 1 − (asinh(s) ± iπ)/μ, s ≥ 1,
 * so the error falls like exp(−c·n/log(1/δ)) instead of exp(−c·n·√δ). Whichever of the two
 * schemes needs fewer nodes for the same bound is used.
 */

import { gaussLegendre } from "./gaussLegendre.js";

/** Where [0, 1] is split when the graded scheme is used. */
const SPLIT = 0.5;
/** Most nodes one rule may use (Gauss–Legendre tables go to 200). */
const MAX_NODES = 200;

/** Bernstein parameter ρ = |z| + √(z² − 1) for a real point at normalised position z, |z| > 1. */
function bernsteinReal(z: number): number {
  const a = Math.abs(z);
  return a + Math.sqrt((a - 1) * (a + 1));
}

/** Bernstein parameter of the ellipse through the complex point x + iy (interval [−1, 1]). */
function bernsteinComplex(x: number, y: number): number {
  // ρ = |w| with w = z + √(z² − 1) chosen outside the unit disc; equivalently the sum of the
  // distances to the foci ±1 is ρ + 1/ρ.
  const s = (Math.hypot(x - 1, y) + Math.hypot(x + 1, y)) / 2;
  return s + Math.sqrt((s - 1) * (s + 1));
}

/**
 * n with ρ^−2n ≤ 10^−digits. The constant in C·ρ^−2n is taken as 1: the orthant integrands are
 * O(1) on the ellipse, and in tests the realised error is about 10^−(digits + 1.5).
 */
function nodesFor(rho: number, digits: number): number {
  if (!(rho > 1)) return MAX_NODES;
  const n = Math.ceil((digits * Math.LN10) / (2 * Math.log(rho)));
  return Math.min(MAX_NODES, Math.max(2, n));
}

/** A rule on [0, 1]: nodes t, 1 − t (accurate near t = 1) and weights. */
export interface UnitRule {
  readonly t: Float64Array;
  readonly oneMinusT: Float64Array;
  readonly w: Float64Array;
}

/** Buckets per factor 2 of δ and σ in the rule cache. */
const BUCKETS_PER_OCTAVE = 4;
const cache = new Map<string, UnitRule>();

/**
 * A rule for ∫₀¹ f(t) dt (cached; do not mutate). `oneMinusT[k]` = 1 − t[k] is computed without
 * cancellation, which callers need where the integrand depends on 1 − t near t = 1. δ and σ are
 * first rounded down to a grid of 2^(1/4) steps, which only makes the rule more conservative.
 *
 * @param delta distance beyond t = 1 of the nearest singularity (> 0; Infinity if none).
 * @param sigma distance before t = 0 of the nearest singularity (> 0; Infinity if none).
 * @param digits accuracy target: nodes are chosen so that the Bernstein bound is about 10^−digits.
 */
export function gradedUnitRule(delta: number, sigma: number, digits: number): UnitRule {
  const kd = bucket(delta);
  const ks = bucket(sigma);
  const key = `${digits}:${kd}:${ks}`;
  let rule = cache.get(key);
  if (!rule) {
    rule = buildRule(unbucket(kd), unbucket(ks), digits);
    cache.set(key, rule);
  }
  return rule;
}

/**
 * Grid index of x (rounded down), with x clamped to [2^−60, 2^8]: a singularity 256 interval-lengths
 * away already needs only 3–4 nodes, and treating it as absent would allow 2.
 */
function bucket(x: number): number {
  return Math.floor(Math.log2(Math.min(Math.max(x, 2 ** -60), 256)) * BUCKETS_PER_OCTAVE);
}

function unbucket(k: number): number {
  return 2 ** (k / BUCKETS_PER_OCTAVE);
}

function buildRule(delta: number, sigma: number, digits: number): UnitRule {
  const d = Math.max(delta, 1e-300);
  // Plain rule on [0, 1] (normalised coordinate z = 2t − 1).
  const rhoPlain = Math.min(bernsteinReal(1 + 2 * d), bernsteinReal(1 + 2 * sigma));
  const nPlain = nodesFor(rhoPlain, digits);
  // Graded: left part [0, SPLIT] sees the right singularity at 1 + δ and the left one at −σ.
  const rhoLeft = Math.min(
    bernsteinReal(1 + (2 * (1 - SPLIT + d)) / SPLIT),
    bernsteinReal(1 + (2 * sigma) / SPLIT),
  );
  const nLeft = nodesFor(rhoLeft, digits);
  const h = 1 - SPLIT;
  const mu = Math.asinh(h / d);
  // Images of the branch points in u ∈ [0, 1], normalised to [−1, 1]: the real one beyond u = 1 and
  // the complex pair (the ones for s > 1 are farther away).
  const a1 = Math.asinh(1) / mu;
  const rhoRight = Math.min(bernsteinReal(1 + 2 * a1), bernsteinComplex(1 - 2 * a1, (2 * Math.PI) / mu));
  const nRight = nodesFor(rhoRight, digits);
  if (nPlain <= nLeft + nRight) {
    const t = new Float64Array(nPlain);
    const oneMinusT = new Float64Array(nPlain);
    const w = new Float64Array(nPlain);
    const g = gaussLegendre(nPlain);
    for (let k = 0; k < nPlain; k++) {
      oneMinusT[k] = (1 - g.nodes[k]) / 2;
      t[k] = (1 + g.nodes[k]) / 2;
      w[k] = g.weights[k] / 2;
    }
    return { t, oneMinusT, w };
  }
  const t = new Float64Array(nLeft + nRight);
  const oneMinusT = new Float64Array(nLeft + nRight);
  const w = new Float64Array(nLeft + nRight);
  const left = gaussLegendre(nLeft);
  for (let k = 0; k < nLeft; k++) {
    t[k] = (SPLIT * (1 + left.nodes[k])) / 2;
    oneMinusT[k] = 1 - t[k];
    w[k] = (SPLIT * left.weights[k]) / 2;
  }
  const right = gaussLegendre(nRight);
  for (let k = 0; k < nRight; k++) {
    const v = mu * ((1 - right.nodes[k]) / 2);
    const om = d * Math.sinh(v);
    t[nLeft + k] = 1 - om;
    oneMinusT[nLeft + k] = om;
    w[nLeft + k] = (d * mu * Math.cosh(v) * right.weights[k]) / 2;
  }
  return { t, oneMinusT, w };
}
