/**
 * One chunk of Monte Carlo work: draw `count` parameter vectors from a prior with the chunk's own
 * stream, run the forward pass in batches, and count the tables (or the hits of one target, or of a
 * list of tables). The same function runs in-process and in a worker, which is what keeps results
 * independent of the number of workers.
 */
import type { PriorFamily } from "../../measure/prior.js";
import { randomStreamFromState } from "../../measure/randomStream.js";
import type { Architecture } from "../architecture.js";
import { FunctionCounts, type PackedCounts } from "./functionCounts.js";
import { ListedCounts, type ListedTables, type PackedListedCounts } from "./listedCounts.js";

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

/** What a tally counts besides every table: the hits of one target, or of a list of tables only. */
export type Counting = { readonly target: Uint32Array } | { readonly listed: ListedTables };

/**
 * What chunks produced, added up: every table's count, the hits of one target, or the hits of a
 * list of tables. One tally collects many chunks (a run in-process, or all of one worker's
 * chunks), so the histogram is built once rather than per chunk and merged.
 */
export class Tally {
  /** Every table's count (absent when counting a target or a list). */
  readonly counts?: FunctionCounts;
  /** The listed tables' counts (when counting a list). */
  readonly listed?: ListedCounts;
  /** The target (when counting one). */
  readonly target?: Uint32Array;
  /** Hits of the target (0 without one). */
  hits = 0;

  /** A tally of tables of `words` words with `keyBits` rows at most (see FunctionCounts), or of `counting`'s tables only. */
  constructor(words: number, counting?: Counting, keyBits = 32 * words) {
    if (counting && "target" in counting) {
      if (counting.target.length !== words) throw new RangeError(`target has ${counting.target.length} words, the network ${words}`);
      this.target = counting.target;
    } else if (counting) {
      if (counting.listed.words !== words) throw new RangeError(`listed tables have ${counting.listed.words} words, the network ${words}`);
      this.listed = new ListedCounts(counting.listed);
    } else this.counts = new FunctionCounts(words, keyBits);
  }

  /** Counts a batch of `count` tables. */
  add(tables: Uint32Array, count: number): void {
    if (this.counts) {
      this.counts.addTables(tables, count);
      return;
    }
    if (this.listed) {
      this.listed.addTables(tables, count);
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
    return {
      hits: this.hits,
      ...(this.counts ? { counts: this.counts.pack() } : {}),
      ...(this.listed ? { listed: this.listed.pack() } : {}),
    };
  }

  /** Adds another tally's packed form. */
  merge(other: PackedTally): void {
    this.hits += other.hits;
    if (other.counts) this.counts?.merge(other.counts);
    if (other.listed) this.listed?.merge(other.listed);
  }
}

/** A tally as posted between threads. */
export interface PackedTally {
  readonly hits: number;
  readonly counts?: PackedCounts;
  readonly listed?: PackedListedCounts;
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
