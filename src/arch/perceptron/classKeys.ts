/**
 * Class keys for realisable perceptron functions: strings equal exactly for functions in the same
 * class, as the facet-flip closure check needs them. Both groups act on θ linearly and permute the
 * rows' hyperplanes (input permutations, input negations as w_i ↦ −w_i with b ↦ b + w_i in the
 * binary encoding or w_i ↦ −w_i in the signed one, output negation as θ ↦ −θ), so they map chambers
 * to chambers.
 */

import { walkGroup } from "../../boolean/symmetryGroup.js";
import { formatWords } from "../../boolean/truthTable.js";
import type { PerceptronSpec } from "./perceptronSpec.js";
import { volumeSymmetry } from "./symmetryClasses.js";
import { dualTable, positiveSortedForm } from "./thresholdClassList.js";

/**
 * NPN class key of a threshold function of n inputs: the smaller of the positive sorted forms of f
 * and of its dual (Chow's theorem makes them unique; see thresholdClassList). O(n·2^n) per call.
 * Valid for perceptrons with bias (either encoding) and signed ones without bias, whose functions are
 * threshold functions closed under the NPN group. For a table that is not a threshold function the
 * key is that of some NPN image of it, so never the key of a threshold function.
 */
export function npnThresholdKey(n: number): (table: Uint32Array) => string {
  return (table) => {
    const a = formatWords(positiveSortedForm(table, n), n);
    const b = formatWords(positiveSortedForm(dualTable(table, n), n), n);
    return a < b ? a : b;
  };
}

/**
 * Key of a function's class under the prior's symmetry group (symmetryClasses.volumeSymmetry:
 * input permutations, input negations in the signed encoding, θ ↦ −θ): the truth-table string of
 * the image that is smallest as a number. Walks the whole group, |G| = 2·n! (·2^n signed) images
 * per call, so meant for n ≤ 5 (binary) or n ≤ 4 (signed).
 */
export function symmetryClassKey(spec: PerceptronSpec): (table: Uint32Array) => string {
  const symmetry = volumeSymmetry(spec);
  const n = spec.inputs;
  return (table) => {
    let best = Uint32Array.from(table);
    walkGroup(Uint32Array.from(table), n, symmetry.group, (image) => {
      if (precedes(image, best)) best = Uint32Array.from(image);
      symmetry.negateOutput(image);
      if (precedes(image, best)) best = Uint32Array.from(image);
      symmetry.negateOutput(image);
    });
    return formatWords(best, n);
  };
}

/** Word-wise order (last word most significant); any fixed total order makes a canonical minimum. */
function precedes(a: Uint32Array, b: Uint32Array): boolean {
  for (let j = a.length - 1; j >= 0; j--) if (a[j] !== b[j]) return a[j] < b[j];
  return false;
}
