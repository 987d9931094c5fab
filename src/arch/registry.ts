/**
 * The registry of architectures: `--arch NAME` and the library build networks here. A new network
 * is one folder in arch/ implementing `Architecture` plus one entry below.
 */
import type { Encoding } from "../boolean/encoding.js";
import type { Architecture } from "./architecture.js";
import { layeredArchitecture } from "./layered/layeredArchitecture.js";
import { type Activation, MAX_LAYERED_INPUTS } from "./layered/layeredSpec.js";
import { perceptronArchitecture } from "./perceptron/perceptronArchitecture.js";
import { MAX_PERCEPTRON_INPUTS } from "./perceptron/perceptronSpec.js";

/** What a user chooses about a network (fields an architecture does not use must be absent). */
export interface ArchitectureConfig {
  /** Number of Boolean inputs n. */
  readonly inputs: number;
  /** Input encoding (default binary). */
  readonly encoding?: Encoding;
  /** Whether units have a bias (default true; networks with hidden layers always have one). */
  readonly bias?: boolean;
  /** Layer widths n, h1[, h2], 1 of a network with hidden layers (required there, absent for the perceptron). */
  readonly layers?: readonly number[];
}

/** One registered architecture. */
export interface ArchitectureEntry {
  /** Registry name, e.g. `perceptron`. */
  readonly name: string;
  /** One line for help texts. */
  readonly summary: string;
  /** Largest input count it takes. */
  readonly maxInputs: number;
  /** Whether it takes `layers` (networks with hidden layers). */
  readonly layered: boolean;
  /**
   * Builds the network.
   * @throws RangeError for a configuration out of range.
   */
  create(config: ArchitectureConfig): Architecture;
}

/** Every registered architecture, by name, in printing order. */
export const ARCHITECTURES: Readonly<Record<string, ArchitectureEntry>> = {
  perceptron: {
    name: "perceptron",
    summary: "one threshold unit: output 1 iff ⟨w, x⟩ + b > 0",
    maxInputs: MAX_PERCEPTRON_INPUTS,
    layered: false,
    create: (c) => {
      if (c.layers !== undefined) throw new RangeError("layers apply to networks with hidden layers (step, relu), not the perceptron");
      return perceptronArchitecture({ inputs: c.inputs, encoding: c.encoding ?? "binary", bias: c.bias ?? true });
    },
  },
  step: {
    name: "step",
    summary: "hidden layers of step units (1 iff z > 0), output 1 iff c + Σ v_j h_j > 0; --layers n,h1[,h2],1",
    maxInputs: MAX_LAYERED_INPUTS,
    layered: true,
    create: (c) => layered("step", c),
  },
  relu: {
    name: "relu",
    summary: "hidden layers of ReLU units, output 1 iff c + Σ v_j relu(z_j) > 0; --layers n,h1[,h2],1",
    maxInputs: MAX_LAYERED_INPUTS,
    layered: true,
    create: (c) => layered("relu", c),
  },
};

/** A network with hidden layers from a configuration: layers required, inputs equal to layers[0], a bias on every unit. */
function layered(activation: Activation, c: ArchitectureConfig) {
  if (c.layers === undefined) throw new RangeError(`a ${activation} net needs layers n,h1[,h2],1`);
  if (c.layers[0] !== c.inputs) throw new RangeError(`layers start with the number of inputs ${c.inputs}, got ${c.layers[0]}`);
  if (c.bias === false) throw new RangeError(`every unit of a ${activation} net has a bias`);
  return layeredArchitecture({ activation, layers: c.layers, encoding: c.encoding ?? "binary" });
}

/** The registered names, in printing order. */
export const ARCHITECTURE_NAMES: readonly string[] = Object.keys(ARCHITECTURES);

/**
 * Builds the architecture registered as `name`.
 * @throws RangeError for an unknown name (listing the registered ones) or a bad configuration.
 */
export function createArchitecture(name: string, config: ArchitectureConfig): Architecture {
  const entry = ARCHITECTURES[name];
  if (!entry) throw new RangeError(`unknown architecture '${name}'; allowed: ${ARCHITECTURE_NAMES.join(", ")}`);
  return entry.create(config);
}
