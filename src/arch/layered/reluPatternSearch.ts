/**
 * The search over (activation pattern, signs) of a one-hidden-layer ReLU net, up to permutations of
 * the hidden units. A unit's activation set is the set where a single threshold unit fires, so its
 * candidates are the threshold functions of the n inputs (the empty and the full set included), each
 * with σ = +1 or −1. Permuting hidden units permutes the blocks of z and maps pieces onto pieces of
 * the same function, so only nondecreasing tuples of option indices are decided; callers expand the
 * orbits.
 */
import { wordsToBigInt } from "../../boolean/tableWords.js";
import { rowCount } from "../../boolean/truthTable.js";
import { findInteriorPoint } from "../../geometry/coneFeasibility.js";
import { realisableFunctions } from "../perceptron/realisableFunctions.js";
import {
  augmentedRows,
  emptyBySignArgument,
  type ReluShape,
  type ReluUnitOption,
  reluPatternRows,
} from "./reluPatternCone.js";

/** Largest input count of the exact ReLU search (activation sets are bit masks in one word). */
export const MAX_RELU_REGION_INPUTS = 4;
/** Most candidate tuples one search decides (beyond, it would take hours). */
export const MAX_RELU_CANDIDATES = 500_000;

/** Counts of one exhaustive search: how every candidate tuple was settled. */
export interface ReluSearchCounts {
  /** Nondecreasing tuples of unit options considered. */
  candidates: number;
  /** Proved empty by the sign argument on c (emptyBySignArgument). */
  emptyBySign: number;
  /** Proved empty by a Gordan certificate checked in exact arithmetic. */
  emptyByGordan: number;
  /** Nonempty (an integer interior point checked exactly). */
  feasible: number;
}

/** The unit options of n inputs: every threshold set with σ = +1, then −1, in table order. */
export function reluUnitOptions(shape: ReluShape): ReluUnitOption[] {
  const set = realisableFunctions({ inputs: shape.inputs, bias: true, encoding: shape.encoding });
  const out: ReluUnitOption[] = [];
  for (let k = 0; k < set.count; k++) {
    const active = Number(wordsToBigInt(set.tables.subarray(k, k + 1)));
    out.push({ active, sign: 1 }, { active, sign: -1 });
  }
  return out;
}

/** C(m + h − 1, h): nondecreasing h-tuples of m options. */
export function candidateCount(options: number, hidden: number): number {
  let c = 1;
  for (let i = 1; i <= hidden; i++) c = (c * (options + i - 1)) / i;
  return Math.round(c);
}

/**
 * Decides every nondecreasing tuple of unit options for f (bit r = f(row r)), calling `visit` with
 * each nonempty one (option indices, the units, their cone rows and an integer interior point).
 * `visit` returns true to stop the search early.
 * @throws RangeError if n exceeds MAX_RELU_REGION_INPUTS or the candidates exceed MAX_RELU_CANDIDATES.
 */
export function searchReluPatterns(
  shape: ReluShape,
  f: bigint,
  visit: (indices: readonly number[], units: readonly ReluUnitOption[], rows: bigint[][], point: bigint[]) => boolean | void,
): ReluSearchCounts {
  const { inputs: n, hidden: h } = shape;
  if (n < 1 || n > MAX_RELU_REGION_INPUTS)
    throw new RangeError(`exact ReLU regions take 1 to ${MAX_RELU_REGION_INPUTS} inputs, got ${n}`);
  const options = reluUnitOptions(shape);
  const total = candidateCount(options.length, h);
  if (total > MAX_RELU_CANDIDATES)
    throw new RangeError(
      `${n} inputs and ${h} hidden ReLU units give ${total} (pattern, sign) candidates up to permutation; at most ${MAX_RELU_CANDIDATES} are decided`,
    );
  const xt = augmentedRows(shape);
  const rows = rowCount(n);
  const counts: ReluSearchCounts = { candidates: 0, emptyBySign: 0, emptyByGordan: 0, feasible: 0 };
  const idx = new Array<number>(h).fill(0);
  for (;;) {
    counts.candidates++;
    const units = idx.map((i) => options[i]);
    if (emptyBySignArgument(rows, units, f)) counts.emptyBySign++;
    else {
      const A = reluPatternRows(shape, xt, units, f);
      const res = findInteriorPoint(A);
      if (!res.ok) counts.emptyByGordan++;
      else {
        counts.feasible++;
        if (visit(idx.slice(), units, A, res.point) === true) return counts;
      }
    }
    // Next nondecreasing tuple: bump the last index that can grow, reset the ones after it.
    let k = h - 1;
    while (k >= 0 && idx[k] === options.length - 1) k--;
    if (k < 0) return counts;
    idx[k]++;
    for (let q = k + 1; q < h; q++) idx[q] = idx[k];
  }
}
