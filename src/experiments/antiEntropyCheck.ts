/**
 * Numerical check of the anti-entropy theorem (Mingard et al. 2019, Thm 4.1): for a perceptron
 * without bias on binary inputs and any weight law symmetric under coordinate reflections,
 * P(T = t) = 2^−n for every 0 ≤ t < 2^n (T = number of ones); so P(T = 2^n) = 0 (the zero input
 * always gives output 0).
 */
import type { Architecture } from "../arch/architecture.js";
import { abs, cmp, parse, rat, sub, toNumber, ZERO } from "../geometry/rational.js";
import type { EntropyBiasEntry } from "./entropyBias.js";

/** Standard deviations a sampled P(T = t) may lie from the claim. */
export const SAMPLED_SIGMAS = 5;

/** Whether the theorem applies to the architecture: a perceptron without bias on binary inputs. */
export function antiEntropyApplies(arch: Architecture): boolean {
  return arch.type === "perceptron" && arch.description.bias === false && arch.encoding === "binary";
}

/** The check under one prior. */
export interface AntiEntropyCheck {
  /** The claimed value 2^−n as a fraction, `1/2^n`. */
  readonly expected: string;
  /** max over 0 ≤ t < 2^n of |P(T = t) − 2^−n|, and P(T = 2^n) (expected 0). */
  readonly maxDeviation: number;
  /** For exact (rational) priors: whether every P(T = t) equals its claimed value exactly. */
  readonly exactEquality?: boolean;
  /** For numerical priors: the largest error bound of the P(T = t). */
  readonly maxErr?: number;
  /**
   * For a Monte Carlo table: max over t of |P(T = t) − claim| in standard deviations of the claimed
   * binomial proportion, √(claim·(1 − claim)/samples) (Infinity for a hit where the claim is 0).
   */
  readonly maxSigma?: number;
  /** exactEquality, or maxDeviation within maxErr (plus one rounding of the subtraction), or (sampled) maxSigma ≤ 5. */
  readonly holds: boolean;
}

/**
 * Compares P(T = t) (entropyBias of a no-bias binary perceptron, t = 0 … 2^n) with the theorem.
 * @throws RangeError if the entries are not 2^n + 1.
 */
export function antiEntropyCheck(entries: readonly EntropyBiasEntry[], n: number): AntiEntropyCheck {
  const rows = 2 ** n;
  if (entries.length !== rows + 1) throw new RangeError(`antiEntropyCheck: need ${rows + 1} entries (t = 0 … 2^n), got ${entries.length}`);
  const target = rat(1n, BigInt(rows));
  const expected = (t: number) => (t < rows ? target : ZERO);
  let maxDeviation = 0;
  let exact = true;
  let maxErr = 0;
  let numerical = false;
  let sampled = false;
  let maxSigma = 0;
  for (const e of entries) {
    const want = expected(e.t);
    if (typeof e.hits === "number" && typeof e.samples === "number") {
      sampled = true;
      const claim = toNumber(want);
      const dev = Math.abs(e.p - claim);
      maxDeviation = Math.max(maxDeviation, dev);
      maxSigma = Math.max(maxSigma, claim === 0 ? (dev === 0 ? 0 : Infinity) : dev / Math.sqrt((claim * (1 - claim)) / e.samples));
    } else if (typeof e.fraction === "string") {
      const dev = abs(sub(parse(e.fraction), want));
      exact &&= cmp(dev, ZERO) === 0;
      maxDeviation = Math.max(maxDeviation, toNumber(dev));
    } else {
      numerical = true;
      maxDeviation = Math.max(maxDeviation, Math.abs(e.p - toNumber(want)));
      maxErr = Math.max(maxErr, typeof e.err === "number" ? e.err : Infinity);
    }
  }
  const expectedText = `1/${rows}`;
  // Five standard deviations: a true claim fails with probability below 6e-7 per t.
  if (sampled) return { expected: expectedText, maxDeviation, maxSigma, holds: maxSigma <= SAMPLED_SIGMAS };
  if (!numerical) return { expected: expectedText, maxDeviation, exactEquality: exact, holds: exact };
  return { expected: expectedText, maxDeviation, maxErr, holds: maxDeviation <= maxErr + Number.EPSILON };
}
