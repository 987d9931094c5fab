/** `weightspace table`: every function a network computes, with its certified region. */
import type { Command } from "commander";
import { functionSource } from "../arch/perceptron/functionSource.js";
import {
  type FunctionRegion,
  regionFromWitness,
  unrealisableRegion,
} from "../arch/perceptron/perceptronRegion.js";
import { type PerceptronSpec, parameterNames, rowVector } from "../arch/perceptron/perceptronSpec.js";
import { publishedCount } from "../arch/perceptron/publishedCounts.js";
import { MAX_BINARY_NO_BIAS_INPUTS, MAX_TABLE_INPUTS } from "../arch/perceptron/realisableFunctions.js";
import { MAX_EXACT_PARAMETERS, type RegionVolumes, regionVolumes } from "../arch/perceptron/regionVolumes.js";
import { ClassPartition } from "../arch/perceptron/symmetryClasses.js";
import { thresholdClassRegions } from "../arch/perceptron/thresholdClassRegions.js";
import { NPN_CLASS_COUNTS } from "../arch/perceptron/thresholdEnumeration.js";
import { rowValue, wordsFromBigInt } from "../boolean/tableWords.js";
import { formatFunction, rowCount } from "../boolean/truthTable.js";
import { add, mul, parse, rat, toFraction, ZERO } from "../geometry/rational.js";
import { CompensatedSum } from "../measure/_internals/compensatedSum.js";
import { type ArchOptions, addArchOptions, specFromOptions } from "./archOptions.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { addPriorOptions, type PriorOptions, priorKinds, volumeSettings } from "./priorOptions.js";
import { progressBar } from "./progressBar.js";
import { type Column, FORMATS, type Format, rowWriter } from "./rowWriter.js";
import { choiceOption, UsageError } from "./usageError.js";

/** A table row: the region, the class size in `--classes` mode, and the requested volumes. */
export type TableRow = FunctionRegion & { orbit?: number } & RegionVolumes;

interface TableOptions extends PriorOptions, ArchOptions {
  prior: "none" | "gaussian" | "uniform" | "both";
  all: boolean;
  classes: boolean;
  expand: boolean;
  format: Format;
  out?: string;
}

/** Largest n for which `--all` lists every Boolean function (2^(2^n) rows). */
const MAX_ALL_INPUTS = 4;

function columns(n: number, classes: boolean, kinds: readonly string[]): Column<TableRow>[] {
  const cols: Column<TableRow>[] = [
    { header: "function", width: Math.max(8, rowCount(n)), value: (r) => r.function },
    { header: "name", width: n <= 2 ? 14 : 8, value: (r) => r.name ?? "" },
  ];
  if (classes) cols.push({ header: "orbit", width: 6, value: (r) => String(r.orbit ?? "") });
  if (kinds.includes("gaussian")) {
    cols.push(
      { header: "gaussian", width: 22, value: (r) => (r.gaussian ? String(r.gaussian.p) : "0") },
      {
        header: "gaussian_err",
        width: 10,
        value: (r) => (r.gaussian ? r.gaussian.err.toExponential(1) : ""),
      },
    );
  }
  if (kinds.includes("uniform")) {
    cols.push(
      { header: "uniform", width: 22, value: (r) => (r.uniform ? String(r.uniform.p) : "0") },
      { header: "uniform_fraction", width: n <= 3 ? 12 : 24, value: (r) => r.uniform?.fraction ?? "0/1" },
    );
  }
  cols.push(
    { header: "facets", width: 6, value: (r) => (r.facets === null ? "" : String(r.facets)) },
    {
      header: "witness",
      width: Math.max(7, 4 * (n + 1)),
      value: (r) => (r.witness === null ? "" : r.witness.join(" ")),
    },
    {
      header: "constraints",
      width: 0,
      value: (r) => (r.realizable ? r.constraints.join(", ") : "impossible"),
    },
  );
  return cols;
}

/** The facet rows s_x·x̃ of a table as integer vectors. */
function facetVectors(spec: PerceptronSpec, table: Uint32Array, facetRows: readonly number[]): bigint[][] {
  return facetRows.map((r) => rowVector(spec, r).map((c) => BigInt(rowValue(table, r) ? c : -c)));
}

/** Σ orbit·P over classes: 1 up to the stated error (gaussian), exactly 1 (uniform). */
function volumeTotals(volumes: readonly RegionVolumes[], orbits: readonly number[]): Record<string, unknown> {
  if (volumes.length === 0) return {};
  const out: Record<string, unknown> = {};
  if (volumes[0].gaussian) {
    const sum = new CompensatedSum();
    let err = 0;
    volumes.forEach((v, i) => {
      sum.add(orbits[i] * (v.gaussian?.p ?? 0));
      err += orbits[i] * (v.gaussian?.err ?? 0);
    });
    out.gaussianTotal = sum.value();
    out.gaussianTotalErr = err;
  }
  if (volumes[0].uniform) {
    let total = ZERO;
    volumes.forEach((v, i) => {
      total = add(total, mul(rat(orbits[i]), parse(v.uniform?.fraction ?? "0")));
    });
    out.uniformTotal = toFraction(total);
  }
  return out;
}

/** Above MAX_TABLE_INPUTS: one row per NPN class from the class list (no volumes, no expansion). */
function runClassList(spec: PerceptronSpec, opts: TableOptions): void {
  const n = spec.inputs;
  if (!spec.bias) throw new UsageError(`--no-bias lists tables for --inputs 1 to ${MAX_TABLE_INPUTS}`);
  if (opts.expand) {
    throw new UsageError(`--expand lists every function for --inputs 0 to ${MAX_TABLE_INPUTS}; at ${n} only classes`);
  }
  if (opts.prior !== "none") {
    throw new UsageError(
      `--prior: exact volumes take at most ${MAX_EXACT_PARAMETERS} parameters (--inputs 0 to ${MAX_EXACT_PARAMETERS - 1} with bias); for ${n} inputs use 'weightspace volume --method mc'`,
    );
  }
  checkOutputPath(opts.out);
  const bar = progressBar("sweeping weights");
  const list = thresholdClassRegions(spec, (d, t) => bar.update(d, t));
  bar.stop();
  const published = publishedCount(spec);
  writeOutput(opts.out, (sink) => {
    const arch = { type: "perceptron", ...spec, parameters: parameterNames(spec) };
    const writer = rowWriter<TableRow>(opts.format, sink, columns(n, true, []), arch);
    const rowsBar = progressBar("facets by adjacency");
    let rows = 0;
    list.forEach((row) => {
      writer.row(row);
      if ((++rows & 0xff) === 0) rowsBar.update(rows, list.classes);
    });
    rowsBar.stop();
    writer.end({
      functions: list.count,
      ...(published ? { publishedCount: published.count, publishedSource: published.source } : {}),
      classes: list.classes,
      publishedClasses: NPN_CLASS_COUNTS[n],
      symmetry: "NPN (input permutations, input negations, output negation)",
      rows,
      order: "class list",
      certification:
        "integer witnesses checked in BigInt arithmetic; class list complete because its class count (OEIS A001529) and its sum of orbits (OEIS A000609) equal the published ones; facets by chamber adjacency, membership by positive sorted form",
    });
  });
}

async function runTable(opts: TableOptions): Promise<void> {
  const spec = specFromOptions(opts);
  if (spec.inputs > MAX_TABLE_INPUTS) return runClassList(spec, opts);
  if (!spec.bias && spec.encoding === "binary" && spec.inputs > MAX_BINARY_NO_BIAS_INPUTS) {
    throw new UsageError(
      `--no-bias with --encoding binary lists tables for --inputs 1 to ${MAX_BINARY_NO_BIAS_INPUTS}; 'volume' handles single functions at 6`,
    );
  }
  if (opts.all && spec.inputs > MAX_ALL_INPUTS) {
    throw new UsageError(`--all lists all 2^(2^n) functions; allowed with --inputs 0 to ${MAX_ALL_INPUTS}`);
  }
  if (opts.all && opts.classes) throw new UsageError("--all and --classes cannot be combined");
  const classes = opts.classes || (spec.inputs === 6 && spec.bias && !opts.expand);
  const kinds = priorKinds(opts.prior);
  const settings = volumeSettings(opts, kinds);
  checkOutputPath(opts.out);
  const bar = progressBar("enumerating");
  const source = functionSource(spec, (d, t) => bar.update(d, t));
  bar.stop();
  const published = publishedCount(spec);
  if (published && published.count !== source.count) {
    throw new Error(`found ${source.count} functions, the published count is ${published.count}`);
  }
  writeOutput(opts.out, (sink) => {
    const arch = { type: "perceptron", ...spec, parameters: parameterNames(spec) };
    const writer = rowWriter<TableRow>(opts.format, sink, columns(spec.inputs, classes, kinds), arch);
    const rowsBar = progressBar("writing rows");
    let rows = 0;
    let done = 0;
    const partition =
      classes || kinds.length > 0
        ? new ClassPartition(spec, wordsFromBigInt(0n, spec.inputs).length, source.count, source.enumeration)
        : null;
    const volumes: RegionVolumes[] = [];
    const orbits: number[] = [];
    const byFunction = opts.all ? new Map<string, TableRow>() : null;
    source.forEach((table, witness, facetMask) => {
      done++;
      if ((done & 0x3ff) === 0) rowsBar.update(done, source.count);
      const orbit = partition ? partition.visit(table) : 0;
      if (classes && orbit === 0) return;
      const region = regionFromWitness(spec, source.has, table, Array.from(witness), facetMask);
      let row: TableRow = classes ? { ...region, orbit } : region;
      if (kinds.length > 0 && partition) {
        // Volumes are constant on symmetry classes: measure each class once, at its first member.
        const id = partition.classOf(table);
        if (orbit > 0) {
          volumes[id] = regionVolumes(spec, facetVectors(spec, table, region.facetRows), settings);
          orbits[id] = orbit;
        }
        row = { ...row, ...volumes[id] };
      }
      if (byFunction) byFunction.set(region.function, row);
      else {
        writer.row(row);
        rows++;
      }
    });
    if (byFunction) {
      const total = 2 ** rowCount(spec.inputs);
      for (let k = 0; k < total; k++) {
        let bits = 0n;
        for (let r = 0; r < rowCount(spec.inputs); r++) {
          if ((k >> (rowCount(spec.inputs) - 1 - r)) & 1) bits |= 1n << BigInt(r);
        }
        const f = { n: spec.inputs, bits };
        writer.row(byFunction.get(formatFunction(f)) ?? unrealisableRegion(f));
        rows++;
      }
    }
    rowsBar.stop();
    writer.end({
      functions: source.count,
      ...(published ? { publishedCount: published.count, publishedSource: published.source } : {}),
      ...(partition ? { classes: partition.classes } : {}),
      ...volumeTotals(volumes, orbits),
      rows,
      order: source.sorted || opts.all ? "truth-table string" : "class by class",
      certification:
        "integer witnesses checked in BigInt arithmetic; enumeration complete because its count equals the published one; facets by chamber adjacency",
    });
  });
}

/** Registers the `table` command. */
export function registerTable(program: Command): void {
  const cmd = addArchOptions(program.command("table"))
    .description("every function the network computes, with its irredundant half-space constraints")
    .option(
      "--prior <p>",
      "volume columns: none, gaussian, uniform or both (exact, computed once per symmetry class)",
      choiceOption("--prior", ["none", "gaussian", "uniform", "both"] as const),
      "none",
    )
    .option("--all", "also list functions no weights compute (inputs 0 to 4)", false)
    .option(
      "--classes",
      "one row per symmetry class, with its orbit size (default at 6 inputs with bias; at 7, NPN classes only)",
      false,
    )
    .option("--expand", "at 6 inputs with bias, list all 15,028,134 functions instead of classes", false)
    .option("--format <f>", `output format: ${FORMATS.join(", ")}`, choiceOption("--format", FORMATS), "text")
    .option("--out <file>", "write to this file instead of stdout (created only on success)");
  addPriorOptions(cmd).action((opts: TableOptions) => runTable(opts));
}
