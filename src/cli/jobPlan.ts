/**
 * Plans a large `table` job before running it: measures here, on this machine, what the job's
 * pieces cost and extrapolates to the whole job with an interval. Exact tables: the enumeration is
 * run (every shard repeats it), a seeded uniform sample of classes is measured one by one in CPU
 * time, and the output size is counted row by row with the sampled measures' lengths. Monte Carlo
 * tables: four pilot runs (after an untimed one) give the CPU per sample and the size of a row.
 */
import { availableParallelism, cpus } from "node:os";
import type { Architecture, ClassedTable, ClassMeasures } from "../arch/architecture.js";
import { measureClass } from "../arch/classMeasures.js";
import { monteCarloChunks, monteCarloTable } from "../arch/monteCarloTable.js";
import { classCost } from "../arch/shardRanges.js";
import type { Prior } from "../measure/prior.js";
import { randomStream } from "../measure/randomStream.js";

/** An estimate with a 95% interval. */
export interface Interval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** The plan of a job, as printed. Field names are a public interface (JSON output). */
export type JobPlan = Record<string, unknown>;

/** CPU seconds (user + system) of this process so far. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

const MB = 2 ** 20;
/** Classes (exact) or pilot runs (Monte Carlo) run untimed first, while the JIT compiles. */
const WARM_UP = 3;
/** Two-sided 95% quantile of the normal law (the class sample is large enough for the CLT). */
const Z95 = 1.959963984540054;
/** … and of Student's t with 3 degrees of freedom (four Monte Carlo pilots). */
const T95_3 = 3.182446305284263;

/** The mean of xs times `scale`, with the interval mean ± q·sd/√k (low clamped at 0). */
function extrapolate(xs: readonly number[], scale: number, q: number): Interval {
  const k = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / k;
  const sd = k > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (k - 1)) : mean;
  const half = (q * sd) / Math.sqrt(k);
  return { estimate: mean * scale, low: Math.max(0, mean - half) * scale, high: (mean + half) * scale };
}

/** `k` distinct indices below n, a seeded uniform sample in increasing order. */
function sampleIndices(n: number, k: number, seed: number): number[] {
  const rng = randomStream(seed);
  const pool = Array.from({ length: n }, (_, i) => i);
  const m = Math.min(k, n);
  for (let i = 0; i < m; i++) {
    const j = i + ((rng.next() >>> 0) % (n - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, m).sort((a, b) => a - b);
}

const hours = (i: Interval): Interval => ({ estimate: i.estimate / 3600, low: i.low / 3600, high: i.high / 3600 });

/** The machine the costs were measured on. */
function machine(): Record<string, unknown> {
  return { cpu: cpus()[0]?.model ?? "unknown", cores: availableParallelism(), node: process.version };
}

/**
 * Shards of one core each that finish within `wallHours`: each repeats `perShardSeconds` of set-up,
 * then measures its share of `workSeconds` (upper end of the interval). Undefined if even one item
 * per shard cannot fit.
 */
function shardsFor(wallHours: number, perShardSeconds: number, workSeconds: number, maxShards: number) {
  const budget = wallHours * 3600 - perShardSeconds;
  if (budget <= 0) return { fits: false, why: `each shard's set-up alone takes ${(perShardSeconds / 3600).toPrecision(3)} h` };
  const shards = Math.max(1, Math.ceil(workSeconds / budget));
  if (shards > maxShards) return { fits: false, why: `needs ${shards} shards, more than the ${maxShards} the job splits into` };
  return { fits: true, shards, cpuHours: (workSeconds + shards * perShardSeconds) / 3600 };
}

/** Options of an exact plan. */
export interface ExactPlanOptions {
  /** Classes to measure here. */
  readonly sampleClasses: number;
  readonly seed: number;
  readonly wallHours?: number;
  readonly onProgress?: (label: string, done: number, total: number) => void;
}

/** Tables with more rows than this have their output size estimated from the sampled classes' rows. */
const COUNT_ROWS_UP_TO = 1_000_000;

/**
 * Output (jsonl) of a table, every row's bytes without its measures counted, plus the measures'
 * bytes, whose lengths vary only in their digits (the sampled lengths bound them).
 */
function countedOutputBytes(classed: ClassedTable, measured: readonly ClassMeasures[], rows: number): Interval {
  let plain = 0;
  classed.forEachRow(
    () => ({}),
    (row) => (plain += Buffer.byteLength(JSON.stringify(row)) + 1),
  );
  const extra = measured.map((m) => Buffer.byteLength(JSON.stringify(m)) - 1);
  return {
    estimate: plain + rows * (extra.reduce((s, x) => s + x, 0) / extra.length),
    low: plain + rows * Math.min(...extra),
    high: plain + rows * Math.max(...extra),
  };
}

/** Output (jsonl) of a table too large to list here: the mean bytes of the sampled classes' rows, with its 95% interval. */
function sampledOutputBytes(classed: ClassedTable, picked: readonly number[], measured: readonly ClassMeasures[], rows: number): Interval {
  const byClass = new Map(picked.map((k, j) => [k, measured[j]]));
  const sizes: number[] = [];
  classed.forEachRow(
    (k) => byClass.get(k),
    (row) => sizes.push(Buffer.byteLength(JSON.stringify(row)) + 1),
  );
  return extrapolate(sizes, rows, Z95);
}

/** Plans an exact table (see the module comment). */
export function planExact(classed: ClassedTable, options: ExactPlanOptions): JobPlan {
  const t0 = cpuSeconds();
  const classes = classed.classes();
  const enumeration = cpuSeconds() - t0;
  const rssBefore = process.memoryUsage().rss;
  const picked = sampleIndices(classes.length, options.sampleClasses, options.seed);
  const measureCpu: number[] = [];
  const costCpu: number[] = [];
  const measured: ClassMeasures[] = [];
  // Untimed first passes, so that compiling the measuring code is not charged to the first classes.
  for (const k of picked.slice(0, WARM_UP)) measureClass(classed.priors, classes[k].rows);
  picked.forEach((k, j) => {
    const a = cpuSeconds();
    measured.push(measureClass(classed.priors, classes[k].rows));
    const b = cpuSeconds();
    if (!classed.predictedCost) classCost(classes[k]);
    costCpu.push(cpuSeconds() - b);
    measureCpu.push(b - a);
    options.onProgress?.("measuring sampled classes", j + 1, picked.length);
  });
  const C = classes.length;
  const measuring = extrapolate(measureCpu, C, Z95);
  let predicting = extrapolate(costCpu, C, Z95).estimate;
  if (classed.predictedCost) {
    // The table predicts costs its own way: time it over every class, as each shard does.
    const a = cpuSeconds();
    for (let k = 0; k < C; k++) {
      classed.predictedCost(k);
      if ((k & 0xfff) === 0 || k === C - 1) options.onProgress?.("predicting costs", k + 1, C);
    }
    predicting = cpuSeconds() - a;
  }
  const peakMB = process.resourceUsage().maxRSS / 1024;
  const rows = classed.rowCount;
  const bytes = rows > COUNT_ROWS_UP_TO ? sampledOutputBytes(classed, picked, measured, rows) : countedOutputBytes(classed, measured, rows);
  const perShard = enumeration + predicting;
  return {
    method: "exact",
    classes: C,
    rows,
    sampledClasses: picked.length,
    seed: options.seed,
    cpuSecondsPerClass: { mean: measuring.estimate / C, min: Math.min(...measureCpu), max: Math.max(...measureCpu) },
    measuringCpuHours: hours(measuring),
    perShardCpuSeconds: { enumeration, predictingCosts: predicting },
    memory: {
      peakRssMB: Math.round(peakMB),
      enumerationRssMB: Math.round(rssBefore / MB),
      note: "peak RSS of this process = one shard with --workers 1; each extra worker thread measures with its own heap",
    },
    outputBytes: bytes,
    ...(options.wallHours === undefined ? {} : { wall: { hours: options.wallHours, ...shardsFor(options.wallHours, perShard, measuring.high, C) } }),
    machine: machine(),
  };
}

/** Options of a Monte Carlo plan. */
export interface MonteCarloPlanOptions {
  readonly samples: number;
  readonly seed: number;
  /** Samples of each of the four pilot runs. */
  readonly pilotSamples: number;
  readonly wallHours?: number;
  readonly onProgress?: (label: string, done: number, total: number) => void;
}

/** Plans a Monte Carlo table (see the module comment). */
export async function planMonteCarlo(arch: Architecture, priors: readonly Prior[], options: MonteCarloPlanOptions): Promise<JobPlan> {
  const pilot = Math.min(options.pilotSamples, options.samples);
  const perSample: number[] = [];
  let seen = 0;
  let rowBytes = 0;
  await monteCarloTable(arch, priors, Math.min(pilot, 2 ** 16), options.seed + 4, undefined, 1);
  for (let p = 0; p < 4; p++) {
    const a = cpuSeconds();
    const mc = await monteCarloTable(arch, priors, pilot, options.seed + p, (l, d, t) => options.onProgress?.(`pilot ${p + 1}/4: ${l}`, d, t), 1);
    perSample.push((cpuSeconds() - a) / pilot);
    seen = Math.max(seen, mc.summary.functionsSeen as number);
    let bytes = 0;
    mc.forEachRow((row) => (bytes += Buffer.byteLength(JSON.stringify(row)) + 1));
    rowBytes = Math.max(rowBytes, bytes / Math.max(1, mc.summary.functionsSeen as number));
  }
  const cpu = extrapolate(perSample, options.samples, T95_3);
  const ceiling = Math.min(options.samples, arch.publishedCount?.count ?? 2 ** Math.min(2 ** arch.inputs, 1000));
  const chunks = monteCarloChunks(options.samples).length;
  // A histogram entry: the table's words, a double of hits per prior, and about as much again in
  // hash-table slack.
  const entryBytes = 2 * (4 * arch.tableWords + 8 * priors.length);
  return {
    method: "mc",
    samples: options.samples,
    pilots: `4 × ${pilot} samples (seeds ${options.seed} to ${options.seed + 3})`,
    cpuSecondsPerSample: cpu.estimate / options.samples,
    cpuHours: hours(cpu),
    rows: { low: seen, high: ceiling, note: "low: functions one pilot saw; high: the samples or the realisable functions" },
    outputBytes: { low: Math.round(seen * rowBytes), high: Math.round(ceiling * rowBytes) },
    memory: {
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      histogramMB: { low: Math.round((seen * entryBytes) / MB), high: Math.round((ceiling * entryBytes) / MB) },
    },
    chunks,
    ...(options.wallHours === undefined ? {} : { wall: { hours: options.wallHours, ...shardsFor(options.wallHours, 0, cpu.high, chunks) } }),
    machine: machine(),
  };
}
