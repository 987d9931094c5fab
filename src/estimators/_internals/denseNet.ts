/**
 * A real-valued view of an architecture: the output pre-activation out_θ(x) on every truth-table
 * row and its Jacobian ∂out/∂θ, in Float64, for the smooth costs (importance preconditioners) and
 * the behavioural regions. The perceptron is the net with no hidden layer (θ = w1 … wn[, b]);
 * step and ReLU nets use the layered parameter order (layeredSpec.ts).
 */
import type { Architecture } from "../../arch/architecture.js";
import { layerBlocks, type LayerBlock } from "../../arch/layered/layeredSpec.js";
import { encodeRow } from "../../boolean/encoding.js";
import { rowCount } from "../../boolean/truthTable.js";

/** Hidden activations: the architecture's own (`step`, `relu`) or the smooth stand-in `sigmoid`. */
export type HiddenActivation = "step" | "relu" | "sigmoid";

/** A net on the 2^n truth-table rows. */
export interface DenseNet {
  /** Number of parameters D. */
  readonly dimension: number;
  /** Number of rows 2^n. */
  readonly rows: number;
  /** Hidden activation in use. */
  readonly hidden: HiddenActivation;
  /** Writes out_θ(x_r) for every row r into `out` (length rows). */
  outputs(theta: Float64Array, out: Float64Array): void;
  /** Writes out_θ(x_r) into `out` and ∂out_θ(x_r)/∂θ into row r of `jac` (rows × D, row-major). */
  jacobian(theta: Float64Array, out: Float64Array, jac: Float64Array): void;
  /** The layers as data, for engines that build their own forward pass (tfjs); absent for a cone's rows. */
  readonly layout?: NetLayout;
}

/** A dense net as data: encoded input rows and the layer blocks of θ (layeredSpec.ts's order). */
export interface NetLayout {
  /** Number of inputs n. */
  readonly inputs: number;
  /** The encoded truth-table rows, rows × n row-major. */
  readonly x: Float64Array;
  readonly blocks: readonly LayerBlock[];
}

/** σ(z) = 1/(1 + e^{−z}). */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * The dense net of `arch` (a perceptron, step or ReLU net), with its hidden activation replaced by
 * `hidden` when given (the smooth cost of a step net uses `sigmoid`).
 * @throws RangeError for an architecture of another type.
 */
export function denseNetOf(arch: Architecture, hidden?: HiddenActivation): DenseNet {
  const n = arch.inputs;
  const rows = rowCount(n);
  const inputs = Array.from({ length: rows }, (_, r) => encodeRow(n, r, arch.encoding));
  const D = arch.parameters.length;
  let blocks: LayerBlock[];
  if (arch.type === "perceptron") {
    const bias = arch.description.bias !== false;
    // One output unit over the inputs; without bias its bias index points past θ and reads as 0.
    blocks = [{ units: 1, fanIn: n, weights: 0, biases: bias ? n : -1, weightName: "w", biasName: "b" }];
  } else if (arch.type === "step" || arch.type === "relu") {
    const layers = arch.description.layers as number[];
    blocks = layerBlocks({ activation: arch.type, layers, encoding: arch.encoding });
  } else {
    throw new RangeError(`no real-valued forward pass for architecture '${arch.type}'; allowed: perceptron, step, relu`);
  }
  const act = hidden ?? (arch.type === "perceptron" ? "relu" : (arch.type as HiddenActivation));
  const phi = (z: number) => (act === "step" ? (z > 0 ? 1 : 0) : act === "relu" ? (z > 0 ? z : 0) : sigmoid(z));
  const dphi = (z: number, a: number) => (act === "step" ? 0 : act === "relu" ? (z > 0 ? 1 : 0) : a * (1 - a));
  const widest = Math.max(n, ...blocks.map((b) => b.units));
  const L = blocks.length;
  // Per layer: pre-activations z and activations a (a[0] is the input row).
  const z = blocks.map((b) => new Float64Array(b.units));
  const a = [new Float64Array(widest), ...blocks.map((b) => new Float64Array(b.units))];
  const delta = blocks.map((b) => new Float64Array(b.units));

  const forwardRow = (theta: Float64Array, r: number): number => {
    a[0].set(inputs[r]);
    for (let l = 0; l < L; l++) {
      const blk = blocks[l];
      const below = a[l];
      for (let j = 0; j < blk.units; j++) {
        let s = blk.biases >= 0 ? theta[blk.biases + j] : 0;
        const w = blk.weights + j * blk.fanIn;
        for (let i = 0; i < blk.fanIn; i++) s += theta[w + i] * below[i];
        z[l][j] = s;
        a[l + 1][j] = l === L - 1 ? s : phi(s);
      }
    }
    return z[L - 1][0];
  };

  return {
    dimension: D,
    rows,
    hidden: act,
    layout: { inputs: n, x: Float64Array.from(inputs.flat()), blocks },
    outputs(theta, out) {
      for (let r = 0; r < rows; r++) out[r] = forwardRow(theta, r);
    },
    jacobian(theta, out, jac) {
      jac.fill(0, 0, rows * D);
      for (let r = 0; r < rows; r++) {
        out[r] = forwardRow(theta, r);
        const g = r * D;
        // Back-propagate ∂out/∂z layer by layer, writing ∂out/∂W = δ·a_below and ∂out/∂b = δ.
        delta[L - 1][0] = 1;
        for (let l = L - 1; l >= 0; l--) {
          const blk = blocks[l];
          const below = a[l];
          for (let j = 0; j < blk.units; j++) {
            const dj = delta[l][j];
            if (blk.biases >= 0) jac[g + blk.biases + j] = dj;
            const w = blk.weights + j * blk.fanIn;
            for (let i = 0; i < blk.fanIn; i++) jac[g + w + i] = dj * below[i];
          }
          if (l === 0) break;
          const prev = blocks[l - 1];
          for (let i = 0; i < prev.units; i++) {
            let s = 0;
            for (let j = 0; j < blk.units; j++) s += delta[l][j] * theta[blk.weights + j * blk.fanIn + i];
            delta[l - 1][i] = s * dphi(z[l - 1][i], a[l][i]);
          }
        }
      }
    },
  };
}

/**
 * The linear "net" out_i(θ) = ⟨a_i, θ⟩ of a cone's rows (a user's cone as a truth table whose every
 * row has label 1).
 * @throws RangeError if the rows are ragged or there are none.
 */
export function linearRowsNet(rowsIn: readonly (readonly number[])[]): DenseNet {
  if (rowsIn.length === 0) throw new RangeError("a cone without constraint rows has no cost to precondition with");
  const D = rowsIn[0].length;
  if (rowsIn.some((r) => r.length !== D)) throw new RangeError(`cone rows must all have ${D} entries`);
  const flat = Float64Array.from(rowsIn.flat());
  const rows = rowsIn.length;
  const outputs = (theta: Float64Array, out: Float64Array) => {
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let k = 0; k < D; k++) s += flat[r * D + k] * theta[k];
      out[r] = s;
    }
  };
  return {
    dimension: D,
    rows,
    hidden: "relu",
    outputs,
    jacobian(theta, out, jac) {
      outputs(theta, out);
      jac.set(flat);
    },
  };
}
