/**
 * The (class, K) points of one complexity measure over a population: each distinct pair of table
 * row and measure value, with the number of functions at it. A measure constant on the table's
 * classes is computed once per row (one point, its orbit as the count); others are counted over
 * the row's orbit by value (classValueCounts), without listing its functions.
 */
import { complexityOfFunction, type ComplexityMeasureName } from "../arch/complexityOfFunction.js";
import type { Architecture } from "../arch/architecture.js";
import { lzComplexityOfTable } from "../boolean/complexity/lzComplexity.js";
import { wordsToBigInt } from "../boolean/tableWords.js";
import type { BooleanFunction } from "../boolean/truthTable.js";
import { minimalWeight } from "../arch/perceptron/thresholdComplexity.js";
import { classValueCounts } from "./classOrbits.js";
import type { FunctionPopulation } from "./functionPopulation.js";
import { classConstant, MEASURE_SYMMETRY } from "./measureSymmetry.js";

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

/** The points of one measure, by row, K ascending within a row. */
export interface MeasurePoints {
  /** Per point: its table row, K, and its functions. */
  readonly classOf: Int32Array;
  readonly k: Float64Array;
  readonly functions: Float64Array;
  /** Functions with a value of K (the others, NaN, are left out). */
  readonly counted: number;
}

/** The measure on a truth table in word form (LZ without building strings: it runs on every image). */
function tableNumber(measure: ComplexityMeasureName, arch: Architecture): (t: Uint32Array) => number {
  const n = arch.inputs;
  if (measure === "lz") return (t) => lzComplexityOfTable(t, n);
  // The walk may meet a table more than once (a row's stabiliser); each is measured once.
  const seen = new Map<bigint, number>();
  return (t) => {
    const bits = wordsToBigInt(t);
    let v = seen.get(bits);
    if (v === undefined) {
      v = measureNumber({ n, bits }, measure, arch);
      seen.set(bits, v);
    }
    return v;
  };
}

/**
 * The points of `measure` over `pop`.
 * @param onClass called after each row (for progress).
 */
export function measurePoints(
  pop: FunctionPopulation,
  measure: ComplexityMeasureName,
  arch: Architecture,
  onClass?: (done: number, total: number) => void,
): MeasurePoints {
  const constant = classConstant(arch, MEASURE_SYMMETRY[measure]);
  const classOf: number[] = [];
  const ks: number[] = [];
  const functions: number[] = [];
  let counted = 0;
  pop.classes.forEach((row, c) => {
    const counts = constant
      ? new Map([[classNumber(pop, c, measure, arch), row.orbit]])
      : classValueCounts(arch, pop.group, row, MEASURE_SYMMETRY[measure], tableNumber(measure, arch));
    for (const [k, count] of [...counts].sort((a, b) => a[0] - b[0])) {
      if (Number.isNaN(k)) continue;
      classOf.push(c);
      ks.push(k);
      functions.push(count);
      counted += count;
    }
    onClass?.(c + 1, pop.classes.length);
  });
  return { classOf: Int32Array.from(classOf), k: Float64Array.from(ks), functions: Float64Array.from(functions), counted };
}
