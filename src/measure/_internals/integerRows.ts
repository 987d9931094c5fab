/**
 * Exact integer representatives of generator vectors given as bigints, numbers or rationals.
 *
 * A cone does not change when a generator is multiplied by a positive number, so each row is
 * scaled by the lcm of its denominators (every finite double is a dyadic rational, so floats are
 * represented exactly too) and divided by the gcd of its entries. Everything downstream
 * (determinants, adjugates, Gram matrices) can then be computed exactly in BigInt.
 */

import { bigGcd, fromNumber, type Rational, rat } from "../../geometry/rational.js";

/** A coordinate given exactly: an integer (bigint or integral number), a double, or a rational. */
export type ExactScalar = bigint | number | Rational;

/**
 * Converts each row to a primitive integer vector on the same ray (zero rows stay zero).
 * @throws RangeError naming `what`[i][k] if an entry is NaN or infinite, or is not a bigint,
 *   number or rational.
 */
export function integerRows(rows: ArrayLike<ArrayLike<ExactScalar>>, what: string): bigint[][] {
  const out: bigint[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const q: Rational[] = [];
    for (let k = 0; k < row.length; k++) q.push(exactRational(row[k], `${what}[${i}][${k}]`));
    let lcm = 1n;
    for (const x of q) lcm = (lcm / bigGcd(lcm, x.den)) * x.den;
    const ints = q.map((x) => (x.num * lcm) / x.den);
    let g = 0n;
    for (const x of ints) g = bigGcd(g, x);
    out.push(g > 1n ? ints.map((x) => x / g) : ints);
  }
  return out;
}

/**
 * The exact rational value of x.
 * @throws RangeError naming `where` if x is NaN, infinite, has a zero denominator or is not a
 *   bigint, number or rational.
 */
export function exactRational(x: ExactScalar, where: string): Rational {
  if (typeof x === "bigint") return rat(x);
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw new RangeError(`${where} must be finite, got ${x}`);
    return Number.isInteger(x) ? rat(BigInt(x)) : fromNumber(x);
  }
  if (x !== null && typeof x === "object" && typeof x.num === "bigint" && typeof x.den === "bigint") {
    if (x.den === 0n) throw new RangeError(`${where} has a zero denominator`);
    return rat(x.num, x.den);
  }
  throw new RangeError(`${where} must be a bigint, a number or a rational {num, den}, got ${String(x)}`);
}
