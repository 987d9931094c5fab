/** The most probable table rows under one prior, each with its measure under every prior of the table. */
import { formatFunction } from "../boolean/truthTable.js";
import type { ConeMeasure } from "../measure/prior.js";
import type { FunctionPopulation } from "./functionPopulation.js";
import type { RankProbabilityEntry } from "./rankProbability.js";

/** One row of the top-functions table. */
export interface TopFunction {
  /** First rank (1-based) of the row's functions in the ranking it was taken from. */
  readonly rank: number;
  /** The row's function (class representative), character i = f(row i). */
  readonly function: string;
  /** Functions the row stands for (its orbit), all with the same P. */
  readonly functions: number;
  /** The row's measure under each prior, by kind: the family's own record (uniform: exact `fraction`; Gaussian: `p` with `err`). */
  readonly measures: Readonly<Record<string, ConeMeasure>>;
}

/**
 * The first `count` rows of `ranking` (rankProbability of `pop` under one prior) with every prior's
 * measure of each.
 * @throws RangeError if a ranked function is not a row of `pop`, or count is not a positive integer.
 */
export function topFunctions(pop: FunctionPopulation, ranking: readonly RankProbabilityEntry[], count: number): TopFunction[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`topFunctions: count must be a positive integer, got ${count}`);
  const rows = new Map(pop.classes.map((c) => [formatFunction(c.function), c]));
  return ranking.slice(0, count).map((e) => {
    const row = rows.get(e.function);
    if (row === undefined) throw new RangeError(`topFunctions: ${e.function} is not a row of the table`);
    return { rank: e.rank, function: e.function, functions: e.functions, measures: row.measures };
  });
}
