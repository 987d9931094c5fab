/** All complexity measures of the boolean layer, by name, for one function. */
import { type BooleanFunction } from "../truthTable.js";
import { type DyadicValue } from "./_internals/dyadic.js";
import { type BooleanComplexity, booleanComplexity } from "./booleanComplexity.js";
import { type EntropyMeasure, entropy } from "./entropy.js";
import { fourierL1 } from "./fourierL1.js";
import { type LzComplexity, lzComplexity } from "./lzComplexity.js";
import { type MeasureOutcome, measured } from "./measureOutcome.js";
import { averageSensitivity, criticalSampleRatio } from "./sensitivity.js";

/** Names of the measures defined for every Boolean function, in output order. */
export const BOOLEAN_MEASURES = ["lz", "entropy", "boolean", "csr", "sensitivity", "fourierL1"] as const;

/** One of BOOLEAN_MEASURES. */
export type BooleanMeasureName = (typeof BOOLEAN_MEASURES)[number];

/** Each measure's value type. */
export interface BooleanMeasureValues {
  /** Phrase counts and C_LZ (lzComplexity). */
  readonly lz: LzComplexity;
  /** Entropy of the fraction of ones, bits. */
  readonly entropy: EntropyMeasure;
  /** Operators of a minimal SOP/POS form (booleanComplexity). */
  readonly boolean: BooleanComplexity;
  /** Critical sample ratio, exact. */
  readonly csr: DyadicValue;
  /** Average sensitivity, exact. */
  readonly sensitivity: DyadicValue;
  /** Fourier L1 norm, ±1 encoding, exact. */
  readonly fourierL1: DyadicValue;
}

/**
 * The named measures of f, each as an outcome (only `boolean` can lack a value: for n ≥ 6 when its
 * search budget runs out).
 * @param booleanBudget search-node budget of booleanComplexity for n ≥ 6.
 */
export function booleanMeasures(
  f: BooleanFunction,
  names: readonly BooleanMeasureName[] = BOOLEAN_MEASURES,
  booleanBudget?: number,
): Partial<{ [K in BooleanMeasureName]: MeasureOutcome<BooleanMeasureValues[K]> }> {
  const compute: { [K in BooleanMeasureName]: () => MeasureOutcome<BooleanMeasureValues[K]> } = {
    lz: () => measured(lzComplexity(f)),
    entropy: () => measured(entropy(f)),
    boolean: () => booleanComplexity(f, booleanBudget),
    csr: () => measured(criticalSampleRatio(f)),
    sensitivity: () => measured(averageSensitivity(f)),
    fourierL1: () => measured(fourierL1(f)),
  };
  return Object.fromEntries(names.map((k) => [k, compute[k]()]));
}
