/**
 * One line of text for a prior's result, shared by commands that print probabilities: Monte Carlo
 * estimates with their interval, exact rationals with their double, numerical values with their
 * error estimate and method. Probabilities print the same way on every line (formatProbability).
 */
import { formatProbability } from "./tableColumns.js";

/** `label: p = …` for a measure object as it appears in JSON output. */
export function describeMeasure(label: string, r: Readonly<Record<string, unknown>>): string {
  const p = formatProbability(Number(r.p));
  if (r.method === "mc") {
    const ci = r.ci as [number, number];
    return `${label}: p = ${p} (95% CI ${formatProbability(ci[0])} to ${formatProbability(ci[1])}; mc, ${r.hits} of ${r.samples} samples, seed ${r.seed})`;
  }
  if (r.method === "rao-blackwell" || r.method === "qmc") {
    const ci = r.ci as [number, number];
    const scrambles = r.scrambles === undefined ? "" : ` in ${r.scrambles} scrambles`;
    return `${label}: p = ${p} ± ${Number(r.err).toExponential(1)} (95% CI ${formatProbability(ci[0])} to ${formatProbability(ci[1])}; ${r.method}, ${r.samples} hidden samples${scrambles}, seed ${r.seed})`;
  }
  if ("fraction" in r) return `${label}: p = ${r.fraction} = ${p} (exact rational)`;
  const warning = r.converged === false ? `; NOT CONVERGED${r.warning ? `: ${r.warning}` : ""}` : "";
  return `${label}: p = ${p} ± ${Number(r.err).toExponential(1)} (numerical, ${r.method}${warning})`;
}
