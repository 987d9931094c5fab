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

/** Binary exponent of the smallest subnormal double, 2^−1074: the finest step a double can take. */
const MIN_EXPONENT = -1074;
/** Doubles carry 53 significant bits. */
const PRECISION = 53;
/** 2^1024, the first power of two beyond the largest finite double. */
const OVERFLOW_EXPONENT = 1024;

/**
 * The double nearest to a, ties to the even significand (IEEE 754 round-half-to-even), for any size
 * of numerator and denominator: subnormals down to 2^−1074, ±Infinity from 2^1024 − 2^970 (the
 * tie above the largest double) on, and −0 for a negative a that rounds to zero. Exact in BigInt: the
 * quotient is taken to at least 54 bits, the bits below the last kept one decide the rounding, and
 * the division remainder is the sticky bit that breaks apparent ties.
 */
export function toNumber(a: Rational): number {
  if (a.num === 0n) return 0;
  const negative = a.num < 0n;
  const n = negative ? -a.num : a.num;
  // 2^(e−1) < n/den < 2^(e+1); scaling by 2^(PRECISION+1−e) leaves a quotient of 54 or 55 bits.
  const e = bitLength(n) - bitLength(a.den);
  const s = PRECISION + 1 - e;
  const num = s >= 0 ? n << BigInt(s) : n;
  const den = s >= 0 ? a.den : a.den << BigInt(-s);
  const q = num / den;
  const sticky = num % den !== 0n;
  // a = (q + fraction)·2^−s with q ≥ 2^53, so floor(log2 a) = bitLength(q) − 1 − s exactly.
  const exponent = bitLength(q) - 1 - s;
  if (exponent >= OVERFLOW_EXPONENT) return negative ? -Infinity : Infinity;
  // The weight of the last significand bit: 53 bits below the leading one, or 2^−1074 for subnormals.
  const ulp = Math.max(exponent - (PRECISION - 1), MIN_EXPONENT);
  const dropped = BigInt(s + ulp); // ≥ 1 because q has at least 54 bits
  let m = q >> dropped;
  const rest = q - (m << dropped);
  const half = 1n << (dropped - 1n);
  if (rest > half || (rest === half && (sticky || (m & 1n) === 1n))) m += 1n;
  // m ≤ 2^53 and 2^ulp is a double, so the product is exact unless it reaches 2^1024 (→ Infinity).
  const v = Number(m) * 2 ** ulp;
  return negative ? -v : v;
}

/** Number of bits of a non-negative BigInt (0 for 0). */
export function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}
