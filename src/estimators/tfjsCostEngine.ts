/**
 * The `tfjs` cost engine: a net's cross-entropy cost as a TensorFlow.js program over a batch of B
 * parameter vectors Θ [B, D] (every layer a batched matrix product over all truth-table rows), and
 * its derivatives by reverse mode, each in one batched pass:
 *
 * - gradient: tf.grad of L at Θ = [θ];
 * - Hessian: Θ = D copies of θ; G(Θ) = tf.grad(Σ_c L(Θ_c)) holds ∇L(Θ_c) in row c, and
 *   tf.grad(Σ_c G(Θ)_{c,c}) has row c = ∇(∂L/∂θ_c) = row c of ∇²L (nested reverse mode);
 * - Fisher: Θ = R copies of θ; tf.grad(Σ_r out(Θ_r)(x_r)) has row r = J_r = ∂out(x_r)/∂θ, and
 *   F = Jᵀ·diag(q(1 − q)/R)·J.
 *
 * The backend comes from the tensor module (tfjs-node, else wasm, else cpu) and computes in float32
 * (unit roundoff u = 2^−24 ≈ 6e-8). An entry is a sum of products along a chain of about 4L + 4
 * rounded operations per row (L layers: product, bias, activation, their adjoints, and the second
 * reverse pass), summed over R rows and fan-ins up to 8: its error is below (4L + 4 + R + 8)·u·(sum of
 * the absolute values of its terms) ≈ 30·u ≈ 2e-6 of the matrix's scale for these nets, times the
 * conditioning of sigmoid and softplus (their float32 kernels are accurate to a few ulp). The stated
 * accuracy, 1e-4 of the largest entry, leaves a factor 50 for cancellation. Results are read back
 * into Float64 and symmetrised.
 */
import type { Tensor } from "@tensorflow/tfjs";
import type { TensorBackend } from "../tensor/tensorBackend.js";
import { tensorBackend } from "../tensor/tensorBackend.js";
import type { CostEngine, GradientEngine, NetDerivatives } from "./costEngine.js";
import { float64CostEngine, symmetrised } from "./regionCost.js";
import type { DenseNet } from "./_internals/denseNet.js";

/** Relative accuracy of tfjs Hessian and Fisher entries (see the file comment). */
export const TFJS_RELATIVE_ACCURACY = 1e-4;

/**
 * The tfjs engine on a loaded backend; its method is `tfjs-<backend>` (e.g. `tfjs-wasm`).
 * Derivatives run synchronously (dataSync), so the cost's interface stays synchronous.
 */
export function tfjsCostEngine(backend: TensorBackend): CostEngine {
  return {
    method: `tfjs-${backend.name}`,
    relativeAccuracy: TFJS_RELATIVE_ACCURACY,
    derivatives: (net, targets) => tfjsDerivatives(backend, net, targets),
  };
}

/**
 * The engine `name` names: float64CostEngine, or tfjsCostEngine on the tensor module's backend
 * (loaded on first use, which reports the backend once, on stderr or to `report`).
 * @throws Error if tfjs is asked for and not even its cpu backend starts.
 */
export async function loadCostEngine(name: GradientEngine, report?: (line: string) => void): Promise<CostEngine> {
  return name === "float64" ? float64CostEngine : tfjsCostEngine(await tensorBackend(report ? { report } : {}));
}

function tfjsDerivatives({ tf }: TensorBackend, net: DenseNet, targets: Float64Array): NetDerivatives {
  const layout = net.layout;
  if (!layout) throw new RangeError("the tfjs cost engine needs a network's layers; this cost has none (a cone's rows use closed forms)");
  const D = net.dimension;
  const R = net.rows;
  const n = layout.inputs;
  const last = layout.blocks.length - 1;
  // Constants are made on first use (in the backend active then) and kept for the cost's lifetime.
  let constants: { x: Tensor; p: Tensor; eyeD: Tensor; eyeR: Tensor } | undefined;
  const consts = () =>
    (constants ??= tf.tidy(() => {
      const c = {
        x: tf.tensor2d(Float32Array.from(layout.x), [R, n]),
        p: tf.tensor1d(Float32Array.from(targets)),
        eyeD: tf.eye(D),
        eyeR: tf.eye(R),
      };
      Object.values(c).forEach((t) => tf.keep(t));
      return c;
    }));
  // tf.sigmoid's and tf.softplus's gradients go through tf.sigmoid's, which reads its saved output: a
  // nested tf.grad cannot differentiate through that ("Cannot compute gradient of y=f(x)"), so second
  // derivatives would silently drop out, and y(1 − y) loses all digits in float32 once σ is near 1.
  // Here σ' = σ(z)·σ(−z) is recomputed from z, accurate for every z, and softplus' = σ.
  const sigmoidFromInput = (z: Tensor, save: (saved: Tensor[]) => void) => {
    save([z]);
    return {
      value: tf.sigmoid(z),
      gradFunc: (dy: Tensor, [saved]: Tensor[]) => tf.mul(dy, tf.mul(tf.sigmoid(saved), tf.sigmoid(tf.neg(saved)))),
    };
  };
  const sigmoid = tf.customGrad(sigmoidFromInput as never) as (z: Tensor) => Tensor;
  const softplusFromInput = (z: Tensor, save: (saved: Tensor[]) => void) => {
    save([z]);
    return { value: tf.softplus(z), gradFunc: (dy: Tensor, [saved]: Tensor[]) => tf.mul(dy, sigmoid(saved)) };
  };
  const softplus = tf.customGrad(softplusFromInput as never) as (z: Tensor) => Tensor;
  const activation = (z: Tensor): Tensor => (net.hidden === "sigmoid" ? sigmoid(z) : net.hidden === "relu" ? tf.relu(z) : tf.step(z));
  /** out_Θc(x_r) for every copy c and row r: [B, R]. */
  const outputs = (theta: Tensor): Tensor => {
    const B = theta.shape[0];
    let a: Tensor = tf.broadcastTo(consts().x, [B, R, n]);
    for (let l = 0; l <= last; l++) {
      const blk = layout.blocks[l];
      const W = tf.reshape(tf.slice(theta, [0, blk.weights], [B, blk.units * blk.fanIn]), [B, blk.units, blk.fanIn]);
      let z: Tensor = tf.matMul(a as never, W as never, false, true);
      if (blk.biases >= 0) z = tf.add(z, tf.reshape(tf.slice(theta, [0, blk.biases], [B, blk.units]), [B, 1, blk.units]));
      a = l === last ? z : activation(z);
    }
    return tf.reshape(a, [B, R]);
  };
  /** Σ_c L(Θ_c), L the mean cross-entropy over rows. */
  const totalLoss = (theta: Tensor) => {
    const z = outputs(theta);
    const p = consts().p;
    return tf.div(tf.sum(tf.add(tf.mul(p, softplus(tf.neg(z))), tf.mul(tf.sub(1, p), softplus(z)))), R) as never;
  };
  const grad = tf.grad(totalLoss);
  const hess = tf.grad((theta: Tensor) => tf.sum(tf.mul(grad(theta), consts().eyeD)) as never);
  const jac = tf.grad((theta: Tensor) => tf.sum(tf.mul(outputs(theta), consts().eyeR)) as never);
  const copies = (theta: Float64Array, B: number) => tf.tile(tf.tensor2d(Float32Array.from(theta), [1, D]), [B, 1]);
  return {
    gradient(theta, g) {
      g.set(tf.tidy(() => grad(copies(theta, 1)).dataSync()));
    },
    hessian(theta) {
      return symmetrised(Float64Array.from(tf.tidy(() => hess(copies(theta, D)).dataSync())), D);
    },
    fisher(theta) {
      const F = tf.tidy(() => {
        const th = copies(theta, R);
        const J = jac(th);
        // out(Θ_r)(x_r): the diagonal of the [R, R] outputs.
        const z = tf.sum(tf.mul(outputs(th), consts().eyeR), 1);
        // q(1 − q) as σ(z)·σ(−z): no cancellation when q is near 1.
        const w = tf.reshape(tf.div(tf.mul(tf.sigmoid(z), tf.sigmoid(tf.neg(z))), R), [R, 1]);
        return tf.matMul(J, tf.mul(w, J), true, false).dataSync();
      });
      return symmetrised(Float64Array.from(F), D);
    },
    hessianMethod: "nested reverse-mode gradients (float32)",
    hessianEvaluations: D,
  };
}
