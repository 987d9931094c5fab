/**
 * Truth-table string order of many tables held in one word array, without making the strings.
 */
import { reverseBits } from "./tableWords.js";

/**
 * The indices of `count` tables (table k at words [k·words, (k+1)·words)) in the order of their
 * truth-table strings, row 0 first: the first differing row decides, i.e. the lowest differing bit
 * of the first differing word, so words compare bit-reversed. One-word tables sort as numbers
 * (bit-reversed word · 2^20 + index, exact in a double) in a typed array, and longer ones on
 * precomputed reversed words: a comparator that builds anything, called some 20 million times for a
 * million tables, costs more than the work it orders.
 */
export function truthTableOrder(tables: Uint32Array, words: number, count: number): Uint32Array {
  if (words === 1 && count <= 1 << 20) {
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) keys[i] = reverseBits(tables[i]) * 2 ** 20 + i;
    keys.sort();
    return Uint32Array.from(keys, (x) => x % 2 ** 20);
  }
  const rev = Uint32Array.from(tables.subarray(0, count * words), reverseBits);
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  return order.sort((a, b) => {
    for (let j = 0; j < words; j++) {
      const x = rev[a * words + j];
      const y = rev[b * words + j];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}
