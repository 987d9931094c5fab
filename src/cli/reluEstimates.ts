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
import { architectureFlags } from "./archOptions.js";
import { UsageError } from "./usageError.js";

/** The variance-reduced estimators, as --method values. */
export const RELU_ESTIMATORS: readonly ReluEstimator[] = ["rao-blackwell", "qmc"];

/** Largest n of the estimators' tables (they list all 2^(2^n) functions). */
const MAX_ESTIMATOR_INPUTS = 4;

/** Whether the network takes the estimators: ReLU, one hidden layer of at most 2 units, n ≤ 4. */
export function takesReluEstimators(arch: Architecture): boolean {
  const layers = arch.description.layers;
  return (
    arch.type === "relu" &&
    Array.isArray(layers) &&
    layers.length === 3 &&
    Number(layers[1]) <= MAX_RAO_BLACKWELL_WIDTH &&
    arch.inputs <= MAX_ESTIMATOR_INPUTS
  );
}

/**
 * Checks that `method` applies to the network.
 * @throws UsageError naming the networks it applies to.
 */
export function checkReluEstimator(arch: Architecture, method: string): void {
  if (!takesReluEstimators(arch))
    throw new UsageError(
      `--method ${method} applies to --arch relu with one hidden layer of at most ${MAX_RAO_BLACKWELL_WIDTH} units and at most ${MAX_ESTIMATOR_INPUTS} inputs (the output cone's measure is in closed form there), not ${architectureFlags(arch)}; the method that can: mc`,
    );
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
