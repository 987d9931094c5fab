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

/** The chunks of a run, in order, computed lazily (a run of 1e12 samples has about a million). */
export function* chunkPlan(seed: number, samples: number): Generator<Chunk> {
  const rng = randomStream(seed);
  for (let start = 0; start < samples; start += CHUNK) {
    yield { state: rng.getState(), count: Math.min(CHUNK, samples - start) };
    rng.jump();
  }
}
