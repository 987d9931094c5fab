/** `weightspace table`: every function a network computes, with its region and probabilities. */
import type { Command } from "commander";
import type { Architecture, ExactTable, TableRow } from "../arch/architecture.js";
import type { ReluEstimator } from "../arch/layered/reluRaoBlackwell.js";
import { monteCarloTable } from "../arch/monteCarloTable.js";
import { formatHexFunction, parseFunction } from "../boolean/truthTable.js";
import type { Prior } from "../measure/prior.js";
import { type ArchOptions, addArchOptions, architectureFlags, architectureFromOptions } from "./archOptions.js";
import { flagOf, givenOptions, rejectGiven } from "./givenOptions.js";
import { checkOutputPath, type OutputSink, writeOutput } from "./outputSink.js";
import { addPriorOptions, checkExactDimension, describePriors, type PriorOptions, priorChoices, priorsFromOptions } from "./priorOptions.js";
import { type StagedProgress, stagedProgress } from "./progressBar.js";
import { FORMATS, type Format, type RowWriter, rowWriter } from "./rowWriter.js";
import { RELU_ESTIMATORS, RELU_SAMPLES_HELP, reluEstimateRows, reluEstimates, settleReluMethod } from "./reluEstimates.js";
import { addSamplingOptions } from "./samplingOptions.js";
import { runInfo } from "./runInfo.js";
import { type Row, tableColumns } from "./tableColumns.js";
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
}

/** Inputs from which only NPN classes are listed by default (billions of functions). */
const NPN_ONLY_INPUTS = 7;
/** Inputs at which one row per symmetry class is the default (15 million functions). */
const CLASS_DEFAULT_INPUTS = 6;

/** Which classes the options ask for, with the defaults of large n. */
function classMode(arch: Architecture, opts: TableOptions, given: ReadonlySet<string>): "none" | "symmetry" | "npn" {
  const large = arch.inputs >= CLASS_DEFAULT_INPUTS && arch.description.bias !== false;
  if (opts.expand) {
    if (!(arch.inputs === CLASS_DEFAULT_INPUTS && large))
      throw new UsageError(`--expand lists every function at --inputs ${CLASS_DEFAULT_INPUTS} with bias, where classes are the default; got --inputs ${arch.inputs}`);
    rejectGiven(given, ["classes"], "--expand lists functions, not classes");
    return "none";
  }
  if (opts.classes === "npn") return "npn";
  if (opts.classes !== undefined) return "symmetry";
  if (arch.inputs >= NPN_ONLY_INPUTS) return "npn";
  return large && !opts.all ? "symmetry" : "none";
}

/** Writes rows through a writer created at the first row, whose columns follow that row's fields. */
function lazyWriter(opts: TableOptions, arch: Architecture, kinds: readonly string[], sink: OutputSink) {
  let writer: RowWriter<Row> | undefined;
  const open = (sample: Row | undefined) => {
    writer ??= rowWriter<Row>(opts.format, sink, tableColumns(arch.inputs, kinds, sample, opts.hex), arch.description);
    return writer;
  };
  const hex = (r: TableRow): Row =>
    opts.hex ? { ...r, function: formatHexFunction(parseFunction(r.function, arch.inputs)) } : (r as unknown as Row);
  return {
    row: (r: TableRow) => {
      const row = hex(r);
      open(row).row(row);
    },
    end: (summary: Record<string, unknown>) => open(undefined).end(summary),
  };
}

function exactTable(
  arch: Architecture,
  priors: Prior[],
  opts: TableOptions,
  given: ReadonlySet<string>,
  progress: StagedProgress,
): ExactTable {
  rejectGiven(given, ["samples", "seed", "workers"], "they set Monte Carlo sampling; add --method mc");
  if (!arch.exactTable) throw new UsageError(`--method exact: --arch ${arch.type} has no exact table yet; the method that can: mc`);
  checkExactDimension(arch, priors, `--prior ${opts.prior}`);
  if (arch.inputs < NPN_ONLY_INPUTS)
    rejectGiven(given, ["certify"], `completeness is always proved below ${NPN_ONLY_INPUTS} inputs`);
  const classes = classMode(arch, opts, given);
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
  const progress = stagedProgress();
  const table = opts.method === "exact" ? exactTable(arch, priors, opts, given, progress) : undefined;
  checkOutputPath(opts.out);
  const sampling = opts.method === "exact" ? undefined : { samples: opts.samples, seed: opts.seed };
  const run = runInfo("table", { arch: arch.description, priors: describePriors(arch, priors), method: opts.method, sampling });
  const estimated = estimator ? reluEstimateRows(arch, reluEstimates(arch, priors, estimator, opts.samples, opts.seed, (l, d, t) => progress.update(l, d, t))) : undefined;
  const mc =
    table || estimated
      ? undefined
      : await monteCarloTable(arch, priors, opts.samples, opts.seed, (l, d, t) => progress.update(l, d, t), opts.workers);
  writeOutput(opts.out, (sink) => {
    const writer = lazyWriter(opts, arch, kinds, sink);
    if (table) {
      table.forEachRow(writer.row);
      progress.stop();
      writer.end({ ...table.summary(), run });
    } else if (estimated) {
      progress.stop();
      estimated.forEach(writer.row);
      const totals = Object.fromEntries(kinds.map((k) => [`${k}Total`, estimated.reduce((s, r) => s + Number((r as unknown as Record<string, { p: number }>)[k].p), 0)]));
      writer.end({ samples: opts.samples, seed: opts.seed, method: estimator, rows: estimated.length, ...totals, order: "truth-table string", run });
    } else if (mc) {
      progress.stop();
      mc.forEachRow(writer.row);
      writer.end({ ...mc.summary, rows: mc.summary.functionsSeen, order: "truth-table string", run });
    }
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
      "one row per class with its orbit size: symmetry (the prior's symmetries: input permutations, θ ↦ −θ, and input negations when signed; the default at 6 inputs with bias) or npn (NPN classes, 567 at 6 inputs; the only listing at 7)",
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
    .option("--out <file>", "write to this file instead of stdout (- for stdout; created only on success)");
  addPriorOptions(cmd).action((opts: TableOptions, c: Command) => runTable(opts, c));
}
