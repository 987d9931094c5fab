/**
 * One line of text for a prior's result, shared by commands that print probabilities: Monte Carlo
 * estimates with their interval, exact rationals with their double, numerical values with their
 * error and method.
 */
import type { MonteCarloEstimate } from "../measure/monteCarlo.js";

/** `kind: p = …` for a measure object as it appears in JSON output (`label` defaults to `kind`). */
export function describeMeasure(label: string, r: Readonly<Record<string, unknown>>): string {
  if (r.method === "mc") {
    const m = r as unknown as MonteCarloEstimate;
    return `${label}: p = ${m.p} (95% CI ${m.ci[0]} to ${m.ci[1]}; mc, ${m.hits} of ${m.samples} samples, seed ${m.seed})`;
  }
  if ("fraction" in r) return `${label}: p = ${r.fraction} = ${r.p} (exact rational)`;
  return `${label}: p = ${r.p} ± ${r.err} (${r.method}${r.converged === false ? ", NOT converged" : ""})`;
}
