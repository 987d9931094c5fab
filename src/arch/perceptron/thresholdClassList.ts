/**
 * NPN classes of threshold functions without storing the functions themselves: the class list for
 * n = 7 (8,378,070,864 functions, 14,755 classes), and an exact membership test for any table.
 *
 * Every threshold function is unate; negating its negative inputs and ordering the inputs by
 * Chow parameter (Σ_x f(x)(2x_i − 1), non-increasing) gives its *positive sorted form*, which is
 * unique: inputs with equal Chow parameters of a threshold function are symmetric (Chow's theorem),
 * so the order among them does not change the table. The canonical weight sweep (w1 ≥ … ≥ wn ≥ 0,
 * every cut) produces exactly these forms (a larger weight never has a smaller Chow parameter), each
 * with an integer witness. An NPN class is a pair {f, f^d} of such forms, f^d(x) = ¬f(x̄) being the
 * positive sorted form of ¬f; its orbit is |NPN| / |stabiliser|, the stabiliser of f being
 * 2^|I| · Π (sizes of runs of symmetric inputs)! (I = inessential inputs), doubled if f = f^d.
 * Reaching the published class count (OEIS A001529) and Σ orbit = OEIS A000609 certifies the list.
 */

import { TableMap } from "../../boolean/tableSet.js";
import {
  compareWords,
  negateRowBit,
  rowValue,
  swapRowBits,
  wordCount,
} from "../../boolean/tableWords.js";
import { groupOrder, NPN } from "../../boolean/symmetryGroup.js";
import { rowCount } from "../../boolean/truthTable.js";
import {
  canonicalSweep,
  NPN_CLASS_COUNTS,
  THRESHOLD_COUNTS,
  type ThresholdClass,
  type ThresholdClasses,
} from "./thresholdEnumeration.js";

/** Largest n the class list supports. */
export const MAX_CLASS_LIST_INPUTS = 7;

/**
 * The NPN classes of threshold functions of n inputs, with a membership test and class lookup
 * (`classOf.get`: the class index of a table, or −1; O(n·2^n) per call, no function stored).
 */
export interface ThresholdClassList extends ThresholdClasses {
  /** One entry per NPN class; `rep` is a positive sorted form. */
  readonly classes: readonly ThresholdClass[];
  /** Whether a table (word form) is a threshold function, decided exactly. */
  has(table: Uint32Array): boolean;
}

/** Options of {@link enumerateThresholdClasses}. */
export interface ClassListOptions {
  /**
   * Which of the sweep's witnesses a class keeps: `smallest` Σ|θ_i| (the default: researchers read
   * these weights) or the `first` the sweep meets, the one enumerateThresholdFunctions keeps, so that
   * a walk over every function (walkThresholdClass) yields the same functions, witnesses and order.
   */
  readonly witness?: "smallest" | "first";
}

/** Chow parameters Σ_x f(x)(2x_i − 1), i = 1 … n (index 0 = x1). */
export function chowParameters(table: Uint32Array, n: number): number[] {
  const chow = new Array<number>(n).fill(0);
  for (let r = 0; r < rowCount(n); r++) {
    if (rowValue(table, r) === 0) continue;
    for (let i = 0; i < n; i++) chow[i] += (r >>> (n - 1 - i)) & 1 ? 1 : -1;
  }
  return chow;
}

/**
 * The positive sorted form of a table (a new array): inputs with negative Chow parameter negated,
 * then inputs ordered by non-increasing Chow parameter. For a threshold function this is the unique
 * representative the sweep produces; for any other table it is some image under input negations
 * and permutations (so still not a threshold function).
 */
export function positiveSortedForm(table: Uint32Array, n: number): Uint32Array {
  return sortedByChow(table, n, true);
}

/**
 * The *sorted form* of a table (a new array): inputs ordered by non-increasing signed Chow
 * parameter, none negated. For a threshold function it is the unique representative of its class
 * under input permutations (inputs with equal Chow parameters are symmetric, by Chow's theorem).
 */
export function chowSortedForm(table: Uint32Array, n: number): Uint32Array {
  return sortedByChow(table, n, false);
}

function sortedByChow(table: Uint32Array, n: number, negate: boolean): Uint32Array {
  const t = Uint32Array.from(table);
  const chow = chowParameters(t, n);
  for (let i = 0; negate && i < n; i++) {
    if (chow[i] < 0) {
      negateRowBit(t, n - 1 - i);
      chow[i] = -chow[i];
    }
  }
  for (let pass = 0; pass < n; pass++) {
    for (let i = 0; i + 1 < n; i++) {
      if (chow[i] >= chow[i + 1]) continue;
      swapRowBits(t, n - 2 - i);
      [chow[i], chow[i + 1]] = [chow[i + 1], chow[i]];
    }
  }
  return t;
}

/** The dual f^d(x) = ¬f(x̄) (a new array). */
export function dualTable(table: Uint32Array, n: number): Uint32Array {
  const rows = rowCount(n);
  const d = new Uint32Array(table.length);
  for (let r = 0; r < rows; r++) if (rowValue(table, rows - 1 - r) === 0) d[r >>> 5] |= 1 << (r & 31);
  return d;
}

/** Σ|θ_i| of an integer witness. */
function witnessSize(witness: Int32Array): number {
  let s = 0;
  for (let i = 0; i < witness.length; i++) s += Math.abs(witness[i]);
  return s;
}

/** |stabiliser| of a positive sorted threshold function in the NPN group. */
function stabiliserOrder(table: Uint32Array, n: number): number {
  let order = compareWords(table, dualTable(table, n)) === 0 ? 2 : 1;
  const probe = Uint32Array.from(table);
  for (let i = 0; i < n; i++) {
    negateRowBit(probe, n - 1 - i);
    if (compareWords(probe, table) === 0) order *= 2;
    probe.set(table);
  }
  // Runs of adjacent symmetric inputs; symmetric inputs are adjacent in the sorted form.
  let run = 1;
  for (let i = 0; i + 1 < n; i++) {
    swapRowBits(probe, n - 2 - i);
    const symmetric = compareWords(probe, table) === 0;
    probe.set(table);
    if (symmetric) {
      run++;
      order *= run;
    } else run = 1;
  }
  return order;
}

/**
 * The NPN classes of threshold functions of n inputs (0 ≤ n ≤ 7), each with a positive sorted
 * representative, its integer witness (binary encoding, w1 … wn, b) and orbit size.
 * `onProgress(done, total)` reports the sweep's weight vectors.
 * @throws RangeError if n is out of range; Error if the class count or Σ orbit differs from the
 * published one (a bug, never a partial result).
 */
export function enumerateThresholdClasses(
  n: number,
  onProgress?: (done: number, total: number) => void,
  options: ClassListOptions = {},
): ThresholdClassList {
  const keepFirst = options.witness === "first";
  if (!Number.isInteger(n) || n < 0 || n > MAX_CLASS_LIST_INPUTS) {
    throw new RangeError(`inputs must be an integer from 0 to ${MAX_CLASS_LIST_INPUTS} for class lists, got ${n}`);
  }
  const forms = new TableMap(wordCount(n), 2 * NPN_CLASS_COUNTS[n]);
  const found: { table: Uint32Array; witness: Int32Array; size: number }[] = [];
  canonicalSweep(
    n,
    (table, witness) => {
      const k = forms.get(table);
      if (k < 0) {
        forms.setIfAbsent(table, found.length);
        found.push({ table: Uint32Array.from(table), witness: Int32Array.from(witness), size: witnessSize(witness) });
        return;
      }
      if (keepFirst) return;
      // Keep the smallest witness the sweep meets: researchers read these weights.
      const size = witnessSize(witness);
      if (size < found[k].size) found[k] = { table: found[k].table, witness: Int32Array.from(witness), size };
    },
    onProgress,
  );
  const group = groupOrder(n, NPN);
  const classes: ThresholdClass[] = [];
  // Class index of each positive sorted form (a class holds f's form and its dual's).
  const classOfForm = new Int32Array(found.length).fill(-1);
  let count = 0;
  found.forEach(({ table, witness }, k) => {
    if (classOfForm[k] >= 0) return;
    const dual = forms.get(dualTable(table, n));
    if (dual < 0) throw new Error(`the sweep missed the dual of a threshold function of ${n} inputs`);
    classOfForm[k] = classes.length;
    classOfForm[dual] = classes.length;
    const orbit = group / stabiliserOrder(table, n);
    classes.push({ rep: table, witness, orbit });
    count += orbit;
  });
  if (classes.length !== NPN_CLASS_COUNTS[n] || count !== THRESHOLD_COUNTS[n]) {
    throw new Error(
      `class list found ${classes.length} classes and ${count} threshold functions of ${n} inputs, expected ${NPN_CLASS_COUNTS[n]} and ${THRESHOLD_COUNTS[n]}`,
    );
  }
  const classOf = { get: (t: Uint32Array) => classOfForm[forms.get(positiveSortedForm(t, n))] ?? -1 };
  return { n, classes, count, classOf, has: (t) => forms.get(positiveSortedForm(t, n)) >= 0 };
}
