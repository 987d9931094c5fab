/**
 * The rows of a Monte Carlo table: each function's estimates under the priors, and the order rows
 * are printed in (truth-table string order, row 0 first), shared by the full and the listed table.
 */
import { functionName } from "../../boolean/names.js";
import { reverseBits, wordsToBigInt } from "../../boolean/tableWords.js";
import { formatWords } from "../../boolean/truthTable.js";
import { monteCarloEstimate } from "../../measure/monteCarlo.js";

/**
 * The row of the function `table` (word form) of an `inputs`-input network: its bit string, name,
 * the fields of `extra`, then per prior kind the estimate from `hits[q]` of `samples`.
 */
export function monteCarloRow(
  table: Uint32Array,
  inputs: number,
  kinds: readonly string[],
  hits: readonly number[],
  samples: number,
  seed: number,
  extra: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const row: Record<string, unknown> = { function: formatWords(table, inputs) };
  const name = functionName({ n: inputs, bits: wordsToBigInt(table) });
  if (name !== undefined) row.name = name;
  Object.assign(row, extra);
  kinds.forEach((kind, q) => (row[kind] = monteCarloEstimate(hits[q], samples, seed)));
  return row;
}

/**
 * The indices of the `count` tables (of `words` words) in the order of their bit strings, row 0
 * first (the first differing row decides: the lowest differing bit of the first differing word).
 * One-word tables sort as numbers (bit-reversed word · 2^20 + index, exact in a double) in a
 * typed array; a comparator called a million times cost more than the sampling of 2e6 samples.
 */
export function rowOrder(tables: Uint32Array, words: number, count: number): Uint32Array {
  if (words === 1 && count <= 1 << 20) {
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) keys[i] = (reverseBits(tables[i]) >>> 0) * 2 ** 20 + i;
    keys.sort();
    return Uint32Array.from(keys, (x) => x % 2 ** 20);
  }
  // The words bit-reversed once, so that a comparison is a plain unsigned one and makes no views
  // (views made per comparison cost 10 s for 3.5 million tables at n = 7).
  const reversed = new Uint32Array(count * words);
  for (let i = 0; i < count * words; i++) reversed[i] = reverseBits(tables[i]);
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  return order.sort((a, b) => {
    for (let j = 0; j < words; j++) {
      const x = reversed[a * words + j];
      const y = reversed[b * words + j];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

/**
 * A visitor of the `count` tables (of `words` words) in row order (rowOrder, computed once here),
 * each with its hits under every prior (`hits[q][i]` for table i): a reused table and hits buffer.
 */
export function inRowOrder(
  tables: Uint32Array,
  words: number,
  count: number,
  hits: readonly ArrayLike<number>[],
): (visit: (table: Uint32Array, hits: readonly number[]) => void) => void {
  const order = rowOrder(tables, words, count);
  return (visit) => {
    const table = new Uint32Array(words);
    const h = new Array<number>(hits.length);
    for (let r = 0; r < count; r++) {
      const i = order[r];
      for (let j = 0; j < words; j++) table[j] = tables[i * words + j];
      for (let q = 0; q < hits.length; q++) h[q] = hits[q][i];
      visit(table, h);
    }
  };
}
