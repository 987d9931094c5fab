/**
 * Hamming-neighbour measures: critical sample ratio and average sensitivity, both exact fractions
 * over the 2^n rows.
 */
import { type BooleanFunction } from "../truthTable.js";
import { dyadic, type DyadicValue } from "./_internals/dyadic.js";
import { inputMask, tableValues } from "./_internals/tableValues.js";

/** Per row, the number of inputs whose flip changes f (the row's sensitivity). */
function rowSensitivities(f: BooleanFunction): Uint8Array {
  const v = tableValues(f);
  const out = new Uint8Array(v.length);
  for (let r = 0; r < v.length; r++)
    for (let k = 1; k <= f.n; k++) if (v[r ^ inputMask(f.n, k)] !== v[r]) out[r]++;
  return out;
}

/**
 * Critical sample ratio: the fraction of rows x with at least one Hamming-1 neighbour x' (one input
 * flipped) where f(x') ≠ f(x). Exact, as p/q and a double; the reference's `crit_sample_ratio`.
 */
export function criticalSampleRatio(f: BooleanFunction): DyadicValue {
  return dyadic(
    rowSensitivities(f).reduce((a, s) => a + (s > 0 ? 1 : 0), 0),
    f.n,
  );
}

/**
 * Average sensitivity (total influence): the mean over rows x of the number of inputs whose flip
 * changes f(x); in [0, n], n for parity. Exact, as p/q and a double. The reference's
 * `hamming_comp(…, 1)` is this divided by n.
 */
export function averageSensitivity(f: BooleanFunction): DyadicValue {
  return dyadic(
    rowSensitivities(f).reduce((a, s) => a + s, 0),
    f.n,
  );
}
