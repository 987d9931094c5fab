/**
 * The sampled table of any architecture: draw parameters from a prior, run the batched forward
 * pass, histogram the functions computed. What simplicity-bias studies do with 1e8 samples, and
 * the only table where no exact one exists.
 */
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { functionName } from "../boolean/names.js";
import { TableMap } from "../boolean/tableSet.js";
import { type BooleanFunction, formatWords } from "../boolean/truthTable.js";
import { wordsFromBigInt } from "../boolean/tableWords.js";
import { checkSampling, type MonteCarloEstimate, monteCarloEstimate, samplingScales } from "../measure/monteCarlo.js";
import { checkPrior, type Prior } from "../measure/prior.js";
import type { Architecture, TableRow } from "./architecture.js";

/** Parameter vectors per forward batch. */
const BATCH = 4096;

/** Hit counts of every function seen under one prior. */
export interface FunctionHistogram {
  /** Table (word form) → hits; keys are reused, copy them to keep them. */
  forEach(visit: (table: Uint32Array, hits: number) => void): void;
  /** Number of distinct functions seen. */
  readonly size: number;
}

/**
 * Draws `samples` parameter vectors from `prior` (seeded xoroshiro128+) in batches, runs the
 * forward pass and hands each batch's tables (count × tableWords) to `visit`.
 * @throws RangeError for a bad sample count, seed or prior.
 */
function sampleTables(
  arch: Architecture,
  prior: Prior,
  samples: number,
  seed: number,
  visit: (tables: Uint32Array, count: number) => void,
  onProgress?: (done: number, total: number) => void,
): void {
  checkSampling(samples, seed);
  const d = arch.parameters.length;
  checkPrior(prior, d);
  const scales = samplingScales(prior);
  const rng = xoroshiro128plus(seed);
  const theta = new Float64Array(BATCH * d);
  const tables = new Uint32Array(BATCH * arch.tableWords);
  for (let done = 0; done < samples; ) {
    const count = Math.min(BATCH, samples - done);
    prior.family.sample(scales, count, rng, theta);
    arch.forward(theta, count, tables);
    visit(tables, count);
    done += count;
    onProgress?.(done, samples);
  }
}

/**
 * Samples `samples` parameter vectors from `prior` and counts the functions they compute.
 * `onProgress(done, total)` every batch and at the end.
 * @throws RangeError for a bad sample count, seed or prior.
 */
export function sampleFunctions(
  arch: Architecture,
  prior: Prior,
  samples: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): FunctionHistogram {
  const words = arch.tableWords;
  const index = new TableMap(words, 1024);
  let hits = new Float64Array(1024);
  const visit = (tables: Uint32Array, count: number) => {
    for (let s = 0; s < count; s++) {
      const t = tables.subarray(s * words, (s + 1) * words);
      let k = index.get(t);
      if (k < 0) {
        k = index.size;
        index.setIfAbsent(t, k);
        if (k >= hits.length) {
          const grown = new Float64Array(hits.length * 2);
          grown.set(hits);
          hits = grown;
        }
      }
      hits[k]++;
    }
  };
  sampleTables(arch, prior, samples, seed, visit, onProgress);
  return { size: index.size, forEach: (visit) => index.forEach((t, k) => visit(t, hits[k])) };
}

/**
 * Monte Carlo probability that parameters drawn from `prior` compute f, with a 95% Wilson interval.
 * @throws RangeError for a bad sample count, seed, prior or function size.
 */
export function monteCarloFunction(
  arch: Architecture,
  prior: Prior,
  f: BooleanFunction,
  samples: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): MonteCarloEstimate {
  if (f.n !== arch.inputs) throw new RangeError(`function has ${f.n} inputs, the network ${arch.inputs}`);
  const words = arch.tableWords;
  const target = wordsFromBigInt(f.bits, f.n);
  let hits = 0;
  const visit = (tables: Uint32Array, count: number) => {
    for (let s = 0; s < count; s++) {
      let same = true;
      for (let j = 0; j < words && same; j++) same = tables[s * words + j] === target[j];
      if (same) hits++;
    }
  };
  sampleTables(arch, prior, samples, seed, visit, onProgress);
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
 * The Monte Carlo table of `arch` under each prior (the same seed for each).
 * @throws RangeError for a bad sample count, seed or prior.
 */
export function monteCarloTable(
  arch: Architecture,
  priors: readonly Prior[],
  samples: number,
  seed: number,
  onProgress?: (label: string, done: number, total: number) => void,
): MonteCarloTable {
  const byFunction = new Map<string, Record<string, MonteCarloEstimate>>();
  const seen: Record<string, number> = {};
  for (const prior of priors) {
    const kind = prior.family.kind;
    const h = sampleFunctions(arch, prior, samples, seed, (d, t) => onProgress?.(`sampling (${kind})`, d, t));
    seen[kind] = h.size;
    h.forEach((table, hits) => {
      const key = formatWords(table, arch.inputs);
      const entry = byFunction.get(key) ?? {};
      entry[kind] = monteCarloEstimate(hits, samples, seed);
      byFunction.set(key, entry);
    });
  }
  const keys = [...byFunction.keys()].sort();
  const rows = keys.map((key) => {
    const entry = byFunction.get(key) ?? {};
    const name = functionName({ n: arch.inputs, bits: BigInt(`0b${[...key].reverse().join("") || "0"}`) });
    const measures: Record<string, MonteCarloEstimate> = {};
    // A function one prior never produced still gets that prior's estimate: 0 hits, with its interval.
    for (const prior of priors) measures[prior.family.kind] = entry[prior.family.kind] ?? monteCarloEstimate(0, samples, seed);
    return { function: key, ...(name === undefined ? {} : { name }), realizable: true, ...measures };
  });
  return {
    rows,
    summary: { samples, seed, functionsSeen: rows.length, functionsSeenByPrior: seen },
  };
}
