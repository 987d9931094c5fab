/**
 * Aggregates of the random-direction estimator's per-direction values x_i = p̂(u_i)·w_i (probability
 * along the direction times the importance weight), given as logarithms ℓ_i = ln x_i so that values
 * far below the smallest double still count:
 *
 * - the unbiased mean x̄ (the estimate), with a 95% CLT interval x̄ ± z·s/√K and a percentile
 *   bootstrap interval (heavy tails make the CLT interval too narrow; the bootstrap shows it);
 * - log-mean-exp ln x̄ computed in log space (tyche's report; as an estimate of ln P it is biased low
 *   by Jensen's inequality);
 * - the largest value (tyche plots it).
 */
import { CompensatedSum } from "../measure/compensatedSum.js";
import { stateOf, randomStream, unitsFromState } from "../measure/randomStream.js";

/** Two-sided coverage of the intervals. */
export const INTERVAL_LEVEL = 0.95;
/** Φ⁻¹(0.975) to double precision (normalQuantile's approximation is off by 1.6e-9 here). */
const Z = 1.959963984540054;

/** The aggregates of one run. */
export interface DirectionAggregates {
  /** The mean x̄ (0 if it underflows; logMeanExp keeps it). */
  readonly mean: number;
  /** ln x̄, from the log values (−Infinity if every value is 0). */
  readonly logMeanExp: number;
  /** Sample standard deviation s of the values. */
  readonly sd: number;
  /** s/√K. */
  readonly standardError: number;
  /** x̄ ± z·s/√K, clipped to [0, 1] (a probability lies there, so clipping never loses coverage). */
  readonly ci: readonly [number, number];
  /** Percentile bootstrap interval of the mean, or null without replicates. */
  readonly bootstrapCi: readonly [number, number] | null;
  /** max_i x_i and its logarithm. */
  readonly max: number;
  readonly logMax: number;
  /** Kish's effective sample size (Σx)²/Σx² (K when all values are equal). */
  readonly effectiveSampleSize: number;
}

/**
 * The aggregates of K ≥ 2 log values.
 * @param bootstrap number of bootstrap replicates (0: none).
 * @param seed seed of the bootstrap's resampling stream.
 * @throws RangeError if fewer than 2 values are given.
 */
export function directionAggregates(logValues: Float64Array, bootstrap: number, seed: number): DirectionAggregates {
  const K = logValues.length;
  if (K < 2) throw new RangeError(`need at least 2 directions, got ${K}`);
  let top = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < K; i++) if (logValues[i] > top) top = logValues[i];
  if (top === Number.NEGATIVE_INFINITY) {
    return { mean: 0, logMeanExp: top, sd: 0, standardError: 0, ci: [0, 0], bootstrapCi: bootstrap > 0 ? [0, 0] : null, max: 0, logMax: top, effectiveSampleSize: 0 };
  }
  // Values relative to the largest, so the sums neither overflow nor underflow.
  const scaled = new Float64Array(K);
  const sum = new CompensatedSum();
  const sumSq = new CompensatedSum();
  for (let i = 0; i < K; i++) {
    const y = Math.exp(logValues[i] - top);
    scaled[i] = y;
    sum.add(y);
    sumSq.add(y * y);
  }
  const meanScaled = sum.value() / K;
  const dev = new CompensatedSum();
  for (let i = 0; i < K; i++) dev.add((scaled[i] - meanScaled) ** 2);
  const factor = Math.exp(top);
  const mean = meanScaled * factor;
  const sd = Math.sqrt(dev.value() / (K - 1)) * factor;
  const se = sd / Math.sqrt(K);
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  return {
    mean,
    logMeanExp: top + Math.log(meanScaled),
    sd,
    standardError: se,
    ci: [clip(mean - Z * se), clip(mean + Z * se)],
    bootstrapCi: bootstrap > 0 ? bootstrapInterval(scaled, bootstrap, seed, factor) : null,
    max: factor,
    logMax: top,
    effectiveSampleSize: (sum.value() * sum.value()) / sumSq.value(),
  };
}

/** Percentile interval of the means of B resamples (with replacement) of the values. */
function bootstrapInterval(scaled: Float64Array, B: number, seed: number, factor: number): readonly [number, number] {
  const K = scaled.length;
  const state = stateOf(randomStream(seed));
  const units = new Float64Array(K);
  const means = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    unitsFromState(state, units, K);
    let s = 0;
    for (let i = 0; i < K; i++) s += scaled[Math.floor(units[i] * K)];
    means[b] = s / K;
  }
  means.sort();
  const at = (q: number) => {
    const h = (B - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, B - 1);
    return (means[lo] + (h - lo) * (means[hi] - means[lo])) * factor;
  };
  return [Math.min(1, at((1 - INTERVAL_LEVEL) / 2)), Math.min(1, at((1 + INTERVAL_LEVEL) / 2))];
}
