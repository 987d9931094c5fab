/**
 * One chunk of Monte Carlo work: draw `count` parameter vectors from a prior with the chunk's own
 * stream, run the forward pass in batches, and count the tables (or the hits of one target). The
 * same function runs in-process and in a worker, which is what keeps results independent of the
 * number of workers.
 */
import type { PriorFamily } from "../../measure/prior.js";
import { randomStreamFromState } from "../../measure/randomStream.js";
import type { Architecture } from "../architecture.js";
import { FunctionCounts, type PackedCounts } from "./functionCounts.js";

/** Parameter vectors per forward batch. */
const BATCH = 4096;

/** One chunk: the stream state it starts from and its sample count. */
export interface Chunk {
  readonly state: readonly number[];
  readonly count: number;
}

/** What a chunk produced: every table's count, or the hits of the target. */
export type ChunkResult = { readonly counts: PackedCounts } | { readonly hits: number };

/**
 * Samples one chunk. With `target` (tableWords words) only its hits are counted.
 * @throws RangeError if the target has the wrong width or a buffer is too short.
 */
export function sampleChunk(
  arch: Architecture,
  family: PriorFamily,
  scales: Float64Array,
  chunk: Chunk,
  target?: Uint32Array,
): ChunkResult {
  const words = arch.tableWords;
  if (target && target.length !== words) throw new RangeError(`target has ${target.length} words, the network ${words}`);
  const d = scales.length;
  const rng = randomStreamFromState(chunk.state);
  const theta = new Float64Array(BATCH * d);
  const tables = new Uint32Array(BATCH * words);
  const counts = target ? undefined : new FunctionCounts(words);
  let hits = 0;
  for (let done = 0; done < chunk.count; ) {
    const count = Math.min(BATCH, chunk.count - done);
    family.sample(scales, count, rng, theta);
    arch.forward(theta, count, tables);
    if (counts) counts.addTables(tables, count);
    else if (target) {
      for (let s = 0; s < count; s++) {
        let same = true;
        for (let j = 0; j < words && same; j++) same = tables[s * words + j] === target[j];
        if (same) hits++;
      }
    }
    done += count;
  }
  return counts ? { counts: counts.pack() } : { hits };
}
