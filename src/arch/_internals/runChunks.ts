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
import { FunctionCounts } from "./functionCounts.js";
import type { WorkerReply, WorkerRequest } from "./monteCarloWorker.js";
import { type Chunk, type ChunkResult, sampleChunk } from "./sampleChunk.js";
import { describeJob } from "./samplingJob.js";

/** How to run a job. */
export interface RunOptions {
  /** Worker threads (1: in-process). */
  readonly workers: number;
  /** Count only this table's hits. */
  readonly target?: Uint32Array;
  /** Called after every chunk with samples done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The merged result: every table's hits, or the target's hits. */
export interface RunResult {
  readonly counts: FunctionCounts;
  readonly hits: number;
}

const WORKER_URL = new URL("./monteCarloWorker.js", import.meta.url);

/** Whether the compiled worker script is present (false when running TypeScript sources). */
function workerScriptExists(): boolean {
  return WORKER_URL.protocol === "file:" && existsSync(fileURLToPath(WORKER_URL));
}

/**
 * Samples `samples` parameter vectors from `prior` in chunks and merges the counts.
 * @throws RangeError for a bad sample count, seed, prior or worker count.
 */
export async function runChunks(
  arch: Architecture,
  prior: Prior,
  samples: number,
  seed: number,
  options: RunOptions,
): Promise<RunResult> {
  checkSampling(samples, seed);
  checkPrior(prior, arch.parameters.length);
  if (!Number.isSafeInteger(options.workers) || options.workers < 1)
    throw new RangeError(`workers must be a positive integer, got ${options.workers}`);
  const scales = samplingScales(prior);
  const result = { counts: new FunctionCounts(arch.tableWords), hits: 0 };
  let done = 0;
  const absorb = (r: ChunkResult, count: number) => {
    if ("counts" in r) result.counts.merge(r.counts);
    else result.hits += r.hits;
    done += count;
    options.onProgress?.(done, samples);
  };
  const workers = Math.min(options.workers, chunkCount(samples));
  if (workers < 2 || !workerScriptExists()) {
    for (const chunk of chunkPlan(seed, samples))
      absorb(sampleChunk(arch, prior.family, scales, chunk, options.target), chunk.count);
  } else {
    await runOnWorkers(workers, chunkPlan(seed, samples), describeJob(arch, prior, options.target), absorb);
  }
  return result;
}

/** Hands chunks to `count` workers, one at a time each, until the plan is exhausted. */
async function runOnWorkers(
  count: number,
  plan: Iterator<Chunk>,
  job: WorkerRequest["job"],
  absorb: (r: ChunkResult, count: number) => void,
): Promise<void> {
  const pool = Array.from({ length: count }, () => new Worker(WORKER_URL));
  let next = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const sizes = new Map<number, number>();
            const feed = () => {
              const step = plan.next();
              if (step.done) {
                resolve();
                return;
              }
              const index = next++;
              sizes.set(index, step.value.count);
              worker.postMessage({ job, index, chunk: step.value } satisfies WorkerRequest);
            };
            worker.on("message", (reply: WorkerReply) => {
              if ("error" in reply) {
                reject(new Error(`Monte Carlo worker failed on chunk ${reply.index}: ${reply.error}`));
                return;
              }
              absorb(reply.result, sizes.get(reply.index) ?? 0);
              sizes.delete(reply.index);
              feed();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (code !== 0) reject(new Error(`Monte Carlo worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
