/**
 * `weightspace plan`: what a `table` job will cost before it runs — CPU-hours with an interval,
 * memory, output size, and the number of shards (`table --shard i/N`) that fits a wall time —
 * measured here on a sample of the job (see jobPlan.ts).
 */
import type { Command } from "commander";
import { type ArchOptions, addArchOptions, architectureFromOptions } from "./archOptions.js";
import { argsWithout, givenOptions, rejectGiven } from "./givenOptions.js";
import { type JobPlan, planExact, planMonteCarlo } from "./jobPlan.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { addPriorOptions, checkExactDimension, type PriorOptions, priorChoices, priorsFromOptions } from "./priorOptions.js";
import { stagedProgress } from "./progressBar.js";
import { addSamplingOptions } from "./samplingOptions.js";
import { runInfo } from "./runInfo.js";
import { classMode } from "./tableListing.js";
import { choiceOption, integerOption, positiveRationalOption, UsageError } from "./usageError.js";
import { toNumber, type Rational } from "../geometry/rational.js";

interface PlanOptions extends PriorOptions, ArchOptions {
  method: "exact" | "mc";
  samples: number;
  seed: number;
  sampleClasses: number;
  pilotSamples: number;
  wall?: Rational;
  format: "text" | "json";
  out?: string;
}

/** Classes measured by default: enough for the interval's normal approximation, a minute or so at n = 7. */
const DEFAULT_SAMPLE_CLASSES = 40;
/** Samples per Monte Carlo pilot by default. */
const DEFAULT_PILOT_SAMPLES = 2 ** 18;

function describe(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

async function runPlan(opts: PlanOptions, cmd: Command): Promise<void> {
  const given = givenOptions(cmd);
  const arch = architectureFromOptions(opts);
  const priors = priorsFromOptions(arch, opts, given);
  if (priors.length === 0) throw new UsageError(`plan: --prior is required: ${priorChoices(false).join(", ")}`);
  const wallHours = opts.wall === undefined ? undefined : toNumber(opts.wall);
  const progress = stagedProgress();
  let plan: JobPlan;
  if (opts.method === "exact") {
    rejectGiven(given, ["samples", "pilotSamples"], "they plan Monte Carlo sampling; add --method mc");
    if (!arch.exactTable) throw new UsageError(`plan --method exact: --arch ${arch.type} has no exact table; plan --method mc`);
    checkExactDimension(arch, priors, `--prior ${opts.prior}`);
    const classes = classMode(arch, { all: false, expand: false }, given, true);
    let classed;
    try {
      classed = arch.exactTable({ priors, all: false, classes, onProgress: (l, d, t) => progress.update(l, d, t) }).classed;
    } catch (e) {
      if (e instanceof RangeError) throw new UsageError(`plan: ${e.message}`);
      throw e;
    }
    if (!classed) throw new UsageError(`plan --method exact: the table of --arch ${arch.type} is not measured by class; plan --method mc`);
    checkOutputPath(opts.out);
    plan = planExact(classed, {
      sampleClasses: opts.sampleClasses,
      seed: opts.seed,
      ...(wallHours === undefined ? {} : { wallHours }),
      onProgress: (l, d, t) => progress.update(l, d, t),
    });
  } else {
    rejectGiven(given, ["sampleClasses"], "it samples the classes of an exact table; --method mc plans from pilot runs");
    checkOutputPath(opts.out);
    plan = await planMonteCarlo(arch, priors, {
      samples: opts.samples,
      seed: opts.seed,
      pilotSamples: opts.pilotSamples,
      ...(wallHours === undefined ? {} : { wallHours }),
      onProgress: (l, d, t) => progress.update(l, d, t),
    });
  }
  progress.stop();
  const run = runInfo("plan", { arch: arch.description, method: opts.method });
  const record = { table: tableCommandOf(process.argv.slice(3)), ...plan, run };
  writeOutput(opts.out, (sink) => {
    if (opts.format === "json") return sink.write(`${JSON.stringify(record)}\n`);
    for (const [k, v] of Object.entries(record)) sink.write(`${k}: ${describe(v)}\n`);
  });
}

/** The `table` command a plan's arguments describe (the plan's own options left out). */
function tableCommandOf(argv: readonly string[]): string {
  return ["weightspace table", ...argsWithout(argv, ["--sample-classes", "--pilot-samples", "--wall", "--format", "--out", "--seed"])].join(" ");
}

/** Registers the `plan` command. */
export function registerPlan(program: Command): void {
  const cmd = addArchOptions(program.command("plan"))
    .description(
      "measure a sample of a table job here and predict the whole job: CPU-hours (95% interval), memory, output size, and the shards that fit --wall",
    )
    .option("--prior <p>", "the table's priors: gaussian, uniform or both", choiceOption("--prior", priorChoices(false)), "both");
  addSamplingOptions(cmd, "the table's method: exact (classes measured exactly) or mc (--samples samples of the prior)", false)
    .option(
      "--sample-classes <k>",
      `exact: classes to measure here, a seeded uniform sample (default ${DEFAULT_SAMPLE_CLASSES})`,
      integerOption("--sample-classes", 2, 100_000),
      DEFAULT_SAMPLE_CLASSES,
    )
    .option(
      "--pilot-samples <k>",
      `mc: samples in each of the four pilot runs (default ${DEFAULT_PILOT_SAMPLES})`,
      integerOption("--pilot-samples", 1000, 1e9),
      DEFAULT_PILOT_SAMPLES,
    )
    .option("--wall <hours>", "wall-clock hours a shard may take: prints the N of --shard i/N that fits (one core per shard)", positiveRationalOption("--wall"))
    .option("--format <f>", "output format: text or json", choiceOption("--format", ["text", "json"] as const), "text")
    .option("--out <file>", "write to this file instead of stdout (- for stdout; created only on success)");
  addPriorOptions(cmd).action((opts: PlanOptions, c: Command) => runPlan(opts, c));
}
