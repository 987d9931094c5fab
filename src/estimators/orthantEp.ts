/**
 * Expectation propagation for Gaussian orthant probabilities P(Z > 0), Z ~ N(0, C): each factor
 * 1[Z_i > 0] is replaced by a Gaussian site fitted by moment matching against its cavity, and the
 * normaliser of the product approximates the probability (Cunningham, Hennig & Lacoste-Julien 2011;
 * the GP classification form of Rasmussen & Williams, Alg. 3.5, with Heaviside instead of probit
 * likelihoods). C may be singular (a perceptron's linear kernel has rank n + 1 on 2^n inputs): only
 * I + S̃^{1/2} C S̃^{1/2} is factorised. An approximation without an error bound: the tests measure
 * its error against exact orthant and cone probabilities.
 */
import { logNormalCdf, normalHazard } from "../measure/normalCdf.js";
import { choleskyInPlace, forwardSubstitute } from "./_internals/cholesky.js";

/** Result of orthantEp. */
export interface OrthantEpResult {
  /** Natural log of the EP approximation of P(Z > 0). */
  readonly logP: number;
  /** Sweeps over all sites made. */
  readonly sweeps: number;
  /** Whether log P changed by less than the tolerance in the last sweep. */
  readonly converged: boolean;
}

/** Options of orthantEp. */
export interface OrthantEpOptions {
  /** Stop when log P changes by less than this between sweeps (default 1e-10). */
  readonly tolerance?: number;
  /** Largest number of sweeps (default 200). */
  readonly maxSweeps?: number;
}

/**
 * EP approximation of log P(Z > 0) for Z ~ N(0, C), C m×m row-major symmetric positive
 * semi-definite. Coordinates with C_ii = 0 are identically 0 and never > 0: the probability is 0.
 * @throws RangeError if C is not m×m, not finite, or has a negative diagonal entry.
 */
export function orthantEp(c: Float64Array, m: number, options: OrthantEpOptions = {}): OrthantEpResult {
  const tolerance = options.tolerance ?? 1e-10;
  const maxSweeps = options.maxSweeps ?? 200;
  if (c.length !== m * m) throw new RangeError(`orthantEp: covariance has ${c.length} entries, expected ${m}×${m}`);
  for (let i = 0; i < m * m; i++) if (!Number.isFinite(c[i])) throw new RangeError(`orthantEp: covariance entry ${i} is not finite`);
  for (let i = 0; i < m; i++) {
    if (c[i * m + i] < 0) throw new RangeError(`orthantEp: covariance diagonal ${i} is negative`);
    if (c[i * m + i] === 0) return { logP: Number.NEGATIVE_INFINITY, sweeps: 0, converged: true };
  }
  const tauSite = new Float64Array(m);
  const nuSite = new Float64Array(m);
  const sigma = Float64Array.from(c);
  const mu = new Float64Array(m);
  const column = new Float64Array(m);
  let logP = Number.NaN;
  let sweeps = 0;
  let converged = false;
  while (sweeps < maxSweeps && !converged) {
    sweeps++;
    for (let i = 0; i < m; i++) {
      const sii = sigma[i * m + i];
      const tauCav = 1 / sii - tauSite[i];
      // A cavity without positive precision (rounding on a singular C) cannot be matched; keep the site.
      if (!(tauCav > 0)) continue;
      const nuCav = mu[i] / sii - nuSite[i];
      const sdCav = 1 / Math.sqrt(tauCav);
      const meanCav = nuCav / tauCav;
      const z = meanCav / sdCav;
      const r = normalHazard(z);
      const meanHat = meanCav + sdCav * r;
      const varHat = (1 - r * (z + r)) / tauCav;
      if (!(varHat > 0)) continue;
      const dTau = 1 / varHat - tauCav - tauSite[i];
      tauSite[i] += dTau;
      nuSite[i] = meanHat / varHat - nuCav;
      // Σ ← Σ − (Δτ/(1 + Δτ Σ_ii)) s sᵀ with s = Σ's column i, then μ = Σ ν̃.
      const k = dTau / (1 + dTau * sii);
      for (let a = 0; a < m; a++) column[a] = sigma[a * m + i];
      for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) sigma[a * m + b] -= k * column[a] * column[b];
      multiply(sigma, nuSite, m, mu);
    }
    const next = recompute(c, m, tauSite, nuSite, sigma, mu);
    converged = Math.abs(next - logP) < tolerance * Math.max(1, Math.abs(next));
    logP = next;
  }
  return { logP, sweeps, converged };
}

/** out = A·x for A m×m row-major. */
function multiply(a: Float64Array, x: Float64Array, m: number, out: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += a[i * m + k] * x[k];
    out[i] = s;
  }
}

/**
 * Recomputes Σ = C − Vᵀ V (V = L⁻¹ S̃^{1/2} C, L Lᵀ = B = I + S̃^{1/2} C S̃^{1/2}) and μ = Σ ν̃ from
 * the sites, which stops rank-one updates from drifting, and returns the EP log normaliser
 *   Σ_i [log Ẑ_i + ½ log(1 + τ̃_i/τ₋_i) + (μ₋_i τ̃_i − ν̃_i)² τ₋_i / (2 τ̃_i (τ₋_i + τ̃_i))]
 *   − Σ_i log L_ii − ½ wᵀ B⁻¹ w,   w_i = ν̃_i/√τ̃_i,
 * i.e. Σ_i log(Ẑ_i / N(μ₋_i; μ̃_i, σ₋_i² + σ̃_i²)) + log N(μ̃; 0, C + Σ̃) with the 2π factors cancelled.
 */
function recompute(c: Float64Array, m: number, tau: Float64Array, nu: Float64Array, sigma: Float64Array, mu: Float64Array): number {
  const sq = Float64Array.from(tau, (t) => Math.sqrt(Math.max(t, 0)));
  const l = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) l[a * m + b] = (a === b ? 1 : 0) + sq[a] * c[a * m + b] * sq[b];
  // B ≥ I, so the factorisation cannot fail for finite sites.
  if (!choleskyInPlace(l, m)) throw new RangeError("orthantEp: I + S̃^{1/2} C S̃^{1/2} lost positive definiteness (non-finite sites)");
  // V = L⁻¹ S̃^{1/2} C, column by column.
  const v = new Float64Array(m * m);
  const col = new Float64Array(m);
  for (let b = 0; b < m; b++) {
    for (let a = 0; a < m; a++) col[a] = sq[a] * c[a * m + b];
    forwardSubstitute(l, m, col);
    for (let a = 0; a < m; a++) v[a * m + b] = col[a];
  }
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      let s = c[a * m + b];
      for (let k = 0; k < m; k++) s -= v[k * m + a] * v[k * m + b];
      sigma[a * m + b] = s;
    }
  }
  multiply(sigma, nu, m, mu);
  const w = Float64Array.from(nu, (x, i) => (tau[i] > 0 ? x / sq[i] : 0));
  forwardSubstitute(l, m, w);
  let logZ = 0;
  for (let i = 0; i < m; i++) {
    logZ -= Math.log(l[i * m + i]) + 0.5 * w[i] * w[i];
    const sii = sigma[i * m + i];
    const tauCav = 1 / sii - tau[i];
    const nuCav = mu[i] / sii - nu[i];
    const meanCav = nuCav / tauCav;
    logZ += logNormalCdf(meanCav * Math.sqrt(tauCav));
    if (tau[i] > 0) {
      const gap = meanCav * tau[i] - nu[i];
      logZ += 0.5 * Math.log1p(tau[i] / tauCav) + (gap * gap * tauCav) / (2 * tau[i] * (tauCav + tau[i]));
    }
  }
  return logZ;
}
