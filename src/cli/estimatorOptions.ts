/**
 * Options shared by `estimate` and `validate`: the estimator, its budget and seed, the importance
 * proposal, the engine of network costs' derivatives, one prior, bootstrap replicates; and parsers
 * for parameter vectors (`--anchor 1,-2,0.5`).
 */
import type { Command } from "commander";
import type { Architecture } from "../arch/architecture.js";
import { type CostEngine, type GradientEngine, GRADIENT_ENGINES } from "../estimators/costEngine.js";
import { float64CostEngine } from "../estimators/regionCost.js";
import { loadCostEngine } from "../estimators/tfjsCostEngine.js";
import { ESTIMATOR_NAMES, estimatorByName } from "../estimators/estimatorRegistry.js";
import type { Estimator } from "../estimators/estimator.js";
import { PROPOSALS, type Proposal } from "../estimators/preconditioner.js";
import { randomDirectionEstimator } from "../estimators/randomDirectionEstimator.js";
import { rejectGiven } from "./givenOptions.js";
import { choiceOption, integerOption, UsageError } from "./usageError.js";

/** Parsed estimator options. */
export interface EstimatorOptions {
  estimator: string;
  proposal: Proposal;
  directions: number;
  seed: number;
  bootstrap: number;
  gradEngine: GradientEngine;
}

/** Largest --directions (a typo guard: 1e9 directions take minutes even at 1e7 per second). */
const MAX_DIRECTIONS = 1e9;

/**
 * Adds --estimator, --proposal, --grad-engine, --directions, --seed and --bootstrap.
 * @param directions default number of directions.
 * @param bootstrap default number of bootstrap replicates.
 */
export function addEstimatorOptions(cmd: Command, directions: number, bootstrap: number): Command {
  return cmd
    .option("--estimator <name>", `volume estimator: ${ESTIMATOR_NAMES.join(", ")}`, "random-direction")
    .option(
      "--proposal <p>",
      "importance proposal of the random-direction estimator: identity (uniform directions), hessian / fisher (diagonal of the cost's Hessian / Fisher matrix at the anchor), adam (Adam's ν^-1/2 after a short training run), full (the Hessian's eigenbasis, rotated back)",
      choiceOption("--proposal", PROPOSALS),
      "identity",
    )
    .option(
      "--grad-engine <e>",
      "engine of a step or ReLU net's cost gradients and Hessians (the proposals, laplace): tfjs (nested reverse-mode gradients through the tensor backend, float32) or float64 (hand-written back-propagation); perceptrons and cones use closed forms",
      choiceOption("--grad-engine", GRADIENT_ENGINES),
      GRADIENT_ENGINES[0],
    )
    .option("--directions <K>", "directions (or samples) per estimate, at least 2", integerOption("--directions", 2, MAX_DIRECTIONS), directions)
    .option("--seed <s>", "seed of the random streams (integer)", integerOption("--seed", -(2 ** 31), 2 ** 31 - 1), 1)
    .option("--bootstrap <B>", "bootstrap replicates of the percentile interval (0 for none)", integerOption("--bootstrap", 0, 100_000), bootstrap);
}

/**
 * The estimator --estimator names, with the --proposal it uses: null for estimators without
 * importance proposals (every one but random-direction), for which --proposal and --bootstrap
 * are errors rather than silently ignored.
 * @throws UsageError listing the registered estimators, or naming --proposal / --bootstrap.
 */
export function estimatorFromOptions(opts: EstimatorOptions, given: ReadonlySet<string>): { estimator: Estimator; proposal: Proposal | null } {
  let estimator: Estimator;
  try {
    estimator = estimatorByName(opts.estimator);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`--estimator: ${e.message}`);
    throw e;
  }
  if (estimator.name === randomDirectionEstimator.name) return { estimator, proposal: opts.proposal };
  rejectGiven(given, ["proposal", "bootstrap"], `it applies to the ${randomDirectionEstimator.name} estimator only, not ${estimator.name}`);
  return { estimator, proposal: null };
}

/** The tensor backend's report line, held until the command has succeeded (see costEngineFromOptions). */
let backendReport: string | undefined;

/**
 * The cost engine --grad-engine names, loaded only when the run differentiates a network's cost: a
 * step or ReLU net (`arch`; undefined for a user's cone) with the random-direction estimator and a
 * proposal other than identity, or the laplace estimator. Otherwise float64, with nothing loaded
 * (perceptrons and cones use closed forms), so tfjs starts only when used. Its backend line
 * (`weightspace: tensor backend wasm`) is held for reportBackend, so that bad input (a singular
 * preconditioner) still ends in one line on stderr.
 * @throws Error if tfjs is needed and not even its cpu backend starts.
 */
export async function costEngineFromOptions(
  opts: EstimatorOptions,
  arch: Architecture | undefined,
  estimator: Estimator,
  proposal: Proposal | null,
): Promise<CostEngine> {
  const network = arch !== undefined && arch.type !== "perceptron";
  const differentiates = estimator.name === "laplace" || (proposal !== null && proposal !== "identity");
  return network && differentiates ? loadCostEngine(opts.gradEngine, (line) => (backendReport = line)) : float64CostEngine;
}

/** Writes the held tensor-backend line to stderr, once, after a command's output is written. */
export function reportBackend(): void {
  if (backendReport !== undefined) process.stderr.write(backendReport);
  backendReport = undefined;
}

/**
 * Parses a comma-separated vector of finite numbers (`1,-2,0.5`); the length is checked where the
 * dimension is known.
 * @throws UsageError naming the option and the bad entry.
 */
export function vectorOption(option: string) {
  return (text: string): Float64Array =>
    Float64Array.from(text.split(","), (part, k) => {
      const x = Number(part.trim());
      if (part.trim() === "" || !Number.isFinite(x)) throw new UsageError(`${option} entry ${k + 1} '${part}' is not a finite number`);
      return x;
    });
}

/**
 * Checks a vector's length against the parameters it is for.
 * @throws UsageError naming the option and the parameters.
 */
export function checkVector(option: string, v: Float64Array, names: readonly string[]): void {
  if (v.length !== names.length)
    throw new UsageError(`${option} has ${v.length} entries, expected ${names.length} (one per parameter: ${names.join(", ")})`);
}

/** Runs `fn`, turning a RangeError from the library into a UsageError prefixed by `context`. */
export function usage<T>(context: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`${context}${e.message}`);
    throw e;
  }
}
