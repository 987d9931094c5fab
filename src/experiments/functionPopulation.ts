/**
 * The functions of an exact table as a population: one atom per function, each pointing at its
 * table row (a class row stands for its orbit, whose members are found by closing the row's
 * function under the architecture's symmetries).
 */
import type { Architecture, TableRow } from "../arch/architecture.js";
import { formatWords, type BooleanFunction, parseFunction } from "../boolean/truthTable.js";
import { wordsFromBigInt, wordsToBigInt } from "../boolean/tableWords.js";
import type { ConeMeasure, Prior } from "../measure/prior.js";

/** One table row kept for the analyses. */
export interface PopulationClass {
  /** The row's function (the class representative for a class row). */
  readonly function: BooleanFunction;
  /** Functions the row stands for (its orbit; 1 for a function row). */
  readonly orbit: number;
  /** The row's facet count, when the table has one (perceptron tables: facets of the row's own cone). */
  readonly facets?: number;
  /** The row's probability under each prior, by prior kind (the family's measure type). */
  readonly measures: Readonly<Record<string, ConeMeasure>>;
}

/** Every function of a table with its row. */
export interface FunctionPopulation {
  /** Number of inputs n. */
  readonly inputs: number;
  /** The rows. */
  readonly classes: readonly PopulationClass[];
  /** Each function (atom). */
  readonly functions: readonly BooleanFunction[];
  /** The row index of each function. */
  readonly classOf: Int32Array;
  /** The table's summary (counts, totals, certification). */
  readonly summary: Readonly<Record<string, unknown>>;
}

/**
 * The orbit of f under the architecture's symmetries, f first (closure under the generators).
 * @throws Error if it has not `expected` members (the table's orbit; a bug if so).
 */
export function orbitMembers(arch: Architecture, f: BooleanFunction, expected: number): BooleanFunction[] {
  const seen = new Map<bigint, BooleanFunction>([[f.bits, f]]);
  const queue = [f];
  while (queue.length > 0) {
    const g = queue.pop()!;
    for (const sym of arch.symmetries) {
      const t = wordsFromBigInt(g.bits, g.n);
      sym.actOnTable(t);
      const bits = wordsToBigInt(t);
      if (!seen.has(bits)) {
        const h = { n: g.n, bits };
        seen.set(bits, h);
        queue.push(h);
      }
    }
  }
  if (seen.size !== expected)
    throw new Error(`orbit of ${formatWords(wordsFromBigInt(f.bits, f.n), f.n)} has ${seen.size} members, the table says ${expected}`);
  return [...seen.values()];
}

/**
 * Builds the population of an exact table of `arch` under `priors` (one row per symmetry class,
 * expanded into functions). Non-realisable functions are left out (they have P = 0).
 * @throws RangeError when the architecture has no exact table or the table cannot be built.
 */
export function functionPopulation(
  arch: Architecture,
  priors: readonly Prior[],
  onProgress?: (label: string, done: number, total: number) => void,
): FunctionPopulation {
  if (!arch.exactTable) throw new RangeError(`--arch ${arch.type} has no exact table`);
  const table = arch.exactTable({ priors, all: false, classes: "symmetry", ...(onProgress ? { onProgress } : {}) });
  const kinds = priors.map((p) => p.family.kind);
  const classes: PopulationClass[] = [];
  const functions: BooleanFunction[] = [];
  const classOf: number[] = [];
  table.forEachRow((row: TableRow) => {
    if (!row.realizable) return;
    const r = row as TableRow & { orbit?: number } & Record<string, unknown>;
    const f = parseFunction(row.function, arch.inputs);
    const orbit = r.orbit ?? 1;
    const measures: Record<string, ConeMeasure> = {};
    for (const k of kinds) measures[k] = r[k] as ConeMeasure;
    const index = classes.length;
    classes.push({ function: f, orbit, measures, ...(typeof r.facets === "number" ? { facets: r.facets } : {}) });
    for (const g of orbit === 1 ? [f] : orbitMembers(arch, f, orbit)) {
      functions.push(g);
      classOf.push(index);
    }
  });
  return { inputs: arch.inputs, classes, functions, classOf: Int32Array.from(classOf), summary: table.summary() };
}
