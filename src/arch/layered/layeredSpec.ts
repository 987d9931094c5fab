/**
 * A fully connected network with one or two hidden layers: `layers` = (n, h1[, h2], 1), every unit
 * with a bias, hidden activation step (Heaviside, 1 iff z > 0) or ReLU, output 1 iff its
 * pre-activation > 0.
 *
 * Parameter order (fixed; every printout uses it), indices 1-based in names:
 *   W1[1][1] … W1[1][n], W1[2][1] … W1[h1][n]   (W1[j][i]: input i → hidden unit j of layer 1)
 *   b1[1] … b1[h1]
 *   W2[1][1] … W2[h2][h1], b2[1] … b2[h2]       (second hidden layer, when there is one)
 *   v[1] … v[hL], c                              (output: c + Σ_j v[j]·a_j > 0, a = last hidden layer)
 * Groups: W1, b1, (W2, b2,) v, c; the W and v groups are weights, the b and c groups biases.
 */
import type { Encoding } from "../../boolean/encoding.js";

/** Hidden activations: `step` = Heaviside (1 iff z > 0), `relu` = max(z, 0). */
export type Activation = "step" | "relu";

/** The activations, in the order options list them. */
export const ACTIVATIONS: readonly Activation[] = ["step", "relu"];

/** A fully connected network with hidden layers. */
export interface LayeredSpec {
  /** Hidden activation. */
  readonly activation: Activation;
  /** Layer widths: inputs n, one or two hidden widths, then 1 (the output unit). */
  readonly layers: readonly number[];
  /** Input encoding (hidden features are activations, never re-encoded). */
  readonly encoding: Encoding;
}

/**
 * Largest number of inputs of a network with hidden layers (7: Monte Carlo tables hold 128-bit
 * truth tables; 8-input tables are for the perceptron's single functions).
 */
export const MAX_LAYERED_INPUTS = 7;
/** Largest hidden width (a typo guard; the forward pass takes any width). */
export const MAX_HIDDEN_WIDTH = 64;
/** Largest number of hidden layers. */
export const MAX_HIDDEN_LAYERS = 2;

/**
 * Validates a spec.
 * @throws RangeError naming the problem and the allowed values.
 */
export function checkLayeredSpec(spec: LayeredSpec): void {
  const L = spec.layers;
  const text = L.join(",");
  if (spec.activation !== "step" && spec.activation !== "relu")
    throw new RangeError(`activation '${String(spec.activation)}' is unknown; allowed: ${ACTIVATIONS.join(", ")}`);
  if (L.length < 3 || L.length > MAX_HIDDEN_LAYERS + 2)
    throw new RangeError(`layers ${text}: give n,h1,1 or n,h1,h2,1 (inputs, one or two hidden widths, output 1)`);
  if (L.some((w) => !Number.isInteger(w)))
    throw new RangeError(`layers ${text}: every width must be an integer`);
  const n = L[0];
  if (n < 1 || n > MAX_LAYERED_INPUTS) throw new RangeError(`layers ${text}: inputs must be from 1 to ${MAX_LAYERED_INPUTS}, got ${n}`);
  for (const h of L.slice(1, -1)) {
    if (h < 1 || h > MAX_HIDDEN_WIDTH)
      throw new RangeError(`layers ${text}: hidden widths must be from 1 to ${MAX_HIDDEN_WIDTH}, got ${h}`);
  }
  if (L[L.length - 1] !== 1) throw new RangeError(`layers ${text}: the last width is the output unit and must be 1, got ${L[L.length - 1]}`);
}

/** Where one layer's parameters sit in θ: W (row-major, unit by unit) then b. */
export interface LayerBlock {
  /** Units of this layer. */
  readonly units: number;
  /** Inputs of each unit (width of the layer below). */
  readonly fanIn: number;
  /** Index of W[1][1]; W[j][i] (0-based j, i) is at weights + j·fanIn + i. */
  readonly weights: number;
  /** Index of b[1]; b[j] (0-based) is at biases + j. */
  readonly biases: number;
  /** Group names of the weights and biases, e.g. `W1`/`b1`, or `v`/`c` for the output. */
  readonly weightName: string;
  readonly biasName: string;
}

/** The parameter blocks of every layer (hidden layers first, the output last). */
export function layerBlocks(spec: LayeredSpec): LayerBlock[] {
  const L = spec.layers;
  const out: LayerBlock[] = [];
  let at = 0;
  for (let l = 1; l < L.length; l++) {
    const units = L[l];
    const fanIn = L[l - 1];
    const output = l === L.length - 1;
    out.push({
      units,
      fanIn,
      weights: at,
      biases: at + units * fanIn,
      weightName: output ? "v" : `W${l}`,
      biasName: output ? "c" : `b${l}`,
    });
    at += units * fanIn + units;
  }
  return out;
}

/** Number of parameters. */
export function layeredParameterCount(spec: LayeredSpec): number {
  const blocks = layerBlocks(spec);
  const last = blocks[blocks.length - 1];
  return last.biases + last.units;
}

/** Parameter names in order (see the file comment): `W1[j][i]`, `b1[j]`, …, `v[j]`, `c`. */
export function layeredParameterNames(spec: LayeredSpec): string[] {
  const names: string[] = [];
  for (const b of layerBlocks(spec)) {
    const output = b.weightName === "v";
    for (let j = 1; j <= b.units; j++)
      for (let i = 1; i <= b.fanIn; i++) names.push(output ? `v[${i}]` : `${b.weightName}[${j}][${i}]`);
    for (let j = 1; j <= b.units; j++) names.push(output ? "c" : `${b.biasName}[${j}]`);
  }
  return names;
}

/** The parameter indices of unit j (0-based) of a block: its weights in input order, then its bias. */
export function unitIndices(block: LayerBlock, j: number): number[] {
  const out = Array.from({ length: block.fanIn }, (_, i) => block.weights + j * block.fanIn + i);
  out.push(block.biases + j);
  return out;
}
