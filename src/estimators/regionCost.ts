/**
 * Smooth costs whose sublevel sets follow a region's shape, for the random-direction estimator's
 * importance preconditioners: the mean cross-entropy between target probabilities p_r and the
 * sigmoid of the output pre-activation on every truth-table row,
 *
 *   L(θ) = mean_r [ −p_r ln σ(out_θ(x_r)) − (1 − p_r) ln(1 − σ(out_θ(x_r))) ].
 *
 * With p_r = f(x_r) it is the logistic loss of f's labels (perceptrons: of the margin over the truth
 * table); with p_r = σ(out_θ*(x_r)) it is the behavioural KL to θ* plus a constant. Gradients and
 * Fisher matrices are exact (back-propagation in Float64). The Hessian is exact for a linear output
 * (perceptrons, cones: there it equals the Fisher matrix, since the logistic link is canonical) and
 * for nets is the central difference of the exact gradient (step h = 1e-5·max(1, |θ_k|), error
 * O(h²) ≈ 1e-10 relative). TensorFlow.js is not used: its CPU backend computes in float32, too coarse
 * for second differences, and these nets have at most a few dozen parameters.
 */
import { type DenseNet, sigmoid } from "./_internals/denseNet.js";

/** A smooth cost on θ with its derivatives. */
export interface RegionCost {
  /** What the cost is, for reports. */
  readonly name: string;
  /** Number of parameters D. */
  readonly dimension: number;
  /** How the Hessian is computed: `exact` or `central differences of the exact gradient`. */
  readonly hessianMethod: string;
  /** L(θ). */
  value(theta: Float64Array): number;
  /** Writes ∇L(θ) into `grad` and returns L(θ). */
  gradient(theta: Float64Array, grad: Float64Array): number;
  /** ∇²L(θ), D×D row-major, symmetric. */
  hessian(theta: Float64Array): Float64Array;
  /** The Fisher (Gauss–Newton) matrix mean_r q_r(1 − q_r)·J_r J_rᵀ, q_r = σ(out_θ(x_r)). */
  fisher(theta: Float64Array): Float64Array;
  /** Cost evaluations so far (each a pass over all rows; a Hessian by differences counts 2D). */
  readonly evaluations: number;
}

/** ln(1 + e^{x}) without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * The cross-entropy cost of `net` against targets p_r ∈ [0, 1] (see the file comment).
 * @param linear whether out_θ is linear in θ (no hidden layer): then the Hessian is the Fisher matrix.
 * @throws RangeError if targets do not have one entry in [0, 1] per row.
 */
export function crossEntropyCost(name: string, net: DenseNet, targets: Float64Array, linear: boolean): RegionCost {
  const D = net.dimension;
  const R = net.rows;
  if (targets.length !== R || targets.some((p) => !(p >= 0 && p <= 1)))
    throw new RangeError(`cross-entropy cost: need ${R} targets in [0, 1]`);
  const out = new Float64Array(R);
  const jac = new Float64Array(R * D);
  let evaluations = 0;
  const value = (theta: Float64Array) => {
    evaluations++;
    net.outputs(theta, out);
    let s = 0;
    // −p ln σ(z) − (1 − p) ln(1 − σ(z)) = p·softplus(−z) + (1 − p)·softplus(z).
    for (let r = 0; r < R; r++) s += targets[r] * softplus(-out[r]) + (1 - targets[r]) * softplus(out[r]);
    return s / R;
  };
  const gradient = (theta: Float64Array, grad: Float64Array) => {
    evaluations++;
    net.jacobian(theta, out, jac);
    grad.fill(0, 0, D);
    let s = 0;
    for (let r = 0; r < R; r++) {
      const p = targets[r];
      s += p * softplus(-out[r]) + (1 - p) * softplus(out[r]);
      const c = (sigmoid(out[r]) - p) / R;
      for (let k = 0; k < D; k++) grad[k] += c * jac[r * D + k];
    }
    return s / R;
  };
  const fisher = (theta: Float64Array) => {
    evaluations++;
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
    if (linear) return fisher(theta);
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
    // Symmetrise: the two difference quotients of a mixed partial differ by O(h²).
    for (let i = 0; i < D; i++)
      for (let j = 0; j < i; j++) {
        const m = 0.5 * (H[i * D + j] + H[j * D + i]);
        H[i * D + j] = m;
        H[j * D + i] = m;
      }
    return H;
  };
  return {
    name,
    dimension: D,
    hessianMethod: linear ? "exact (equals the Fisher matrix: linear output, canonical link)" : "central differences of the exact gradient",
    value,
    gradient,
    hessian,
    fisher,
    get evaluations() {
      return evaluations;
    },
  };
}
