/**
 * A worker thread of the Monte Carlo runner: receives (job, chunk) messages, answers each with
 * the chunk's result. Jobs are rebuilt through the registries once and cached.
 */
import { parentPort } from "node:worker_threads";
import { buildJob, type BuiltJob, type SamplingJob } from "./samplingJob.js";
import { type Chunk, type ChunkResult, sampleChunk } from "./sampleChunk.js";

/** A request: chunk `index` of `job`. */
export interface WorkerRequest {
  readonly job: SamplingJob;
  readonly index: number;
  readonly chunk: Chunk;
}

/** A reply: the chunk's result, or the error it threw. */
export type WorkerReply = { readonly index: number; readonly result: ChunkResult } | { readonly index: number; readonly error: string };

let cached: { key: string; built: BuiltJob } | undefined;

parentPort?.on("message", (request: WorkerRequest) => {
  try {
    const key = JSON.stringify(request.job);
    if (cached?.key !== key) cached = { key, built: buildJob(request.job) };
    const { arch, family, scales, target } = cached.built;
    const result = sampleChunk(arch, family, scales, request.chunk, target);
    const transfer = "counts" in result ? [result.counts.keys.buffer as ArrayBuffer, result.counts.hits.buffer as ArrayBuffer] : [];
    parentPort?.postMessage({ index: request.index, result } satisfies WorkerReply, transfer);
  } catch (e) {
    parentPort?.postMessage({ index: request.index, error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
  }
});
