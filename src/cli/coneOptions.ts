/**
 * Option parsers of `weightspace cone`: per-coordinate prior scales (`--sigma 1,1/2,0.25`).
 */

import { type Rational, toString } from "../geometry/rational.js";
import { positiveRationalOption, UsageError } from "./usageError.js";

/**
 * Parses a comma-separated list of positive exact rationals (`1`, `0.5`, `1/3`, `1e-3`); the count
 * is checked later by {@link scalesFor}, once the dimension is known.
 * @throws UsageError naming the option and the bad entry (empty, ≤ 0, NaN, not a number).
 */
export function scaleListOption(option: string) {
  return (text: string): Rational[] =>
    text.split(",").map((part, k) => positiveRationalOption(`${option} value ${k + 1}`)(part.trim()));
}

/**
 * One scale per coordinate: a single value applies to all, otherwise exactly one per name.
 * @param list the parsed option, or undefined for the default 1.
 * @throws UsageError when the count is neither 1 nor names.length.
 */
export function scalesFor(option: string, list: readonly Rational[] | undefined, names: readonly string[]): Rational[] {
  const d = names.length;
  if (list === undefined) return Array.from({ length: d }, () => ({ num: 1n, den: 1n }));
  if (list.length === 1) return Array.from({ length: d }, () => list[0]);
  if (list.length !== d) {
    throw new UsageError(
      `${option} has ${list.length} values (${list.map(toString).join(",")}), expected 1 or ${d} (one per variable: ${names.join(", ")})`,
    );
  }
  return [...list];
}
