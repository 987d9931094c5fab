/** Entropy of a Boolean function's fraction of ones. */
import { type BooleanFunction, onesCount, rowCount } from "../truthTable.js";

/** Entropy measure: the count it comes from and its value. */
export interface EntropyMeasure {
  /** k, the number of rows with f = 1. */
  readonly ones: number;
  /**
   * H(p) = −p log2 p − (1 − p) log2(1 − p) in bits (base 2), p = k / 2^n; 0 for constants.
   * A double (the reference's `entropy`, same formula), relative error a few ulps.
   */
  readonly value: number;
}

/** Binary entropy (base 2, bits) of the fraction of ones of f's truth table. */
export function entropy(f: BooleanFunction): EntropyMeasure {
  const ones = onesCount(f);
  const rows = rowCount(f.n);
  return { ones, value: binaryEntropy(ones, rows) };
}

/**
 * H(k/m) in bits: 0 when k is 0 or m.
 * @throws RangeError unless 0 ≤ k ≤ m are integers and m ≥ 1.
 */
export function binaryEntropy(k: number, m: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(m) || m < 1 || k < 0 || k > m)
    throw new RangeError(`binaryEntropy: need integers 0 ≤ k ≤ m, m ≥ 1, got k = ${k}, m = ${m}`);
  if (k === 0 || k === m) return 0;
  // log2 m − (k log2 k + (m−k) log2(m−k))/m: the same expression as the reference.
  return Math.log2(m) - (k * Math.log2(k) + (m - k) * Math.log2(m - k)) / m;
}
