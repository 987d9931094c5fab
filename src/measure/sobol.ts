/**
 * Sobol' points in up to 64 dimensions with hash-based Owen scrambling, for randomised quasi-Monte
 * Carlo: each scramble is an independent, uniformly distributed point set (unbiased means), so
 * intervals come from the spread of the means of independent scrambles.
 *
 * Direction numbers: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654, file
 * new-joe-kuo-6.21201 (dimensions 2–64; dimension 1 is the van der Corput sequence).
 * Scrambling: B. Burley, "Practical Hash-based Owen Scrambling", JCGT 9(4) (2020): a nested uniform
 * scramble of the bit-reversed integer by a hash whose every step only lets a bit depend on the
 * bits before it (in the original order, the higher digits), which is Owen's nesting.
 */
import { reverseBits } from "../boolean/tableWords.js";
import type { RandomStream } from "./prior.js";

/** (degree s, coefficient bits a, initial m_1 … m_s) per dimension 2 … 64, from new-joe-kuo-6.21201. */
const JOE_KUO: readonly (readonly [number, number, readonly number[]])[] = [
  [1, 0, [1]],
  [2, 1, [1, 3]],
  [3, 1, [1, 3, 1]],
  [3, 2, [1, 1, 1]],
  [4, 1, [1, 1, 3, 3]],
  [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]],
  [5, 4, [1, 1, 5, 5, 5]],
  [5, 7, [1, 1, 7, 11, 19]],
  [5, 11, [1, 1, 5, 1, 1]],
  [5, 13, [1, 1, 1, 3, 11]],
  [5, 14, [1, 3, 5, 5, 31]],
  [6, 1, [1, 3, 3, 9, 7, 49]],
  [6, 13, [1, 1, 1, 15, 21, 21]],
  [6, 16, [1, 3, 1, 13, 27, 49]],
  [6, 19, [1, 1, 1, 15, 7, 5]],
  [6, 22, [1, 3, 1, 15, 13, 25]],
  [6, 25, [1, 1, 5, 5, 19, 61]],
  [7, 1, [1, 3, 7, 11, 23, 15, 103]],
  [7, 4, [1, 3, 7, 13, 13, 15, 69]],
  [7, 7, [1, 1, 3, 13, 7, 35, 63]],
  [7, 8, [1, 3, 5, 9, 1, 25, 53]],
  [7, 14, [1, 3, 1, 13, 9, 35, 107]],
  [7, 19, [1, 3, 1, 5, 27, 61, 31]],
  [7, 21, [1, 1, 5, 11, 19, 41, 61]],
  [7, 28, [1, 3, 5, 3, 3, 13, 69]],
  [7, 31, [1, 1, 7, 13, 1, 19, 1]],
  [7, 32, [1, 3, 7, 5, 13, 19, 59]],
  [7, 37, [1, 1, 3, 9, 25, 29, 41]],
  [7, 41, [1, 3, 5, 13, 23, 1, 55]],
  [7, 42, [1, 3, 7, 3, 13, 59, 17]],
  [7, 50, [1, 3, 1, 3, 5, 53, 69]],
  [7, 55, [1, 1, 5, 5, 23, 33, 13]],
  [7, 56, [1, 1, 7, 7, 1, 61, 123]],
  [7, 59, [1, 1, 7, 9, 13, 61, 49]],
  [7, 62, [1, 3, 3, 5, 3, 55, 33]],
  [8, 14, [1, 3, 1, 15, 31, 13, 49, 245]],
  [8, 21, [1, 3, 5, 15, 31, 59, 63, 97]],
  [8, 22, [1, 3, 1, 11, 11, 11, 77, 249]],
  [8, 38, [1, 3, 1, 11, 27, 43, 71, 9]],
  [8, 47, [1, 1, 7, 15, 21, 11, 81, 45]],
  [8, 49, [1, 3, 7, 3, 25, 31, 65, 79]],
  [8, 50, [1, 3, 1, 1, 19, 11, 3, 205]],
  [8, 52, [1, 1, 5, 9, 19, 21, 29, 157]],
  [8, 56, [1, 3, 7, 11, 1, 33, 89, 185]],
  [8, 67, [1, 3, 3, 3, 15, 9, 79, 71]],
  [8, 70, [1, 3, 7, 11, 15, 39, 119, 27]],
  [8, 84, [1, 1, 3, 1, 11, 31, 97, 225]],
  [8, 97, [1, 1, 1, 3, 23, 43, 57, 177]],
  [8, 103, [1, 3, 7, 7, 17, 17, 37, 71]],
  [8, 115, [1, 3, 1, 5, 27, 63, 123, 213]],
  [8, 122, [1, 1, 3, 5, 11, 43, 53, 133]],
  [9, 8, [1, 3, 5, 5, 29, 17, 47, 173, 479]],
  [9, 13, [1, 3, 3, 11, 3, 1, 109, 9, 69]],
  [9, 16, [1, 1, 1, 5, 17, 39, 23, 5, 343]],
  [9, 22, [1, 3, 1, 5, 25, 15, 31, 103, 499]],
  [9, 25, [1, 1, 1, 11, 11, 17, 63, 105, 183]],
  [9, 44, [1, 1, 5, 11, 9, 29, 97, 231, 363]],
  [9, 47, [1, 1, 5, 15, 19, 45, 41, 7, 383]],
  [9, 52, [1, 3, 7, 7, 31, 19, 83, 137, 221]],
  [9, 55, [1, 1, 1, 3, 23, 15, 111, 223, 83]],
  [9, 59, [1, 1, 5, 13, 31, 15, 55, 25, 161]],
  [9, 62, [1, 1, 3, 13, 25, 47, 39, 87, 257]],
];

/** Largest dimension available. */
export const MAX_SOBOL_DIMENSION = JOE_KUO.length + 1;
/** Bits per coordinate (points are k / 2^32). */
const BITS = 32;

/** The 32 direction numbers v_1 … v_32 (as 32-bit integers) of each of `dim` dimensions. */
function directionNumbers(dim: number): Uint32Array[] {
  const out: Uint32Array[] = [];
  for (let d = 0; d < dim; d++) {
    const v = new Uint32Array(BITS);
    if (d === 0) {
      for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    } else {
      const [s, a, m] = JOE_KUO[d - 1];
      for (let k = 0; k < s; k++) v[k] = (m[k] * 2 ** (BITS - 1 - k)) >>> 0;
      for (let k = s; k < BITS; k++) {
        let x = (v[k - s] ^ (v[k - s] >>> s)) >>> 0;
        for (let q = 1; q < s; q++) if ((a >>> (s - 1 - q)) & 1) x = (x ^ v[k - q]) >>> 0;
        v[k] = x;
      }
    }
    out.push(v);
  }
  return out;
}

/** Burley's nested uniform scramble of a 32-bit coordinate with a 32-bit seed. */
export function owenScramble(x: number, seed: number): number {
  let y = reverseBits(x);
  y ^= Math.imul(y, 0x3d20adea);
  y = (y + seed) | 0;
  y = Math.imul(y, (seed >>> 16) | 1);
  y ^= Math.imul(y, 0x05526c56);
  y ^= Math.imul(y, 0x53a22864);
  return reverseBits(y >>> 0);
}

/** A stream of Sobol' points in [0, 1)^dim, unscrambled or Owen-scrambled. */
export interface SobolStream {
  readonly dimension: number;
  /** Writes the next point into out[offset … offset + dim), coordinates in (0, 1) (never 0). */
  next(out: Float64Array, offset: number): void;
}

/**
 * Sobol' points in Gray-code order, starting at index 0; with `rng`, scrambled by seeds drawn from
 * it (one per dimension), else plain. Coordinates are (k + 1/2)/2^32 so that none is 0 or 1 (an
 * inverse CDF can take them).
 * @throws RangeError if dim is not 1 … MAX_SOBOL_DIMENSION.
 */
export function sobolStream(dim: number, rng?: RandomStream): SobolStream {
  if (!Number.isInteger(dim) || dim < 1 || dim > MAX_SOBOL_DIMENSION)
    throw new RangeError(`Sobol' points are available in 1 to ${MAX_SOBOL_DIMENSION} dimensions, got ${dim}`);
  const v = directionNumbers(dim);
  const seeds = Uint32Array.from({ length: dim }, () => (rng ? rng.next() >>> 0 : 0));
  const x = new Uint32Array(dim);
  let index = 0;
  return {
    dimension: dim,
    next(out, offset) {
      for (let d = 0; d < dim; d++) {
        const bits = rng ? owenScramble(x[d], seeds[d]) : x[d];
        out[offset + d] = (bits + 0.5) / 2 ** BITS;
      }
      // Gray code: the next point differs in the direction number of the lowest zero bit of index.
      let c = 0;
      while ((index >>> c) & 1) c++;
      if (c >= BITS) throw new RangeError("Sobol' stream exhausted (2^32 points)");
      for (let d = 0; d < dim; d++) x[d] = (x[d] ^ v[d][c]) >>> 0;
      index++;
    },
  };
}
