/**
 * `table --shard i/N`: one deterministic part of a table written as a shard file (shardFile.ts) for
 * `weightspace merge`. Exact tables are split into contiguous ranges of classes of equal predicted
 * cost and checkpointed as they are measured (`--resume` continues from the checkpoint); Monte Carlo
 * tables into contiguous ranges of sample chunks, each drawn from its own jumped stream, so the
 * merged counts are those of the single run.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import type { Architecture, ClassedTable, ClassMeasures } from "../arch/architecture.js";
import { classTotals } from "../arch/classMeasures.js";
import { measureClasses } from "../arch/measureClasses.js";
import { monteCarloListedTable } from "../arch/listedMonteCarloTable.js";
import { monteCarloChunks, monteCarloTable } from "../arch/monteCarloTable.js";
import { balancedRange, CLASS_COST_MODEL, classCost } from "../arch/shardRanges.js";
import { formatWords } from "../boolean/truthTable.js";
import type { Prior } from "../measure/prior.js";
import { Checkpointer, checkpointPath, readCheckpoint } from "./checkpoint.js";
import { argsWithout } from "./givenOptions.js";
import { writeOutput } from "./outputSink.js";
import type { StagedProgress } from "./progressBar.js";
import { readShard, SHARD_FORMAT, type ShardManifest, type ShardTable, ShardWriter } from "./shardFile.js";
import { UsageError } from "./usageError.js";
import { VERSION } from "./version.js";

/** Shard i of N (1 ≤ i ≤ N). */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** Largest N accepted by --shard (a typo guard). */
const MAX_SHARDS = 1_000_000;

/**
 * Parses `--shard i/N`.
 * @throws UsageError naming the allowed form.
 */
export function shardOption(text: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count)
    throw new UsageError(`--shard must be i/N with 1 ≤ i ≤ N ≤ ${MAX_SHARDS} (e.g. 3/8), got '${text}'`);
  return { index, count };
}

/** A shard run: where it goes and what the whole job is. */
export interface ShardRun {
  readonly shard: ShardSpec;
  readonly out: string;
  readonly resume: boolean;
  readonly workers: number;
  /** The job's command line, for people. */
  readonly command: string;
  /** The whole table's settings (no summary yet). */
  readonly table: ShardTable;
  /** The settings that make two shards parts of one table, hashed into the manifest's `job`. */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly progress: StagedProgress;
}

/** The command line of a job: these arguments without the options that differ between its shards. */
export function jobCommand(argv: readonly string[]): string {
  return argsWithout(argv, ["--shard", "--out", "--workers"], ["--resume"]).join(" ");
}

const jobHash = (settings: Readonly<Record<string, unknown>>) =>
  createHash("sha256").update(JSON.stringify(settings)).digest("hex");

const shardName = (s: ShardSpec) => `${s.index}/${s.count}`;

/** With --resume, whether the output already is this shard, complete (then there is nothing to do). */
function alreadyDone(run: ShardRun, job: string): boolean {
  if (!run.resume || !existsSync(run.out)) return false;
  let manifest: ShardManifest;
  try {
    manifest = readShard(run.out, () => {}).manifest;
  } catch {
    return false;
  }
  if (manifest.job !== job || manifest.shard !== shardName(run.shard)) return false;
  process.stderr.write(`weightspace: ${run.out} is already shard ${manifest.shard}, complete; nothing to do\n`);
  return true;
}

/** WEIGHTSPACE_STOP_AFTER_CLASSES=k: stop (as if killed) after k classes, for testing --resume. */
function stopAfterClasses(): number {
  const text = process.env.WEIGHTSPACE_STOP_AFTER_CLASSES;
  const k = text === undefined ? NaN : Number(text);
  return Number.isSafeInteger(k) && k > 0 ? k : Infinity;
}

/** Exit code of a run stopped by WEIGHTSPACE_STOP_AFTER_CLASSES. */
const STOPPED = 3;

/**
 * Measures shard `run.shard` of an exact table's classes and writes its shard file.
 * @throws UsageError if N exceeds the classes or a checkpoint belongs to another shard.
 */
export async function exactShard(classed: ClassedTable, run: ShardRun): Promise<void> {
  const job = jobHash(run.settings);
  if (alreadyDone(run, job)) return;
  const { index, count } = run.shard;
  const classes = classed.classes();
  if (count > classes.length)
    throw new UsageError(`--shard ${shardName(run.shard)}: this table has ${classes.length} classes; allowed: N from 1 to ${classes.length}`);
  const costs = classes.map((c, k) => {
    run.progress.update("predicting costs", k + 1, classes.length);
    return classed.predictedCost ? classed.predictedCost(k) : classCost(c);
  });
  const span = balancedRange(costs, index, count);
  const path = checkpointPath(run.out);
  const identity = { job, shard: shardName(run.shard), start: span.start, end: span.end };
  const measured: Map<number, ClassMeasures> = run.resume ? readCheckpoint(path, identity) : new Map();
  const checkpoint = new Checkpointer(path, identity, measured);
  const todo: number[] = [];
  for (let k = span.start; k < span.end; k++) if (!measured.has(k)) todo.push(k);
  const stopAfter = stopAfterClasses();
  let fresh = 0;
  await measureClasses(classed.priors, classes, todo, {
    workers: run.workers,
    onProgress: (d, t) => run.progress.update("measuring classes", d, t),
    onMeasured: (k, m) => {
      checkpoint.add(k, m);
      if (++fresh < stopAfter) return;
      checkpoint.save();
      run.progress.stop();
      process.stderr.write(`weightspace: stopped after ${fresh} classes (WEIGHTSPACE_STOP_AFTER_CLASSES); continue with --resume\n`);
      process.exit(STOPPED);
    },
  });
  const own: { orbit: number; measures: ClassMeasures }[] = [];
  for (let k = span.start; k < span.end; k++) own.push({ orbit: classes[k].orbit, measures: measured.get(k) as ClassMeasures });
  const totals = classTotals(
    classed.priors.map((p) => p.family),
    own,
  );
  writeOutput(run.out, (sink) => {
    const w = new ShardWriter(sink);
    own.forEach((c, j) => w.record({ class: span.start + j, orbit: c.orbit, measures: c.measures }));
    let rows = 0;
    const mine = (k: number) => (k >= span.start && k < span.end ? measured.get(k) : undefined);
    classed.forEachRow(mine, (row, i) => {
      w.record({ row: i, data: row });
      rows++;
    });
    run.progress.stop();
    w.end({
      ...manifestHead(run, job, "exact"),
      classes: { start: span.start, end: span.end, total: classes.length },
      rows,
      totals,
      predictedCost: {
        shard: costs.slice(span.start, span.end).reduce((s, c) => s + c, 0),
        table: costs.reduce((s, c) => s + c, 0),
        model: CLASS_COST_MODEL,
      },
      table: { ...run.table, summary: classed.summary(totals), rowCount: classed.rowCount },
    });
  });
  checkpoint.remove();
}

function manifestHead(run: ShardRun, job: string, method: string) {
  return {
    format: SHARD_FORMAT,
    version: VERSION,
    command: run.command,
    job,
    shard: shardName(run.shard),
    index: run.shard.index,
    of: run.shard.count,
    method,
  };
}

/**
 * Samples shard `run.shard` of a Monte Carlo table's chunks and writes its counts as a shard file:
 * every function drawn, or with `functions` (a listed table) the listed functions drawn and, per
 * prior, the samples outside the list. Monte Carlo shards keep no checkpoint: `--resume` skips a
 * complete shard and reruns any other.
 * @throws UsageError if N exceeds the run's chunks.
 */
export async function monteCarloShard(
  arch: Architecture,
  priors: readonly Prior[],
  samples: number,
  seed: number,
  run: ShardRun,
  functions?: Uint32Array,
): Promise<void> {
  const job = jobHash(run.settings);
  if (alreadyDone(run, job)) return;
  const sizes = monteCarloChunks(samples);
  if (run.shard.count > sizes.length)
    throw new UsageError(
      `--shard ${shardName(run.shard)}: ${samples} samples are ${sizes.length} chunks of 2^20; allowed: N from 1 to ${sizes.length}`,
    );
  const span = balancedRange(sizes, run.shard.index, run.shard.count);
  const onProgress = (l: string, d: number, t: number) => run.progress.update(l, d, t);
  const mc = functions
    ? await monteCarloListedTable(arch, priors, samples, seed, functions, { workers: run.workers, chunks: span, onProgress })
    : await monteCarloTable(arch, priors, samples, seed, onProgress, run.workers, span);
  writeOutput(run.out, (sink) => {
    const w = new ShardWriter(sink);
    let rows = 0;
    mc.forEachCount((table, hits) => {
      if (hits.every((h) => h === 0)) return;
      w.record({ function: formatWords(table, arch.inputs), hits });
      rows++;
    });
    run.progress.stop();
    w.end({
      ...manifestHead(run, job, "mc"),
      chunks: { start: span.start, end: span.end, total: sizes.length },
      rows,
      totals: {
        samples: sizes.slice(span.start, span.end).reduce((s, c) => s + c, 0),
        functionsSeen: rows,
        ...(functions ? { samplesOutside: priors.map((p) => (mc.summary.samplesOutside as Record<string, number>)[p.family.kind]) } : {}),
      },
      table: { ...run.table, samples, seed },
    });
  });
}
