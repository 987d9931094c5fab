/**
 * The exact table of a perceptron: every realisable function (or every function with `all`), or
 * one row per symmetry class, each with its certified region and its probability under each
 * requested prior, measured once per class of the prior's symmetry group.
 */
import { formatFunction, formatWords, parseFunction, rowCount } from "../../boolean/truthTable.js";
import { rowValue, wordsFromBigInt } from "../../boolean/tableWords.js";
import type { ClassedTable, ExactTable, ExactTableOptions, TableClass, TableRow } from "../architecture.js";
import { measuredInProcess } from "../classMeasures.js";
import { certifyFunctionSource, certifyThresholdClassList } from "./completenessCertificate.js";
import { type FunctionSource, functionSource } from "./functionSource.js";
import { type FunctionRegion, regionFromWitness, unrealisableRegion } from "./perceptronRegion.js";
import { parameterCount, type PerceptronSpec, rowVector } from "./perceptronSpec.js";
import { publishedCount } from "./publishedCounts.js";
import { MAX_BINARY_NO_BIAS_INPUTS, MAX_TABLE_INPUTS } from "./realisableFunctions.js";
import { ClassPartition } from "./symmetryClasses.js";
import { unrealisableCertificate } from "./unrealisableCertificate.js";
import { MAX_CLASS_LIST_INPUTS } from "./thresholdClassList.js";
import { type ClassRegion, thresholdClassRegions } from "./thresholdClassRegions.js";
import { NPN_CLASS_COUNTS } from "./thresholdEnumeration.js";

/** Largest n for which `all` lists every Boolean function (2^(2^n) rows). */
export const MAX_ALL_INPUTS = 4;

/** The facet rows s_x·x̃ of a table as integer vectors. */
export function facetVectors(spec: PerceptronSpec, table: Uint32Array, facetRows: readonly number[]): bigint[][] {
  return facetRows.map((r) => rowVector(spec, r).map((c) => BigInt(rowValue(table, r) ? c : -c)));
}

/** How a table's witnesses and facets are checked, for its certification string. */
export const WITNESS_CHECK =
  "integer witnesses checked in BigInt arithmetic; facets by chamber adjacency over the enumeration";

/** Largest n whose completeness proof runs with every table (n = 7 takes minutes: opt in). */
const ALWAYS_CERTIFY_INPUTS = 6;

/**
 * Checks the table options against the spec.
 * @throws RangeError naming the option that does not apply and why.
 */
function checkOptions(spec: PerceptronSpec, options: ExactTableOptions): void {
  const n = spec.inputs;
  if (n > MAX_CLASS_LIST_INPUTS)
    throw new RangeError(
      `tables list functions or classes for inputs 0 to ${MAX_CLASS_LIST_INPUTS}, got ${n}; single functions of ${n} inputs are measured one at a time (volume)`,
    );
  if (options.all && n > MAX_ALL_INPUTS)
    throw new RangeError(`all lists 2^(2^n) functions; allowed for inputs 0 to ${MAX_ALL_INPUTS}, got ${n}`);
  if (options.all && options.classes !== "none") throw new RangeError("all lists functions, not classes");
  const noBiasMax = spec.encoding === "binary" ? MAX_BINARY_NO_BIAS_INPUTS : MAX_TABLE_INPUTS;
  if (!spec.bias && n > noBiasMax)
    throw new RangeError(
      `without bias, tables list functions for inputs 1 to ${MAX_BINARY_NO_BIAS_INPUTS} (binary) or 1 to ${MAX_TABLE_INPUTS} (signed), got ${n}; single functions of more inputs are measured one at a time`,
    );
  if (options.classes === "npn") {
    if (!spec.bias) throw new RangeError("NPN classes are listed for perceptrons with bias");
    if (options.priors.length > 0 && spec.encoding === "binary")
      throw new RangeError(
        "volumes are not constant on NPN classes in the binary encoding (negating an input is a shear there); use symmetry classes or the signed encoding",
      );
  } else if (n > MAX_TABLE_INPUTS) {
    throw new RangeError(`at ${n} inputs only NPN classes are listed (15 million+ functions); use classes "npn"`);
  }
  const d = parameterCount(spec);
  for (const p of options.priors) {
    if (d > p.family.maxExactDimension)
      throw new RangeError(
        `exact ${p.family.kind} volumes take at most ${p.family.maxExactDimension} parameters, this perceptron has ${d}; use Monte Carlo`,
      );
  }
}

/** One row per NPN class (with bias; n ≤ 7), measured once per class. */
function npnTable(spec: PerceptronSpec, options: ExactTableOptions): ClassedTable {
  const n = spec.inputs;
  const published = publishedCount(spec);
  const measured = options.priors.length > 0;
  let certification = `${WITNESS_CHECK}; class list complete because its class count (OEIS A001529) and its sum of orbits (OEIS A000609) equal the published ones (facet-flip closure not run: ask for it with certify)`;
  let functions = 0;
  let rows: ClassRegion[] | undefined;
  let classes: TableClass[] = [];
  const enumerate = () => {
    if (rows) return { rows, classes };
    const list = thresholdClassRegions(spec, (d, t) => options.onProgress?.("sweeping weights", d, t));
    functions = list.count;
    if (options.certify || n <= ALWAYS_CERTIFY_INPUTS) {
      const cert = certifyThresholdClassList(spec, {
        list: list.list,
        onProgress: (d, t) => options.onProgress?.("proving completeness", d, t),
      });
      if (!cert.closed) throw new Error(`the class list is not closed under facet flips: ${cert.certification}`);
      certification = `${WITNESS_CHECK}; ${cert.certification}`;
    }
    const regions: ClassRegion[] = [];
    list.forEach((row) => {
      regions.push(row);
      options.onProgress?.("facets by adjacency", regions.length, list.classes);
    });
    rows = regions;
    if (measured) classes = regions.map((row) => ({ rows: facetVectors(spec, tableOf(row.function, n), row.facetRows), orbit: row.orbit }));
    return { rows, classes };
  };
  return {
    priors: options.priors,
    classes: () => enumerate().classes,
    get rowCount() {
      return enumerate().rows.length;
    },
    forEachRow(measures, visit) {
      enumerate().rows.forEach((row, k) => {
        if (!measured) return visit(row, k, k);
        const m = measures(k);
        if (m) visit({ ...row, ...m }, k, k);
      });
    },
    summary: (totals) => ({
      functions,
      ...(published ? { publishedCount: published.count, publishedSource: published.source } : {}),
      classes: enumerate().rows.length,
      publishedClasses: NPN_CLASS_COUNTS[n],
      symmetry: "NPN (input permutations, input negations, output negation)",
      ...totals,
      rows: enumerate().rows.length,
      order: "class list",
      certification,
    }),
  };
}

/** A table (word form) from its truth-table string. */
function tableOf(text: string, n: number): Uint32Array {
  return wordsFromBigInt(parseFunction(text, n).bits, n);
}

/**
 * The exact table of `spec` for the given options (see ExactTableOptions), measured in this thread;
 * its `classed` form lets the measuring run elsewhere.
 * @throws RangeError for options that do not apply to this perceptron (say which and why).
 */
export function perceptronTable(spec: PerceptronSpec, options: ExactTableOptions): ExactTable {
  checkOptions(spec, options);
  return measuredInProcess(options.classes === "npn" ? npnTable(spec, options) : functionTable(spec, options), options.onProgress);
}

/**
 * A partition of a source's functions into symmetry classes. A source that walks NPN class by NPN
 * class (6 inputs) is partitioned one NPN class at a time, so that no more than one NPN orbit of
 * functions is held.
 */
function partitionOf(spec: PerceptronSpec, source: FunctionSource): ClassPartition {
  const e = source.enumeration;
  const grouped = !source.sorted && e !== undefined;
  const expected = grouped ? Math.max(...e.classes.map((c) => c.orbit)) : source.count;
  return new ClassPartition(spec, wordsFromBigInt(0n, spec.inputs).length, expected, e, grouped);
}

/** The enumeration behind a table of functions or of symmetry classes. */
interface Enumerated {
  readonly source: FunctionSource;
  /** Number of symmetry classes, when they were counted (by class or measured). */
  readonly classCount: number | null;
  /** One class row per symmetry class (classes mode), in class order. */
  readonly classRows: (FunctionRegion & { orbit: number })[];
  /** The classes to measure (priors given), in class order. */
  readonly classes: TableClass[];
  readonly certification: string;
}

/**
 * Every realisable function (or every function with `all`), or one row per symmetry class, drawn
 * from `sourceOf(spec)`: functionSource, or (tests) streamedFunctionSource below 6 inputs, to check
 * the 6-input path against the catalogue.
 */
export function functionTable(
  spec: PerceptronSpec,
  options: ExactTableOptions,
  sourceOf: (spec: PerceptronSpec, onProgress?: (done: number, total: number) => void) => FunctionSource = functionSource,
): ClassedTable {
  const byClass = options.classes === "symmetry";
  const measured = options.priors.length > 0;
  const published = publishedCount(spec);
  const m = rowCount(spec.inputs);
  let done: Enumerated | undefined;
  const enumerate = (): Enumerated => {
    if (done) return done;
    const source = sourceOf(spec, (d, t) => options.onProgress?.("enumerating", d, t));
    if (published && published.count !== source.count)
      throw new Error(`found ${source.count} functions, the published count is ${published.count}`);
    const cert = certifyFunctionSource(source, { onProgress: (d, t) => options.onProgress?.("proving completeness", d, t) });
    if (!cert.closed) throw new Error(`the enumeration is not closed under facet flips: ${cert.certification}`);
    const partition = byClass || measured ? partitionOf(spec, source) : null;
    const classRows: (FunctionRegion & { orbit: number })[] = [];
    const classes: TableClass[] = [];
    if (partition) {
      // Classes are numbered in the order the walk meets them; the first member represents each
      // (volumes are constant on classes, so each is measured once).
      let seen = 0;
      source.forEach((table, witness, facetMask, npnClass) => {
        seen++;
        if ((seen & 0x3ff) === 0 || seen === source.count) options.onProgress?.("classes", seen, source.count);
        const orbit = partition.visit(table, npnClass);
        if (orbit === 0) return;
        const region = regionFromWitness(spec, source.has, table, Array.from(witness), facetMask);
        if (byClass) classRows.push({ ...region, orbit });
        if (measured) classes.push({ rows: facetVectors(spec, table, region.facetRows), orbit });
      });
    }
    const classCount = partition ? partition.classes : null;
    done = { source, classCount, classRows, classes, certification: `${WITNESS_CHECK}; ${cert.certification}` };
    return done;
  };
  const rowTotal = () => {
    const e = enumerate();
    if (options.all) return 2 ** m;
    return byClass ? e.classRows.length : e.source.count;
  };
  const forEachRow: ClassedTable["forEachRow"] = (measures, visit) => {
    const { source, classCount, classRows } = enumerate();
    if (byClass) {
      classRows.forEach((row, k) => {
        if (!measured) return visit(row, k, k);
        const mk = measures(k);
        if (mk) visit({ ...row, ...mk }, k, k);
      });
      return;
    }
    // With `all`, rows are collected by function and yielded in truth-table order at the end (null:
    // a function of a class measured elsewhere).
    const byFunction = options.all ? new Map<string, { row: TableRow; id: number } | null>() : null;
    // The same walk numbers the classes again in the same order (classes are numbered as the walk
    // meets them), so no function-to-class map outlives enumerate().
    const partition = classCount === null ? null : partitionOf(spec, source);
    let walked = 0;
    let index = 0;
    source.forEach((table, witness, facetMask, npnClass) => {
      walked++;
      if ((walked & 0x3ff) === 0 || walked === source.count) options.onProgress?.("rows", walked, source.count);
      partition?.visit(table, npnClass);
      const id = partition ? partition.classOf(table, npnClass) : -1;
      const mk = measured ? measures(id) : undefined;
      if (measured && !mk) {
        if (byFunction) byFunction.set(formatWords(table, spec.inputs), null);
        else index++;
        return;
      }
      const region = regionFromWitness(spec, source.has, table, Array.from(witness), facetMask);
      const row: TableRow = mk ? { ...region, ...mk } : region;
      if (byFunction) byFunction.set(region.function, { row, id });
      else visit(row, index++, id);
    });
    if (!byFunction) return;
    for (let k = 0; k < 2 ** m; k++) {
      let bits = 0n;
      for (let r = 0; r < m; r++) if ((k >> (m - 1 - r)) & 1) bits |= 1n << BigInt(r);
      const f = { n: spec.inputs, bits };
      const found = byFunction.get(formatFunction(f));
      if (found === null) continue;
      // Functions missing from the complete enumeration are unrealisable: each gets its Gordan proof.
      if (found) visit(found.row, k, found.id);
      else visit({ ...unrealisableRegion(f), ...{ certificate: unrealisableCertificate(spec, f) } }, k, -1);
    }
  };
  return {
    priors: options.priors,
    classes: () => enumerate().classes,
    get rowCount() {
      return rowTotal();
    },
    forEachRow,
    summary: (totals) => {
      const { source, classCount, certification } = enumerate();
      return {
        functions: source.count,
        ...(published ? { publishedCount: published.count, publishedSource: published.source } : {}),
        ...(classCount === null ? {} : { classes: classCount }),
        ...(byClass
          ? {
              symmetry: `input permutations${spec.encoding === "signed" ? ", input negations" : ""} and θ ↦ −θ (the maps of weight space that preserve the priors)`,
            }
          : {}),
        ...totals,
        rows: rowTotal(),
        order: source.sorted || options.all ? "truth-table string" : "class by class",
        certification,
      };
    },
  };
}
