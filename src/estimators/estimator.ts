/**
 * The estimator interface: every volume estimator (the random-direction estimator, naive Monte
 * Carlo, Laplace, GP/EP, …) takes an `EstimatorRegion` and a prior and returns a `VolumeEstimate`,
 * so the validation harness, `estimate`, `validate` and `score` treat them alike. A new estimator is
 * one file implementing `Estimator` plus its registration in `estimatorRegistry.ts`.
 */
import type { Architecture } from "../arch/architecture.js";
import type { Prior } from "../measure/prior.js";

/**
 * A region given as a sublevel set {θ : cost(θ) ≤ epsilon} of a cost that is 0 at the anchor and
 * ≥ 0 near it (behavioural regions: mean_x KL(σ(out_θ*(x)) ‖ σ(out_θ(x))) ≤ ε). Laplace and the
 * local learning coefficient read it; other estimators use only `contains` / `rayDistance`.
 */
export interface SublevelCost {
  /** The region's cutoff ε > 0 (cost units, e.g. nats for a KL cost). */
  readonly epsilon: number;
  /** The cost at θ (≥ 0; 0 at the anchor). */
  cost(theta: Float64Array): number;
  /** The cost's Hessian at θ, D×D row-major, where a closed form exists (else estimators difference `cost`). */
  hessian?(theta: Float64Array): Float64Array;
  /** How `hessian` computes (e.g. `nested reverse-mode gradients (float32)`); default `closed form`. */
  readonly hessianMethod?: string;
  /** The engine behind `hessian` (`float64`, `tfjs-wasm`, …; see costEngine.ts), for reports. */
  readonly derivatives?: string;
  /** Relative accuracy of `hessian`'s entries with respect to the largest (default: exact to rounding). */
  readonly hessianAccuracy?: number;
  /**
   * The exact Lebesgue volume of {θ : cost(θ) ≤ e} about the anchor, where it is known in closed
   * form (e.g. a quadratic cost: an ellipsoid); estimators measure it otherwise.
   */
  volume?(e: number): number;
}

/**
 * A region an estimator can probe: a membership test and the exact (or toleranced) distance from an
 * interior point to the boundary along a direction, in the architecture's parameter coordinates.
 */
export interface EstimatorRegion {
  /** What the region is, e.g. `perceptron n=3 f=00010111` or `cone from FILE`. */
  readonly label: string;
  /** Truth table of the function whose region this is, when it is one. */
  readonly function?: string;
  /** Parameter names, one per coordinate (the dimension D is their count). */
  readonly names: readonly string[];
  /** Whether θ lies in the region. */
  contains(theta: Float64Array): boolean;
  /**
   * Largest t ≥ 0 with θ + s·u in the region for all 0 ≤ s < t (Infinity if unbounded); 0 when θ
   * is outside. `u` need not be a unit vector (t is in units of |u|).
   */
  rayDistance(theta: Float64Array, u: Float64Array): number;
  /** How `rayDistance` is computed: `exact` (closed form / breakpoints) or `bisection` with a stated tolerance. */
  readonly radius: { readonly method: "exact" | "bisection"; readonly relativeTolerance?: number };
  /** Integer constraint rows {θ : Aθ > 0}, when the region is one polyhedral cone in θ. */
  readonly rows?: readonly (readonly bigint[])[];
  /** Exact probabilities where known, by prior kind (`gaussian`: {p, err}; `uniform`: {p, fraction}). */
  readonly exact?: Readonly<Record<string, { readonly p: number; readonly err?: number; readonly fraction?: string }>>;
  /**
   * The network whose function this region is, when it is one: the GP/EP estimator builds its
   * NNGP kernel from it (with `function`).
   */
  readonly arch?: Architecture;
  /** The cost and cutoff of a sublevel-set (behavioural) region, when it is one. */
  readonly sublevel?: SublevelCost;
}

/** Options every estimator accepts; estimators ignore what they do not use. */
export interface EstimateOptions {
  /** Number of directions (random-direction), samples (Monte Carlo) or equivalent budget; ≥ 2. */
  readonly directions: number;
  /** Seed of the pure-rand stream. */
  readonly seed: number;
  /** Anchor θ* inside the region (random-direction estimators); a default is picked when absent. */
  readonly anchor?: Float64Array;
  /** Importance proposal for random-direction estimators. */
  readonly proposal?: "identity" | "hessian" | "fisher" | "adam" | "full";
  /**
   * Cutoffs ε_1 < … < ε_k (> 0) at which the local learning coefficient measures V(ε); default: 8
   * geometric steps from ε/1000 to the region's own ε (`sublevel.epsilon`).
   */
  readonly cutoffs?: readonly number[];
}

/** One estimate of P(θ ∈ R) under a prior. */
export interface VolumeEstimate {
  /** Estimator name, e.g. `random-direction`. */
  readonly estimator: string;
  /** Point estimate of the probability (unbiased where the estimator is). */
  readonly estimate: number;
  /** 95% interval, when the estimator gives one. */
  readonly ci?: readonly [number, number];
  /** log of the mean of per-sample values computed in log space (natural log), where meaningful. */
  readonly logMeanExp?: number;
  /** Largest per-sample value, where meaningful. */
  readonly max?: number;
  /** Budget spent: directions or samples. */
  readonly directions: number;
  /** Function/boundary evaluations spent (forward passes, constraint checks, …). */
  readonly evaluations: number;
  /** Extra fields an estimator reports (proposal, variance, fitted λ, …). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A volume estimator. */
export interface Estimator {
  /** Registry name, e.g. `random-direction`, `mc`, `laplace`, `gp-ep`, `llc`. */
  readonly name: string;
  /** One line for help texts. */
  readonly summary: string;
  /**
   * Estimates the region's probability under `prior`.
   * @throws RangeError for options out of range (directions < 2, anchor outside the region, …).
   */
  estimate(region: EstimatorRegion, prior: Prior, options: EstimateOptions): VolumeEstimate;
}
