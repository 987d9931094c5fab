/**
 * P(f) for every function a network computes, from the best method the network has: its exact
 * table (perceptron, step nets), Rao-Blackwellised or quasi-Monte Carlo estimates (one-hidden-layer
 * ReLU nets of width ≤ 2 and n ≤ 4), else a Monte Carlo histogram of prior samples. The Bayesian
 * posterior over functions is this prior restricted to the training set.
 */
import type { Architecture } from "../../arch/architecture.js";
import type { LayeredArchitecture } from "../../arch/layered/layeredArchitecture.js";
import { MAX_RAO_BLACKWELL_WIDTH } from "../../arch/layered/reluOutputMeasure.js";
import { reluEstimateTable } from "../../arch/layered/reluRaoBlackwell.js";
import { sampleFunctions } from "../../arch/monteCarloTable.js";
import { wordsToBigInt } from "../../boolean/tableWords.js";
import { parseFunction } from "../../boolean/truthTable.js";
import { monteCarloEstimate } from "../../measure/monteCarlo.js";
import type { ConeMeasure, Prior } from "../../measure/prior.js";
import { forEachFunction, functionPopulation } from "../functionPopulation.js";

/** How P(f) was obtained. */
export type PriorMethod = "exact" | "rao-blackwell" | "qmc" | "mc";
/** The methods, as option values. */
export const PRIOR_METHODS: readonly PriorMethod[] = ["exact", "rao-blackwell", "qmc", "mc"];

/** Largest n of the perceptron's exact table used here (n = 6 has 15 million functions to expand). */
export const MAX_EXACT_PERCEPTRON_INPUTS = 5;
/** Largest n of the Rao-Blackwell / qmc tables (they list all 2^(2^n) functions). */
const MAX_ESTIMATOR_INPUTS = 4;

/** P(f) of every function with P(f) > 0 (exact, estimators) or seen (mc), keyed by its bits. */
export interface PriorSource {
  readonly method: PriorMethod;
  /** The prior's kind, e.g. `gaussian`. */
  readonly kind: string;
  /** Function bits → its measure (uniform exact: with `fraction`; Gaussian: with `err`; estimators: `err`, `ci`; mc: `hits`). */
  readonly measures: ReadonlyMap<bigint, ConeMeasure & Readonly<Record<string, unknown>>>;
  /** Samples and seed of a sampled method. */
  readonly samples?: number;
  readonly seed?: number;
}

/** Options of {@link priorSource}. */
export interface PriorSourceOptions {
  /** Method; default the best the network has (see {@link bestPriorMethod}). */
  readonly method?: PriorMethod;
  /** Samples of a sampled method (rao-blackwell, qmc: hidden-weight draws; mc: networks). */
  readonly samples: number;
  readonly seed: number;
  readonly onProgress?: (label: string, done: number, total: number) => void;
}

/** Whether the network has an exact table the prior's exact method reaches. */
function hasExact(arch: Architecture, prior: Prior): boolean {
  if (!arch.exactTable) return false;
  if (arch.type === "perceptron" && arch.inputs > MAX_EXACT_PERCEPTRON_INPUTS) return false;
  return (arch.exactConeDimension ?? arch.parameters.length) <= prior.family.maxExactDimension;
}

/** Whether the ReLU estimators take the network: one hidden layer of width ≤ 2, n ≤ 4. */
function takesEstimators(arch: Architecture): boolean {
  const layers = arch.description.layers;
  return (
    arch.type === "relu" && Array.isArray(layers) && layers.length === 3 && Number(layers[1]) <= MAX_RAO_BLACKWELL_WIDTH && arch.inputs <= MAX_ESTIMATOR_INPUTS
  );
}

/** The methods that apply to the network, best first (mc always applies). */
export function priorMethods(arch: Architecture, prior: Prior): PriorMethod[] {
  return [...(hasExact(arch, prior) ? (["exact"] as const) : []), ...(takesEstimators(arch) ? (["rao-blackwell", "qmc"] as const) : []), "mc"];
}

/** The best method that applies: exact, else rao-blackwell, else mc. */
export function bestPriorMethod(arch: Architecture, prior: Prior): PriorMethod {
  return priorMethods(arch, prior)[0];
}

/**
 * P(f) of every function of `arch` under `prior`.
 * @throws RangeError when the method does not apply to the network (naming those that do) or its
 *   table cannot be built.
 */
export async function priorSource(arch: Architecture, prior: Prior, options: PriorSourceOptions): Promise<PriorSource> {
  const method = options.method ?? bestPriorMethod(arch, prior);
  const allowed = priorMethods(arch, prior);
  if (!allowed.includes(method)) throw new RangeError(`P(f) by '${method}' does not apply to this ${arch.type} net; allowed: ${allowed.join(", ")}`);
  const kind = prior.family.kind;
  const measures = new Map<bigint, ConeMeasure & Record<string, unknown>>();
  const progress = (label: string) => (d: number, t: number) => options.onProgress?.(label, d, t);
  if (method === "exact") {
    if (arch.type === "perceptron") {
      const pop = functionPopulation(arch, [prior], options.onProgress);
      forEachFunction(arch, pop, (f, c) => measures.set(f.bits, pop.classes[c].measures[kind] as ConeMeasure & Record<string, unknown>));
    } else {
      arch.exactTable!({ priors: [prior], all: false, classes: "none", ...(options.onProgress ? { onProgress: options.onProgress } : {}) }).forEachRow((row) => {
        if (!row.realizable) return;
        const r = row as unknown as Record<string, unknown>;
        measures.set(parseFunction(row.function, arch.inputs).bits, r[kind] as ConeMeasure & Record<string, unknown>);
      });
    }
    return { method, kind, measures };
  }
  if (method === "rao-blackwell" || method === "qmc") {
    const table = reluEstimateTable((arch as LayeredArchitecture).spec, prior, {
      method,
      samples: options.samples,
      seed: options.seed,
      onProgress: progress(method),
    });
    table.estimates.forEach((e, f) => {
      if (e.p > 0) measures.set(BigInt(f), e as unknown as ConeMeasure & Record<string, unknown>);
    });
    return { method, kind, measures, samples: options.samples, seed: options.seed };
  }
  const histogram = await sampleFunctions(arch, prior, options.samples, options.seed, progress("mc"));
  histogram.forEach((table, hits) => measures.set(wordsToBigInt(table), { ...monteCarloEstimate(hits, options.samples, options.seed) }));
  return { method, kind, measures, samples: options.samples, seed: options.seed };
}

