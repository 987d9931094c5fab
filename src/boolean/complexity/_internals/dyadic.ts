/** Exact values k / 2^m, the form every counting measure over 2^n rows takes. */

/** An exact non-negative rational printed `p/q` (lowest terms, `q` a power of two) with its double. */
export interface DyadicValue {
  /** Lowest terms, always with a denominator (`0/1`, `3/8`, `2/1`). */
  readonly fraction: string;
  /** The same number as a double (exact: q ≤ 2^7·2^7 keeps it far inside 53 bits). */
  readonly value: number;
}

/**
 * count / 2^exponent in lowest terms.
 * @throws RangeError for a negative or non-integer count or exponent.
 */
export function dyadic(count: number, exponent: number): DyadicValue {
  if (!Number.isSafeInteger(count) || count < 0 || !Number.isInteger(exponent) || exponent < 0)
    throw new RangeError(`dyadic: need integers count ≥ 0 and exponent ≥ 0, got ${count}, ${exponent}`);
  let p = BigInt(count);
  let e = exponent;
  // Only factors of two can cancel against a power-of-two denominator.
  while (e > 0 && p !== 0n && (p & 1n) === 0n) {
    p >>= 1n;
    e--;
  }
  if (p === 0n) e = 0;
  const q = 1n << BigInt(e);
  return { fraction: `${p}/${q}`, value: count / 2 ** exponent };
}
