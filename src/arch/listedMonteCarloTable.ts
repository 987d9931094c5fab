/**
 * The Monte Carlo table of a given list of functions: the same samples as the full table (same
 * seed, chunks and streams, so the same hits for every listed function), but only the listed
 * functions are counted, each in a fixed set, and every other sample as outside the list. Where the
 * full table must hold every distinct function drawn (at n = 7, three in four of 2^21 samples, tens
 * of GB at 1e9), this holds the list.
 */
import type { Prior } from "../measure/prior.js";
import { ListedTables, type PackedListedCounts } from "./_internals/listedCounts.js";
import { inRowOrder, monteCarloRow } from "./_internals/monteCarloRows.js";
import { runChunks } from "./_internals/runChunks.js";
import type { ChunkRange } from "./_internals/chunkPlan.js";
import type { Architecture, TableRow } from "./architecture.js";

/** A Monte Carlo table of listed functions: one row per listed function, seen or not. */
export interface ListedMonteCarloTable {
  /** Visits every listed function's row (its estimate under each prior) in truth-table string order. */
  forEachRow(visit: (row: TableRow) => void): void;
  /** Visits every listed function, in row order, with its hits under each prior (a reused buffer). */
  forEachCount(visit: (table: Uint32Array, hits: readonly number[]) => void): void;
  /**
   * `samples`, `seed`, `functionsListed`, `functionsSeen` (listed functions hit under any prior),
   * `functionsSeenByPrior` and `samplesOutside` (per prior kind, samples that computed no listed function).
   */
  readonly summary: Readonly<Record<string, unknown>>;
}

/** How to run a listed table. */
export interface ListedRunOptions {
  /** Worker threads (1, the default: in-process); the table is the same for any number. */
  readonly workers?: number;
  /** Only these sample chunks (a shard). */
  readonly chunks?: ChunkRange;
  readonly onProgress?: (label: string, done: number, total: number) => void;
}

/**
 * Samples as `monteCarloTable` does and counts only the functions listed in `functions` (table k's
 * words at [k·tableWords, (k + 1)·tableWords), each listed once).
 * @throws RangeError for a bad sample count, seed, prior, worker count or chunk range, or a list
 * that is not whole tables of the network or repeats one.
 */
export async function monteCarloListedTable(
  arch: Architecture,
  priors: readonly Prior[],
  samples: number,
  seed: number,
  functions: Uint32Array,
  options: ListedRunOptions = {},
): Promise<ListedMonteCarloTable> {
  const listed = new ListedTables(arch.tableWords, functions);
  const counts: PackedListedCounts[] = [];
  for (const prior of priors) {
    const label = `sampling (${prior.family.kind}, ${listed.count} listed functions)`;
    const tally = await runChunks(arch, prior, samples, seed, {
      workers: options.workers ?? 1,
      counting: { listed },
      ...(options.chunks ? { chunks: options.chunks } : {}),
      onProgress: (d, t) => options.onProgress?.(label, d, t),
    });
    counts.push((tally.listed as NonNullable<typeof tally.listed>).pack());
  }
  return listedTable(arch.inputs, listed, priors.map((p) => p.family.kind), samples, seed, counts);
}

/** Hits counted elsewhere (e.g. in shards): a function and its hits under each prior. */
export interface CountedFunction {
  readonly table: Uint32Array;
  readonly hits: readonly number[];
}

/**
 * The listed table of hits counted elsewhere (shards' counts added up), as `monteCarloListedTable`
 * would make it from the same counts: `counted` adds hits to listed functions, `outside[q]` is the
 * samples of prior q that computed no listed function.
 * @throws RangeError if a counted function is not listed, a hit count does not match the priors,
 * or the list is not whole tables or repeats one.
 */
export function listedMonteCarloTableOf(
  arch: Pick<Architecture, "tableWords" | "inputs">,
  kinds: readonly string[],
  samples: number,
  seed: number,
  functions: Uint32Array,
  counted: Iterable<CountedFunction>,
  outside: readonly number[],
): ListedMonteCarloTable {
  const listed = new ListedTables(arch.tableWords, functions);
  if (outside.length !== kinds.length) throw new RangeError(`${outside.length} outside counts for ${kinds.length} priors`);
  const hits = kinds.map(() => new Float64Array(listed.count));
  const scratch = new Uint32Array(listed.words);
  for (const c of counted) {
    if (c.hits.length !== kinds.length) throw new RangeError(`${c.hits.length} hit counts for ${kinds.length} priors`);
    const k = c.table.length === listed.words ? listed.find(c.table, 0, scratch) : -1;
    if (k < 0) throw new RangeError("a counted function is not in the list");
    c.hits.forEach((h, q) => (hits[q][k] += h));
  }
  const counts = kinds.map((_, q) => ({ hits: hits[q], outside: outside[q] }));
  return listedTable(arch.inputs, listed, kinds, samples, seed, counts);
}

function listedTable(
  inputs: number,
  listed: ListedTables,
  kinds: readonly string[],
  samples: number,
  seed: number,
  counts: readonly PackedListedCounts[],
): ListedMonteCarloTable {
  const { words, keys, count } = listed;
  const forEachCount = inRowOrder(keys, words, count, counts.map((c) => c.hits));
  let seen = 0;
  for (let k = 0; k < count; k++) if (counts.some((c) => c.hits[k] > 0)) seen++;
  const byKind = <T>(f: (c: PackedListedCounts) => T) => Object.fromEntries(kinds.map((kind, q) => [kind, f(counts[q])]));
  return {
    forEachCount,
    forEachRow: (visit) =>
      forEachCount((table, h) => visit(monteCarloRow(table, inputs, kinds, h, samples, seed) as unknown as TableRow)),
    summary: {
      samples,
      seed,
      functionsListed: count,
      functionsSeen: seen,
      functionsSeenByPrior: byKind((c) => c.hits.reduce((s, h) => (h > 0 ? s + 1 : s), 0)),
      samplesOutside: byKind((c) => c.outside),
    },
  };
}
