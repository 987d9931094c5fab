/**
 * Grundmann–Möller cubature on the m-simplex {x ≥ 0, Σx ≤ 1} (Grundmann & Möller 1978, SIAM J.
 * Numer. Anal. 15:282–290). The rule of index s has degree 2s + 1 and is a signed combination of
 * "levels": level j consists of the points with barycentric coordinates (2β_0 + 1, …, 2β_m + 1)/(2j + m + 1)
 * for all β ∈ ℕ^{m+1} with |β| = j, and
 *   Q_s f = Σ_{i=0}^{s} (−1)^i 2^−2s (2s + 1 + m − 2i)^{2s+1} / (i! (2s + 1 + m − i)!) · Σ_{level s−i} f,
 * so one pass over levels 0..s yields every Q_0, …, Q_s (the embedded lower-degree rules give the
 * error estimate for free). Weights sum to the simplex volume 1/m!. The weights alternate in sign;
 * Σ|w|/Σw is about 150 for m = 6, s = 6, so rounding stays near 1e-14 relative.
 */

import { rat, toNumber } from "../../geometry/rational.js";

/** One Grundmann–Möller family for a fixed dimension m and maximal index s. */
export interface GrundmannMollerRule {
  /** Simplex dimension m (points have m + 1 barycentric coordinates). */
  readonly dim: number;
  /** Highest index s (degree 2s + 1). */
  readonly index: number;
  /** levels[j]: barycentric coordinates of level j's points, m + 1 per point, row-major. */
  readonly levels: readonly Float64Array[];
  /** weights[s'][j]: weight of level j in the rule of index s' (0 ≤ j ≤ s' ≤ index). */
  readonly weights: readonly Float64Array[];
}

const cache = new Map<string, GrundmannMollerRule>();

/**
 * The Grundmann–Möller family of dimension m ≥ 1 and indices 0..s (cached; do not mutate).
 * @throws RangeError if m is not in 1..12 or s not in 0..10.
 */
export function grundmannMoller(m: number, s: number): GrundmannMollerRule {
  if (!Number.isInteger(m) || m < 1 || m > 12) {
    throw new RangeError(`grundmannMoller: dimension must be an integer from 1 to 12, got ${m}`);
  }
  if (!Number.isInteger(s) || s < 0 || s > 10) {
    throw new RangeError(`grundmannMoller: index must be an integer from 0 to 10, got ${s}`);
  }
  const key = `${m}:${s}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const levels: Float64Array[] = [];
  for (let j = 0; j <= s; j++) {
    const pts: number[] = [];
    const beta = new Array<number>(m + 1).fill(0);
    const denom = 2 * j + m + 1;
    const place = (k: number, rest: number): void => {
      if (k === m) {
        beta[m] = rest;
        for (const b of beta) pts.push((2 * b + 1) / denom);
        return;
      }
      for (let b = 0; b <= rest; b++) {
        beta[k] = b;
        place(k + 1, rest - b);
      }
    };
    place(0, j);
    levels.push(Float64Array.from(pts));
  }
  const weights: Float64Array[] = [];
  for (let q = 0; q <= s; q++) {
    const w = new Float64Array(q + 1);
    const deg = 2 * q + 1;
    for (let i = 0; i <= q; i++) {
      // Exact rational weights, rounded once: the alternating sum amplifies any weight error ~150×.
      const num = BigInt(deg + m - 2 * i) ** BigInt(deg);
      const den = (1n << BigInt(2 * q)) * factorial(i) * factorial(deg + m - i);
      w[q - i] = toNumber(rat(i % 2 === 0 ? num : -num, den));
    }
    weights.push(w);
  }
  const rule = { dim: m, index: s, levels, weights };
  cache.set(key, rule);
  return rule;
}

function factorial(n: number): bigint {
  let f = 1n;
  for (let k = 2n; k <= BigInt(n); k++) f *= k;
  return f;
}
