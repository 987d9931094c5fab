/**
 * Every realisable function of an architecture, as a stream with witnesses and a membership test.
 * Up to 5 inputs, and without bias up to 6 (1,066,044 binary functions), the functions are held in a
 * catalogue; with a bias at 6 inputs the 15 million functions are walked class by class from the
 * enumeration instead of stored.
 */
import { truthTableOrder } from "../../boolean/tableOrder.js";
import { facetRowMask, facetRowsByAdjacency } from "./perceptronRegion.js";
import type { PerceptronSpec } from "./perceptronSpec.js";
import { checkTableSpec, realisableFunctions, toSignedWitness } from "./realisableFunctions.js";
import { enumerateThresholdFunctions, type ThresholdEnumeration } from "./thresholdEnumeration.js";
import { forEachThresholdFunction } from "./walkThresholdClass.js";

/** Realisable functions of one architecture. */
export interface FunctionSource {
  readonly spec: PerceptronSpec;
  readonly count: number;
  /** Whether the functions are visited in truth-table string order (else class by class). */
  readonly sorted: boolean;
  /** Membership in the certified enumeration. */
  has(table: Uint32Array): boolean;
  /**
   * Visits every function with its witness and, when known without search, its facets as a row
   * set (facetRowMask form); arrays are reused between calls.
   */
  forEach(visit: (table: Uint32Array, witness: ArrayLike<number>, facetMask?: Uint32Array) => void): void;
  /** The threshold enumeration behind it (absent: binary without bias, see realisableFunctions). */
  readonly enumeration?: ThresholdEnumeration;
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
  if (spec.bias) {
    const e = enumerateThresholdFunctions(spec.inputs, onProgress);
    if (e.count > CATALOGUE_LIMIT) {
      const has = (t: Uint32Array) => e.classOf.get(t) >= 0;
      return {
        spec,
        count: e.count,
        sorted: false,
        has,
        // Facets are found by adjacency once per class and carried along the walk: 64 hash
        // lookups per function in a 15-million-entry map were half of the n = 6 expansion's time.
        forEach: (visit) =>
          forEachThresholdFunction(
            e,
            (t, w, _id, facets) => visit(t, spec.encoding === "signed" ? toSignedWitness(w) : w, facets),
            (id) => facetRowMask(spec, facetRowsByAdjacency(spec, has, e.classes[id].rep)),
          ),
        enumeration: e,
      };
    }
  }
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
        visit(set.tables.subarray(k * width, (k + 1) * width), set.witnesses.subarray(k * d, (k + 1) * d));
      }
    },
    enumeration: set.enumeration,
  };
}
