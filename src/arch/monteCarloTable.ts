/**
 * The sampled table of any architecture: draw parameters from a prior, run the batched forward
 * pass, histogram the functions computed. What simplicity-bias studies do with 1e8 samples, and
 * the only table where no exact one exists.
 */
import { functionName } from "../boolean/names.js";
import { type BooleanFunction, formatWords } from "../boolean/truthTable.js";
import { reverseBits, wordsFromBigInt, wordsToBigInt } from "../boolean/tableWords.js";
import { type MonteCarloEstimate, monteCarloEstimate } from "../measure/monteCarlo.js";
import type { Prior } from "../measure/prior.js";
import { runChunks } from "./_internals/runChunks.js";
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
 * `onProgress(done, total)` after every chunk.
 * @throws RangeError for a bad sample count, seed, prior or worker count.
 */
export async function sampleFunctions(
  arch: Architecture,
  prior: Prior,
  samples: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
  workers = 1,
): Promise<FunctionHistogram> {
  const { counts } = await runChunks(arch, prior, samples, seed, { workers, ...(onProgress ? { onProgress } : {}) });
  return counts as FunctionHistogram;
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
  /** One row per function seen under any prior, with one estimate per prior kind. */
  readonly rows: readonly TableRow[];
  /** `samples`, `seed`, `functionsSeen` (union) and per prior kind the number seen. */
  readonly summary: Readonly<Record<string, unknown>>;
}

/**
 * The Monte Carlo table of `arch` under each prior (the same seed for each), on `workers` threads
 * (1: in-process; the table is the same for any worker count).
 * @throws RangeError for a bad sample count, seed, prior or worker count.
 */
export async function monteCarloTable(
  arch: Architecture,
  priors: readonly Prior[],
  samples: number,
  seed: number,
  onProgress?: (label: string, done: number, total: number) => void,
  workers = 1,
): Promise<MonteCarloTable> {
  // Keyed by the table's words joined (one word: the number itself), so that no string is made
  // per function before the rows are; 94,572 of them at n = 5.
  const byFunction = new Map<number | string, { table: Uint32Array; hits: Record<string, number> }>();
  const seen: Record<string, number> = {};
  for (const prior of priors) {
    const kind = prior.family.kind;
    const h = await sampleFunctions(arch, prior, samples, seed, (d, t) => onProgress?.(`sampling (${kind})`, d, t), workers);
    seen[kind] = h.size;
    h.forEach((table, hits) => {
      const key = table.length === 1 ? table[0] : table.join(",");
      let entry = byFunction.get(key);
      if (!entry) {
        entry = { table: table.slice(), hits: {} };
        byFunction.set(key, entry);
      }
      entry.hits[kind] = hits;
    });
  }
  const entries = [...byFunction.values()];
  entries.sort((a, b) => compareRowOrder(a.table, b.table));
  const rows = entries.map((entry) => {
    const row: Record<string, unknown> = { function: formatWords(entry.table, arch.inputs) };
    const name = functionName({ n: arch.inputs, bits: wordsToBigInt(entry.table) });
    if (name !== undefined) row.name = name;
    row.realizable = true;
    // A function one prior never produced still gets that prior's estimate: 0 hits, with its interval.
    for (const prior of priors) row[prior.family.kind] = monteCarloEstimate(entry.hits[prior.family.kind] ?? 0, samples, seed);
    return row as unknown as TableRow;
  });
  return {
    rows,
    summary: { samples, seed, functionsSeen: rows.length, functionsSeenByPrior: seen },
  };
}

/**
 * The order of the tables' bit strings (row 0 first) without making them: the first differing row
 * decides, i.e. the lowest differing bit of the first differing word.
 */
function compareRowOrder(a: Uint32Array, b: Uint32Array): number {
  for (let j = 0; j < a.length; j++) {
    if (a[j] !== b[j]) return reverseBits(a[j]) < reverseBits(b[j]) ? -1 : 1;
  }
  return 0;
}
