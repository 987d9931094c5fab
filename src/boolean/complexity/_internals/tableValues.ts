/** A truth table as an array of 0/1 values, for measures that visit every row. */
import { type BooleanFunction, rowCount } from "../../truthTable.js";

/** f(row i) for i = 0 … 2^n − 1. */
export function tableValues(f: BooleanFunction): Uint8Array {
  const out = new Uint8Array(rowCount(f.n));
  for (let r = 0; r < out.length; r++) out[r] = Number((f.bits >> BigInt(r)) & 1n);
  return out;
}

/** The row mask that flips input x_k (k = 1 … n): rows are MSB-first, so x_k is bit n − k. */
export function inputMask(n: number, k: number): number {
  return 1 << (n - k);
}
