/**
 * A worker thread of the Monte Carlo runner: samples the chunks it is sent into one tally and sends
 * the tally when flushed. A job is rebuilt through the registries once, at its first chunk.
 */
import { parentPort } from "node:worker_threads";
import { buildJob, type BuiltJob, type SamplingJob } from "./samplingJob.js";
import { type Chunk, type PackedTally, sampleChunk, Tally, tableRows } from "./sampleChunk.js";

/** A request: sample chunk `index` of `job` into the worker's tally, or (`flush`) send the tally. */
export type WorkerRequest =
  | { readonly kind: "chunk"; readonly job: SamplingJob; readonly index: number; readonly chunk: Chunk }
  | { readonly kind: "flush" };

/** A reply: a chunk is done, the flushed tally, or the error a request threw. */
export type WorkerReply =
  | { readonly kind: "done"; readonly index: number }
  | { readonly kind: "tally"; readonly tally: PackedTally }
  | { readonly kind: "error"; readonly error: string };

let current: { key: string; built: BuiltJob; tally: Tally } | undefined;

function handle(request: WorkerRequest): void {
  if (request.kind === "flush") {
    const tally = current?.tally.pack() ?? { hits: 0 };
    current = undefined;
    const transfer = tally.counts ? [tally.counts.keys.buffer as ArrayBuffer, tally.counts.hits.buffer as ArrayBuffer] : [];
    parentPort?.postMessage({ kind: "tally", tally } satisfies WorkerReply, transfer);
    return;
  }
  const key = JSON.stringify(request.job);
  if (current?.key !== key) {
    const built = buildJob(request.job);
    current = { key, built, tally: new Tally(built.arch.tableWords, built.target, tableRows(built.arch)) };
  }
  const { arch, family, scales } = current.built;
  sampleChunk(arch, family, scales, request.chunk, current.tally);
  parentPort?.postMessage({ kind: "done", index: request.index } satisfies WorkerReply);
}

parentPort?.on("message", (request: WorkerRequest) => {
  try {
    handle(request);
  } catch (e) {
    parentPort?.postMessage({ kind: "error", error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
  }
});
