/**
 * `--method rao-blackwell|qmc` for ReLU nets in `table` and `volume`: which networks take them, and
 * their rows (every function with a positive estimate under some prior).
 */
import type { Architecture, TableRow } from "../arch/architecture.js";
import type { LayeredArchitecture } from "../arch/layered/layeredArchitecture.js";
import { MAX_RAO_BLACKWELL_WIDTH } from "../arch/layered/reluOutputMeasure.js";
import { type ReluEstimate, type ReluEstimator, reluEstimateTable } from "../arch/layered/reluRaoBlackwell.js";
import { functionName } from "../boolean/names.js";
import { formatFunction } from "../boolean/truthTable.js";
import type { Prior } from "../measure/prior.js";
import { MAX_SOBOL_DIMENSION } from "../measure/sobol.js";
import { architectureFlags } from "./archOptions.js";
import { rejectGiven } from "./givenOptions.js";
import { UsageError } from "./usageError.js";

/** The variance-reduced estimators, as --method values. */
export const RELU_ESTIMATORS: readonly ReluEstimator[] = ["rao-blackwell", "qmc"];

/** Largest n of the estimators' tables (they list all 2^(2^n) functions). */
const MAX_ESTIMATOR_INPUTS = 4;

/**
 * The estimator used when --method is not given: `qmc`, the Rao-Blackwell integrand on scrambled
 * Sobol' points. Plain `rao-blackwell` (i.i.d. hidden weights) would need ~2^25 samples (≈ 4 min on
 * one core) for a relative standard error of 1e-3 on XOR of 2-2-1; the same integrand on 2^22
 * quasi-random points reaches it in under half a minute (bench/README.md), because it is continuous
 * in the hidden weights.
 */
export const DEFAULT_RELU_ESTIMATOR: ReluEstimator = "qmc";

/**
 * Default hidden-weight samples per prior, by inputs n (index n): sized for about half a minute per
 * prior on one core. n = 2: 2^22 = 16 scrambles × 2^18 points, which meets the issue's target (every
 * function of 2-2-1 with relative standard error ≤ 1e-3, both priors); a sample at n = 3 (n = 4)
 * measures 128 (32,768) cones and costs ~15× (~4000×) more.
 */
const DEFAULT_RELU_SAMPLES = [1 << 22, 1 << 22, 1 << 22, 1 << 19, 1 << 10];

/** What --samples counts for the estimators, and its defaults (for --help). */
export const RELU_SAMPLES_HELP = `hidden-weight samples; default ${DEFAULT_RELU_SAMPLES.slice(2)
  .map((k, i) => `2^${Math.log2(k)} at ${i + 2} inputs`)
  .join(", ")}`;

/** The default --samples of the estimators for `arch` (see DEFAULT_RELU_SAMPLES). */
export function defaultReluSamples(arch: Architecture): number {
  return DEFAULT_RELU_SAMPLES[Math.min(arch.inputs, DEFAULT_RELU_SAMPLES.length - 1)];
}

/** Whether the network takes the estimators: ReLU, one or two hidden layers, the last of at most 2 units, n ≤ 4. */
export function takesReluEstimators(arch: Architecture): boolean {
  const layers = arch.description.layers;
  return (
    arch.type === "relu" &&
    Array.isArray(layers) &&
    (layers.length === 3 || layers.length === 4) &&
    Number(layers[layers.length - 2]) <= MAX_RAO_BLACKWELL_WIDTH &&
    arch.inputs <= MAX_ESTIMATOR_INPUTS
  );
}

/** Hidden parameters of the network (every layer but the output): the dimension qmc's points need. */
function hiddenParameterCount(arch: Architecture): number {
  const layers = arch.description.layers as readonly number[];
  return arch.parameters.length - layers[layers.length - 2] - 1;
}

/**
 * Checks that `method` applies to the network.
 * @throws UsageError naming the networks it applies to.
 */
export function checkReluEstimator(arch: Architecture, method: string): void {
  if (!takesReluEstimators(arch))
    throw new UsageError(
      `--method ${method} applies to --arch relu with at most ${MAX_RAO_BLACKWELL_WIDTH} units in the last hidden layer and at most ${MAX_ESTIMATOR_INPUTS} inputs (the output cone's measure is in closed form there), not ${architectureFlags(arch)}; the method that can: mc`,
    );
  const dims = hiddenParameterCount(arch);
  if (method === "qmc" && dims > MAX_SOBOL_DIMENSION)
    throw new UsageError(
      `--method qmc needs one Sobol' dimension per hidden parameter, at most ${MAX_SOBOL_DIMENSION}; ${architectureFlags(arch)} has ${dims}; the methods that can: rao-blackwell, mc`,
    );
}

/**
 * Settles --method and --samples for a command that takes the ReLU estimators: when --method is not
 * given and `sampled` (the network has no exact method), the default estimator where it applies
 * (`rao-blackwell` where qmc would need more Sobol' dimensions than there are), else `mc`; for an estimator, checks that it applies, defaults --samples and rejects --workers,
 * --shard and --resume (it runs in-process).
 * Returns the estimator, or undefined for exact and mc.
 * @throws UsageError if the estimator does not apply or --workers, --shard or --resume is given with it.
 */
export function settleReluMethod(
  arch: Architecture,
  opts: { method: string; samples: number },
  given: ReadonlySet<string>,
  sampled: boolean,
): ReluEstimator | undefined {
  if (!given.has("method") && sampled)
    opts.method = !takesReluEstimators(arch) ? "mc" : hiddenParameterCount(arch) <= MAX_SOBOL_DIMENSION ? DEFAULT_RELU_ESTIMATOR : "rao-blackwell";
  const estimator = RELU_ESTIMATORS.find((m) => m === opts.method);
  if (estimator === undefined) return undefined;
  checkReluEstimator(arch, estimator);
  if (!given.has("samples")) opts.samples = defaultReluSamples(arch);
  rejectGiven(given, ["workers", "shard", "resume"], `--method ${estimator} runs in-process`);
  return estimator;
}

/** Estimates of every function under each prior, by kind, in function-index order. */
export function reluEstimates(
  arch: Architecture,
  priors: readonly Prior[],
  method: ReluEstimator,
  samples: number,
  seed: number,
  onProgress?: (label: string, done: number, total: number) => void,
): Record<string, readonly ReluEstimate[]> {
  const spec = (arch as LayeredArchitecture).spec;
  const out: Record<string, readonly ReluEstimate[]> = {};
  for (const prior of priors) {
    const kind = prior.family.kind;
    try {
      out[kind] = reluEstimateTable(spec, prior, {
        method,
        samples,
        seed,
        onProgress: (d, t) => onProgress?.(`${method} (${kind})`, d, t),
      }).estimates;
    } catch (e) {
      if (e instanceof RangeError) throw new UsageError(`--method ${method}: ${e.message}`);
      throw e;
    }
  }
  return out;
}

/** Table rows: every function with a positive estimate under some prior (realisable, then), in truth-table order. */
export function reluEstimateRows(arch: Architecture, estimates: Record<string, readonly ReluEstimate[]>): TableRow[] {
  const kinds = Object.keys(estimates);
  const count = kinds.length === 0 ? 0 : estimates[kinds[0]].length;
  const rows: { key: string; row: TableRow }[] = [];
  for (let f = 0; f < count; f++) {
    if (!kinds.some((k) => estimates[k][f].p > 0)) continue;
    const fn = { n: arch.inputs, bits: BigInt(f) };
    const name = functionName(fn);
    const row: Record<string, unknown> = { function: formatFunction(fn), ...(name === undefined ? {} : { name }), realizable: true };
    for (const k of kinds) row[k] = estimates[k][f];
    rows.push({ key: row.function as string, row: row as unknown as TableRow });
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.map((r) => r.row);
}
