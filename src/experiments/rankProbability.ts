/** Rank–probability data: P(f) sorted descending, ranks counting every function of a class. */
import { formatFunction } from "../boolean/truthTable.js";
import type { Prior } from "../measure/prior.js";
import type { FunctionPopulation } from "./functionPopulation.js";

/** A run of equal ranks: one table row (class), its functions at ranks rank … rank + functions − 1. */
export interface RankProbabilityEntry {
  /** First rank (1-based) of the row's functions. */
  readonly rank: number;
  /** Functions the row stands for (its orbit). */
  readonly functions: number;
  /** P(f) of each of them. */
  readonly p: number;
  /** The row's function (class representative). */
  readonly function: string;
  /** 95% interval of p, where P is sampled (Monte Carlo tables). */
  readonly ci?: readonly [number, number];
}

/**
 * The rows by P descending (ties by truth table), with the first rank of each; the last entry's
 * rank + functions − 1 is the number of realisable functions.
 */
export function rankProbability(pop: FunctionPopulation, prior: Prior): RankProbabilityEntry[] {
  const kind = prior.family.kind;
  const order = pop.classes.map((_, i) => i).sort((a, b) => pop.classes[b].measures[kind].p - pop.classes[a].measures[kind].p || a - b);
  let rank = 1;
  return order.map((i) => {
    const c = pop.classes[i];
    const m = c.measures[kind] as { p: number; ci?: [number, number] };
    const entry = { rank, functions: c.orbit, p: m.p, function: formatFunction(c.function), ...(m.ci ? { ci: m.ci } : {}) };
    rank += c.orbit;
    return entry;
  });
}
