/**
 * Certified enumeration of all threshold functions (perceptrons with bias) of n ≤ 6 inputs.
 *
 * A sweep over integer weights in canonical form (w1 ≥ … ≥ wn ≥ 0, wi ≤ W, every cut between
 * distinct weighted sums) finds functions with integer witnesses; the NPN group, under which
 * threshold functions are closed (each generator has an explicit weight map), spreads each new
 * one over its class. Every function found is therefore realisable; reaching the published count
 * (OEIS A000609) proves that none is missing.
 */

import { TableMap } from "../../boolean/tableSet.js";
import { wordCount, wordMask } from "../../boolean/tableWords.js";
import { NPN, type SymmetryGroup, walkGroup } from "../../boolean/symmetryGroup.js";

/** Threshold functions with bias (OEIS A000609), n = 0 … 7. */
export const THRESHOLD_COUNTS = [2, 4, 14, 104, 1882, 94572, 15028134, 8378070864];

/** NPN classes of threshold functions of ≤ n variables (OEIS A001529), n = 0 … 7. */
export const NPN_CLASS_COUNTS = [1, 2, 3, 6, 15, 63, 567, 14755];

/**
 * Weight bound of the canonical sweep that reaches every class, n = 0 … 7: the largest weight a
 * threshold function of n inputs needs (OEIS A003432: 1, 1, 2, 3, 5, 9, 18 for n = 1 … 7); the
 * published counts confirm it for every n.
 */
const SWEEP_BOUND = [0, 1, 1, 2, 3, 5, 9, 18];

/** Largest n the enumeration supports. */
export const MAX_ENUMERATION_INPUTS = 6;

/** One NPN class of threshold functions. */
export interface ThresholdClass {
  /** The class representative found by the sweep (word form). */
  readonly rep: Uint32Array;
  /** Integer witness (w1 … wn, b) of the representative in the binary encoding. */
  readonly witness: Int32Array;
  /** Number of functions in the class. */
  readonly orbit: number;
}

/** Table → index of its NPN class, or −1 for a table that is not a threshold function. */
export interface ClassLookup {
  get(table: Uint32Array): number;
}

/**
 * The NPN classes of the threshold functions of n inputs, in the order the canonical sweep meets
 * them, each with the representative and witness the sweep met first: what a walk over every
 * function (walkThresholdClass) needs, whether or not the functions are stored.
 */
export interface ThresholdClasses {
  readonly n: number;
  /** Table → index of its class in `classes`. */
  readonly classOf: ClassLookup;
  readonly classes: readonly ThresholdClass[];
  /** Number of threshold functions (equals THRESHOLD_COUNTS[n], checked). */
  readonly count: number;
}

/** All threshold functions of n inputs, stored, grouped into NPN classes. */
export interface ThresholdEnumeration extends ThresholdClasses {
  /** Table → index of its class in `classes` (every function stored: 15 million entries at n = 6). */
  readonly classOf: TableMap;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/**
 * Calls emit(table, witness) for every function of the canonical weight sweep (n ≤ 7): for every
 * w1 ≥ … ≥ wn ≥ 0 with w1 ≤ SWEEP_BOUND[n], every cut between distinct weighted sums, from the
 * all-ones table down. Witnesses are in the binary encoding with bias; the table and witness arrays
 * are reused. `onProgress(done, total)` counts weight vectors.
 */
export function canonicalSweep(
  n: number,
  emit: (table: Uint32Array, witness: Int32Array) => void,
  onProgress?: (done: number, total: number) => void,
): void {
  const bound = SWEEP_BOUND[n];
  const rows = 1 << n;
  const w = new Int32Array(n);
  const sums = new Int32Array(rows);
  const order = new Int32Array(rows);
  const start = new Int32Array(n * bound + 2);
  const table = new Uint32Array(wordCount(n));
  const witness = new Int32Array(n + 1);
  const total = binomial(bound + n, n);
  let done = 0;
  const sweepCuts = () => {
    for (let r = 1; r < rows; r++) {
      const low = r & -r;
      sums[r] = sums[r ^ low] + w[n - 1 - Math.log2(low)];
    }
    // Rows in order of their sums (counting sort): each cut clears the rows of one more sum.
    start.fill(0);
    for (let r = 0; r < rows; r++) start[sums[r] + 1]++;
    for (let v = 1; v < start.length; v++) start[v] += start[v - 1];
    for (let r = 0; r < rows; r++) order[start[sums[r]]++] = r;
    table.fill(wordMask(n));
    for (let i = 0; i < n; i++) witness[i] = 2 * w[i];
    witness[n] = 1 - 2 * sums[order[0]];
    emit(table, witness);
    for (let k = 0; k < rows; ) {
      const level = sums[order[k]];
      for (; k < rows && sums[order[k]] === level; k++) table[order[k] >>> 5] &= ~(1 << (order[k] & 31));
      witness[n] = k < rows ? -(level + sums[order[k]]) : -(2 * level + 1);
      emit(table, witness);
    }
    if ((++done & 0x3ff) === 0) onProgress?.(done, total);
  };
  const choose = (i: number, max: number) => {
    if (i === n) return sweepCuts();
    for (let v = max; v >= 0; v--) {
      w[i] = v;
      choose(i + 1, v);
    }
  };
  choose(0, bound);
  onProgress?.(total, total);
}

/**
 * Applies a walk step's weight map to a binary-encoding witness (w1 … wn, b), in place:
 * negating input i maps wi ↦ −wi, b ↦ b + wi; swapping inputs swaps weights; negating the
 * output negates everything.
 */
export function mapWitness(witness: Int32Array, kind: "swap" | "negate" | "output", arg: number): void {
  const n = witness.length - 1;
  if (kind === "swap") {
    const t = witness[arg];
    witness[arg] = witness[arg + 1];
    witness[arg + 1] = t;
  } else if (kind === "negate") {
    witness[n] += witness[arg];
    witness[arg] = -witness[arg];
  } else {
    for (let i = 0; i <= n; i++) witness[i] = -witness[i];
  }
}

/**
 * Enumerates every threshold function of n inputs (0 ≤ n ≤ 6) with its NPN class.
 * `onProgress(found, total)` is called now and then.
 * @throws RangeError if n is out of range; Error if the count differs from the published one
 * (which would mean a bug, never a partial result).
 */
export function enumerateThresholdFunctions(
  n: number,
  onProgress?: (found: number, total: number) => void,
): ThresholdEnumeration {
  if (!Number.isInteger(n) || n < 0 || n > MAX_ENUMERATION_INPUTS) {
    throw new RangeError(
      `inputs must be an integer from 0 to ${MAX_ENUMERATION_INPUTS} for enumeration, got ${n}`,
    );
  }
  const total = THRESHOLD_COUNTS[n];
  const classOf = new TableMap(wordCount(n), total);
  const classes: ThresholdClass[] = [];
  const group: SymmetryGroup = NPN;
  canonicalSweep(n, (table, witness) => {
    if (classOf.get(table) !== -1) return;
    const id = classes.length;
    const rep = Uint32Array.from(table);
    let orbit = 0;
    walkGroup(Uint32Array.from(table), n, group, (image) => {
      if (classOf.setIfAbsent(image, id)) orbit++;
    });
    classes.push({ rep, witness: Int32Array.from(witness), orbit });
    onProgress?.(classOf.size, total);
  });
  if (classOf.size !== total) {
    throw new Error(
      `enumeration found ${classOf.size} threshold functions of ${n} inputs, expected ${total}`,
    );
  }
  return { n, classOf, classes, count: classOf.size };
}
