/**
 * The validation harness: run an estimator R times on a region whose probability is known exactly
 * and report how right it is: mean estimate, relative bias, relative RMSE, the coverage of its 95%
 * interval, the mean error of log-mean-exp (the Jensen gap that tyche's report carries), and its
 * cost (evaluations, CPU seconds). Repeats use independent streams (mixSeed of the seed and the
 * repeat index); the random-direction estimator's preconditioner is built once per region.
 */
import type { Prior } from "../measure/prior.js";
import type { EstimateOptions, Estimator, EstimatorRegion } from "./estimator.js";
import type { Proposal } from "./preconditioner.js";
import { anchorFor, preconditionerFor, type RandomDirectionOptions } from "./randomDirectionEstimator.js";
import { isProbed } from "./probedRegion.js";
import { mixSeed } from "./_internals/mixSeed.js";

/** Settings of a validation run. */
export interface ValidationOptions {
  /** Directions (or samples) per estimate, ≥ 2. */
  readonly directions: number;
  /** Estimates per region, ≥ 1. */
  readonly repeats: number;
  readonly seed: number;
  readonly proposal?: Proposal;
  /** Bootstrap replicates per estimate (0: none, the default here; the CLT interval is `ci`). */
  readonly bootstrap?: number;
  /** Called after each estimate with (done, total) for this region. */
  readonly onProgress?: (done: number) => void;
}

/** How one estimator did on one region. Field names are a public interface (JSON output). */
export interface RegionValidation {
  readonly function?: string;
  readonly label: string;
  /** The exact probability (`p`, with `err` or `fraction` as the region states it). */
  readonly exact: { readonly p: number; readonly err?: number; readonly fraction?: string };
  readonly repeats: number;
  readonly directions: number;
  /** Mean of the R estimates. */
  readonly meanEstimate: number;
  /** (mean − exact)/exact. */
  readonly relativeBias: number;
  /** √(mean (estimate − exact)²)/exact. */
  readonly relativeRmse: number;
  /** Fraction of repeats whose 95% interval holds the exact value (null if the estimator gives none). */
  readonly coverage: number | null;
  /** The same for the bootstrap interval, when one was computed. */
  readonly bootstrapCoverage?: number;
  /** Mean of ln(estimate) − ln(exact) over repeats, via log-mean-exp where given (Jensen: ≤ 0 on average). */
  readonly meanLogError: number;
  /**
   * Directions for 10% relative RMSE, if the variance falls as 1/K and the bias stays:
   * K·v/(0.01 − b²) with v = relativeRmse² − b², b = relativeBias; null when |b| ≥ 0.1 (more
   * directions cannot reach 10%).
   */
  readonly directionsFor10Percent: number | null;
  /** Evaluations per estimate (mean). */
  readonly evaluations: number;
  /** CPU seconds of all R estimates (process.cpuUsage: user + system). */
  readonly seconds: number;
  /** Random-direction extras: proposal, anchor method, star-shape report. */
  readonly proposal?: string;
  readonly anchorMethod?: string;
  readonly starShaped?: boolean | null;
  readonly reentryFraction?: number | null;
  /** The engine of the cost derivatives a proposal or rival used (`float64`, `tfjs-wasm`, …), when any. */
  readonly derivatives?: string;
}

/** See RegionValidation.directionsFor10Percent. */
function directionsFor(K: number, rmse: number, bias: number): number | null {
  if (!(Math.abs(bias) < 0.1)) return null;
  const variance = Math.max(0, rmse * rmse - bias * bias);
  return Math.max(2, Math.ceil((K * variance) / (0.01 - bias * bias)));
}

/**
 * Validates `estimator` on one region under `prior` (whose kind the region's `exact` must hold).
 * @throws RangeError if the region has no exact value for the prior, repeats < 1, or from the
 *   estimator (directions < 2, anchor outside, …).
 */
export function validateRegion(estimator: Estimator, region: EstimatorRegion, prior: Prior, options: ValidationOptions): RegionValidation {
  const kind = prior.family.kind;
  const exact = region.exact?.[kind];
  if (!exact) throw new RangeError(`${region.label}: no exact ${kind} probability to validate against`);
  if (!Number.isInteger(options.repeats) || options.repeats < 1) throw new RangeError(`repeats must be an integer ≥ 1, got ${options.repeats}`);
  const started = process.cpuUsage();
  const base: RandomDirectionOptions = {
    directions: options.directions,
    seed: options.seed,
    ...(options.proposal ? { proposal: options.proposal } : {}),
    bootstrap: options.bootstrap ?? 0,
  };
  let extra: Partial<RandomDirectionOptions> = {};
  if (estimator.name === "random-direction") {
    // One anchor and preconditioner per region: they are part of the method, not of the noise.
    const anchor = anchorFor(region, base);
    extra = { anchor: anchor.theta, preconditioner: preconditionerFor(region, prior, anchor.theta, base) };
  } else if (isProbed(region) && region.anchor) {
    // The rivals that need an interior point (laplace, llc) get the region's own; the others ignore it.
    extra = { anchor: region.anchor.theta };
  }
  const R = options.repeats;
  let sum = 0;
  let sumSq = 0;
  let covered = 0;
  let hasCi = true;
  let bootCovered = 0;
  let hasBoot = true;
  let logSum = 0;
  let evaluations = 0;
  let last: ReturnType<Estimator["estimate"]> | undefined;
  for (let r = 0; r < R; r++) {
    const opts: EstimateOptions = { ...base, ...extra, seed: mixSeed(options.seed, r) };
    const e = estimator.estimate(region, prior, opts);
    last = e;
    sum += e.estimate;
    sumSq += (e.estimate - exact.p) ** 2;
    if (e.ci) covered += e.ci[0] <= exact.p && exact.p <= e.ci[1] ? 1 : 0;
    else hasCi = false;
    const boot = e.details?.bootstrapCi as readonly [number, number] | null | undefined;
    if (boot) bootCovered += boot[0] <= exact.p && exact.p <= boot[1] ? 1 : 0;
    else hasBoot = false;
    logSum += (e.logMeanExp ?? Math.log(e.estimate)) - Math.log(exact.p);
    evaluations += e.evaluations;
    options.onProgress?.(r + 1);
  }
  const used = process.cpuUsage(started);
  const mean = sum / R;
  const relativeRmse = Math.sqrt(sumSq / R) / exact.p;
  const d = last?.details ?? {};
  return {
    ...(region.function === undefined ? {} : { function: region.function }),
    label: region.label,
    exact: { ...exact },
    repeats: R,
    directions: options.directions,
    meanEstimate: mean,
    relativeBias: (mean - exact.p) / exact.p,
    relativeRmse,
    coverage: hasCi ? covered / R : null,
    ...(hasBoot ? { bootstrapCoverage: bootCovered / R } : {}),
    meanLogError: logSum / R,
    directionsFor10Percent: directionsFor(options.directions, relativeRmse, (mean - exact.p) / exact.p),
    evaluations: evaluations / R,
    seconds: (used.user + used.system) / 1e6,
    ...(typeof d.proposal === "string" ? { proposal: d.proposal } : {}),
    ...(typeof d.anchorMethod === "string" ? { anchorMethod: d.anchorMethod } : {}),
    ...("starShaped" in d ? { starShaped: d.starShaped as boolean | null } : {}),
    ...("reentryFraction" in d ? { reentryFraction: d.reentryFraction as number | null } : {}),
    ...(typeof d.derivatives === "string" ? { derivatives: d.derivatives } : {}),
  };
}

/** Aggregates over the validated regions. Field names are a public interface (JSON output). */
export interface ValidationSummary {
  readonly functions: number;
  /** Means over regions. */
  readonly meanRelativeBias: number;
  readonly meanAbsoluteRelativeBias: number;
  readonly meanRelativeRmse: number;
  /** Pooled over all repeats of all regions (null if the estimator gives no interval). */
  readonly coverage: number | null;
  readonly bootstrapCoverage?: number;
  readonly meanLogError: number;
  /** The region with the smallest exact probability, and how the estimator did there. */
  readonly rarest: { readonly function?: string; readonly exact: number; readonly relativeRmse: number; readonly directionsFor10Percent: number | null };
  /** The region with the largest relative RMSE. */
  readonly worst: { readonly function?: string; readonly exact: number; readonly relativeRmse: number };
  /** Regions whose rays came back in (not star-shaped about the anchor). */
  readonly notStarShaped?: number;
  /** The engines of the cost derivatives used, comma-separated (e.g. `tfjs-wasm`), when any were. */
  readonly derivatives?: string;
  readonly evaluations: number;
  readonly seconds: number;
}

/**
 * The summary of several regions' validations.
 * @throws RangeError for an empty list.
 */
export function validationSummary(rows: readonly RegionValidation[]): ValidationSummary {
  if (rows.length === 0) throw new RangeError("no regions were validated");
  const mean = (f: (r: RegionValidation) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
  const repeats = rows.reduce((s, r) => s + r.repeats, 0);
  const pooled = (f: (r: RegionValidation) => number | null | undefined) =>
    rows.every((r) => typeof f(r) === "number") ? rows.reduce((s, r) => s + (f(r) as number) * r.repeats, 0) / repeats : null;
  const rarest = rows.reduce((a, b) => (b.exact.p < a.exact.p ? b : a));
  const worst = rows.reduce((a, b) => (b.relativeRmse > a.relativeRmse ? b : a));
  const boot = pooled((r) => r.bootstrapCoverage);
  const starChecked = rows.filter((r) => r.starShaped !== undefined);
  const engines = [...new Set(rows.flatMap((r) => (r.derivatives === undefined ? [] : [r.derivatives])))];
  return {
    functions: rows.length,
    meanRelativeBias: mean((r) => r.relativeBias),
    meanAbsoluteRelativeBias: mean((r) => Math.abs(r.relativeBias)),
    meanRelativeRmse: mean((r) => r.relativeRmse),
    coverage: pooled((r) => r.coverage),
    ...(boot === null ? {} : { bootstrapCoverage: boot }),
    meanLogError: mean((r) => r.meanLogError),
    rarest: {
      ...(rarest.function === undefined ? {} : { function: rarest.function }),
      exact: rarest.exact.p,
      relativeRmse: rarest.relativeRmse,
      directionsFor10Percent: rarest.directionsFor10Percent,
    },
    worst: { ...(worst.function === undefined ? {} : { function: worst.function }), exact: worst.exact.p, relativeRmse: worst.relativeRmse },
    ...(starChecked.length > 0 ? { notStarShaped: starChecked.filter((r) => r.starShaped === false).length } : {}),
    ...(engines.length > 0 ? { derivatives: engines.join(", ") } : {}),
    evaluations: rows.reduce((s, r) => s + r.evaluations * r.repeats, 0),
    seconds: rows.reduce((s, r) => s + r.seconds, 0),
  };
}
