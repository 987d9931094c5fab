/**
 * The rows of a Monte Carlo table: each function's estimates under the priors, visited in the order
 * rows are printed in (truth-table string order, row 0 first), shared by the full and the listed table.
 */
import { functionName } from "../../boolean/names.js";
import { truthTableOrder } from "../../boolean/tableOrder.js";
import { wordsToBigInt } from "../../boolean/tableWords.js";
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
 * A visitor of the `count` tables (of `words` words) in row order (truthTableOrder, computed once here),
 * each with its hits under every prior (`hits[q][i]` for table i): a reused table and hits buffer.
 */
export function inRowOrder(
  tables: Uint32Array,
  words: number,
  count: number,
  hits: readonly ArrayLike<number>[],
): (visit: (table: Uint32Array, hits: readonly number[]) => void) => void {
  const order = truthTableOrder(tables, words, count);
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
