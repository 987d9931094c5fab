/**
 * Published numbers of functions a perceptron computes, which the enumeration must reproduce.
 */
import type { PerceptronSpec } from "./perceptronSpec.js";
import { THRESHOLD_COUNTS } from "./thresholdEnumeration.js";

/**
 * Binary inputs, no bias, n = 1 … 6 (functions [⟨w, x⟩ > 0], x ∈ {0,1}^n): the regions of the
 * arrangement of the hyperplanes ⟨w, x⟩ = 0, x ∈ {0,1}^n \ {0} (the resonance arrangement), OEIS A034997.
 */
const BINARY_NO_BIAS = [undefined, 2, 6, 32, 370, 11292, 1066044];

/** The published count for an architecture with its source, when one is known. */
export function publishedCount(spec: PerceptronSpec): { count: number; source: string } | undefined {
  const n = spec.inputs;
  if (spec.bias)
    return { count: THRESHOLD_COUNTS[n], source: "OEIS A000609 (threshold functions of n inputs)" };
  if (spec.encoding === "signed") {
    return {
      count: THRESHOLD_COUNTS[n - 1],
      source: "OEIS A000609 at n−1 (self-dual threshold functions of n inputs)",
    };
  }
  const c = BINARY_NO_BIAS[n];
  return c === undefined ? undefined : { count: c, source: "OEIS A034997 (threshold functions without bias on {0,1}^n: regions of the resonance arrangement)" };
}
