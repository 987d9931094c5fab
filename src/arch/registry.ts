/**
 * The registry of architectures: `--arch NAME` and the library build networks here. A new network
 * is one folder in arch/ implementing `Architecture` plus one entry below.
 */
import type { Encoding } from "../boolean/encoding.js";
import type { Architecture } from "./architecture.js";
import { perceptronArchitecture } from "./perceptron/perceptronArchitecture.js";
import { MAX_PERCEPTRON_INPUTS } from "./perceptron/perceptronSpec.js";

/** What a user chooses about a network (fields an architecture does not use must be absent). */
export interface ArchitectureConfig {
  /** Number of Boolean inputs n. */
  readonly inputs: number;
  /** Input encoding (default binary). */
  readonly encoding?: Encoding;
  /** Whether units have a bias (default true). */
  readonly bias?: boolean;
}

/** One registered architecture. */
export interface ArchitectureEntry {
  /** Registry name, e.g. `perceptron`. */
  readonly name: string;
  /** One line for help texts. */
  readonly summary: string;
  /** Largest input count it takes. */
  readonly maxInputs: number;
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
    create: (c) => perceptronArchitecture({ inputs: c.inputs, encoding: c.encoding ?? "binary", bias: c.bias ?? true }),
  },
};

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
