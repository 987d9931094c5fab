/**
 * toNumber must be correctly rounded (nearest double, ties to the even significand) for every
 * rational. Two oracles that share no code with it:
 * - `viaDecimal`: the exact decimal expansion to 1076 fractional digits plus a sticky digit, read by
 *   Number(), which the ECMAScript spec requires to round correctly. Every rounding midpoint is a
 *   multiple of 2^−1075, whose decimal expansion ends within 1075 fractional digits, so the
 *   truncated string lies on the same side of every midpoint as the rational itself.
 * - `isNearest`: an exact check in rationals that no neighbouring double is closer, and that a tie
 *   went to the even significand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abs, add, cmp, fromNumber, mul, type Rational, rat, sub, toNumber } from "../../src/geometry/rational.js";

const FRACTION_DIGITS = 1076n;

function viaDecimal(a: Rational): number {
  const negative = a.num < 0n;
  const n = negative ? -a.num : a.num;
  const scaled = n * 10n ** FRACTION_DIGITS;
  const digits = (scaled / a.den).toString().padStart(Number(FRACTION_DIGITS) + 1, "0");
  const sticky = scaled % a.den === 0n ? "" : "1";
  const cut = digits.length - Number(FRACTION_DIGITS);
  return Number(`${negative ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}${sticky}`);
}

const view = new DataView(new ArrayBuffer(8));
function bits(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}
function fromBits(b: bigint): number {
  view.setBigUint64(0, b);
  return view.getFloat64(0);
}

/** The exact value of a double, or 2^1024 for Infinity (where IEEE rounding puts the overflow). */
const exact = (x: number): Rational => (x === Infinity ? rat(2n ** 1024n) : fromNumber(x));

/** x is correctly rounded for a ≥ 0: no neighbour is closer, and a tie chose the even significand. */
function isNearest(a: Rational, x: number): boolean {
  const b = bits(x);
  const up = x === Infinity ? Infinity : fromBits(b + 1n);
  const down = x === 0 ? -fromBits(1n) : fromBits(b - 1n);
  const here = abs(sub(a, exact(x)));
  for (const y of [up, down]) {
    if (y === Infinity && x === Infinity) continue;
    const c = cmp(here, abs(sub(a, exact(y))));
    if (c > 0) return false;
    // A tie: x must have the even significand (Infinity counts as even, after the odd max double).
    if (c === 0 && x !== Infinity && (b & 1n) === 1n) return false;
  }
  return x !== Infinity || cmp(a, rat(2n ** 1024n - 2n ** 970n)) >= 0;
}

function checkBoth(a: Rational): void {
  const x = toNumber(a);
  expect(Object.is(x, viaDecimal(a)), `${a.num}/${a.den}: ${x} vs ${viaDecimal(a)}`).toBe(true);
  const positive = a.num < 0n ? rat(-a.num, a.den) : a;
  expect(isNearest(positive, Math.abs(x)), `${a.num}/${a.den} → ${x}`).toBe(true);
}

const p2 = (k: number) => 2n ** BigInt(k);
const MAX = rat(p2(1024) - p2(971));
const MIN_SUB = rat(1n, p2(1074));

describe("toNumber: adversarial values", () => {
  const cases: [string, Rational][] = [
    ["the issue's example", rat(332927747565820498491631281n, 548132237117n)],
    ["tie 2^53+1 → 2^53 (even)", rat(p2(53) + 1n)],
    ["tie 2^53+3 → 2^53+4 (even)", rat(p2(53) + 3n)],
    ["tie (2^54+2)/2", rat(p2(54) + 2n, 2n)],
    ["just above the tie 2^53+1", rat(p2(53) * 3n + 4n, 3n)],
    ["just below the tie 2^53+1", rat(p2(53) * 3n + 2n, 3n)],
    ["1/3", rat(1n, 3n)],
    ["−7/10", rat(-7n, 10n)],
    ["min subnormal", MIN_SUB],
    ["min subnormal / 2 (tie → 0)", rat(1n, p2(1075))],
    ["just above min subnormal / 2", rat(p2(1100) + 1n, p2(2175))],
    ["3 · min subnormal / 2 (tie → 2, even)", rat(3n, p2(1075))],
    ["5 · min subnormal / 2 (tie → 2, even)", rat(5n, p2(1075))],
    ["−min subnormal / 2 (→ −0)", rat(-1n, p2(1075))],
    ["subnormal 1/3 · 2^−1030", rat(1n, 3n * p2(1030))],
    ["min normal", rat(1n, p2(1022))],
    ["just below min normal", rat(p2(1100) - 1n, p2(2122))],
    ["tiny (2^−5000)", rat(1n, p2(5000))],
    ["max double", MAX],
    ["just below max double + half ulp", rat(p2(1024) - p2(970) - 1n)],
    ["max double + half ulp (tie → Infinity)", rat(p2(1024) - p2(970))],
    ["−(max double + half ulp)", rat(-(p2(1024) - p2(970)))],
    ["2^1024", rat(p2(1024))],
    ["huge (2^5000/3)", rat(p2(5000), 3n)],
    ["1000-bit numerator over 990-bit denominator", rat(p2(1000) - 12345n, p2(990) + 7n)],
    ["thousands of bits both sides", rat(3n ** 2100n + 1n, 5n ** 1300n - 2n)],
  ];
  it.each(cases)("%s", (_name, a) => checkBoth(a));

  it("gives the documented values at the edges", () => {
    expect(toNumber(rat(332927747565820498491631281n, 548132237117n))).toBe(607385818642803.875);
    expect(toNumber(rat(p2(53) + 1n))).toBe(2 ** 53);
    expect(toNumber(MIN_SUB)).toBe(Number.MIN_VALUE);
    expect(toNumber(rat(1n, p2(1075)))).toBe(0);
    expect(toNumber(rat(3n, p2(1075)))).toBe(2 * Number.MIN_VALUE);
    expect(Object.is(toNumber(rat(-1n, p2(1075))), -0)).toBe(true);
    expect(toNumber(MAX)).toBe(Number.MAX_VALUE);
    expect(toNumber(rat(p2(1024) - p2(970) - 1n))).toBe(Number.MAX_VALUE);
    expect(toNumber(rat(p2(1024) - p2(970)))).toBe(Infinity);
    expect(toNumber(rat(-(p2(1024) - p2(970))))).toBe(-Infinity);
    expect(toNumber(rat(0n))).toBe(0);
  });
});

/** Ratios whose size ranges from far below the subnormals to far above the overflow. */
const anyBits = (max: number) => fc.integer({ min: 1, max }).chain((k) => fc.bigInt({ min: 1n, max: p2(k) }));
const ratios = fc
  .tuple(fc.boolean(), anyBits(1200), anyBits(1200))
  .map(([negative, n, d]) => rat(negative ? -n : n, d));
/** Ratios near doubles' interesting ranges: numerators and denominators of about 1100 bits' difference. */
const extremes = fc
  .tuple(fc.boolean(), fc.integer({ min: 1000, max: 1130 }), anyBits(80), anyBits(80))
  .map(([small, shift, n, d]) => (small ? rat(n, d << BigInt(shift)) : rat(n << BigInt(shift), d)));
/** Near-ties: a double's midpoint plus or minus a tiny exact offset (or exactly on it). */
const nearTies = fc
  .tuple(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), fc.integer({ min: -1, max: 1 }))
  .map(([x, offset]) => {
    const mid = mul(add(exact(x), exact(fromBits(bits(x) + 1n))), rat(1n, 2n));
    return add(mid, rat(BigInt(offset), p2(2000)));
  });

describe("toNumber: random ratios against both oracles", () => {
  it("agrees on ratios of up to 1200-bit integers", () => {
    fc.assert(fc.property(ratios, (a) => checkBoth(a)), { numRuns: 2000 });
  });
  it("agrees near the subnormal and overflow ranges", () => {
    fc.assert(fc.property(extremes, (a) => checkBoth(a)), { numRuns: 2000 });
  });
  it("agrees on and near the midpoints between adjacent doubles", () => {
    fc.assert(fc.property(nearTies, (a) => checkBoth(a)), { numRuns: 2000 });
  });
});

describe("fromNumber and toNumber round-trip", () => {
  it("toNumber(fromNumber(x)) = x for every finite double (−0 comes back as 0)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(toNumber(fromNumber(x))).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 5000 },
    );
    for (const x of [Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, 2 ** -1022, 0.1, 1 / 3]) {
      expect(toNumber(fromNumber(x))).toBe(x);
    }
  });
  it("fromNumber(toNumber(q)) = q when q is a double", () => {
    fc.assert(
      // m·2^k with |m| < 2^53 and −1074 ≤ k ≤ 971 is always a double (normal or subnormal).
      fc.property(fc.bigInt({ min: -(p2(53) - 1n), max: p2(53) - 1n }), fc.integer({ min: -1074, max: 971 }), (m, k) => {
        const q = k >= 0 ? rat(m * p2(k)) : rat(m, p2(-k));
        expect(fromNumber(toNumber(q))).toEqual(q);
      }),
      { numRuns: 3000 },
    );
  });
});
