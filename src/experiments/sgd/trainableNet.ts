/**
 * A network as the trainers see it: its layers as dense blocks in the architecture's own parameter
 * order, the activation the trainer differentiates, and the one it evaluates. A step net is trained
 * as a logistic surrogate with the same parameters (the step has no useful gradient) and evaluated
 * with steps; perceptrons and ReLU nets are trained as they are.
 */
import type { Architecture } from "../../arch/architecture.js";
import type { LayeredArchitecture } from "../../arch/layered/layeredArchitecture.js";
import { layerBlocks } from "../../arch/layered/layeredSpec.js";
import type { PerceptronArchitecture } from "../../arch/perceptron/perceptronArchitecture.js";
import { encodeRow, type Encoding } from "../../boolean/encoding.js";

/** Hidden activations the trainers know: what is differentiated (`logistic` stands in for `step`). */
export type TrainedActivation = "relu" | "logistic";

/** One dense layer: z_j = b_j + Σ_i W[j][i]·a_i, W row-major at `weights`, b at `biases` (−1: no bias). */
export interface DenseBlock {
  readonly units: number;
  readonly fanIn: number;
  readonly weights: number;
  readonly biases: number;
}

/** A network the trainers can run. */
export interface TrainableNet {
  /** Number of inputs n. */
  readonly inputs: number;
  readonly encoding: Encoding;
  /** Number of parameters d (the architecture's order). */
  readonly parameters: number;
  /** Hidden layers then the output block (one unit: output 1 iff its pre-activation > 0). */
  readonly blocks: readonly DenseBlock[];
  /** Activation of the hidden layers during training. */
  readonly trained: TrainedActivation;
  /** Whether the evaluated hidden activation is the step (then it differs from the trained one). */
  readonly stepEvaluation: boolean;
}

/**
 * The trainable view of a registered architecture (perceptron, step or relu).
 * @throws RangeError for an architecture the trainers do not know.
 */
export function trainableNet(arch: Architecture): TrainableNet {
  const base = { inputs: arch.inputs, encoding: arch.encoding, parameters: arch.parameters.length };
  if (arch.type === "perceptron") {
    const spec = (arch as PerceptronArchitecture).spec;
    const block = { units: 1, fanIn: spec.inputs, weights: 0, biases: spec.bias ? spec.inputs : -1 };
    return { ...base, blocks: [block], trained: "relu", stepEvaluation: false };
  }
  if (arch.type === "relu" || arch.type === "step") {
    const blocks = layerBlocks((arch as LayeredArchitecture).spec).map((b) => ({
      units: b.units,
      fanIn: b.fanIn,
      weights: b.weights,
      biases: b.biases,
    }));
    const step = arch.type === "step";
    return { ...base, blocks, trained: step ? "logistic" : "relu", stepEvaluation: step };
  }
  throw new RangeError(`training knows the perceptron, step and relu nets, not '${arch.type}'`);
}

/** The encoded inputs of `rows` (row-major, rows.length × n), as the forward passes see them. */
export function encodedRows(net: TrainableNet, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length * net.inputs);
  rows.forEach((r, k) => out.set(encodeRow(net.inputs, r, net.encoding), k * net.inputs));
  return out;
}
