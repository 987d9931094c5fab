/**
 * `weightspace merge FILE... [--out FILE]`: joins the shard files of one `table --shard i/N` job
 * into the table a single run writes, byte for byte. Every check comes before any output: the
 * files must be intact (checksum), of one version and one job, and cover every shard (every class
 * or sample chunk) exactly once; totals are summed again over all classes in table order (uniform
 * exactly, Gaussian in the single run's order of summation).
 */
import type { Command } from "commander";
import { existsSync } from "node:fs";
import type { ClassMeasures, TableRow } from "../arch/architecture.js";
import { classTotals } from "../arch/classMeasures.js";
import { type ListedMonteCarloTable, listedMonteCarloTableOf } from "../arch/listedMonteCarloTable.js";
import { emptyHistogram, monteCarloTableOf } from "../arch/monteCarloTable.js";
import { createArchitecture } from "../arch/registry.js";
import type { Encoding } from "../boolean/encoding.js";
import { wordsFromBigInt } from "../boolean/tableWords.js";
import { parseFunction } from "../boolean/truthTable.js";
import { priorFamily } from "../measure/priorFamilies.js";
import { type FunctionList, readFunctionList } from "./functionList.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import type { Format } from "./rowWriter.js";
import { fileLines, type ItemRange, readShard, ShardError, type ShardManifest } from "./shardFile.js";
import { monteCarloSummary, type TableOutput, tableWriter } from "./tableWriter.js";
import { UsageError } from "./usageError.js";

interface MergeOptions {
  out?: string;
  functions?: string;
}

/** A shard file read and checked on its own. */
interface ReadShard {
  readonly path: string;
  readonly manifest: ShardManifest;
  /** Exact: its class records, in file order. */
  readonly classes: { index: number; orbit: number; measures: ClassMeasures }[];
  /** Monte Carlo: its counted functions. */
  readonly counts: { function: string; hits: number[] }[];
}

const fail = (message: string) => new UsageError(`merge: ${message}`);

/** Reads one file: intact, a shard, its records consistent with its manifest. */
function readOne(path: string): ReadShard {
  const classes: ReadShard["classes"] = [];
  const counts: ReadShard["counts"] = [];
  let rows = 0;
  let lastRow = -1;
  let ordered = true;
  let manifest: ShardManifest;
  try {
    manifest = readShard(path, (r) => {
      if (typeof r.row === "number") {
        rows++;
        if (r.row <= lastRow) ordered = false;
        lastRow = r.row;
      } else if (typeof r.class === "number") classes.push({ index: r.class, orbit: Number(r.orbit), measures: r.measures as ClassMeasures });
      else if (typeof r.function === "string") {
        rows++;
        counts.push({ function: r.function, hits: r.hits as number[] });
      }
    }).manifest;
  } catch (e) {
    if (e instanceof ShardError) throw fail(e.message);
    throw e;
  }
  const range = manifest.classes ?? manifest.chunks;
  const corrupted = (why: string) => fail(`${path} is corrupted: ${why}`);
  if (manifest.rows !== rows) throw corrupted(`it holds ${rows} rows, its manifest says ${manifest.rows}`);
  if (!ordered) throw corrupted("its rows are not in table order");
  if (!range || manifest.method !== (manifest.classes ? "exact" : "mc")) throw corrupted("its manifest names no class or chunk range");
  if (manifest.classes && !classes.every((c, j) => c.index === range.start + j && Number.isSafeInteger(c.orbit)))
    throw corrupted(`its class records are not exactly classes ${range.start}–${range.end - 1}`);
  if (manifest.classes && classes.length !== range.end - range.start)
    throw corrupted(`it holds ${classes.length} classes, its range ${range.start}–${range.end - 1} has ${range.end - range.start}`);
  return { path, manifest, classes, counts };
}

/** Checks that the shards are one job's N shards, each once, tiling its classes or chunks. */
function checkSet(shards: readonly ReadShard[]): void {
  const [first] = shards;
  const m0 = first.manifest;
  for (const { path, manifest: m } of shards.slice(1)) {
    if (m.version !== m0.version)
      throw fail(`${path} was written by weightspace ${m.version}, ${first.path} by ${m0.version}; merge the shards of one version`);
    if (m.job !== m0.job)
      throw fail(`${path} belongs to another command ('${m.command}') than ${first.path} ('${m0.command}')`);
    if (m.of !== m0.of)
      throw fail(`${path} is shard ${m.shard}, ${first.path} is shard ${m0.shard}: shards of different splits overlap`);
  }
  const byIndex = new Map<number, string>();
  for (const { path, manifest: m } of shards) {
    const other = byIndex.get(m.index);
    if (other !== undefined) throw fail(`${path} and ${other} are both shard ${m.shard} (overlapping)`);
    byIndex.set(m.index, path);
  }
  const missing = Array.from({ length: m0.of }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    throw fail(`shard ${missing[0]}/${m0.of} is missing${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ""}; every shard of the job is needed`);
  const range = (s: ReadShard) => (s.manifest.classes ?? s.manifest.chunks) as ItemRange;
  const what = m0.classes ? "classes" : "chunks";
  const sorted = [...shards].sort((a, b) => a.manifest.index - b.manifest.index);
  let next = 0;
  for (const s of sorted) {
    const r = range(s);
    if (r.total !== range(first).total || r.start !== next || r.end <= r.start)
      throw fail(`${s.path} (shard ${s.manifest.shard}) holds ${what} ${r.start}–${r.end - 1}, expected from ${next}: overlapping or foreign shard`);
    next = r.end;
  }
  if (next !== range(first).total) throw fail(`the shards cover ${what} 0–${next - 1} of ${range(first).total}`);
}

/**
 * The exact table's rows from every shard, in row order: a merge of the files' row records (each
 * file in increasing row order), finding the next row through a map from each file's next row.
 */
function* mergedRows(shards: readonly ReadShard[], rowCount: number): Generator<TableRow> {
  const files = shards.map((s) => rowRecords(s.path));
  const heads = new Map<number, { file: number; data: TableRow }>();
  const advance = (file: number) => {
    const next = files[file].next();
    if (next.done) return;
    if (heads.has(next.value.row)) throw fail(`row ${next.value.row} is in two shards: the shards do not fit together`);
    heads.set(next.value.row, { file, data: next.value.data });
  };
  files.forEach((_, k) => advance(k));
  for (let row = 0; row < rowCount; row++) {
    const head = heads.get(row);
    if (!head) throw fail(`row ${row} of ${rowCount} is in no shard: the shards do not fit together`);
    heads.delete(row);
    yield head.data;
    advance(head.file);
  }
  if (heads.size > 0) throw fail(`the shards hold more than the table's ${rowCount} rows`);
}

/** The row records of a shard file, in order (the file was checked by readOne). */
function* rowRecords(path: string): Generator<{ row: number; data: TableRow }> {
  for (const line of fileLines(path)) {
    const r = JSON.parse(line.toString("utf8")) as { row?: number; data?: TableRow };
    if (typeof r.row === "number") yield { row: r.row, data: r.data as TableRow };
  }
}

async function runMerge(files: string[], opts: MergeOptions): Promise<void> {
  checkOutputPath(opts.out);
  const shards = files.map(readOne);
  checkSet(shards);
  const { table } = shards[0].manifest;
  const output = { format: table.output.format as Format, hex: table.output.hex };
  if (shards[0].manifest.method === "exact") {
    const classes = shards.flatMap((s) => s.classes).sort((a, b) => a.index - b.index);
    const totals = classTotals(table.kinds.map(priorFamily), classes);
    // The summary of the whole table with the totals of all classes in the places of a shard's.
    const summary: Record<string, unknown> = { ...table.summary };
    for (const [k, v] of Object.entries(totals)) summary[k] = v;
    const ordered = [...shards].sort((a, b) => a.manifest.index - b.manifest.index);
    writeOutput(opts.out, (sink) => {
      const writer = tableWriter(output, table.inputs, table.arch, table.kinds, sink);
      for (const row of mergedRows(ordered, table.rowCount ?? 0)) writer.row(row);
      writer.end({ ...summary, run: table.run });
    });
    return;
  }
  const listed = table.run.functions as FunctionList | undefined;
  if (listed) return mergeListed(shards, listed, opts, output);
  const histograms = table.kinds.map(() => emptyHistogram(table));
  for (const s of shards) {
    for (const c of s.counts) {
      const words = wordsFromBigInt(parseFunction(c.function, table.inputs).bits, table.inputs);
      c.hits.forEach((h, q) => h > 0 && histograms[q].add(words, h));
    }
  }
  const mc = monteCarloTableOf(table, table.kinds, table.samples ?? 0, table.seed ?? 0, histograms);
  writeOutput(opts.out, (sink) => {
    const writer = tableWriter(output, table.inputs, table.arch, table.kinds, sink);
    mc.forEachRow(writer.row);
    writer.end(monteCarloSummary(mc, table.run));
  });
}

/**
 * Merges the shards of a Monte Carlo table of listed functions: the list is read again (from
 * --functions, else the file the run names) and must be the one the shards counted (its digest).
 */
function mergeListed(shards: readonly ReadShard[], named: FunctionList, opts: MergeOptions, output: TableOutput): void {
  const { table } = shards[0].manifest;
  const path = opts.functions ?? named.file;
  if (!existsSync(path))
    throw fail(`the shards count the functions listed in ${path}, which does not exist; give the list with --functions FILE`);
  const d = table.arch as { type: string; inputs: number; encoding: Encoding; bias?: boolean; layers?: number[] };
  const arch = createArchitecture(d.type, {
    inputs: d.inputs,
    encoding: d.encoding,
    ...(typeof d.bias === "boolean" ? { bias: d.bias } : {}),
    ...(Array.isArray(d.layers) ? { layers: d.layers } : {}),
  });
  if (JSON.stringify(arch.description) !== JSON.stringify(d)) throw fail(`cannot rebuild the network ${JSON.stringify(d)} of the shards`);
  const list = readFunctionList(path, arch);
  if (list.sha256 !== named.sha256 || list.count !== named.count)
    throw fail(`${path} is not the list of functions the shards counted (its digest differs from ${named.sha256})`);
  const outside = table.kinds.map((_, q) => shards.reduce((s, sh) => s + Number((sh.manifest.totals.samplesOutside as number[] | undefined)?.[q] ?? NaN), 0));
  if (!outside.every(Number.isSafeInteger)) throw fail("a shard's manifest has no samplesOutside counts for its listed functions");
  const counted = shards.flatMap((s) =>
    s.counts.map((c) => ({ table: wordsFromBigInt(parseFunction(c.function, table.inputs).bits, table.inputs), hits: c.hits })),
  );
  let mc: ListedMonteCarloTable;
  try {
    mc = listedMonteCarloTableOf(table, table.kinds, table.samples ?? 0, table.seed ?? 0, list.keys, counted, outside);
  } catch (e) {
    throw fail(`the shards do not fit the list in ${path}: ${(e as Error).message}`);
  }
  writeOutput(opts.out, (sink) => {
    const writer = tableWriter(output, table.inputs, table.arch, table.kinds, sink);
    mc.forEachRow(writer.row);
    writer.end(monteCarloSummary(mc, table.run));
  });
}

/** Registers the `merge` command. */
export function registerMerge(program: Command): void {
  program
    .command("merge")
    .description("join the shard files of one `table --shard i/N` job into the table a single run writes")
    .argument("<files...>", "the N shard files (any order)")
    .option("--out <file>", "write to this file instead of stdout (- for stdout; created only on success)")
    .option("--functions <file>", "the list of functions of a `table --method mc --functions FILE` job, if no longer at the path its shards name")
    .action((files: string[], opts: MergeOptions) => runMerge(files, opts));
}
