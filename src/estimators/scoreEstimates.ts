/**
 * Scores of volume estimates against exact values: per function the bias, RMSE, interval coverage
 * and mean log error of its estimates, and a summary over functions. `weightspace score` prints
 * these for estimates made outside the library; the validation harness measures the same things.
 */

/** One estimate of one function's probability. */
export interface ScoredEstimate {
  /** The estimate (a probability; ≤ 0 counts as a failure of the log error). */
  readonly estimate: number;
  /** Its 95% interval, when the estimator gave one. */
  readonly ci?: readonly [number, number];
}

/** Scores of one function's estimates. Field names are a public interface (JSON output). */
export interface FunctionScore {
  readonly exact: number;
  /** Number of estimates. */
  readonly estimates: number;
  /** Mean estimate. */
  readonly mean: number;
  /** mean − exact. */
  readonly bias: number;
  /** (mean − exact)/exact. */
  readonly relativeBias: number;
  /** √(mean (estimate − exact)²). */
  readonly rmse: number;
  /** rmse/exact. */
  readonly relativeRmse: number;
  /** Estimates that came with an interval. */
  readonly intervals: number;
  /** Fraction of those intervals that contain the exact value (null without intervals). */
  readonly coverage: number | null;
  /** Mean of ln(estimate/exact) over estimates > 0 (null if none): the log-space bias. */
  readonly meanLogError: number | null;
  /** Estimates ≤ 0, left out of the log error. */
  readonly nonPositive: number;
}

/** Summary over functions. Field names are a public interface (JSON output). */
export interface ScoreSummary {
  readonly functions: number;
  readonly estimates: number;
  /** Mean over functions of the relative bias. */
  readonly meanRelativeBias: number;
  /** Mean over functions of the relative RMSE. */
  readonly meanRelativeRmse: number;
  /** RMSE over all estimates pooled (absolute, probability units). */
  readonly rmse: number;
  /** Pooled coverage of all intervals (null without intervals). */
  readonly coverage: number | null;
  /** Intervals pooled. */
  readonly intervals: number;
  /** Mean ln(estimate/exact) over all positive estimates pooled (null if none). */
  readonly meanLogError: number | null;
  /** Estimates ≤ 0 pooled. */
  readonly nonPositive: number;
}

/**
 * Scores a function's estimates against its exact probability.
 * @throws RangeError for no estimates, exact ≤ 0, or a non-finite estimate or interval end.
 */
export function scoreFunction(exact: number, estimates: readonly ScoredEstimate[]): FunctionScore {
  if (!(exact > 0)) throw new RangeError(`an exact probability must be > 0 to score against, got ${exact}`);
  if (estimates.length === 0) throw new RangeError("no estimates to score");
  let sum = 0;
  let sq = 0;
  let intervals = 0;
  let covered = 0;
  let logSum = 0;
  let positive = 0;
  for (const { estimate, ci } of estimates) {
    if (!Number.isFinite(estimate)) throw new RangeError(`estimate ${estimate} is not finite`);
    sum += estimate;
    sq += (estimate - exact) ** 2;
    if (ci) {
      if (!ci.every(Number.isFinite)) throw new RangeError(`interval [${ci.join(", ")}] is not finite`);
      intervals++;
      if (ci[0] <= exact && exact <= ci[1]) covered++;
    }
    if (estimate > 0) {
      logSum += Math.log(estimate / exact);
      positive++;
    }
  }
  const count = estimates.length;
  const mean = sum / count;
  const rmse = Math.sqrt(sq / count);
  return {
    exact,
    estimates: count,
    mean,
    bias: mean - exact,
    relativeBias: (mean - exact) / exact,
    rmse,
    relativeRmse: rmse / exact,
    intervals,
    coverage: intervals > 0 ? covered / intervals : null,
    meanLogError: positive > 0 ? logSum / positive : null,
    nonPositive: count - positive,
  };
}

/** The summary of per-function scores (pooled over estimates where stated). */
export function summariseScores(scores: readonly FunctionScore[]): ScoreSummary {
  let estimates = 0;
  let sq = 0;
  let intervals = 0;
  let covered = 0;
  let logSum = 0;
  let positive = 0;
  let nonPositive = 0;
  for (const s of scores) {
    estimates += s.estimates;
    sq += s.rmse ** 2 * s.estimates;
    intervals += s.intervals;
    covered += (s.coverage ?? 0) * s.intervals;
    const pos = s.estimates - s.nonPositive;
    logSum += (s.meanLogError ?? 0) * pos;
    positive += pos;
    nonPositive += s.nonPositive;
  }
  const mean = (pick: (s: FunctionScore) => number) => (scores.length ? scores.reduce((t, s) => t + pick(s), 0) / scores.length : Number.NaN);
  return {
    functions: scores.length,
    estimates,
    meanRelativeBias: mean((s) => s.relativeBias),
    meanRelativeRmse: mean((s) => s.relativeRmse),
    rmse: estimates > 0 ? Math.sqrt(sq / estimates) : Number.NaN,
    coverage: intervals > 0 ? Math.round(covered) / intervals : null,
    intervals,
    meanLogError: positive > 0 ? logSum / positive : null,
    nonPositive,
  };
}
