/**
 * Fully connected networks with one or two hidden layers as Architectures: `step` (Heaviside
 * hidden units; exact regions, tables and volumes by sums of products of perceptron cones) and
 * `relu` (exact regions as pieces per activation pattern in z = (v_j·w_j, c) for one hidden layer;
 * Monte Carlo and Rao-Blackwellised volumes).
 */
import { wordCount } from "../../boolean/tableWords.js";
import type { BooleanFunction } from "../../boolean/truthTable.js";
import type { Architecture, ParameterGroup } from "../architecture.js";
import { layeredForward } from "./layeredForward.js";
import { layeredImplicitRegion } from "./layeredImplicitRegion.js";
import { checkLayeredSpec, layerBlocks, layeredParameterNames, type LayeredSpec } from "./layeredSpec.js";
import { layeredSymmetries } from "./layeredSymmetries.js";
import { reluRegion } from "./reluRegion.js";
import { stepNetMeasure } from "./stepNetMeasure.js";
import { stepNetRegion } from "./stepNetRegion.js";
import { stepNetTable } from "./stepNetTable.js";

/** A layered architecture, with its spec. */
export type LayeredArchitecture = Architecture & { readonly spec: LayeredSpec };

/** Parameter groups: per layer its weights (W1, W2, v) and its biases (b1, b2, c). */
function layeredGroups(spec: LayeredSpec): ParameterGroup[] {
  const out: ParameterGroup[] = [];
  for (const b of layerBlocks(spec)) {
    const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);
    out.push({ name: b.weightName, kind: "weight", indices: range(b.weights, b.units * b.fanIn) });
    out.push({ name: b.biasName, kind: "bias", indices: range(b.biases, b.units) });
  }
  return out;
}

/**
 * The network of `spec` as an Architecture (registry names `step` and `relu`).
 * @throws RangeError for a spec out of range (see checkLayeredSpec).
 */
export function layeredArchitecture(spec: LayeredSpec): LayeredArchitecture {
  checkLayeredSpec(spec);
  const n = spec.layers[0];
  const parameters = layeredParameterNames(spec);
  const forward = layeredForward(spec);
  const step = spec.activation === "step";
  const checkInputs = (f: BooleanFunction) => {
    if (f.n !== n) throw new RangeError(`function has ${f.n} inputs, the net ${n}`);
  };
  const arch: LayeredArchitecture = {
    type: spec.activation,
    spec,
    inputs: n,
    encoding: spec.encoding,
    description: { type: spec.activation, inputs: n, layers: [...spec.layers], encoding: spec.encoding, parameters },
    parameters,
    groups: layeredGroups(spec),
    tableWords: wordCount(n),
    forward,
    region(f) {
      checkInputs(f);
      return step ? stepNetRegion(spec, f) : reluRegion(spec, f);
    },
    implicitRegion(f) {
      checkInputs(f);
      return layeredImplicitRegion(spec, forward, f);
    },
    symmetries: layeredSymmetries(spec),
  };
  if (!step) return { ...arch, scaleInvariant: false };
  return {
    ...arch,
    exactConeDimension: Math.max(...spec.layers.slice(0, -1)) + 1,
    measureFunction: (f, priors) => stepNetMeasure(spec, f, priors),
    exactTable: (options) => stepNetTable(spec, options),
  };
}
