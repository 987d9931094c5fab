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
const BATCH = 512;

/** Rows of the architecture's truth tables (bits used of its table words). */
export function tableRows(arch: Pick<Architecture, "tableWords" | "inputs">): number {
  return Math.min(32 * arch.tableWords, 2 ** arch.inputs);
}

/** One chunk: the stream state it starts from and its sample count. */
export interface Chunk {
  readonly state: readonly number[];
  readonly count: number;
}

/**
 * What chunks produced, added up: every table's count, or the hits of the target. One tally
 * collects many chunks (a run in-process, or all of one worker's chunks), so the histogram is
 * built once rather than per chunk and merged.
 */
export class Tally {
  /** Every table's count (absent when counting a target). */
  readonly counts?: FunctionCounts;
  /** Hits of the target (0 without one). */
  hits = 0;

  /** A tally of tables of `words` words with `keyBits` rows at most (see FunctionCounts), or of the hits of `target` only. */
  constructor(
    words: number,
    readonly target?: Uint32Array,
    keyBits = 32 * words,
  ) {
    if (target && target.length !== words) throw new RangeError(`target has ${target.length} words, the network ${words}`);
    if (!target) this.counts = new FunctionCounts(words, keyBits);
  }

  /** Counts a batch of `count` tables. */
  add(tables: Uint32Array, count: number): void {
    if (this.counts) {
      this.counts.addTables(tables, count);
      return;
    }
    const target = this.target as Uint32Array;
    const words = target.length;
    for (let s = 0; s < count; s++) {
      let same = true;
      for (let j = 0; j < words && same; j++) same = tables[s * words + j] === target[j];
      if (same) this.hits++;
    }
  }

  /** The tally in transferable form. */
  pack(): PackedTally {
    return { hits: this.hits, ...(this.counts ? { counts: this.counts.pack() } : {}) };
  }

  /** Adds another tally's packed form. */
  merge(other: PackedTally): void {
    this.hits += other.hits;
    if (other.counts) this.counts?.merge(other.counts);
  }
}

/** A tally as posted between threads. */
export interface PackedTally {
  readonly hits: number;
  readonly counts?: PackedCounts;
}

/**
 * Samples one chunk into `tally`.
 * @throws RangeError if a buffer is too short.
 */
export function sampleChunk(arch: Architecture, family: PriorFamily, scales: Float64Array, chunk: Chunk, tally: Tally): void {
  const d = scales.length;
  const rng = randomStreamFromState(chunk.state);
  const theta = new Float64Array(BATCH * d);
  const tables = new Uint32Array(BATCH * arch.tableWords);
  for (let done = 0; done < chunk.count; ) {
    const count = Math.min(BATCH, chunk.count - done);
    family.sample(scales, count, rng, theta);
    arch.forward(theta, count, tables);
    tally.add(tables, count);
    done += count;
  }
}
