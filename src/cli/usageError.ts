/**
 * Command-line input errors and the option parsers that raise them. A UsageError is printed as one
 * line on stderr and exits with code 2.
 */

import { parse, type Rational } from "../geometry/rational.js";

/** A bad command line: printed as one line, exit code 2, no output written. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * Parses an integer option in [min, max], written as digits or in scientific form (`1e6`,
 * `2.5e3`), exactly: `1.5` or `1e-3` are rejected rather than rounded.
 * @throws UsageError naming the option and the allowed range.
 */
export function integerOption(option: string, min: number, max: number) {
  return (text: string): number => {
    let v: Rational | undefined;
    try {
      v = parse(text);
    } catch {
      v = undefined;
    }
    if (v === undefined || v.den !== 1n || v.num < BigInt(min) || v.num > BigInt(max)) {
      throw new UsageError(`${option} must be an integer from ${min} to ${max} (e.g. 1000 or 1e3), got '${text}'`);
    }
    return Number(v.num);
  };
}

/**
 * Parses a positive number exactly, as a rational (`0.5`, `1/3`, `2e-1`), for prior scales whose
 * exact value enters exact volumes.
 * @throws UsageError naming the option and the allowed values.
 */
export function positiveRationalOption(option: string) {
  return (text: string): Rational => {
    let v: Rational | undefined;
    try {
      v = parse(text);
    } catch {
      v = undefined;
    }
    if (v === undefined || v.num <= 0n) {
      throw new UsageError(`${option} must be a number > 0 (decimal or p/q), got '${text}'`);
    }
    return v;
  };
}

/**
 * Parses one of a fixed set of values.
 * @throws UsageError listing the allowed values.
 */
export function choiceOption<T extends string>(option: string, allowed: readonly T[]) {
  return (text: string): T => {
    if ((allowed as readonly string[]).includes(text)) return text as T;
    throw new UsageError(`${option} '${text}' is unknown; allowed: ${allowed.join(", ")}`);
  };
}
