/**
 * The (class, K) points of one measure over a population: each distinct pair of table row and
 * measure value, with the number of functions at it. A measure constant on the table's classes
 * gives one point per row (its orbit as the count); others split a row by value.
 */
import type { FunctionPopulation } from "./functionPopulation.js";

/** The points, in order of first appearance among the functions. */
export interface ClassMeasurePoints {
  /** Per function of the population, its point (−1 where the measure is undefined, NaN). */
  readonly pointOf: Int32Array;
  /** Per point: its table row, K, and its functions. */
  readonly classOf: readonly number[];
  readonly k: readonly number[];
  readonly functions: readonly number[];
  /** Functions with a value of K. */
  readonly counted: number;
}

/** Groups the population's functions by (row, K); `k` holds one value per function (NaN: left out). */
export function classMeasurePoints(pop: FunctionPopulation, k: Float64Array): ClassMeasurePoints {
  const pointOf = new Int32Array(k.length).fill(-1);
  const index = new Map<string, number>();
  const classOf: number[] = [];
  const ks: number[] = [];
  const functions: number[] = [];
  let counted = 0;
  for (let i = 0; i < k.length; i++) {
    if (Number.isNaN(k[i])) continue;
    counted++;
    const key = `${pop.classOf[i]}:${k[i]}`;
    let p = index.get(key);
    if (p === undefined) {
      p = classOf.length;
      index.set(key, p);
      classOf.push(pop.classOf[i]);
      ks.push(k[i]);
      functions.push(0);
    }
    functions[p]++;
    pointOf[i] = p;
  }
  return { pointOf, classOf, k: ks, functions, counted };
}
