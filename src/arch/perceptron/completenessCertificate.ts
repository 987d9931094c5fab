/**
 * Completeness certificates for the function sets the library lists: every realisable function of an
 * architecture (n ≤ 6, functionSource) and the NPN class list of threshold functions (n ≤ 7). Each is
 * a facet-flip closure check over the set's classes; the published count becomes a cross-check.
 */

import { ClassPartition } from "./symmetryClasses.js";
import { formatWords } from "../../boolean/truthTable.js";
import { noBiasClassKey } from "./binaryNoBiasClasses.js";
import { npnThresholdKey } from "./classKeys.js";
import { type ClassRepresentative, certifyFacetFlipClosure, type FlipClosureOptions, type FlipClosureResult } from "./facetFlipClosure.js";
import type { FunctionSource } from "./functionSource.js";
import { checkPerceptronSpec, type PerceptronSpec } from "./perceptronSpec.js";
import { publishedCount } from "./publishedCounts.js";
import { toSignedWitness } from "./realisableFunctions.js";
import { enumerateThresholdClasses, type ThresholdClassList } from "./thresholdClassList.js";
import type { ThresholdClass } from "./thresholdEnumeration.js";

/** A closure check together with the number of functions the certified set holds. */
export type CompletenessCertificate = FlipClosureResult & {
  /** Number of functions in the set (Σ of its classes' orbits). */
  readonly functions: number;
};

/** NPN class representatives with witnesses in the spec's encoding (binary ones are converted). */
function npnRepresentatives(spec: PerceptronSpec, classes: readonly ThresholdClass[]): ClassRepresentative[] {
  return classes.map((c) => ({
    table: c.rep,
    witness: spec.encoding === "signed" ? toSignedWitness(c.witness) : c.witness,
  }));
}

/** Appends the published-count cross-check to a complete certification. */
function withCount(spec: PerceptronSpec, result: FlipClosureResult, functions: number): CompletenessCertificate {
  const published = publishedCount(spec);
  if (!result.closed || published === undefined) return { ...result, functions };
  const agrees = published.count === functions;
  const note = agrees
    ? `; the published count (${published.source}) is a cross-check`
    : `; the published count ${published.count} (${published.source}) DISAGREES with ${functions}`;
  return { ...result, functions, certification: result.certification + note };
}

/**
 * Proves that a function source (n ≤ 6, any variant) lists every function its architecture computes.
 * With a bias its NPN classes are checked (input negation is linear in θ in both encodings);
 * without, its classes under the prior's group (symmetryClasses).
 * @throws Error if the source's classes do not add up to its count (a bug in the source).
 */
export function certifyFunctionSource(source: FunctionSource, options: FlipClosureOptions = {}): CompletenessCertificate {
  const { spec } = source;
  const e = source.enumeration;
  if (spec.bias && e) {
    const reps = npnRepresentatives(spec, e.classes);
    const result = certifyFacetFlipClosure(spec, reps, npnThresholdKey(spec.inputs), options);
    return withCount(spec, result, e.count);
  }
  const reps: ClassRepresentative[] = [];
  let functions = 0;
  let width = 1;
  let partition: ClassPartition | undefined;
  source.forEach((table, witness) => {
    width = table.length;
    partition ??= new ClassPartition(spec, width, source.count);
    const orbit = partition.visit(table);
    if (orbit === 0) return;
    functions += orbit;
    reps.push({ table: Uint32Array.from(table), witness: Array.from(witness) });
  });
  if (functions !== source.count) {
    throw new Error(`the classes of the function source hold ${functions} functions, not its ${source.count}`);
  }
  // Without bias the signed functions are self-dual threshold functions, closed under NPN; the
  // binary ones are threshold functions, whose Chow-sorted forms are canonical under permutations.
  const n = spec.inputs;
  const key = spec.encoding === "signed" ? npnThresholdKey(n) : (t: Uint32Array) => formatWords(noBiasClassKey(t, n), n);
  return withCount(spec, certifyFacetFlipClosure(spec, reps, key, options), functions);
}

/** Options of {@link certifyThresholdClassList}. */
export interface ClassListCertificateOptions extends FlipClosureOptions {
  /** The class list to certify (default: enumerateThresholdClasses(spec.inputs)). */
  readonly list?: ThresholdClassList;
}

/**
 * Proves that the NPN class list of threshold functions (n ≤ 7, the classes thresholdClassRegions
 * prints) holds every threshold function. At n = 7 this takes minutes (14,755 classes).
 * @throws RangeError for a spec without bias, out of range, or whose input count differs from the list's.
 */
export function certifyThresholdClassList(
  spec: PerceptronSpec,
  options: ClassListCertificateOptions = {},
): CompletenessCertificate {
  checkPerceptronSpec(spec);
  if (!spec.bias) throw new RangeError("class lists are for perceptrons with bias");
  const list = options.list ?? enumerateThresholdClasses(spec.inputs);
  if (list.n !== spec.inputs) throw new RangeError(`the class list has ${list.n} inputs, the spec ${spec.inputs}`);
  const result = certifyFacetFlipClosure(spec, npnRepresentatives(spec, list.classes), npnThresholdKey(list.n), options);
  return withCount(spec, result, list.count);
}
