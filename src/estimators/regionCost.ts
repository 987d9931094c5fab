/**
 * Smooth costs whose sublevel sets follow a region's shape, for the random-direction estimator's
 * importance preconditioners: the mean cross-entropy between target probabilities p_r and the
 * sigmoid of the output pre-activation on every truth-table row,
 *
 *   L(θ) = mean_r [ −p_r ln σ(out_θ(x_r)) − (1 − p_r) ln(1 − σ(out_θ(x_r))) ].
 *
 * With p_r = f(x_r) it is the logistic loss of f's labels (perceptrons: of the margin over the truth
 * table); with p_r = σ(out_θ*(x_r)) it is the behavioural KL to θ* plus a constant. The value is
 * always Float64 (membership and stopping decisions read it). For a linear output (perceptrons,
 * cones) the gradient, Hessian and Fisher matrix are closed forms in Float64 (Hessian = Fisher, since
 * the logistic link is canonical). For nets a {@link CostEngine} differentiates: `tfjs` (nested
 * reverse-mode gradients through the tensor backend, float32; tfjsCostEngine.ts) or `float64`
 * (below: back-propagation in Float64, the Hessian by central differences of the exact gradient with
 * step h = 1e-5·max(1, |θ_k|), error O(h²) ≈ 1e-10 relative).
 */
import type { CostEngine, NetDerivatives } from "./costEngine.js";
import { type DenseNet, sigmoid } from "./_internals/denseNet.js";

/** A smooth cost on θ with its derivatives. */
export interface RegionCost {
  /** What the cost is, for reports. */
  readonly name: string;
  /** Number of parameters D. */
  readonly dimension: number;
  /** How the Hessian is computed, e.g. `exact (…)` or `central differences of the exact gradient`. */
  readonly hessianMethod: string;
  /** Which engine computes gradients, Hessians and Fisher matrices: `float64` or `tfjs-<backend>`. */
  readonly method: string;
  /** Relative accuracy of the Hessian and Fisher entries (see CostEngine.relativeAccuracy). */
  readonly relativeAccuracy: number;
  /** L(θ), in Float64. */
  value(theta: Float64Array): number;
  /** Writes ∇L(θ) into `grad` and returns L(θ) (Float64). */
  gradient(theta: Float64Array, grad: Float64Array): number;
  /** ∇²L(θ), D×D row-major, symmetric. */
  hessian(theta: Float64Array): Float64Array;
  /** The Fisher (Gauss–Newton) matrix mean_r q_r(1 − q_r)·J_r J_rᵀ, q_r = σ(out_θ(x_r)). */
  fisher(theta: Float64Array): Float64Array;
  /** Cost evaluations so far (each a pass over all rows; a Hessian counts the engine's hessianEvaluations). */
  readonly evaluations: number;
}

/** ln(1 + e^{x}) without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Mean cross-entropy of outputs `out` against `targets`: p·softplus(−z) + (1 − p)·softplus(z). */
function meanCrossEntropy(out: Float64Array, targets: Float64Array): number {
  let s = 0;
  for (let r = 0; r < out.length; r++) s += targets[r] * softplus(-out[r]) + (1 - targets[r]) * softplus(out[r]);
  return s / out.length;
}

/**
 * Float64 derivatives: exact gradients and Fisher matrices by back-propagation, the Hessian by central
 * differences of the gradient (error ≈ 1e-10 relative, the engine's stated accuracy).
 */
export const float64CostEngine: CostEngine = {
  method: "float64",
  relativeAccuracy: 1e-10,
  derivatives(net, targets) {
    const D = net.dimension;
    const R = net.rows;
    const out = new Float64Array(R);
    const jac = new Float64Array(R * D);
    const gradient = (theta: Float64Array, grad: Float64Array) => {
      net.jacobian(theta, out, jac);
      grad.fill(0, 0, D);
      for (let r = 0; r < R; r++) {
        const c = (sigmoid(out[r]) - targets[r]) / R;
        for (let k = 0; k < D; k++) grad[k] += c * jac[r * D + k];
      }
    };
    const fisher = (theta: Float64Array) => {
      net.jacobian(theta, out, jac);
      const F = new Float64Array(D * D);
      for (let r = 0; r < R; r++) {
        const q = sigmoid(out[r]);
        const w = (q * (1 - q)) / R;
        for (let i = 0; i < D; i++) {
          const wi = w * jac[r * D + i];
          if (wi === 0) continue;
          for (let j = 0; j < D; j++) F[i * D + j] += wi * jac[r * D + j];
        }
      }
      return F;
    };
    const hessian = (theta: Float64Array) => {
      const H = new Float64Array(D * D);
      const plus = new Float64Array(D);
      const minus = new Float64Array(D);
      const probe = Float64Array.from(theta);
      for (let k = 0; k < D; k++) {
        const h = 1e-5 * Math.max(1, Math.abs(theta[k]));
        probe[k] = theta[k] + h;
        gradient(probe, plus);
        probe[k] = theta[k] - h;
        gradient(probe, minus);
        probe[k] = theta[k];
        for (let j = 0; j < D; j++) H[k * D + j] = (plus[j] - minus[j]) / (2 * h);
      }
      return symmetrised(H, D);
    };
    return { gradient, hessian, fisher, hessianMethod: "central differences of the exact gradient", hessianEvaluations: 2 * D };
  },
};

/** Averages M with its transpose in place (difference quotients of a mixed partial differ by O(h²); float32 rounding likewise). */
export function symmetrised(M: Float64Array, D: number): Float64Array {
  for (let i = 0; i < D; i++)
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (M[i * D + j] + M[j * D + i]);
      M[i * D + j] = m;
      M[j * D + i] = m;
    }
  return M;
}

/**
 * The cross-entropy cost of `net` against targets p_r ∈ [0, 1] (see the file comment).
 * @param linear whether out_θ is linear in θ (no hidden layer): then closed forms in Float64 are used
 *   whatever the engine, and the Hessian is the Fisher matrix.
 * @param engine differentiates a net's cost (default float64CostEngine).
 * @throws RangeError if targets do not have one entry in [0, 1] per row, or the engine cannot run the net.
 */
export function crossEntropyCost(name: string, net: DenseNet, targets: Float64Array, linear: boolean, engine: CostEngine = float64CostEngine): RegionCost {
  const D = net.dimension;
  const R = net.rows;
  if (targets.length !== R || targets.some((p) => !(p >= 0 && p <= 1)))
    throw new RangeError(`cross-entropy cost: need ${R} targets in [0, 1]`);
  const used = linear ? float64CostEngine : engine;
  const d: NetDerivatives = used.derivatives(net, targets);
  const out = new Float64Array(R);
  let evaluations = 0;
  const value = (theta: Float64Array) => {
    evaluations++;
    net.outputs(theta, out);
    return meanCrossEntropy(out, targets);
  };
  return {
    name,
    dimension: D,
    hessianMethod: linear ? "exact (equals the Fisher matrix: linear output, canonical link)" : d.hessianMethod,
    method: linear ? "float64 (closed form)" : used.method,
    // Closed forms are exact to rounding: the Fisher sum of D·R products.
    relativeAccuracy: linear ? 1e-13 : used.relativeAccuracy,
    value,
    gradient(theta, grad) {
      evaluations++;
      d.gradient(theta, grad);
      net.outputs(theta, out);
      return meanCrossEntropy(out, targets);
    },
    hessian(theta) {
      evaluations += linear ? 1 : d.hessianEvaluations;
      return linear ? d.fisher(theta) : d.hessian(theta);
    },
    fisher(theta) {
      evaluations++;
      return d.fisher(theta);
    },
    get evaluations() {
      return evaluations;
    },
  };
}
