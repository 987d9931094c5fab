/**
 * Engines that differentiate a network's cross-entropy cost (regionCost.ts): `tfjs` (reverse-mode
 * gradients of a tensor program through the TensorFlow.js backend module, float32) or `float64`
 * (hand-written back-propagation). Only network costs use an engine; perceptrons and cones keep
 * their closed forms in Float64. The derivatives feed importance preconditioners, the Laplace rival
 * and Adam runs, none of which a float32 rounding can bias (see preconditioner.ts): a proposal's
 * matrix only changes the estimator's variance, and every decision that must be exact (membership,
 * ray distances, the anchor's loss) is taken in Float64 on the region itself.
 */
import type { DenseNet } from "./_internals/denseNet.js";

/** Engine names, as `--grad-engine` values; the first is the CLI's default. */
export const GRADIENT_ENGINES = ["tfjs", "float64"] as const;

/** An engine name. */
export type GradientEngine = (typeof GRADIENT_ENGINES)[number];

/** The derivatives of mean_r [p_r·softplus(−out_θ(x_r)) + (1 − p_r)·softplus(out_θ(x_r))]. */
export interface NetDerivatives {
  /** Writes ∇L(θ) into `grad` (length D). */
  gradient(theta: Float64Array, grad: Float64Array): void;
  /** ∇²L(θ), D×D row-major, symmetric. */
  hessian(theta: Float64Array): Float64Array;
  /** mean_r q_r(1 − q_r)·J_r J_rᵀ, q_r = σ(out_θ(x_r)), J_r = ∂out_θ(x_r)/∂θ; D×D row-major, symmetric. */
  fisher(theta: Float64Array): Float64Array;
  /** How the Hessian is obtained, for reports. */
  readonly hessianMethod: string;
  /** Cost evaluations (passes over all rows) one Hessian counts. */
  readonly hessianEvaluations: number;
}

/** An engine: its recorded method name and the derivatives it builds for a net and targets. */
export interface CostEngine {
  /** `float64`, or `tfjs-<backend>` (e.g. `tfjs-wasm`): what outputs record as the derivatives' method. */
  readonly method: string;
  /**
   * Relative accuracy of its Hessian and Fisher entries with respect to the matrix's largest entry
   * (float32 rounding for tfjs; second differences for float64): eigenvalues and diagonal entries
   * below it times the largest are zero to the engine's precision.
   */
  readonly relativeAccuracy: number;
  /**
   * The derivatives of the cost of `net` against targets p_r (one per row, in [0, 1]).
   * @throws RangeError if the engine cannot run this net (tfjs needs the net's layout).
   */
  derivatives(net: DenseNet, targets: Float64Array): NetDerivatives;
}
