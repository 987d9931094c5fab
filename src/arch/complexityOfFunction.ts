/**
 * Every complexity measure of one function, as the data the `complexity` command prints: the
 * boolean layer's measures plus the threshold-function ones (facets, minimal weight).
 */
import {
  BOOLEAN_MEASURES,
  type BooleanMeasureName,
  booleanMeasures,
} from "../boolean/complexity/complexityMeasures.js";
import type { MeasureOutcome } from "../boolean/complexity/measureOutcome.js";
import type { Encoding } from "../boolean/encoding.js";
import { type BooleanFunction, formatFunction } from "../boolean/truthTable.js";
import { minimalWeight, thresholdFacets } from "./perceptron/thresholdComplexity.js";

/** Every measure name, in output order: the JSON keys of a complexity report. */
export const COMPLEXITY_MEASURES = [...BOOLEAN_MEASURES, "facets", "minWeight"] as const;

/** One of COMPLEXITY_MEASURES. */
export type ComplexityMeasureName = (typeof COMPLEXITY_MEASURES)[number];

/** Options of complexityOfFunction. */
export interface ComplexityOptions {
  /** Measures to compute (default: all), reported in COMPLEXITY_MEASURES order. */
  readonly measures?: readonly ComplexityMeasureName[];
  /** Input encoding of the perceptron whose cone's facets are counted (default `binary`). */
  readonly encoding?: Encoding;
  /** Search-node budget of the Boolean complexity for n ≥ 6 (default BOOLEAN_COMPLEXITY_BUDGET). */
  readonly booleanBudget?: number;
}

/**
 * A complexity report: `function` (bit string), `n`, then one key per requested measure with its
 * value, or null when it has none; `reasons` then says why, keyed by measure.
 */
export type ComplexityReport = { readonly function: string; readonly n: number; reasons?: Record<string, string> } & Record<
  string,
  unknown
>;

/**
 * Computes the requested measures of f (see each measure's module for definitions and exactness).
 * @throws RangeError for n > 7 (from the perceptron engine).
 */
export function complexityOfFunction(f: BooleanFunction, options: ComplexityOptions = {}): ComplexityReport {
  const wanted = new Set(options.measures ?? COMPLEXITY_MEASURES);
  const outcomes: Record<string, MeasureOutcome<unknown>> = booleanMeasures(
    f,
    BOOLEAN_MEASURES.filter((k: BooleanMeasureName) => wanted.has(k)),
    options.booleanBudget,
  );
  if (wanted.has("facets")) outcomes.facets = thresholdFacets(f, options.encoding ?? "binary");
  if (wanted.has("minWeight")) outcomes.minWeight = minimalWeight(f);
  const report: ComplexityReport = { function: formatFunction(f), n: f.n };
  const reasons: Record<string, string> = {};
  for (const k of COMPLEXITY_MEASURES) {
    const o = outcomes[k];
    if (o === undefined) continue;
    report[k] = o.ok ? o.value : null;
    if (!o.ok) reasons[k] = o.reason;
  }
  if (Object.keys(reasons).length > 0) report.reasons = reasons;
  return report;
}
