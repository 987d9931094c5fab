/** `weightspace table`: every function a network computes, with its region and probabilities. */
import type { Command } from "commander";
import type { Architecture, ClassMeasures, ExactTable } from "../arch/architecture.js";
import { tableTotals } from "../arch/classMeasures.js";
import type { ReluEstimator } from "../arch/layered/reluRaoBlackwell.js";
import { measureClasses } from "../arch/measureClasses.js";
import { monteCarloTable } from "../arch/monteCarloTable.js";
import type { Prior } from "../measure/prior.js";
import { type ArchOptions, addArchOptions, architectureFlags, architectureFromOptions } from "./archOptions.js";
import { flagOf, givenOptions, rejectGiven } from "./givenOptions.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { addPriorOptions, checkExactDimension, describePriors, type PriorOptions, priorChoices, priorsFromOptions } from "./priorOptions.js";
import { type StagedProgress, stagedProgress } from "./progressBar.js";
import { FORMATS, type Format } from "./rowWriter.js";
import { RELU_ESTIMATORS, RELU_SAMPLES_HELP, reluEstimateRows, reluEstimates, settleReluMethod } from "./reluEstimates.js";
import { addSamplingOptions } from "./samplingOptions.js";
import { runInfo } from "./runInfo.js";
import { type ShippedTable, shippedTableFor } from "./shippedTable.js";
import { classMode, NPN_ONLY_INPUTS } from "./tableListing.js";
import { exactShard, jobCommand, monteCarloShard, type ShardRun, type ShardSpec, shardOption } from "./tableShard.js";
import { monteCarloSummary, type TableOutput, tableWriter } from "./tableWriter.js";
import { choiceOption, UsageError } from "./usageError.js";

interface TableOptions extends PriorOptions, ArchOptions {
  method: "exact" | "mc" | ReluEstimator;
  samples: number;
  seed: number;
  workers: number;
  all: boolean;
  classes?: true | "symmetry" | "npn";
  expand: boolean;
  certify: boolean;
  hex: boolean;
  format: Format;
  out?: string;
  shard?: ShardSpec;
  resume: boolean;
  recompute: boolean;
}

function exactTable(
  arch: Architecture,
  priors: Prior[],
  opts: TableOptions,
  given: ReadonlySet<string>,
  progress: StagedProgress,
): ExactTable {
  rejectGiven(given, ["samples", "seed"], "they set Monte Carlo sampling; add --method mc");
  if (!arch.exactTable) throw new UsageError(`--method exact: --arch ${arch.type} has no exact table yet; the method that can: mc`);
  checkExactDimension(arch, priors, `--prior ${opts.prior}`);
  if (arch.inputs < NPN_ONLY_INPUTS)
    rejectGiven(given, ["certify"], `completeness is always proved below ${NPN_ONLY_INPUTS} inputs`);
  const classes = classMode(arch, opts, given, priors.length > 0);
  try {
    return arch.exactTable({
      priors,
      all: opts.all,
      classes,
      certify: opts.certify,
      onProgress: (l, d, t) => progress.update(l, d, t),
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const flags = ["all", "classes", "expand"].filter((k) => given.has(k)).map(flagOf);
    throw new UsageError(`table ${[architectureFlags(arch), ...flags].join(" ")}: ${e.message}`);
  }
}

/**
 * The inputs from which an exact binary perceptron table with priors is a cluster job: at 7 inputs
 * it is 1,245,317 classes, tens of CPU-hours as measured by `plan` (bench/README.md), which one
 * unsharded process would hold in memory and lose to any interruption.
 */
const SHARD_ONLY_BINARY_INPUTS = 7;

/**
 * Refuses, before any enumeration, an exact table that only runs as shards.
 * @throws UsageError naming the shard route (plan, --shard, merge) and the sampled alternative.
 */
function refuseWholeRun(arch: Architecture, priors: readonly Prior[], opts: TableOptions): void {
  if (opts.shard || priors.length === 0 || arch.type !== "perceptron" || arch.encoding !== "binary") return;
  if (arch.inputs < SHARD_ONLY_BINARY_INPUTS) return;
  throw new UsageError(
    `table --inputs ${arch.inputs} --encoding binary --prior ${opts.prior}: the exact table is tens of CPU-hours; ` +
      `size it with weightspace plan --inputs ${arch.inputs} --encoding binary --prior ${opts.prior}, run it as --shard i/N --out FILE ` +
      `(--shard 1/1 for one resumable run) and join with weightspace merge, or sample it with --method mc`,
  );
}

/** The shard run of a table, if --shard is given. */
function shardRun(
  opts: TableOptions,
  given: ReadonlySet<string>,
  table: ShardRun["table"],
  listing: Readonly<Record<string, unknown>>,
  progress: StagedProgress,
): ShardRun | undefined {
  if (!opts.shard) {
    if (opts.resume) throw new UsageError("--resume continues a shard: add --shard i/N and the shard's --out FILE");
    return undefined;
  }
  if (opts.out === undefined || opts.out === "-")
    throw new UsageError("--shard writes a shard file for weightspace merge: add --out FILE");
  rejectGiven(given, ["all"], "shards split the measuring of classes; --all lists at most 4 inputs, run it whole");
  return {
    shard: opts.shard,
    out: opts.out,
    resume: opts.resume,
    workers: opts.workers,
    command: jobCommand(process.argv.slice(2)),
    table,
    settings: { run: table.run, output: table.output, listing },
    progress,
  };
}

async function runTable(opts: TableOptions, cmd: Command): Promise<void> {
  const given = givenOptions(cmd);
  const arch = architectureFromOptions(opts);
  // Without an exact table (ReLU nets) the Rao-Blackwell integrand on quasi-random points is the
  // default where it applies, plain sampling elsewhere.
  const estimator = settleReluMethod(arch, opts, given, !arch.exactTable);
  const priors = priorsFromOptions(arch, opts, given);
  const kinds = priors.map((p) => p.family.kind);
  if (opts.method !== "exact") {
    rejectGiven(given, ["all", "classes", "expand", "certify"], "a sampled table lists the functions it found");
    if (priors.length === 0) throw new UsageError(`--method ${opts.method} samples from a prior: add --prior ${priorChoices(false).join("|")}`);
  }
  if (opts.method === "exact") refuseWholeRun(arch, priors, opts);
  const progress = stagedProgress();
  const table = opts.method === "exact" ? exactTable(arch, priors, opts, given, progress) : undefined;
  checkOutputPath(opts.out);
  const sampling = opts.method === "exact" ? undefined : { samples: opts.samples, seed: opts.seed };
  const run = runInfo("table", { arch: arch.description, priors: describePriors(arch, priors), method: opts.method, sampling });
  const output: TableOutput = { format: opts.format, hex: opts.hex };
  const shardTable = { inputs: arch.inputs, tableWords: arch.tableWords, arch: arch.description, kinds, output, run };
  const listing = table ? { classes: opts.classes ?? null, expand: opts.expand, all: opts.all, certify: opts.certify } : {};
  const shard = shardRun(opts, given, shardTable, listing, progress);
  const shipped =
    table && !shard && priors.length > 0 && !opts.recompute
      ? shippedTableFor({ run, classes: classMode(arch, opts, given, true), certify: opts.certify })
      : undefined;
  if (shipped) return writeShipped(shipped, arch, kinds, output, opts.out);
  if (table) return exactRun(arch, table, priors, opts, run, shard, progress);
  if (shard) return monteCarloShard(arch, priors, opts.samples, opts.seed, shard);
  const estimated = estimator ? reluEstimateRows(arch, reluEstimates(arch, priors, estimator, opts.samples, opts.seed, (l, d, t) => progress.update(l, d, t))) : undefined;
  const mc = estimated ? undefined : await monteCarloTable(arch, priors, opts.samples, opts.seed, (l, d, t) => progress.update(l, d, t), opts.workers);
  writeOutput(opts.out, (sink) => {
    const writer = tableWriter(output, arch.inputs, arch.description, kinds, sink);
    progress.stop();
    if (estimated) {
      estimated.forEach(writer.row);
      const totals = Object.fromEntries(kinds.map((k) => [`${k}Total`, estimated.reduce((s, r) => s + Number((r as unknown as Record<string, { p: number }>)[k].p), 0)]));
      writer.end({ samples: opts.samples, seed: opts.seed, method: estimator, rows: estimated.length, ...totals, order: "truth-table string", run });
    } else if (mc) {
      mc.forEachRow(writer.row);
      writer.end(monteCarloSummary(mc, run));
    }
  });
}

/** Reprints a table the package ships (shippedTable.ts) as the run that computed it wrote it. */
function writeShipped(shipped: ShippedTable, arch: Architecture, kinds: readonly string[], output: TableOutput, out: string | undefined): void {
  process.stderr.write(`weightspace: the package ships this table (${shipped.path}); printing it (--recompute measures it again)\n`);
  writeOutput(out, (sink) => {
    const writer = tableWriter(output, arch.inputs, arch.description, kinds, sink);
    shipped.rows.forEach(writer.row);
    writer.end(shipped.summary);
  });
}

/** An exact table: its classes measured on --workers threads (or a shard of them), then written. */
async function exactRun(
  arch: Architecture,
  table: ExactTable,
  priors: Prior[],
  opts: TableOptions,
  run: Record<string, unknown>,
  shard: ShardRun | undefined,
  progress: StagedProgress,
): Promise<void> {
  const classed = priors.length > 0 ? table.classed : undefined;
  if (shard) {
    if (!classed)
      throw new UsageError(
        priors.length === 0
          ? "--shard splits the measuring of classes: add --prior gaussian|uniform|both (a table without priors runs whole in seconds)"
          : `--shard: the exact table of --arch ${arch.type} is not split into classes; run it whole or use --method mc`,
      );
    return exactShard(classed, shard);
  }
  const output: TableOutput = { format: opts.format, hex: opts.hex };
  const kinds = priors.map((p) => p.family.kind);
  if (!classed) {
    return writeOutput(opts.out, (sink) => {
      const writer = tableWriter(output, arch.inputs, arch.description, kinds, sink);
      table.forEachRow(writer.row);
      progress.stop();
      writer.end({ ...table.summary(), run });
    });
  }
  const classes = classed.classes();
  const measures = await measureClasses(classed.priors, classes, classes.map((_, k) => k), {
    workers: opts.workers,
    onProgress: (d, t) => progress.update("measuring classes", d, t),
  });
  const totals = tableTotals(classed.priors, classes, measures as ClassMeasures[]);
  writeOutput(opts.out, (sink) => {
    const writer = tableWriter(output, arch.inputs, arch.description, kinds, sink);
    classed.forEachRow((k) => measures[k], writer.row);
    progress.stop();
    writer.end({ ...classed.summary(totals), run });
  });
}

/** Registers the `table` command. */
export function registerTable(program: Command): void {
  const cmd = addArchOptions(program.command("table"))
    .description("every function the network computes, with its irredundant half-space constraints")
    .option(
      "--prior <p>",
      "probability columns: none, gaussian, uniform or both (exact: once per symmetry class; mc: sampled)",
      choiceOption("--prior", priorChoices(true)),
      "none",
    );
  addSamplingOptions(
    cmd,
    "exact (enumeration, certified regions, exact volumes; the default where an exact table exists), mc (sample the prior, histogram the functions), rao-blackwell (--arch relu, h ≤ 2: sample the hidden weights, the output cone's probability in closed form) or qmc (the same integrand on Owen-scrambled Sobol' points, 16 scrambles; the default for --arch relu with h ≤ 2)",
    true,
    RELU_ESTIMATORS,
    RELU_SAMPLES_HELP,
  )
    .option("--all", "also list functions no weights compute (inputs 0 to 4)", false)
    .option(
      "--classes [group]",
      "one row per class with its orbit size: symmetry (the prior's symmetries: input permutations, θ ↦ −θ, and input negations when signed; the default at 6 inputs with bias) or npn (NPN classes, 567 at 6 inputs; the default at 7, except measured binary tables: 1,245,317 symmetry classes)",
      choiceOption("--classes", ["symmetry", "npn"] as const),
    )
    .option("--expand", "at 6 inputs with bias, list all 15,028,134 functions instead of classes", false)
    .option(
      "--certify",
      "at 7 inputs, also prove the class list complete by facet-flip closure (minutes; always done below 7)",
      false,
    )
    .option("--hex", "print functions as hex numbers, bit i = f(row i) (AND on 4 inputs is 0x8000)", false)
    .option(
      "--format <f>",
      `output format: ${FORMATS.join(", ")} (json: {arch, rows, summary}; jsonl: one row a line, then a final {"summary": …} line; csv and text: rows, then the summary as '# key: value' lines)`,
      choiceOption("--format", FORMATS),
      "text",
    )
    .option("--out <file>", "write to this file instead of stdout (- for stdout; created only on success)")
    .option(
      "--shard <i/N>",
      "compute part i of N (exact: a range of classes of equal predicted cost; mc: a range of sample chunks) into --out as a shard file; join the N files with weightspace merge",
      shardOption,
    )
    .option("--resume", "with --shard: continue from OUT.checkpoint (exact), or do nothing if OUT is already the complete shard", false)
    .option(
      "--recompute",
      "measure an exact table the package ships precomputed (data/: the 7-input signed table by NPN class, both priors) instead of reading it",
      false,
    );
  addPriorOptions(cmd).action((opts: TableOptions, c: Command) => runTable(opts, c));
}
