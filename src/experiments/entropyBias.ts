/**
 * Entropy bias: the probability that a random network's function has t ones,
 * P(T = t) = Σ_{f with t ones} P(f), t = 0 … 2^n.
 */
import { wordsToBigInt } from "../boolean/tableWords.js";
import { onesCount, rowCount } from "../boolean/truthTable.js";
import type { Architecture } from "../arch/architecture.js";
import { isMonteCarloEstimate, type MonteCarloEstimate, monteCarloTotal } from "../measure/monteCarlo.js";
import type { ConeMeasure, Prior } from "../measure/prior.js";
import { classValueCounts } from "./classOrbits.js";
import type { FunctionPopulation } from "./functionPopulation.js";

/** Input permutations and negations permute a table's rows, so they keep its number of ones. */
const ONES_INVARIANCE = { permuteInputs: true, negateInputs: true, negateOutput: false } as const;

/** P(T = t) under one prior. */
export type EntropyBiasEntry = {
  /** Number of ones t. */
  readonly t: number;
  /** Realisable functions with t ones. */
  readonly functions: number;
} & ConeMeasure &
  Readonly<Record<string, unknown>>;

/**
 * P(T = t) for t = 0 … 2^n under `prior`, each the prior family's own sum of the table's
 * probabilities (family.total): an exact rational `fraction` for the uniform prior, a double `p`
 * with the summed error bound `err` for the Gaussian one; for a Monte Carlo table the fraction of
 * the samples with its 95% Wilson interval (`hits`, `samples`, `ci`).
 * A row's functions are split by their number of ones without being listed (classValueCounts).
 * @param arch the architecture whose symmetries made the rows.
 * @throws RangeError if the population was not measured with this prior's kind.
 */
export function entropyBias(arch: Architecture, pop: FunctionPopulation, prior: Prior): EntropyBiasEntry[] {
  const kind = prior.family.kind;
  if (pop.classes.length > 0 && pop.classes[0].measures[kind] === undefined)
    throw new RangeError(`entropyBias: the table was not measured with the ${kind} prior`);
  const rows = rowCount(pop.inputs);
  // A sampled table: P(T = t) is the fraction of all samples whose function has t ones (functions
  // never sampled have no hits to add), with its Wilson interval.
  const first = pop.classes[0]?.measures[kind];
  const sampled = first !== undefined && isMonteCarloEstimate(first) ? first : undefined;
  // weights[t]: class index → members with t ones.
  const weights = Array.from({ length: rows + 1 }, () => new Map<number, number>());
  const counts = new Array<number>(rows + 1).fill(0);
  pop.classes.forEach((row, c) => {
    for (const [t, members] of classValueCounts(arch, pop.group, row, ONES_INVARIANCE, (w) => onesCount({ n: pop.inputs, bits: wordsToBigInt(w) }))) {
      weights[t].set(c, members);
      counts[t] += members;
    }
  });
  return weights.map((byClass, t) => {
    const parts = [...byClass.entries()].map(([c, weight]) => ({ measure: pop.classes[c].measures[kind], weight }));
    if (sampled) return { t, functions: counts[t], ...monteCarloTotal(parts as { measure: MonteCarloEstimate; weight: number }[], sampled.samples, sampled.seed) };
    return { t, functions: counts[t], ...prior.family.total(parts) };
  });
}
