/**
 * A worker thread of the table runners. Monte Carlo: samples the chunks it is sent into one tally
 * and sends the tally when flushed (a job is rebuilt through the registries once, at its first
 * chunk). Exact tables: measures the class cones it is sent under the priors, one reply per class.
 */
import { parentPort } from "node:worker_threads";
import { parse } from "../../geometry/rational.js";
import type { Prior } from "../../measure/prior.js";
import { priorFamily } from "../../measure/priorFamilies.js";
import type { ClassMeasures } from "../architecture.js";
import { measureClass } from "../classMeasures.js";
import { buildJob, type BuiltJob, jobKey, type SamplingJob } from "./samplingJob.js";
import { type Chunk, type PackedTally, sampleChunk, Tally, tableRows } from "./sampleChunk.js";

/** A prior in plain data: its family's kind and its exact scales as `p/q` strings. */
export interface PriorData {
  readonly kind: string;
  readonly scales: readonly string[];
}

/**
 * A request: sample chunk `index` of `job` into the worker's tally, send the tally (`flush`), or
 * measure class `index`'s cone under the priors.
 */
export type WorkerRequest =
  | { readonly kind: "chunk"; readonly job: SamplingJob; readonly index: number; readonly chunk: Chunk }
  | { readonly kind: "flush" }
  | { readonly kind: "measure"; readonly priors: readonly PriorData[]; readonly index: number; readonly rows: readonly (readonly bigint[])[] };

/** A reply: a chunk is done, the flushed tally, a class's measures, or the error a request threw. */
export type WorkerReply =
  | { readonly kind: "done"; readonly index: number }
  | { readonly kind: "tally"; readonly tally: PackedTally }
  | { readonly kind: "measured"; readonly index: number; readonly measures: ClassMeasures }
  | { readonly kind: "error"; readonly error: string };

let current: { key: string; built: BuiltJob; tally: Tally } | undefined;
let priors: { key: string; priors: Prior[] } | undefined;

function sample(request: Extract<WorkerRequest, { kind: "chunk" }>): void {
  const key = jobKey(request.job);
  if (current?.key !== key) {
    const built = buildJob(request.job);
    current = { key, built, tally: new Tally(built.arch.tableWords, built.counting, tableRows(built.arch)) };
  }
  const { arch, family, scales } = current.built;
  sampleChunk(arch, family, scales, request.chunk, current.tally);
  parentPort?.postMessage({ kind: "done", index: request.index } satisfies WorkerReply);
}

function measure(request: Extract<WorkerRequest, { kind: "measure" }>): void {
  const key = JSON.stringify(request.priors);
  if (priors?.key !== key)
    priors = { key, priors: request.priors.map((p) => ({ family: priorFamily(p.kind), scales: p.scales.map(parse) })) };
  const measures = measureClass(priors.priors, request.rows);
  parentPort?.postMessage({ kind: "measured", index: request.index, measures } satisfies WorkerReply);
}

function handle(request: WorkerRequest): void {
  if (request.kind === "measure") return measure(request);
  if (request.kind === "chunk") return sample(request);
  const tally = current?.tally.pack() ?? { hits: 0 };
  current = undefined;
  const transfer = tally.counts
    ? [tally.counts.keys.buffer as ArrayBuffer, tally.counts.hits.buffer as ArrayBuffer]
    : tally.listed
      ? [tally.listed.hits.buffer as ArrayBuffer]
      : [];
  parentPort?.postMessage({ kind: "tally", tally } satisfies WorkerReply, transfer);
}

parentPort?.on("message", (request: WorkerRequest) => {
  try {
    handle(request);
  } catch (e) {
    parentPort?.postMessage({ kind: "error", error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
  }
});
