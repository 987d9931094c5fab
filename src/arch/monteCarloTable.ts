/**
 * The sampled table of any architecture: draw parameters from a prior, run the batched forward
 * pass, histogram the functions computed. What simplicity-bias studies do with 1e8 samples, and
 * the only table where no exact one exists.
 */
import { functionName } from "../boolean/names.js";
import { type BooleanFunction, formatWords } from "../boolean/truthTable.js";
import { truthTableOrder } from "../boolean/tableOrder.js";
import { wordsFromBigInt, wordsToBigInt } from "../boolean/tableWords.js";
import { checkSampling, type MonteCarloEstimate, monteCarloEstimate } from "../measure/monteCarlo.js";
import type { Prior } from "../measure/prior.js";
import { CHUNK, type ChunkRange, chunkCount } from "./_internals/chunkPlan.js";
import { FunctionCounts } from "./_internals/functionCounts.js";
import { runChunks } from "./_internals/runChunks.js";
import { tableRows } from "./_internals/sampleChunk.js";
import type { Architecture, TableRow } from "./architecture.js";

/** Hit counts of every function seen under one prior. */
export interface FunctionHistogram {
  /** Table (word form) → hits; keys are reused, copy them to keep them. */
  forEach(visit: (table: Uint32Array, hits: number) => void): void;
  /** Number of distinct functions seen. */
  readonly size: number;
}

/**
 * Samples `samples` parameter vectors from `prior` and counts the functions they compute. The
 * samples are drawn in fixed chunks of 2^20, chunk c from the seed's xoroshiro128+ stream jumped
 * c times, on `workers` threads (1: in-process); the counts are the same for any worker count.
 * With `chunks`, only those chunks are drawn (a shard; the shards' counts add up to the whole run's).
 * `onProgress(done, total)` after every chunk.
 * @throws RangeError for a bad sample count, seed, prior, worker count or chunk range.
 */
export async function sampleFunctions(
  arch: Architecture,
  prior: Prior,
  samples: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
  workers = 1,
  chunks?: ChunkRange,
): Promise<FunctionHistogram> {
  const { counts } = await runChunks(arch, prior, samples, seed, {
    workers,
    ...(chunks ? { chunks } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  return counts as FunctionHistogram;
}

/** The sample chunks of a run and their sizes (chunk c has `sizes[c]` samples): the units of a Monte Carlo shard. */
export function monteCarloChunks(samples: number): number[] {
  checkSampling(samples, 0);
  return Array.from({ length: chunkCount(samples) }, (_, c) => Math.min(CHUNK, samples - c * CHUNK));
}

/** An empty histogram of `arch`'s functions to add hits to (e.g. the counts of several shards). */
export function emptyHistogram(arch: Pick<Architecture, "tableWords" | "inputs">): FunctionHistogram & {
  /** Adds `hits` to `table` (word form). */
  add(table: Uint32Array, hits: number): void;
} {
  const counts = new FunctionCounts(arch.tableWords, tableRows(arch));
  return {
    add: (table, hits) => counts.add(table, 0, hits),
    forEach: (visit) => counts.forEach(visit),
    get size() {
      return counts.size;
    },
  };
}

/**
 * Monte Carlo probability that parameters drawn from `prior` compute f, with a 95% Wilson interval
 * (sampled as in `sampleFunctions`).
 * @throws RangeError for a bad sample count, seed, prior, worker count or function size.
 */
export async function monteCarloFunction(
  arch: Architecture,
  prior: Prior,
  f: BooleanFunction,
  samples: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
  workers = 1,
): Promise<MonteCarloEstimate> {
  if (f.n !== arch.inputs) throw new RangeError(`function has ${f.n} inputs, the network ${arch.inputs}`);
  const target = wordsFromBigInt(f.bits, f.n);
  const { hits } = await runChunks(arch, prior, samples, seed, { workers, target, ...(onProgress ? { onProgress } : {}) });
  return monteCarloEstimate(hits, samples, seed);
}

/** A Monte Carlo table: rows in truth-table string order and its summary fields. */
export interface MonteCarloTable {
  /**
   * Visits the rows in order, each built as it is visited: a consumer that writes them out keeps
   * none alive (at n = 5, 94,572 rows held at once cost more in garbage collection than building them).
   */
  forEachRow(visit: (row: TableRow) => void): void;
  /** Every row, in order (built on each access: prefer forEachRow for large tables). */
  readonly rows: readonly TableRow[];
  /** `samples`, `seed`, `functionsSeen` (union) and per prior kind the number seen. */
  readonly summary: Readonly<Record<string, unknown>>;
  /** Visits every function seen, in row order, with its hits under each prior (priors' order). */
  forEachCount(visit: (table: Uint32Array, hits: readonly number[]) => void): void;
}

/**
 * The Monte Carlo table of `arch` under each prior (the same seed for each), on `workers` threads
 * (1: in-process; the table is the same for any worker count). With `chunks`, the table of only
 * those chunks' samples (a shard: its counts are what `forEachCount` gives).
 * @throws RangeError for a bad sample count, seed, prior, worker count or chunk range.
 */
export async function monteCarloTable(
  arch: Architecture,
  priors: readonly Prior[],
  samples: number,
  seed: number,
  onProgress?: (label: string, done: number, total: number) => void,
  workers = 1,
  chunks?: ChunkRange,
): Promise<MonteCarloTable> {
  const union = new FunctionUnion(arch.tableWords, priors.length);
  for (const [q, prior] of priors.entries()) {
    const kind = prior.family.kind;
    const progress = (d: number, t: number) => onProgress?.(`sampling (${kind})`, d, t);
    union.add(q, await sampleFunctions(arch, prior, samples, seed, progress, workers, chunks));
  }
  return union.table(arch.inputs, priors.map((p) => p.family.kind), samples, seed);
}

/**
 * The Monte Carlo table of histograms counted elsewhere (e.g. shards' counts added up), one per
 * prior kind, as `monteCarloTable` would make it from the same counts.
 * @throws RangeError if the histograms and kinds differ in number.
 */
export function monteCarloTableOf(
  arch: Pick<Architecture, "tableWords" | "inputs">,
  kinds: readonly string[],
  samples: number,
  seed: number,
  histograms: readonly FunctionHistogram[],
): MonteCarloTable {
  if (histograms.length !== kinds.length) throw new RangeError(`${histograms.length} histograms for ${kinds.length} priors`);
  const union = new FunctionUnion(arch.tableWords, kinds.length);
  histograms.forEach((h, q) => union.add(q, h));
  return union.table(arch.inputs, kinds, samples, seed);
}

/** Every function seen under any prior: its table at tables[i·words …) and its hits per prior. */
class FunctionUnion {
  private tables: Uint32Array;
  private readonly hits: Float64Array[];
  private count = 0;
  // Only needed to merge the functions of several priors; keyed by the table's words joined
  // (one word: the number itself), so no string is made per function for one prior.
  private readonly index: Map<number | string, number> | undefined;
  private readonly seen: number[] = [];

  constructor(
    private readonly words: number,
    priors: number,
  ) {
    this.tables = new Uint32Array(1024 * words);
    this.hits = Array.from({ length: priors }, () => new Float64Array(0));
    this.index = priors > 1 ? new Map() : undefined;
  }

  /** Adds prior q's histogram (priors in order, each once). */
  add(q: number, h: FunctionHistogram): void {
    const { words, index } = this;
    this.seen[q] = h.size;
    const capacity = this.count + h.size;
    if (this.tables.length < capacity * words) {
      const grown = new Uint32Array(capacity * words);
      grown.set(this.tables.subarray(0, this.count * words));
      this.tables = grown;
    }
    for (let r = 0; r < q; r++) this.hits[r] = growTo(this.hits[r], capacity);
    this.hits[q] = new Float64Array(capacity);
    h.forEach((table, n) => {
      const key = index ? (words === 1 ? table[0] : table.join(",")) : 0;
      let i = index?.get(key);
      if (i === undefined) {
        i = this.count++;
        this.tables.set(table, i * words);
        index?.set(key, i);
      }
      this.hits[q][i] = n;
    });
  }

  /** The table of the functions added, rows in truth-table string order. */
  table(inputs: number, kinds: readonly string[], samples: number, seed: number): MonteCarloTable {
    const { words, tables, hits, count } = this;
    const order = truthTableOrder(tables, words, count);
    const forEachCount = (visit: (table: Uint32Array, hits: readonly number[]) => void) => {
      const table = new Uint32Array(words);
      const h = new Array<number>(kinds.length);
      for (let k = 0; k < count; k++) {
        const i = order[k];
        for (let j = 0; j < words; j++) table[j] = tables[i * words + j];
        for (let q = 0; q < kinds.length; q++) h[q] = hits[q][i];
        visit(table, h);
      }
    };
    const forEachRow = (visit: (row: TableRow) => void) =>
      forEachCount((table, h) => {
        const row: Record<string, unknown> = { function: formatWords(table, inputs) };
        const name = functionName({ n: inputs, bits: wordsToBigInt(table) });
        if (name !== undefined) row.name = name;
        row.realizable = true;
        // A function one prior never produced still gets that prior's estimate: 0 hits, with its interval.
        kinds.forEach((kind, q) => (row[kind] = monteCarloEstimate(h[q], samples, seed)));
        visit(row as unknown as TableRow);
      });
    const seen = Object.fromEntries(kinds.map((kind, q) => [kind, this.seen[q]]));
    return {
      forEachRow,
      forEachCount,
      get rows() {
        const rows: TableRow[] = [];
        forEachRow((row) => rows.push(row));
        return rows;
      },
      summary: { samples, seed, functionsSeen: count, functionsSeenByPrior: seen },
    };
  }
}

/** `a` zero-padded to `length` entries. */
function growTo(a: Float64Array, length: number): Float64Array {
  const out = new Float64Array(length);
  out.set(a.subarray(0, Math.min(a.length, length)));
  return out;
}
