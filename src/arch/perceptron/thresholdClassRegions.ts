/**
 * The NPN classes of a perceptron with bias as region rows, for n up to 7 where the functions are
 * too many to list (8.4 billion at n = 7): one certified region per class, with its orbit size.
 */
import { type FunctionRegion, regionFromWitness } from "./perceptronRegion.js";
import { checkPerceptronSpec, type PerceptronSpec } from "./perceptronSpec.js";
import { toSignedWitness } from "./realisableFunctions.js";
import { enumerateThresholdClasses, type ThresholdClassList } from "./thresholdClassList.js";

/** A class row: the region of the class representative and the number of functions in the class. */
export type ClassRegion = FunctionRegion & { orbit: number };

/** The class rows of a perceptron with bias, and the totals they certify. */
export interface ThresholdClassRegions {
  /** Number of functions (Σ orbit, equal to the published count). */
  readonly count: number;
  /** Number of NPN classes (equal to the published count). */
  readonly classes: number;
  /** The class list behind the rows (for certificates that reuse it). */
  readonly list: ThresholdClassList;
  /** Visits every class row in class-list order (representatives in positive sorted form). */
  forEach(visit: (row: ClassRegion) => void): void;
}

/**
 * The NPN classes of threshold functions as region rows in the spec's encoding: witness checked
 * exactly, facets by chamber adjacency with the class list's exact membership test.
 * @throws RangeError for a spec without bias or out of range.
 */
export function thresholdClassRegions(
  spec: PerceptronSpec,
  onProgress?: (done: number, total: number) => void,
): ThresholdClassRegions {
  checkPerceptronSpec(spec);
  if (!spec.bias) throw new RangeError("class lists are for perceptrons with bias");
  const list = enumerateThresholdClasses(spec.inputs, onProgress);
  return {
    count: list.count,
    classes: list.classes.length,
    list,
    forEach: (visit) => {
      for (const c of list.classes) {
        const witness = spec.encoding === "signed" ? toSignedWitness(c.witness) : c.witness;
        visit({ ...regionFromWitness(spec, list.has, c.rep, Array.from(witness)), orbit: c.orbit });
      }
    },
  };
}
