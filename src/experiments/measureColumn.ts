/**
 * One complexity measure's value for every function of a population, computed once per class where
 * the measure is constant on classes, else once per function (or once per class of the measure's
 * own symmetry group).
 */
import { complexityOfFunction, type ComplexityMeasureName } from "../arch/complexityOfFunction.js";
import type { Architecture } from "../arch/architecture.js";
import { canonicalForm } from "../boolean/symmetryGroup.js";
import type { BooleanFunction } from "../boolean/truthTable.js";
import { minimalWeight } from "../arch/perceptron/thresholdComplexity.js";
import type { FunctionPopulation } from "./functionPopulation.js";
import { classConstant, isTrivialGroup, MEASURE_SYMMETRY } from "./measureSymmetry.js";

/**
 * The number a measure's value is ranked by: C_LZ for lz, the value for entropy, boolean, csr,
 * sensitivity, fourierL1 and minWeight, the count for facets; NaN when f has none (facets and
 * minWeight of a function that is not a threshold function).
 */
export function measureNumber(f: BooleanFunction, measure: ComplexityMeasureName, arch: Architecture): number {
  const v = complexityOfFunction(f, { measures: [measure], encoding: arch.encoding })[measure];
  if (v === null || v === undefined) return NaN;
  if (typeof v === "number") return v;
  const o = v as { cLz?: number; value?: number };
  return o.cLz ?? o.value ?? NaN;
}

/**
 * A perceptron with bias: its table's rows are threshold functions and their `facets` are those of
 * the cone thresholdFacets measures (same network, same encoding), so the table's values are used
 * rather than one LP per class.
 */
function isPerceptronWithBias(arch: Architecture): boolean {
  return arch.type === "perceptron" && arch.description.bias !== false;
}

/** The measure of one class representative, from the table where it has it. */
function classNumber(pop: FunctionPopulation, c: number, measure: ComplexityMeasureName, arch: Architecture): number {
  const row = pop.classes[c];
  if (isPerceptronWithBias(arch)) {
    if (measure === "facets" && row.facets !== undefined) return row.facets;
    if (measure === "minWeight") {
      const o = minimalWeight(row.function, undefined, true);
      return o.ok ? o.value.value : NaN;
    }
  }
  return measureNumber(row.function, measure, arch);
}

/** Per function of `pop` (in its order), the measure's number (NaN where undefined). */
export function measureColumn(pop: FunctionPopulation, measure: ComplexityMeasureName, arch: Architecture): Float64Array {
  const out = new Float64Array(pop.functions.length);
  const g = MEASURE_SYMMETRY[measure];
  if (classConstant(arch, g)) {
    const perClass = pop.classes.map((_, c) => classNumber(pop, c, measure, arch));
    pop.classOf.forEach((c, i) => (out[i] = perClass[c]));
    return out;
  }
  const cache = new Map<bigint, number>();
  pop.functions.forEach((f, i) => {
    const key = isTrivialGroup(g) ? f.bits : canonicalForm(f, g).bits;
    let v = cache.get(key);
    if (v === undefined) {
      v = measureNumber(f, measure, arch);
      cache.set(key, v);
    }
    out[i] = v;
  });
  return out;
}
