/** `weightspace table`: every function a network computes, with its certified region. */
import type { Command } from "commander";
import { functionSource } from "../arch/perceptron/functionSource.js";
import {
  type FunctionRegion,
  regionFromWitness,
  unrealisableRegion,
} from "../arch/perceptron/perceptronRegion.js";
import { type PerceptronSpec, parameterNames } from "../arch/perceptron/perceptronSpec.js";
import { publishedCount } from "../arch/perceptron/publishedCounts.js";
import { MAX_BINARY_NO_BIAS_INPUTS } from "../arch/perceptron/realisableFunctions.js";
import { ClassPartition } from "../arch/perceptron/symmetryClasses.js";
import { wordsFromBigInt } from "../boolean/_internals/tableWords.js";
import { ENCODINGS, type Encoding } from "../boolean/encoding.js";
import { formatFunction, rowCount } from "../boolean/truthTable.js";
import { checkOutputPath, openSink } from "./outputSink.js";
import { progressBar } from "./progressBar.js";
import { type Column, FORMATS, type Format, rowWriter } from "./rowWriter.js";
import { choiceOption, integerOption, UsageError } from "./usageError.js";

/** A table row: the region, plus the class size in `--classes` mode. */
export type TableRow = FunctionRegion & { orbit?: number };

interface TableOptions {
  arch: "perceptron";
  inputs?: number;
  encoding: Encoding;
  bias: boolean;
  prior: "none" | "gaussian" | "uniform" | "both";
  all: boolean;
  classes: boolean;
  expand: boolean;
  format: Format;
  out?: string;
}

/** Largest n for which `--all` lists every Boolean function (2^(2^n) rows). */
const MAX_ALL_INPUTS = 4;

function columns(n: number, classes: boolean): Column<TableRow>[] {
  const cols: Column<TableRow>[] = [
    { header: "function", width: Math.max(8, rowCount(n)), value: (r) => r.function },
    { header: "name", width: n <= 2 ? 14 : 8, value: (r) => r.name ?? "" },
  ];
  if (classes) cols.push({ header: "orbit", width: 6, value: (r) => String(r.orbit ?? "") });
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

async function runTable(opts: TableOptions): Promise<void> {
  if (opts.inputs === undefined) throw new UsageError("--inputs is required (an integer from 0 to 6)");
  const spec: PerceptronSpec = { inputs: opts.inputs, bias: opts.bias, encoding: opts.encoding };
  if (!spec.bias && spec.inputs === 0) throw new UsageError("--no-bias needs --inputs from 1 to 6, got 0");
  if (opts.prior !== "none") {
    throw new UsageError(`--prior ${opts.prior}: exact volumes are not available yet; allowed: none`);
  }
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
  checkOutputPath(opts.out);
  const bar = progressBar("enumerating");
  const source = functionSource(spec, (d, t) => bar.update(d, t));
  bar.stop();
  const published = publishedCount(spec);
  if (published && published.count !== source.count) {
    throw new Error(`found ${source.count} functions, the published count is ${published.count}`);
  }
  const sink = openSink(opts.out);
  try {
    const arch = { type: "perceptron", ...spec, parameters: parameterNames(spec) };
    const writer = rowWriter<TableRow>(opts.format, sink, columns(spec.inputs, classes), arch);
    const rowsBar = progressBar("writing rows");
    let rows = 0;
    let done = 0;
    const partition = classes
      ? new ClassPartition(spec, wordsFromBigInt(0n, spec.inputs).length, source.count)
      : null;
    const byFunction = opts.all ? new Map<string, FunctionRegion>() : null;
    source.forEach((table, witness) => {
      done++;
      if ((done & 0x3ff) === 0) rowsBar.update(done, source.count);
      const orbit = partition ? partition.visit(table) : 0;
      if (partition && orbit === 0) return;
      const region = regionFromWitness(spec, source.has, table, Array.from(witness));
      if (byFunction) byFunction.set(region.function, region);
      else {
        writer.row(partition ? { ...region, orbit } : region);
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
      rows,
      order: source.sorted || opts.all ? "truth-table string" : "class by class",
      certification:
        "integer witnesses checked in BigInt arithmetic; enumeration complete because its count equals the published one; facets by chamber adjacency",
    });
    sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
}

/** Registers the `table` command. */
export function registerTable(program: Command): void {
  program
    .command("table")
    .description("every function the network computes, with its irredundant half-space constraints")
    .option(
      "--arch <arch>",
      "architecture: perceptron",
      choiceOption("--arch", ["perceptron"] as const),
      "perceptron",
    )
    .option("--inputs <n>", "number of Boolean inputs, 0 to 6", integerOption("--inputs", 0, 6))
    .option(
      "--encoding <e>",
      "input encoding: binary {0,1} or signed {-1,+1}",
      choiceOption("--encoding", ENCODINGS),
      "binary",
    )
    .option("--no-bias", "perceptron without bias (output 1 iff ⟨w,x⟩ > 0)")
    .option(
      "--prior <p>",
      "volume columns: none",
      choiceOption("--prior", ["none", "gaussian", "uniform", "both"] as const),
      "none",
    )
    .option("--all", "also list functions no weights compute (inputs 0 to 4)", false)
    .option(
      "--classes",
      "one row per symmetry class, with its orbit size (default at 6 inputs with bias)",
      false,
    )
    .option("--expand", "at 6 inputs with bias, list all 15,028,134 functions instead of classes", false)
    .option("--format <f>", `output format: ${FORMATS.join(", ")}`, choiceOption("--format", FORMATS), "text")
    .option("--out <file>", "write to this file instead of stdout (created only on success)")
    .action((opts: TableOptions) => runTable(opts));
}
