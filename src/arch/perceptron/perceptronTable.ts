/**
 * The exact table of a perceptron: every realisable function (or every function with `all`), or
 * one row per symmetry class, each with its certified region and its probability under each
 * requested prior, measured once per class of the prior's symmetry group.
 */
import { formatFunction, parseFunction, rowCount } from "../../boolean/truthTable.js";
import { rowValue, wordsFromBigInt } from "../../boolean/tableWords.js";
import type { ConeMeasure, Prior } from "../../measure/prior.js";
import type { ExactTable, ExactTableOptions, TableRow } from "../architecture.js";
import { certifyFunctionSource, certifyThresholdClassList } from "./completenessCertificate.js";
import { functionSource } from "./functionSource.js";
import { type FunctionRegion, regionFromWitness, unrealisableRegion } from "./perceptronRegion.js";
import { parameterCount, type PerceptronSpec, rowVector } from "./perceptronSpec.js";
import { publishedCount } from "./publishedCounts.js";
import { MAX_BINARY_NO_BIAS_INPUTS, MAX_TABLE_INPUTS } from "./realisableFunctions.js";
import { ClassPartition } from "./symmetryClasses.js";
import { unrealisableCertificate } from "./unrealisableCertificate.js";
import { MAX_CLASS_LIST_INPUTS } from "./thresholdClassList.js";
import { thresholdClassRegions } from "./thresholdClassRegions.js";
import { NPN_CLASS_COUNTS } from "./thresholdEnumeration.js";

/** Largest n for which `all` lists every Boolean function (2^(2^n) rows). */
export const MAX_ALL_INPUTS = 4;

/** The facet rows s_x·x̃ of a table as integer vectors. */
function facetVectors(spec: PerceptronSpec, table: Uint32Array, facetRows: readonly number[]): bigint[][] {
  return facetRows.map((r) => rowVector(spec, r).map((c) => BigInt(rowValue(table, r) ? c : -c)));
}

/** Accumulates per-class measures and orbit weights for each prior, for the summary totals. */
class Totals {
  private readonly parts: { measure: ConeMeasure; weight: number }[][];
  constructor(private readonly priors: readonly Prior[]) {
    this.parts = priors.map(() => []);
  }
  /** Measures the cone under every prior, records it with its weight, returns the row fields. */
  measure(rows: readonly (readonly bigint[])[], weight: number): Record<string, ConeMeasure> {
    const out: Record<string, ConeMeasure> = {};
    this.priors.forEach((prior, i) => {
      const m = prior.family.measureCone(rows, prior.scales);
      this.parts[i].push({ measure: m, weight });
      out[prior.family.kind] = m;
    });
    return out;
  }
  summary(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.priors.forEach((prior, i) => Object.assign(out, prior.family.summaryFields(prior.family.total(this.parts[i]))));
    return out;
  }
}

const WITNESS_CHECK =
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
      `without bias, tables list functions for inputs 1 to ${MAX_BINARY_NO_BIAS_INPUTS} (binary) or 1 to ${MAX_TABLE_INPUTS} (signed); single functions of more inputs are measured one at a time`,
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
function npnTable(spec: PerceptronSpec, options: ExactTableOptions): ExactTable {
  const totals = new Totals(options.priors);
  const n = spec.inputs;
  let rows = 0;
  let functions = 0;
  let classes = 0;
  const published = publishedCount(spec);
  let certification = `${WITNESS_CHECK}; class list complete because its class count (OEIS A001529) and its sum of orbits (OEIS A000609) equal the published ones (facet-flip closure not run: ask for it with certify)`;
  const forEachRow = (visit: (row: TableRow) => void) => {
    const list = thresholdClassRegions(spec, (d, t) => options.onProgress?.("sweeping weights", d, t));
    functions = list.count;
    classes = list.classes;
    if (options.certify || n <= ALWAYS_CERTIFY_INPUTS) {
      const cert = certifyThresholdClassList(spec, {
        list: list.list,
        onProgress: (d, t) => options.onProgress?.("proving completeness", d, t),
      });
      if (!cert.closed) throw new Error(`the class list is not closed under facet flips: ${cert.certification}`);
      certification = `${WITNESS_CHECK}; ${cert.certification}`;
    }
    list.forEach((row) => {
      let out: TableRow = row;
      if (options.priors.length > 0) {
        const table = wordsFromBigInt(parseFunction(row.function, n).bits, n);
        out = { ...row, ...totals.measure(facetVectors(spec, table, row.facetRows), row.orbit) };
      }
      rows++;
      options.onProgress?.("facets by adjacency", rows, classes);
      visit(out);
    });
  };
  return {
    forEachRow,
    summary: () => ({
      functions,
      ...(published ? { publishedCount: published.count, publishedSource: published.source } : {}),
      classes,
      publishedClasses: NPN_CLASS_COUNTS[n],
      symmetry: "NPN (input permutations, input negations, output negation)",
      ...totals.summary(),
      rows,
      order: "class list",
      certification,
    }),
  };
}

/**
 * The exact table of `spec` for the given options (see ExactTableOptions).
 * @throws RangeError for options that do not apply to this perceptron (say which and why).
 */
export function perceptronTable(spec: PerceptronSpec, options: ExactTableOptions): ExactTable {
  checkOptions(spec, options);
  if (options.classes === "npn") return npnTable(spec, options);
  const classes = options.classes === "symmetry";
  const totals = new Totals(options.priors);
  const published = publishedCount(spec);
  let count = 0;
  let classCount: number | undefined;
  let rows = 0;
  let sorted = true;
  let certification = "";
  const forEachRow = (visit: (row: TableRow) => void) => {
    const source = functionSource(spec, (d, t) => options.onProgress?.("enumerating", d, t));
    count = source.count;
    sorted = source.sorted;
    if (published && published.count !== source.count)
      throw new Error(`found ${source.count} functions, the published count is ${published.count}`);
    const cert = certifyFunctionSource(source, { onProgress: (d, t) => options.onProgress?.("proving completeness", d, t) });
    if (!cert.closed) throw new Error(`the enumeration is not closed under facet flips: ${cert.certification}`);
    certification = `${WITNESS_CHECK}; ${cert.certification}`;
    const measured = options.priors.length > 0;
    const partition =
      classes || measured ? new ClassPartition(spec, wordsFromBigInt(0n, spec.inputs).length, source.count, source.enumeration) : null;
    const volumes: Record<string, ConeMeasure>[] = [];
    const byFunction = options.all ? new Map<string, TableRow>() : null;
    let done = 0;
    // forEach is a callback walk; rows are collected per call and yielded in order between calls.
    source.forEach((table, witness, facetMask) => {
      done++;
      if ((done & 0x3ff) === 0 || done === source.count) options.onProgress?.("rows", done, source.count);
      const orbit = partition ? partition.visit(table) : 0;
      if (classes && orbit === 0) return;
      const region = regionFromWitness(spec, source.has, table, Array.from(witness), facetMask);
      let row: FunctionRegion & { orbit?: number } = classes ? { ...region, orbit } : region;
      if (measured && partition) {
        // Volumes are constant on symmetry classes: measure each class once, at its first member.
        const id = partition.classOf(table);
        if (orbit > 0) volumes[id] = totals.measure(facetVectors(spec, table, region.facetRows), orbit);
        row = { ...row, ...volumes[id] };
      }
      if (byFunction) byFunction.set(region.function, row);
      else {
        rows++;
        visit(row);
      }
    });
    classCount = partition?.classes;
    if (byFunction) {
      const m = rowCount(spec.inputs);
      const total = 2 ** m;
      for (let k = 0; k < total; k++) {
        let bits = 0n;
        for (let r = 0; r < m; r++) if ((k >> (m - 1 - r)) & 1) bits |= 1n << BigInt(r);
        const f = { n: spec.inputs, bits };
        rows++;
        // Functions missing from the complete enumeration are unrealisable: each gets its Gordan proof.
        const row: TableRow = byFunction.get(formatFunction(f)) ?? {
          ...unrealisableRegion(f),
          ...{ certificate: unrealisableCertificate(spec, f) },
        };
        visit(row);
      }
    }
  };
  return {
    forEachRow,
    summary: () => ({
      functions: count,
      ...(published ? { publishedCount: published.count, publishedSource: published.source } : {}),
      ...(classCount === undefined ? {} : { classes: classCount }),
      ...(classes
        ? {
            symmetry: `input permutations${spec.encoding === "signed" ? ", input negations" : ""} and θ ↦ −θ (the maps of weight space that preserve the priors)`,
          }
        : {}),
      ...totals.summary(),
      rows,
      order: sorted || options.all ? "truth-table string" : "class by class",
      certification,
    }),
  };
}
