/**
 * How a Monte Carlo run is cut into chunks: fixed chunks of CHUNK samples, chunk c drawing from
 * the seed's xoroshiro128+ stream jumped c times (2^64 draws apart, far more than a chunk uses).
 * The plan depends only on (seed, samples), never on how many threads run it, so results are
 * identical for any worker count.
 */
import { randomStream } from "../../measure/randomStream.js";
import type { Chunk } from "./sampleChunk.js";

/** Samples per chunk (the unit of work handed to a worker). */
export const CHUNK = 2 ** 20;

/** The number of chunks of a run. */
export function chunkCount(samples: number): number {
  return Math.ceil(samples / CHUNK);
}

/** Chunks `start` (inclusive) to `end` (exclusive) of a run, counted from 0. */
export interface ChunkRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The chunks of a run (or of `range`), in order, computed lazily (a run of 1e12 samples has about a
 * million).
 * @throws RangeError if the range is not within the run's chunks.
 */
export function* chunkPlan(seed: number, samples: number, range?: ChunkRange): Generator<Chunk> {
  const count = chunkCount(samples);
  const { start, end } = range ?? { start: 0, end: count };
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end || end > count)
    throw new RangeError(`chunk range ${start}…${end} is not within the run's ${count} chunks`);
  const rng = randomStream(seed);
  for (let c = 0; c < start; c++) rng.jump();
  for (let c = start; c < end; c++) {
    yield { state: rng.getState(), count: Math.min(CHUNK, samples - c * CHUNK) };
    rng.jump();
  }
}
