/**
 * The functions of an exact table as a population of class rows, each standing for its orbit of
 * functions. The rows are not expanded into functions: the analyses count an orbit's members by
 * value (classOrbits), so n = 6 (15 million functions in 567 rows) costs its rows.
 */
import type { Architecture, TableRow } from "../arch/architecture.js";
import type { SymmetryGroup } from "../boolean/symmetryGroup.js";
import { type BooleanFunction, parseFunction } from "../boolean/truthTable.js";
import type { ConeMeasure, Prior } from "../measure/prior.js";
import { classGroup, orbitMembers } from "./classOrbits.js";

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

/** The rows of a table, standing for its functions. */
export interface FunctionPopulation {
  /** Number of inputs n. */
  readonly inputs: number;
  /** The rows. */
  readonly classes: readonly PopulationClass[];
  /** Number of functions (Σ orbit). */
  readonly functions: number;
  /**
   * The group whose orbits the rows are (classGroup of the architecture; each row's orbit is
   * checked against it where its members are counted), undefined where none is known.
   */
  readonly group?: SymmetryGroup;
  /** The table's summary (counts, totals, certification). */
  readonly summary: Readonly<Record<string, unknown>>;
}

/**
 * Visits every function of the population with its row index (expanding the rows: for consumers
 * that need a map of all functions, at small n).
 */
export function forEachFunction(arch: Architecture, pop: FunctionPopulation, visit: (f: BooleanFunction, row: number) => void): void {
  pop.classes.forEach((c, i) => {
    for (const g of c.orbit === 1 ? [c.function] : orbitMembers(arch, c.function, c.orbit)) visit(g, i);
  });
}

/**
 * Builds the population of an exact table of `arch` under `priors` (one row per symmetry class).
 * Non-realisable functions are left out (they have P = 0).
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
  let functions = 0;
  table.forEachRow((row: TableRow) => {
    if (!row.realizable) return;
    const r = row as TableRow & { orbit?: number } & Record<string, unknown>;
    const f = parseFunction(row.function, arch.inputs);
    const orbit = r.orbit ?? 1;
    const measures: Record<string, ConeMeasure> = {};
    for (const k of kinds) measures[k] = r[k] as ConeMeasure;
    classes.push({ function: f, orbit, measures, ...(typeof r.facets === "number" ? { facets: r.facets } : {}) });
    functions += orbit;
  });
  const group = classGroup(arch);
  return { inputs: arch.inputs, classes, functions, ...(group ? { group } : {}), summary: table.summary() };
}
