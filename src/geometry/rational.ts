/**
 * Exact rational numbers as reduced BigInt fractions.
 *
 * Every value is kept in lowest terms with a positive denominator, so equality is structural and
 * printing is canonical (`p/q`, or `p` when q = 1).
 */

/** An exact rational number `num/den`, always reduced, `den > 0`. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Greatest common divisor of two BigInts (non-negative; gcd(0, 0) = 0). */
export const bigGcd = gcd;

/**
 * Builds the reduced fraction num/den.
 * @throws RangeError if `den` is zero.
 */
export function rat(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = typeof num === "number" ? toBigIntStrict(num) : num;
  let d = typeof den === "number" ? toBigIntStrict(den) : den;
  if (d === 0n) throw new RangeError("rational: zero denominator");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g === 1n || g === 0n ? { num: n, den: d } : { num: n / g, den: d / g };
}

function toBigIntStrict(x: number): bigint {
  if (!Number.isInteger(x)) throw new RangeError(`rational: ${x} is not an integer`);
  return BigInt(x);
}

/** The rational 0. */
export const ZERO: Rational = { num: 0n, den: 1n };
/** The rational 1. */
export const ONE: Rational = { num: 1n, den: 1n };

/** a + b, exact. */
export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rat(a.num + b.num, a.den);
  return rat(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a − b, exact. */
export function sub(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rat(a.num - b.num, a.den);
  return rat(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** a · b, exact. */
export function mul(a: Rational, b: Rational): Rational {
  return rat(a.num * b.num, a.den * b.den);
}

/**
 * a / b, exact.
 * @throws RangeError if b = 0.
 */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError("rational: division by zero");
  return rat(a.num * b.den, a.den * b.num);
}

/** −a. */
export function neg(a: Rational): Rational {
  return { num: -a.num, den: a.den };
}

/** |a|. */
export function abs(a: Rational): Rational {
  return a.num < 0n ? neg(a) : a;
}

/** Sign of a: −1, 0 or 1. */
export function sign(a: Rational): -1 | 0 | 1 {
  return a.num > 0n ? 1 : a.num < 0n ? -1 : 0;
}

/** Compares a and b: negative if a < b, 0 if equal, positive if a > b. */
export function cmp(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** True when a = b. */
export function eq(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/** True when a = 0. */
export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

/** Sum of many rationals, exact. */
export function sum(xs: Iterable<Rational>): Rational {
  let s = ZERO;
  for (const x of xs) s = add(s, x);
  return s;
}

/** Prints `p/q`, or `p` when the denominator is 1. */
export function toString(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}

/** Prints `p/q` always (also `p/1`), the form tables use for probabilities. */
export function toFraction(a: Rational): string {
  return `${a.num}/${a.den}`;
}

/**
 * Parses `p/q`, `p` or a finite decimal such as `0.25` or `-1.5e-3` into an exact rational.
 * @throws RangeError on anything else.
 */
export function parse(s: string): Rational {
  const t = s.trim();
  const frac = /^([+-]?\d+)\s*\/\s*(\d+)$/.exec(t);
  if (frac) return rat(BigInt(frac[1]), BigInt(frac[2]));
  const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (dec && (dec[2] !== "" || (dec[3] ?? "") !== "")) {
    const digits = BigInt(`${dec[2] || "0"}${dec[3] ?? ""}`);
    const exp = Number(dec[4] ?? "0") - (dec[3] ?? "").length;
    const signed = dec[1] === "-" ? -digits : digits;
    return exp >= 0 ? rat(signed * 10n ** BigInt(exp)) : rat(signed, 10n ** BigInt(-exp));
  }
  throw new RangeError(`rational: cannot parse '${s}' (expected p/q or a decimal number)`);
}

/**
 * The exact rational value of a finite double (every double is a dyadic rational).
 * @throws RangeError if x is NaN or infinite.
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`rational: ${x} is not finite`);
  if (Number.isInteger(x)) return rat(BigInt(x));
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return rat(BigInt(m), 1n << BigInt(e));
}

/**
 * Nearest double to a (correctly rounded for numbers within double range, to within one ulp
 * otherwise): scales so that the integer division keeps 64 significant bits.
 */
export function toNumber(a: Rational): number {
  if (a.num === 0n) return 0;
  const negative = a.num < 0n;
  const n = negative ? -a.num : a.num;
  const shift = BigInt(Math.max(0, 64 - (bitLength(n) - bitLength(a.den))));
  const q = (n << shift) / a.den;
  const v = Number(q) / 2 ** Number(shift);
  return negative ? -v : v;
}

/** Number of bits of a non-negative BigInt (0 for 0). */
export function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}
