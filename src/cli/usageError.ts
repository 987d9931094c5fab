/**
 * Command-line input errors and the option parsers that raise them. A UsageError is printed as one
 * line on stderr and exits with code 2.
 */

/** A bad command line: printed as one line, exit code 2, no output written. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * Parses an integer option in [min, max].
 * @throws UsageError naming the option and the allowed range.
 */
export function integerOption(option: string, min: number, max: number) {
  return (text: string): number => {
    const v = Number(text);
    if (!/^[+-]?\d+$/.test(text.trim()) || !Number.isSafeInteger(v) || v < min || v > max) {
      throw new UsageError(`${option} must be an integer from ${min} to ${max}, got '${text}'`);
    }
    return v;
  };
}

/**
 * Parses a positive finite number (σ, box widths).
 * @throws UsageError naming the option and the allowed values.
 */
export function positiveNumberOption(option: string) {
  return (text: string): number => {
    const v = Number(text);
    if (text.trim() === "" || !Number.isFinite(v) || v <= 0) {
      throw new UsageError(`${option} must be a finite number > 0, got '${text}'`);
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
