/**
 * `weightspace validate`: run a volume estimator many times on every chosen function's region, where
 * the exact probability is known, and report its bias, RMSE, interval coverage, log-mean-exp error
 * and cost per function and in a summary.
 */
import type { Command } from "commander";
import type { Architecture } from "../arch/architecture.js";
import { type BooleanFunction, formatFunction, parseFunction } from "../boolean/truthTable.js";
import { functionRegion } from "../estimators/functionRegion.js";
import { type RegionValidation, validateRegion, validationSummary } from "../estimators/validateEstimator.js";
import type { Prior } from "../measure/prior.js";
import { type ArchOptions, addArchOptions, architectureFlags, architectureFromOptions } from "./archOptions.js";
import { addEstimatorOptions, costEngineFromOptions, type EstimatorOptions, estimatorFromOptions, reportBackend, usage } from "./estimatorOptions.js";
import { givenOptions } from "./givenOptions.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { addPriorOptions, describePriors, type PriorOptions, priorsFromOptions } from "./priorOptions.js";
import { progressBar } from "./progressBar.js";
import { type Column, FORMATS, type Format, rowWriter } from "./rowWriter.js";
import { runInfo } from "./runInfo.js";
import { choiceOption, integerOption, UsageError } from "./usageError.js";

interface ValidateCommandOptions extends ArchOptions, PriorOptions, EstimatorOptions {
  functions: string;
  repeats: number;
  format: Format;
  out?: string;
}

/**
 * The functions --functions names: `all` (every function the architecture's exact table lists) or a
 * comma-separated list of truth tables.
 * @throws UsageError for a malformed table, or `all` without an exact table.
 */
function functionsFromOptions(arch: Architecture, text: string): BooleanFunction[] {
  if (text === "all") {
    if (!arch.exactTable)
      throw new UsageError(`--functions all needs an exact table, which ${architectureFlags(arch)} has not (no exact volumes: nothing to validate against); name functions instead`);
    const out: BooleanFunction[] = [];
    usage("--functions all: ", () => arch.exactTable!({ priors: [], all: false, classes: "none" }).forEachRow((row) => out.push(parseFunction(row.function, arch.inputs))));
    return out;
  }
  return text.split(",").map((t) => usage(`--functions '${t.trim()}': `, () => parseFunction(t.trim(), arch.inputs)));
}

const num = (x: number | null | undefined, digits = 4) => (x === null || x === undefined ? "" : Number.isInteger(x) ? String(x) : x.toPrecision(digits));

/** Columns of the text, csv and markdown formats. */
const COLUMNS: readonly Column<RegionValidation>[] = [
  { header: "function", width: 16, value: (r) => r.function ?? r.label },
  { header: "exact", width: 11, value: (r) => r.exact.p.toPrecision(4) },
  { header: "mean", width: 11, value: (r) => num(r.meanEstimate) },
  { header: "rel_bias", width: 10, value: (r) => num(r.relativeBias, 2) },
  { header: "rel_rmse", width: 9, value: (r) => num(r.relativeRmse, 3) },
  { header: "coverage", width: 8, value: (r) => num(r.coverage, 3) },
  { header: "log_error", width: 10, value: (r) => num(r.meanLogError, 3) },
  { header: "K_10%", width: 9, value: (r) => (r.directionsFor10Percent === null ? "bias" : String(r.directionsFor10Percent)) },
  { header: "evaluations", width: 11, value: (r) => num(r.evaluations, 6) },
  { header: "seconds", width: 8, value: (r) => num(r.seconds, 3) },
  { header: "star", width: 5, value: (r) => (r.starShaped === undefined ? "" : r.starShaped === null ? "?" : r.starShaped ? "yes" : `no ${num(r.reentryFraction, 2)}`) },
];

async function runValidate(opts: ValidateCommandOptions, cmd: Command): Promise<void> {
  const given = givenOptions(cmd);
  const { estimator, proposal } = estimatorFromOptions(opts, given);
  const arch = architectureFromOptions(opts);
  const prior: Prior = priorsFromOptions(arch, opts, given)[0];
  checkOutputPath(opts.out);
  const functions = functionsFromOptions(arch, opts.functions);
  const costEngine = await costEngineFromOptions(opts, arch, estimator, proposal);
  const total = functions.length * opts.repeats;
  const bar = progressBar(`validate (${estimator.name}, ${functions.length} functions × ${opts.repeats})`);
  const rows: RegionValidation[] = [];
  functions.forEach((f, i) => {
    const bits = formatFunction(f);
    const region = usage(`--functions ${bits}: `, () => functionRegion(arch, f, [prior], { costEngine }));
    if (!region.exact?.[prior.family.kind])
      throw new UsageError(`--functions ${bits}: no exact ${prior.family.kind} probability for ${architectureFlags(arch)} (nothing to validate against)`);
    rows.push(
      usage(`${bits}: `, () =>
        validateRegion(estimator, region, prior, {
          directions: opts.directions,
          repeats: opts.repeats,
          seed: opts.seed,
          ...(proposal ? { proposal } : {}),
          bootstrap: opts.bootstrap,
          onProgress: (done) => bar.update(i * opts.repeats + done, total),
        }),
      ),
    );
  });
  bar.stop();
  const summary = validationSummary(rows);
  const run = runInfo("validate", {
    arch: arch.description,
    priors: describePriors(arch, [prior]),
    method: estimator.name,
    sampling: { samples: opts.directions, seed: opts.seed },
  });
  const header = { ...arch.description, estimator: estimator.name, proposal, prior: prior.family.kind, repeats: opts.repeats, directions: opts.directions };
  writeOutput(opts.out, (sink) => {
    const writer = rowWriter<RegionValidation>(opts.format, sink, COLUMNS, header);
    for (const r of rows) writer.row(r);
    writer.end({ ...summary, estimator: estimator.name, proposal, prior: prior.family.kind, run });
  });
  reportBackend();
}

/** Registers `weightspace validate`. */
export function registerValidate(program: Command): void {
  const cmd = addArchOptions(program.command("validate"))
    .description("run a volume estimator many times per function against the exact probabilities: bias, RMSE, coverage, log-mean-exp error, cost")
    .option("--functions <list>", "all (every function of the exact table) or comma-separated truth tables", "all")
    .option("--repeats <R>", "estimates per function, at least 1", integerOption("--repeats", 1, 1_000_000), 100)
    .option("--prior <p>", "gaussian or uniform", choiceOption("--prior", ["gaussian", "uniform"] as const), "gaussian");
  addEstimatorOptions(cmd, 500, 0);
  addPriorOptions(cmd)
    .option("--format <f>", `${FORMATS.join(", ")} (json: { arch, rows, summary }; markdown: a table for READMEs)`, choiceOption("--format", FORMATS), "json")
    .option("--out <file>", "write to this file instead of stdout (created only on success)")
    .action((opts: ValidateCommandOptions, c: Command) => runValidate(opts, c));
}
