/** The training set S: K of the 2^n inputs with the target's labels, and agreement of a table with S. */
import { nextUnit, randomStream, stateOf } from "../../measure/randomStream.js";
import { type BooleanFunction, rowCount, valueAt } from "../../boolean/truthTable.js";

/** A training set: input rows (ascending) and the target's value on each. */
export interface TrainingSet {
  /** Row indices into the truth table, ascending, distinct. */
  readonly rows: readonly number[];
  /** Target value on each row. */
  readonly labels: Uint8Array;
}

/**
 * K distinct rows of the 2^n, uniformly at random from the seed's xoroshiro128+ stream (partial
 * Fisher–Yates, each draw ⌊u·m⌋), ascending.
 * @throws RangeError unless 1 ≤ K ≤ 2^n.
 */
export function randomTrainingRows(n: number, k: number, seed: number): number[] {
  const rows = rowCount(n);
  if (!Number.isInteger(k) || k < 1 || k > rows) throw new RangeError(`training set size must be from 1 to 2^${n} = ${rows}, got ${k}`);
  const s = stateOf(randomStream(seed));
  const pool = Array.from({ length: rows }, (_, r) => r);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(nextUnit(s) * (rows - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k).sort((a, b) => a - b);
}

/**
 * The training set of `target` on `rows`.
 * @throws RangeError for a row out of range or repeated.
 */
export function trainingSet(target: BooleanFunction, rows: readonly number[]): TrainingSet {
  const count = rowCount(target.n);
  const sorted = [...rows].sort((a, b) => a - b);
  sorted.forEach((r, i) => {
    if (!Number.isInteger(r) || r < 0 || r >= count) throw new RangeError(`training row ${r} is not a row of a ${target.n}-input table (0 to ${count - 1})`);
    if (i > 0 && sorted[i - 1] === r) throw new RangeError(`training row ${r} is repeated`);
  });
  return { rows: sorted, labels: Uint8Array.from(sorted, (r) => valueAt(target, r)) };
}

/** Whether a truth table (word form, bit r of word r >> 5) agrees with the training set on every row. */
export function agreesWith(table: Uint32Array, offset: number, set: TrainingSet): boolean {
  for (let k = 0; k < set.rows.length; k++) {
    const r = set.rows[k];
    if (((table[offset + (r >>> 5)] >>> (r & 31)) & 1) !== set.labels[k]) return false;
  }
  return true;
}

/** Whether f (bits form) agrees with the training set on every row. */
export function functionAgreesWith(f: BooleanFunction, set: TrainingSet): boolean {
  return set.rows.every((r, k) => valueAt(f, r) === set.labels[k]);
}
