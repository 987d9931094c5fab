/**
 * Measures chosen classes of an exact table under its priors on worker threads (the table worker
 * pool that also runs Monte Carlo chunks). A class's measures depend only on its cone and the
 * priors, so they are the same bytes on any thread, in any order.
 */
import { toFraction } from "../geometry/rational.js";
import type { Prior } from "../measure/prior.js";
import type { ClassMeasures, TableClass } from "./architecture.js";
import { measureClass } from "./classMeasures.js";
import type { PriorData, WorkerRequest } from "./_internals/tableWorker.js";
import { runOnWorkers, workersAvailable } from "./_internals/workerPool.js";

/** How to measure. */
export interface MeasureClassesOptions {
  /** Worker threads (1: in-process). */
  readonly workers: number;
  /** Called as each class is measured, in completion order; may throw to stop (the threads are ended). */
  readonly onMeasured?: (classIndex: number, measures: ClassMeasures) => void;
  /** Called after every class with the classes done and the number asked for. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Measures classes `indices` of `classes` under every prior, on `options.workers` threads (in-process
 * for 1, or where the compiled worker script is absent, as under vitest).
 * @returns the measures by class index (undefined for classes not asked for).
 * @throws RangeError for a bad worker count or class index; what `onMeasured` throws.
 */
export async function measureClasses(
  priors: readonly Prior[],
  classes: readonly TableClass[],
  indices: readonly number[],
  options: MeasureClassesOptions,
): Promise<(ClassMeasures | undefined)[]> {
  if (!Number.isSafeInteger(options.workers) || options.workers < 1)
    throw new RangeError(`workers must be a positive integer, got ${options.workers}`);
  const bad = indices.find((k) => !Number.isSafeInteger(k) || k < 0 || k >= classes.length);
  if (bad !== undefined) throw new RangeError(`class index ${bad} is not in 0 … ${classes.length - 1}`);
  const out: (ClassMeasures | undefined)[] = new Array(classes.length);
  let done = 0;
  const record = (k: number, m: ClassMeasures) => {
    out[k] = m;
    options.onMeasured?.(k, m);
    options.onProgress?.(++done, indices.length);
  };
  const workers = Math.min(options.workers, indices.length);
  if (workers < 2 || !workersAvailable()) {
    for (const k of indices) record(k, measureClass(priors, classes[k].rows));
    return out;
  }
  const data: PriorData[] = priors.map((p) => ({ kind: p.family.kind, scales: p.scales.map(toFraction) }));
  let next = 0;
  await runOnWorkers(workers, {
    next: () => {
      if (next >= indices.length) return undefined;
      const k = indices[next++];
      return { kind: "measure", priors: data, index: k, rows: classes[k].rows } satisfies WorkerRequest;
    },
    done: (reply) => {
      if (reply.kind === "measured") record(reply.index, reply.measures);
    },
  });
  return out;
}
