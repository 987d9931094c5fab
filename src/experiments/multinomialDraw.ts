/**
 * Exact draws from binomial and multinomial laws, at a cost that does not grow with the number of
 * trials: a bootstrap replicate of a table by class draws how many of its N functions fall in each
 * class (N = 15 million at n = 6) without drawing N atoms.
 */
import type { RandomStream } from "../measure/prior.js";
import { standardNormals } from "../measure/gaussianPrior.js";
import { nextUnit, stateOf } from "../measure/randomStream.js";

/** Below this mean n·p (p ≤ ½) a binomial is drawn by inversion, term by term from k = 0. */
const INVERSION_MEAN = 30;

const normal = new Float64Array(1);

/** Gamma(shape, 1) for shape ≥ 1 by Marsaglia and Tsang's (2000) squeeze-and-reject method (exact). */
function gammaDraw(rng: RandomStream, shape: number): number {
  const s = stateOf(rng);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    standardNormals(rng, normal, 1);
    const x = normal[0];
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = nextUnit(s);
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b), a, b ≥ 1, as G_a / (G_a + G_b). */
function betaDraw(rng: RandomStream, a: number, b: number): number {
  const x = gammaDraw(rng, a);
  return x / (x + gammaDraw(rng, b));
}

/** Binomial(n, p), p ≤ ½, n·p < INVERSION_MEAN: inversion of the CDF from k = 0. */
function inversion(rng: RandomStream, n: number, p: number): number {
  const q = 1 - p;
  const ratio = p / q;
  let f = Math.exp(n * Math.log1p(-p));
  let u = nextUnit(stateOf(rng));
  let k = 0;
  while (u >= f && k < n) {
    u -= f;
    f *= (ratio * (n - k)) / (k + 1);
    k++;
  }
  return k;
}

/**
 * One draw of Binomial(n, p): the number of n independent uniforms below p. For a large mean, the
 * i-th smallest of the uniforms (i = ⌊n·p⌋) is drawn directly, as Beta(i, n − i + 1); the uniforms
 * below it are i − 1 uniforms on [0, U_(i)] and those above are n − i on [U_(i), 1], so the count is
 * a binomial of one side with a rescaled p (Devroye 1986, ch. X), whose mean is O(√(n·p)): a few
 * steps reach inversion. Exact in law (up to the doubles' rounding).
 * @throws RangeError unless n is an integer ≥ 0 and 0 ≤ p ≤ 1.
 */
export function binomialDraw(rng: RandomStream, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomial: n must be an integer ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial: p must be in [0, 1], got ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - binomialDraw(rng, n, 1 - p);
  if (n * p < INVERSION_MEAN) return inversion(rng, n, p);
  const i = Math.floor(n * p);
  const u = betaDraw(rng, i, n - i + 1);
  return u >= p ? binomialDraw(rng, i - 1, p / u) : i + binomialDraw(rng, n - i, (p - u) / (1 - u));
}

/**
 * One draw of Multinomial(total, weights / Σ weights) into `out` (same length as weights): each
 * count given the earlier ones is binomial. The counts are integers summing to `total` exactly.
 * @throws RangeError for negative weights, a zero total weight with total > 0, or mismatched lengths.
 */
export function multinomialDraw(rng: RandomStream, total: number, weights: ArrayLike<number>, out: Float64Array): void {
  if (out.length !== weights.length) throw new RangeError(`multinomial: ${out.length} outputs for ${weights.length} weights`);
  let rest = 0;
  for (let i = 0; i < weights.length; i++) {
    if (!(weights[i] >= 0)) throw new RangeError(`multinomial: weight ${i} is ${weights[i]}, must be ≥ 0`);
    rest += weights[i];
  }
  if (rest === 0 && total > 0) throw new RangeError("multinomial: all weights are 0");
  let left = total;
  for (let i = 0; i < weights.length; i++) {
    // The last cell with weight takes what is left, so rounding in `rest` cannot lose a count.
    const c = left === 0 ? 0 : weights[i] >= rest ? left : binomialDraw(rng, left, weights[i] / rest);
    out[i] = c;
    left -= c;
    rest -= weights[i];
  }
}
