/**
 * Certified enumeration of all threshold functions (perceptrons with bias) of n ≤ 6 inputs.
 *
 * A sweep over integer weights in canonical form (w1 ≥ … ≥ wn ≥ 0, wi ≤ W, every cut between
 * distinct weighted sums) finds functions with integer witnesses; the NPN group, under which
 * threshold functions are closed (each generator has an explicit weight map), spreads each new
 * one over its class. Every function found is therefore realisable; reaching the published count
 * (OEIS A000609) proves that none is missing.
 */

import { TableMap } from "../../boolean/_internals/tableSet.js";
import { wordCount } from "../../boolean/_internals/tableWords.js";
import { NPN, type SymmetryGroup, walkGroup } from "../../boolean/symmetryGroup.js";

/** Threshold functions with bias (OEIS A000609), n = 0 … 7. */
export const THRESHOLD_COUNTS = [2, 4, 14, 104, 1882, 94572, 15028134, 8378070864];

/** NPN classes of threshold functions of ≤ n variables (OEIS A001529), n = 0 … 7. */
export const NPN_CLASS_COUNTS = [1, 2, 3, 6, 15, 63, 567, 14755];

/** Weight bound of the canonical sweep that reaches every class, n = 0 … 6. */
const SWEEP_BOUND = [0, 1, 1, 2, 3, 5, 9];

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

/** All threshold functions of n inputs, grouped into NPN classes. */
export interface ThresholdEnumeration {
  readonly n: number;
  /** Table → index of its class in `classes`. */
  readonly classOf: TableMap;
  readonly classes: readonly ThresholdClass[];
  /** Number of threshold functions found (equals THRESHOLD_COUNTS[n], checked). */
  readonly count: number;
}

/**
 * Calls emit(table, witness) for every function of the canonical weight sweep with bound W.
 * Witnesses are in the binary encoding with bias; the table and witness arrays are reused.
 */
export function canonicalSweep(n: number, emit: (table: Uint32Array, witness: Int32Array) => void): void {
  const bound = SWEEP_BOUND[n];
  const rows = 1 << n;
  const w = new Int32Array(n);
  const sums = new Int32Array(rows);
  const table = new Uint32Array(wordCount(n));
  const witness = new Int32Array(n + 1);
  const cut = (c: number) => {
    table.fill(0);
    for (let r = 0; r < rows; r++) if (2 * sums[r] - c > 0) table[r >>> 5] |= 1 << (r & 31);
    for (let i = 0; i < n; i++) witness[i] = 2 * w[i];
    witness[n] = -c;
    emit(table, witness);
  };
  const sweepCuts = () => {
    for (let r = 1; r < rows; r++) {
      const low = r & -r;
      sums[r] = sums[r ^ low] + w[n - 1 - Math.log2(low)];
    }
    const distinct = [...new Set(sums)].sort((a, b) => a - b);
    cut(2 * distinct[0] - 1);
    for (let j = 0; j + 1 < distinct.length; j++) cut(distinct[j] + distinct[j + 1]);
    cut(2 * distinct[distinct.length - 1] + 1);
  };
  const choose = (i: number, max: number) => {
    if (i === n) return sweepCuts();
    for (let v = max; v >= 0; v--) {
      w[i] = v;
      choose(i + 1, v);
    }
  };
  choose(0, bound);
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
