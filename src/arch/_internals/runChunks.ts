/**
 * Runs a Monte Carlo job's chunks in-process or on worker threads and merges their results by
 * summing counts. Sums of integer counts do not depend on the order chunks finish in, and each
 * chunk's stream depends only on (seed, chunk index), so the result is the same for any number of
 * workers, including one (which runs in-process).
 *
 * The worker script is the compiled `monteCarloWorker.js` next to this module. When it does not
 * exist — under vitest, which runs the TypeScript sources — chunks run in-process; the built CLI
 * (and its tests) exercise the threads.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Architecture } from "../architecture.js";
import { checkSampling, samplingScales } from "../../measure/monteCarlo.js";
import { checkPrior, type Prior } from "../../measure/prior.js";
import { chunkCount, chunkPlan } from "./chunkPlan.js";
import type { WorkerReply, WorkerRequest } from "./monteCarloWorker.js";
import { type Chunk, type PackedTally, sampleChunk, Tally, tableRows } from "./sampleChunk.js";
import { describeJob, type SamplingJob } from "./samplingJob.js";

/** How to run a job. */
export interface RunOptions {
  /** Worker threads (1: in-process). */
  readonly workers: number;
  /** Count only this table's hits. */
  readonly target?: Uint32Array;
  /** Called after every chunk with samples done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

const WORKER_URL = new URL("./monteCarloWorker.js", import.meta.url);

/** Whether the compiled worker script is present (false when running TypeScript sources). */
function workerScriptExists(): boolean {
  return WORKER_URL.protocol === "file:" && existsSync(fileURLToPath(WORKER_URL));
}

/**
 * Samples `samples` parameter vectors from `prior` in chunks and returns the merged tally.
 * @throws RangeError for a bad sample count, seed, prior or worker count.
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
  const scales = samplingScales(prior, arch.scaleInvariant !== false);
  const tally = new Tally(arch.tableWords, options.target, tableRows(arch));
  let done = 0;
  const progress = (count: number) => {
    done += count;
    options.onProgress?.(done, samples);
  };
  const workers = Math.min(options.workers, chunkCount(samples));
  if (workers < 2 || !workerScriptExists()) {
    for (const chunk of chunkPlan(seed, samples)) {
      sampleChunk(arch, prior.family, scales, chunk, tally);
      progress(chunk.count);
    }
  } else {
    const job = describeJob(arch, prior, options.target);
    for (const part of await runOnWorkers(workers, chunkPlan(seed, samples), job, progress)) tally.merge(part);
  }
  return tally;
}

/**
 * Hands chunks to `count` workers, one at a time each, until the plan is exhausted; then collects
 * each worker's tally.
 */
async function runOnWorkers(
  count: number,
  plan: Iterator<Chunk>,
  job: SamplingJob,
  progress: (count: number) => void,
): Promise<PackedTally[]> {
  const pool = Array.from({ length: count }, () => new Worker(WORKER_URL));
  let next = 0;
  try {
    return await Promise.all(
      pool.map(
        (worker) =>
          new Promise<PackedTally>((resolve, reject) => {
            let size = 0;
            const feed = () => {
              const step = plan.next();
              if (step.done) {
                worker.postMessage({ kind: "flush" } satisfies WorkerRequest);
                return;
              }
              size = step.value.count;
              worker.postMessage({ kind: "chunk", job, index: next++, chunk: step.value } satisfies WorkerRequest);
            };
            worker.on("message", (reply: WorkerReply) => {
              if (reply.kind === "error") reject(new Error(`Monte Carlo worker failed: ${reply.error}`));
              else if (reply.kind === "tally") resolve(reply.tally);
              else {
                progress(size);
                feed();
              }
            });
            worker.on("error", reject);
            worker.on("exit", (code) => reject(new Error(`Monte Carlo worker exited early (code ${code})`)));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
