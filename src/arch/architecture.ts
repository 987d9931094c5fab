/**
 * The architecture interface: what every network (perceptron, step net, ReLU net, …) offers, so
 * that commands, priors and estimators talk to one type. A new network is one folder in arch/
 * implementing `Architecture` plus its registration in `registry.ts`.
 */
import type { Encoding } from "../boolean/encoding.js";
import type { BooleanFunction } from "../boolean/truthTable.js";
import type { Rational } from "../geometry/rational.js";
import type { ConeMeasure, Prior, PriorFamily } from "../measure/prior.js";

/** Kinds of parameters a prior scales separately (`--sigma-w` / `--sigma-b`, `--box-w` / `--box-b`). */
export type ParameterKind = "weight" | "bias";

/** A named group of parameters that a prior may scale as one (e.g. layer 1's weights). */
export interface ParameterGroup {
  /** Group name, e.g. `w` or `W1`. */
  readonly name: string;
  /** Whether the group holds weights or biases. */
  readonly kind: ParameterKind;
  /** Indices into the parameter vector. */
  readonly indices: readonly number[];
}

/**
 * One polyhedral piece of a region: the open cone {z : ⟨a, z⟩ > 0 for every row a} in the stated
 * coordinates. Pieces of one region have disjoint interiors.
 */
export interface PolyhedralPiece {
  /** Names of the coordinates z, in order. */
  readonly coordinates: readonly string[];
  /** Whether z is the architecture's parameter vector θ itself (then priors measure it directly). */
  readonly inParameters: boolean;
  /** The irredundant rows (facets), integers. */
  readonly rows: readonly (readonly bigint[])[];
  /** The facets printed, e.g. `w1+w2+b>0`. */
  readonly constraints: readonly string[];
  /** An integer point strictly inside, checked in exact arithmetic. */
  readonly witness: readonly bigint[];
}

/** A function's region in weight space, decided exactly. */
export interface Region {
  /** Truth table, character i = f(row i). */
  readonly function: string;
  /** Conventional name, when the function has one. */
  readonly name?: string;
  /** Whether some parameters compute the function. */
  readonly realizable: boolean;
  /** The region as a finite union of polyhedral pieces (empty when not realisable). */
  readonly pieces: readonly PolyhedralPiece[];
  /** Certificate that no parameters compute f (e.g. Gordan multipliers), when not realisable. */
  readonly certificate?: { readonly kind: string };
}

/**
 * A function's region where no polyhedral description exists: a membership test and the distance
 * from a point to the boundary along a direction (the random-direction estimator's needs).
 */
export interface ImplicitRegion {
  /** Whether θ computes the function. */
  contains(theta: Float64Array): boolean;
  /** Largest t ≥ 0 with θ + s·u in the region for all s < t (Infinity if unbounded). */
  rayDistance(theta: Float64Array, direction: Float64Array): number;
}

/**
 * A symmetry of weight space: θ'_k = sign[k]·θ_{perm[k]}, with its action on functions (the table
 * of θ' from the table of θ, in place). Compositions generate the architecture's symmetry group.
 */
export interface ParameterSymmetry {
  /** Short description, e.g. `swap x1 x2`. */
  readonly name: string;
  /** Source coordinate of each coordinate. */
  readonly perm: readonly number[];
  /** Sign applied to each coordinate (±1). */
  readonly sign: readonly (1 | -1)[];
  /** Applies the map to a truth table in word form, in place. */
  actOnTable(table: Uint32Array): void;
}

/** Options of an architecture's exact table. */
export interface ExactTableOptions {
  /** Priors to measure every row with (once per symmetry class). */
  readonly priors: readonly Prior[];
  /** Also list functions no parameters compute. */
  readonly all: boolean;
  /** One row per class: `symmetry` classes of the priors, or `npn` classes. */
  readonly classes: "none" | "symmetry" | "npn";
  /**
   * Prove completeness even where it is costly (e.g. the perceptron's n = 7 class list by facet-flip
   * closure, minutes); cheap proofs are always made.
   */
  readonly certify?: boolean;
  /** Progress callback (label, done, total). */
  readonly onProgress?: (label: string, done: number, total: number) => void;
}

/**
 * A table row: the function and whether it is realisable; architectures add their region fields
 * (e.g. facets, constraints, witness), `orbit` for class rows, and one field per prior kind
 * holding its measure.
 */
export interface TableRow {
  readonly function: string;
  readonly name?: string;
  readonly realizable: boolean;
}

/** A table streamed row by row; `summary` is complete once `forEachRow` has returned. */
export interface ExactTable {
  /** Visits the rows in the stated order (once; rows are computed as they are visited). */
  forEachRow(visit: (row: TableRow) => void): void;
  /** Counts, totals, certification; read after `forEachRow`. */
  summary(): Readonly<Record<string, unknown>>;
  /**
   * The same table split where its cost lies, when its priors are measured once per class: the
   * measuring can then run on worker threads or be split into shards (see ClassedTable).
   */
  readonly classed?: ClassedTable;
}

/** One class of an exact table: the cone its members' regions are congruent to, measured once. */
export interface TableClass {
  /** The cone's rows (facets of the class representative's region) in θ, integers. */
  readonly rows: readonly (readonly bigint[])[];
  /** Number of functions in the class: the weight of its measure in the totals. */
  readonly orbit: number;
}

/** One class's probability under each prior, by family kind. */
export type ClassMeasures = Readonly<Record<string, ConeMeasure>>;

/**
 * An exact table in three steps: `classes()` enumerates (the class list, every region and the
 * completeness proof), each class's cone is then measured under every prior (the expensive part,
 * done anywhere: in-process, on threads, on other machines), and `forEachRow` streams the rows from
 * those measures. Every step is deterministic, so any split of the measuring gives the same rows.
 */
export interface ClassedTable {
  /** The priors each class is measured under. */
  readonly priors: readonly Prior[];
  /**
   * Enumerates (once; later calls return the same list) and returns the classes in table order;
   * empty when no prior is requested.
   */
  classes(): readonly TableClass[];
  /** Number of rows of the whole table (known after `classes()`). */
  readonly rowCount: number;
  /**
   * Streams the rows in table order, after `classes()`: row `rowIndex` (counting every row of the
   * whole table) of class `classIndex` (−1 for rows of no class, e.g. unrealisable functions),
   * with class k's measures from `measures(k)`. Rows of a class whose measures are undefined are
   * skipped (the rest of the table, measured elsewhere).
   */
  forEachRow(
    measures: (classIndex: number) => ClassMeasures | undefined,
    visit: (row: TableRow, rowIndex: number, classIndex: number) => void,
  ): void;
  /** The summary with the given totals fields (see classTotals) in their place; after `classes()`. */
  summary(totals: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>>;
  /**
   * Predicted cost of measuring class k, where the table knows it more cheaply than by
   * triangulating every class (shardRanges.classCost), e.g. shared by classes whose cones are
   * linear images of one another; after `classes()`.
   */
  predictedCost?(classIndex: number): number;
}

/**
 * One function's exact probabilities computed by an architecture's own method (e.g. a sum over
 * hidden-function tuples of products of unit measures), where its region's pieces in full θ are
 * beyond the prior families' `maxExactDimension`.
 */
export interface FunctionMeasure {
  /** Whether some parameters compute the function (decided exactly). */
  readonly realizable: boolean;
  /** Number of polyhedral pieces of the region (what `region(f).pieces.length` would be). */
  readonly pieces: number;
  /** The probability under each requested prior, by family kind. */
  readonly measures: Readonly<Record<string, ConeMeasure>>;
}

/** A network whose weight space is studied. */
export interface Architecture {
  /** Registry name, e.g. `perceptron`. */
  readonly type: string;
  /** Number of Boolean inputs n. */
  readonly inputs: number;
  /** Input encoding. */
  readonly encoding: Encoding;
  /** Everything that identifies the network, for output headers (JSON `arch`). */
  readonly description: Readonly<Record<string, unknown>>;
  /** Parameter names in the fixed order of every parameter vector, e.g. `w1 … wn, b`. */
  readonly parameters: readonly string[];
  /** Parameter groups covering every index once. */
  readonly groups: readonly ParameterGroup[];
  /** Uint32 words per truth table (⌈2^n / 32⌉). */
  readonly tableWords: number;
  /**
   * Batched forward pass: `params` holds `count` parameter vectors (row-major); writes each one's
   * truth table (bit r of word r>>5 = output on row r) into `out` (count × tableWords, zeroed here).
   */
  forward(params: Float64Array, count: number, out: Uint32Array): void;
  /**
   * The region of f, decided exactly (realisable with a witness, or not with a certificate).
   * @throws RangeError if f has the wrong number of inputs.
   */
  region(f: BooleanFunction): Region;
  /** The membership / ray-distance view of f's region (available for every architecture). */
  implicitRegion(f: BooleanFunction): ImplicitRegion;
  /** Generators of the symmetry group acting on parameters and functions. */
  readonly symmetries: readonly ParameterSymmetry[];
  /**
   * Whether θ and λθ (λ > 0) compute the same function (default true: every region is a cone).
   * False for ReLU nets, whose samplers must then keep the prior's scales as given.
   */
  readonly scaleInvariant?: boolean;
  /**
   * Largest dimension of the cones its exact methods hand to a prior family (default: the number of
   * parameters; a step net measures one unit at a time).
   */
  readonly exactConeDimension?: number;
  /**
   * f's exact probability under each prior by the architecture's own factorisation, where one exists.
   * @throws RangeError if f has the wrong number of inputs or the network is beyond the method.
   */
  measureFunction?(f: BooleanFunction, priors: readonly Prior[]): FunctionMeasure;
  /** Exact table of every realisable function, where an enumeration exists. */
  exactTable?(options: ExactTableOptions): ExactTable;
  /** Published count of realisable functions, where one exists (a cross-check). */
  readonly publishedCount?: { readonly count: number; readonly source: string };
}

/**
 * The prior of `family` on an architecture's parameters: `weight` scale on weight groups, `bias`
 * on bias groups (per-group overrides by group name).
 */
export function priorFor<M extends ConeMeasure>(
  arch: Architecture,
  family: PriorFamily<M>,
  scales: { readonly weight: Rational; readonly bias: Rational; readonly groups?: Readonly<Record<string, Rational>> },
): Prior<M> {
  const out: Rational[] = new Array(arch.parameters.length);
  for (const g of arch.groups) {
    const s = scales.groups?.[g.name] ?? scales[g.kind];
    for (const i of g.indices) out[i] = s;
  }
  return { family, scales: out };
}
