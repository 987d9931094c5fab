/**
 * Runs a Monte Carlo job's chunks in-process or on worker threads (workerPool.ts) and merges their
 * results by summing counts. Sums of integer counts do not depend on the order chunks finish in, and
 * each chunk's stream depends only on (seed, chunk index), so the result is the same for any number
 * of workers, including one (which runs in-process), and a run split into ranges of chunks sums to
 * the whole run.
 */
import type { Architecture } from "../architecture.js";
import { checkSampling, samplingScales } from "../../measure/monteCarlo.js";
import { checkPrior, type Prior } from "../../measure/prior.js";
import { type ChunkRange, chunkCount, chunkPlan } from "./chunkPlan.js";
import type { WorkerRequest } from "./tableWorker.js";
import { type Counting, type PackedTally, sampleChunk, Tally, tableRows } from "./sampleChunk.js";
import { describeJob } from "./samplingJob.js";
import { runOnWorkers, workersAvailable } from "./workerPool.js";

/** How to run a job. */
export interface RunOptions {
  /** Worker threads (1: in-process). */
  readonly workers: number;
  /** Count only one table's hits, or only a list's (default: every table). */
  readonly counting?: Counting;
  /** Only these chunks of the run (a shard); default all. */
  readonly chunks?: ChunkRange;
  /** Called after every chunk with samples done and the samples of the chunks run. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Samples `samples` parameter vectors from `prior` in chunks (or the chunks of `options.chunks`) and
 * returns the merged tally.
 * @throws RangeError for a bad sample count, seed, prior, worker count or chunk range.
 */
export async function runChunks(
  arch: Architecture,
  prior: Prior,
  samples: number,
  seed: number,
  options: RunOptions,
): Promise<Tally> {
  checkSampling(samples, seed);
  checkPrior(prior, arch.parameters.length);
  if (!Number.isSafeInteger(options.workers) || options.workers < 1)
    throw new RangeError(`workers must be a positive integer, got ${options.workers}`);
  const range = options.chunks ?? { start: 0, end: chunkCount(samples) };
  const scales = samplingScales(prior, arch.scaleInvariant !== false);
  const tally = new Tally(arch.tableWords, options.counting, tableRows(arch));
  const total = [...chunkPlan(seed, samples, range)].reduce((s, c) => s + c.count, 0);
  let done = 0;
  const progress = (count: number) => {
    done += count;
    options.onProgress?.(done, total);
  };
  const workers = Math.min(options.workers, range.end - range.start);
  if (workers < 2 || !workersAvailable()) {
    for (const chunk of chunkPlan(seed, samples, range)) {
      sampleChunk(arch, prior.family, scales, chunk, tally);
      progress(chunk.count);
    }
    return tally;
  }
  const job = describeJob(arch, prior, options.counting);
  const plan = chunkPlan(seed, samples, range);
  const sizes = new Map<number, number>();
  let next = 0;
  const replies = await runOnWorkers(workers, {
    next: () => {
      const step = plan.next();
      if (step.done) return undefined;
      sizes.set(next, step.value.count);
      return { kind: "chunk", job, index: next++, chunk: step.value } satisfies WorkerRequest;
    },
    done: (reply) => {
      if (reply.kind === "done") progress(sizes.get(reply.index) ?? 0);
    },
    finish: { kind: "flush" },
  });
  for (const reply of replies) if (reply?.kind === "tally") tally.merge(reply.tally as PackedTally);
  return tally;
}
