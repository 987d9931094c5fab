/**
 * Every realisable function of an architecture, as a stream with witnesses and a membership test.
 * Up to 5 inputs, and without bias up to 6 (1,066,044 binary functions), the functions are held in a
 * catalogue; with a bias at 6 inputs the 15 million functions are walked class by class from the NPN
 * class list instead, and none is stored (membership and class lookups go through the positive
 * sorted form, thresholdClassList).
 */
import { truthTableOrder } from "../../boolean/tableOrder.js";
import { facetRowMask, facetRowsByAdjacency } from "./perceptronRegion.js";
import type { PerceptronSpec } from "./perceptronSpec.js";
import { checkTableSpec, realisableFunctions, toSignedWitness } from "./realisableFunctions.js";
import { enumerateThresholdClasses, type ThresholdClassList } from "./thresholdClassList.js";
import { THRESHOLD_COUNTS, type ThresholdClasses } from "./thresholdEnumeration.js";
import { forEachThresholdFunction } from "./walkThresholdClass.js";

/** Realisable functions of one architecture. */
export interface FunctionSource {
  readonly spec: PerceptronSpec;
  readonly count: number;
  /**
   * Whether the functions are visited in truth-table string order; else class by class: every
   * member of an NPN class of `enumeration` before the next class, classes in list order.
   */
  readonly sorted: boolean;
  /** Membership in the certified enumeration. */
  has(table: Uint32Array): boolean;
  /**
   * Visits every function with its witness, when known without search its facets as a row set
   * (facetRowMask form), and its class as the source records it (with a bias: the index of its NPN
   * class in `enumeration`); arrays are reused between calls.
   */
  forEach(visit: (table: Uint32Array, witness: ArrayLike<number>, facetMask: Uint32Array | undefined, npnClass: number) => void): void;
  /**
   * The threshold classes behind it (with a bias: the NPN classes of its functions; absent: binary
   * without bias, see realisableFunctions).
   */
  readonly enumeration?: ThresholdClasses;
}

/** Above this count the functions are streamed rather than catalogued. */
const CATALOGUE_LIMIT = 1_000_000;

/**
 * The realisable functions of `spec`.
 * @throws RangeError for an invalid spec.
 */
export function functionSource(
  spec: PerceptronSpec,
  onProgress?: (done: number, total: number) => void,
): FunctionSource {
  checkTableSpec(spec);
  if (spec.bias && THRESHOLD_COUNTS[spec.inputs] > CATALOGUE_LIMIT) return streamedFunctionSource(spec, onProgress);
  const set = realisableFunctions(spec, onProgress);
  const width = set.count === 0 ? 1 : set.tables.length / set.count;
  const d = set.count === 0 ? 0 : set.witnesses.length / set.count;
  const order = truthTableOrder(set.tables, width, set.count);
  return {
    spec,
    count: set.count,
    sorted: true,
    has: (t) => set.indexOf(t) >= 0,
    forEach: (visit) => {
      for (const k of order) {
        visit(set.tables.subarray(k * width, (k + 1) * width), set.witnesses.subarray(k * d, (k + 1) * d), undefined, set.classIds[k]);
      }
    },
    enumeration: set.enumeration,
  };
}

/**
 * The functions of a perceptron with bias walked NPN class by NPN class, none stored: what
 * functionSource gives at 6 inputs, available for any n ≤ 6 so that it can be checked against the
 * catalogue. Membership tests cost O(n·2^n) (positive sorted form) instead of a hash lookup.
 * @throws RangeError for an invalid spec or one without bias.
 */
export function streamedFunctionSource(
  spec: PerceptronSpec,
  onProgress?: (done: number, total: number) => void,
): FunctionSource & { readonly enumeration: ThresholdClassList } {
  checkTableSpec(spec);
  if (!spec.bias) throw new RangeError("the streamed function source is for perceptrons with bias");
  // The first witness the sweep meets, as the stored enumeration keeps: the walk then yields the
  // same functions with the same witnesses in the same order.
  const list = enumerateThresholdClasses(spec.inputs, onProgress, { witness: "first" });
  return {
    spec,
    count: list.count,
    sorted: false,
    has: list.has,
    // Facets are found by adjacency once per class and carried along the walk: 64 membership
    // tests per function were half of the n = 6 expansion's time.
    forEach: (visit) =>
      forEachThresholdFunction(
        list,
        (t, w, id, facets) => visit(t, spec.encoding === "signed" ? toSignedWitness(w) : w, facets, id),
        (id) => facetRowMask(spec, facetRowsByAdjacency(spec, list.has, list.classes[id].rep)),
      ),
    enumeration: list,
  };
}
