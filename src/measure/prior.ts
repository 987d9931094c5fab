/**
 * Priors over a parameter vector θ ∈ R^d: independent Gaussian coordinates N(0, σ_k²), or
 * independent uniform coordinates U[−h_k, h_k]. Volumes of cones depend only on the ratios.
 */

/** The two prior families. */
export type PriorKind = "gaussian" | "uniform";

/** A product prior: per-coordinate standard deviations (gaussian) or half-widths (uniform). */
export interface Prior {
  readonly kind: PriorKind;
  /** σ_k for gaussian, h_k for uniform; all finite and > 0. */
  readonly scales: readonly number[];
}

/**
 * Checks a prior's scales.
 * @throws RangeError naming the bad coordinate and the allowed range.
 */
export function checkPrior(prior: Prior, d: number): void {
  if (prior.scales.length !== d)
    throw new RangeError(`prior has ${prior.scales.length} scales, expected ${d}`);
  prior.scales.forEach((s, k) => {
    if (!Number.isFinite(s) || s <= 0)
      throw new RangeError(`prior scale ${k + 1} must be a finite number > 0, got ${s}`);
  });
}
