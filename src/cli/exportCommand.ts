/**
 * `weightspace export`: every chosen function's region as one JSON file (integer constraint rows,
 * parameter names, priors, an anchor, exact probabilities where known) plus `index.json`, for
 * estimators written in Python, Julia, … (`weightspace score` grades their output).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import type { Architecture } from "../arch/architecture.js";
import { type BooleanFunction, parseFunction } from "../boolean/truthTable.js";
import { toNumber, toString } from "../geometry/rational.js";
import type { ConeMeasure, Prior } from "../measure/prior.js";
import { regionRecord } from "../estimators/regionRecord.js";
import { type ArchOptions, addArchOptions, architectureFlags, architectureFromOptions } from "./archOptions.js";
import { givenOptions } from "./givenOptions.js";
import { addPriorOptions, checkExactDimension, describePriors, type PriorOptions, priorChoices, priorsFromOptions } from "./priorOptions.js";
import { progressBar } from "./progressBar.js";
import { runInfo } from "./runInfo.js";
import { choiceOption, UsageError } from "./usageError.js";

interface ExportOptions extends PriorOptions, ArchOptions {
  functions: string;
  out?: string;
}

/** The file of one function in the export folder. */
export function exportFileName(f: string): string {
  return `${f}.json`;
}

/** The chosen functions, each with measures the architecture's table already gave (for `all`). */
function chooseFunctions(arch: Architecture, text: string, priors: readonly Prior[]): { f: BooleanFunction; known: Record<string, ConeMeasure> }[] {
  if (text === "all") {
    if (!arch.exactTable)
      throw new UsageError(`--functions all needs an enumeration of the functions, which --arch ${arch.type} has not; list them: --functions BITS,BITS,…`);
    const out: { f: BooleanFunction; known: Record<string, ConeMeasure> }[] = [];
    arch.exactTable({ priors, all: false, classes: "none" }).forEachRow((row) => {
      const known: Record<string, ConeMeasure> = {};
      for (const p of priors) known[p.family.kind] = (row as unknown as Record<string, ConeMeasure>)[p.family.kind];
      out.push({ f: parseFunction(row.function, arch.inputs), known });
    });
    return out;
  }
  const seen = new Set<string>();
  return text.split(",").map((part) => {
    const bits = part.trim();
    let f: BooleanFunction;
    try {
      f = parseFunction(bits, arch.inputs);
    } catch (e) {
      if (e instanceof RangeError) throw new UsageError(`--functions: '${bits}': ${e.message}; allowed: all, or comma-separated truth tables`);
      throw e;
    }
    if (seen.has(String(f.bits))) throw new UsageError(`--functions lists '${bits}' twice`);
    seen.add(String(f.bits));
    return { f, known: {} };
  });
}

/**
 * Checks --out DIR before any work: a folder that does not exist yet (in an existing folder) or an
 * empty one, so an export never mixes with older files.
 * @throws UsageError naming the problem.
 */
function checkOutputFolder(dir: string | undefined): string {
  if (dir === undefined || dir === "") throw new UsageError("--out DIR is required: a new or empty folder for the region files");
  const path = resolve(dir);
  let stats;
  try {
    stats = statSync(path);
  } catch {
    stats = undefined;
  }
  if (stats === undefined) {
    if (!statSync(dirname(path), { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out ${dir}: ${dirname(path)} is not an existing folder`);
    return path;
  }
  if (!stats.isDirectory()) throw new UsageError(`--out ${dir}: exists and is not a folder; allowed: a new or empty folder`);
  if (readdirSync(path).length > 0) throw new UsageError(`--out ${dir}: the folder is not empty; allowed: a new or empty folder`);
  return path;
}

function runExport(opts: ExportOptions, cmd: Command): void {
  const given = givenOptions(cmd);
  const arch = architectureFromOptions(opts);
  const priors = priorsFromOptions(arch, opts, given);
  if (arch.type !== "relu") checkExactDimension(arch, priors, "export");
  const target = checkOutputFolder(opts.out);
  const chosen = chooseFunctions(arch, opts.functions, priors);
  const run = runInfo("export", { arch: arch.description, priors: describePriors(arch, priors), method: "exact" });
  const scales: Record<string, { exact: string[]; value: number[] }> = {};
  for (const p of priors) scales[p.family.kind] = { exact: p.scales.map(toString), value: p.scales.map(toNumber) };
  // Files go to a temporary folder beside the target, renamed into place only when all succeeded.
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  mkdirSync(temp);
  const bar = progressBar("exporting regions");
  try {
    const index = chosen.map(({ f, known }, k) => {
      let record;
      try {
        record = regionRecord(arch, f, priors, known);
      } catch (e) {
        if (e instanceof RangeError) throw new UsageError(`export (${architectureFlags(arch)}): ${e.message}`);
        throw e;
      }
      const file = exportFileName(record.function);
      writeFileSync(join(temp, file), `${JSON.stringify({ ...record, arch: arch.description, groups: arch.groups, priors: describePriors(arch, priors), scales, run })}\n`);
      bar.update(k + 1, chosen.length);
      return { function: record.function, ...(record.name ? { name: record.name } : {}), file, pieces: record.pieces.length, exact: record.exact };
    });
    writeFileSync(join(temp, "index.json"), `${JSON.stringify({ arch: arch.description, parameters: arch.parameters, priors: describePriors(arch, priors), scales, functions: index, run })}\n`);
    bar.stop();
    // An existing empty target is replaced by the finished folder.
    if (statSync(target, { throwIfNoEntry: false })) rmdirSync(target);
    renameSync(temp, target);
  } catch (e) {
    bar.stop();
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
}

/** Registers the `export` command. */
export function registerExport(program: Command): void {
  const cmd = addArchOptions(program.command("export"))
    .description("write each function's region (integer constraint rows, parameter names, prior, an anchor, exact probabilities) as JSON, one file per function plus index.json")
    .option("--functions <list>", "all (every realisable function, where the architecture enumerates them) or comma-separated truth tables", "all")
    .option("--prior <p>", "gaussian, uniform or both (exact values recorded for each)", choiceOption("--prior", priorChoices(false)), "both");
  addPriorOptions(cmd)
    .option("--out <dir>", "a new or empty folder to write into (created only on success)")
    .action((opts: ExportOptions, c: Command) => runExport(opts, c));
}
