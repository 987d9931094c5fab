/** The result of a measure that is not defined, or not computed, for every function. */

/** Either the measure's value, or the reason there is none (not an error: data for the caller). */
export type MeasureOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** A successful outcome. */
export function measured<T>(value: T): MeasureOutcome<T> {
  return { ok: true, value };
}

/** An outcome without a value, with the reason in one sentence. */
export function notMeasured<T>(reason: string): MeasureOutcome<T> {
  return { ok: false, reason };
}
