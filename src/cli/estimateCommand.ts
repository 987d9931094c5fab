/**
 * `weightspace estimate`: one volume estimate of a function's region (or a user's cone, or a
 * behavioural region) by a registered estimator, with the exact value beside it where known.
 */
import type { Command } from "commander";
import type { Architecture } from "../arch/architecture.js";
import { functionName } from "../boolean/names.js";
import { formatFunction } from "../boolean/truthTable.js";
import { behaviouralRegion } from "../estimators/behaviouralRegion.js";
import { coneRegion } from "../estimators/coneRegion.js";
import type { EstimatorRegion } from "../estimators/estimator.js";
import { functionRegion } from "../estimators/functionRegion.js";
import type { ProbedRegion } from "../estimators/probedRegion.js";
import type { RandomDirectionOptions } from "../estimators/randomDirectionEstimator.js";
import { toString } from "../geometry/rational.js";
import type { Prior, PriorFamily } from "../measure/prior.js";
import { priorFamily } from "../measure/priorFamilies.js";
import { type ArchOptions, addArchOptions, architectureFromOptions } from "./archOptions.js";
import { readSystem } from "./coneCommand.js";
import { scaleListOption, scalesFor } from "./coneOptions.js";
import type { CostEngine } from "../estimators/costEngine.js";
import { addEstimatorOptions, checkVector, costEngineFromOptions, type EstimatorOptions, estimatorFromOptions, reportBackend, usage, vectorOption } from "./estimatorOptions.js";
import { givenOptions, rejectGiven } from "./givenOptions.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { addPriorOptions, describePriors, type PriorOptions, priorsFromOptions } from "./priorOptions.js";
import { progressBar } from "./progressBar.js";
import { commentLines, runInfo } from "./runInfo.js";
import { choiceOption, UsageError } from "./usageError.js";
import { functionFromOptions } from "./volumeCommand.js";
import type { Rational } from "../geometry/rational.js";

interface EstimateCommandOptions extends ArchOptions, PriorOptions, EstimatorOptions {
  function?: string;
  constraints?: string;
  sigma?: Rational[];
  box?: Rational[];
  epsilon?: number;
  reference?: Float64Array;
  anchor?: Float64Array;
  format: "json" | "text";
  out?: string;
}

/** Default directions of one estimate. */
const DEFAULT_DIRECTIONS = 10_000;

/** Parses ε > 0. @throws UsageError. */
function epsilonOption(text: string): number {
  const x = Number(text);
  if (text.trim() === "" || !(x > 0) || !Number.isFinite(x)) throw new UsageError(`--epsilon must be a finite number > 0 (a mean KL in nats), got '${text}'`);
  return x;
}

/** The region, the prior and what the output says about them. */
interface Target {
  readonly region: EstimatorRegion;
  readonly prior: Prior;
  readonly fields: Record<string, unknown>;
  readonly run: Record<string, unknown>;
}

/** A user's cone from --constraints, its prior from --sigma / --box. */
function coneTarget(opts: EstimateCommandOptions, given: ReadonlySet<string>): Target {
  rejectGiven(given, ["arch", "inputs", "layers", "activation", "encoding", "bias", "function", "epsilon", "reference", "sigmaW", "sigmaB", "boxW", "boxB"], "--constraints gives the region (use --sigma or --box for the prior's scales)");
  const { names, rows } = readSystem(opts.constraints!);
  const kind = opts.prior;
  rejectGiven(given, [kind === "gaussian" ? "box" : "sigma"], `--prior ${kind} does not use it`);
  const scales = scalesFor(kind === "gaussian" ? "--sigma" : "--box", kind === "gaussian" ? opts.sigma : opts.box, names);
  const prior: Prior = { family: priorFamily(kind) as PriorFamily, scales };
  const region = usage(`--constraints ${opts.constraints}: `, () => coneRegion(rows, names, { label: `cone from ${opts.constraints}`, priors: [prior] }));
  return {
    region,
    prior,
    fields: { region: region.label, names },
    run: { priors: { [kind]: { [prior.family.scaleMeaning]: scales.map(toString) } } },
  };
}

/** f's region in the network, or with --epsilon the behavioural region of a reference network; `costEngine` differentiates the net's cost. */
function networkTarget(opts: EstimateCommandOptions, given: ReadonlySet<string>, arch: Architecture, costEngine: CostEngine): Target {
  rejectGiven(given, ["sigma", "box"], "they set a --constraints cone's scales; use --sigma-w/--sigma-b or --box-w/--box-b");
  const prior = priorsFromOptions(arch, opts, given)[0];
  const run = { arch: arch.description, priors: describePriors(arch, [prior]) };
  if (opts.epsilon !== undefined) {
    let reference = opts.reference;
    let fields: Record<string, unknown> = {};
    if (reference === undefined) {
      // Without --reference: the anchor of --function's region (a network computing f, deep inside).
      const f = functionFromOptions(arch, opts.function);
      const fr = usage("--function: ", () => functionRegion(arch, f, [prior]));
      reference = fr.anchor!.theta;
      fields = { function: formatFunction(f), referenceMethod: fr.anchor!.method };
    } else rejectGiven(given, ["function"], "--reference gives the network whose behaviour defines the region");
    checkVector("--reference", reference, arch.parameters);
    const region = usage("--epsilon: ", () => behaviouralRegion(arch, reference, opts.epsilon!, { costEngine }));
    return { region, prior, fields: { ...fields, region: region.label, reference: Array.from(reference), epsilon: opts.epsilon }, run };
  }
  rejectGiven(given, ["reference"], "it sets the network of a behavioural region; add --epsilon");
  const f = functionFromOptions(arch, opts.function);
  const region = usage("", () => functionRegion(arch, f, [prior], { costEngine }));
  const name = functionName(f);
  return { region, prior, fields: { function: formatFunction(f), ...(name === undefined ? {} : { name }), region: region.label }, run };
}

async function runEstimate(opts: EstimateCommandOptions, cmd: Command): Promise<void> {
  const given = givenOptions(cmd);
  const { estimator, proposal } = estimatorFromOptions(opts, given);
  checkOutputPath(opts.out);
  let target: Target;
  if (opts.constraints !== undefined) target = coneTarget(opts, given);
  else {
    const arch = architectureFromOptions(opts);
    target = networkTarget(opts, given, arch, await costEngineFromOptions(opts, arch, estimator, proposal));
  }
  const { region, prior } = target;
  if (opts.anchor) checkVector("--anchor", opts.anchor, region.names);
  const bar = progressBar(`estimate (${estimator.name})`);
  const probed = region as Partial<ProbedRegion>;
  // The random-direction estimator picks (and reports) its default anchor itself; rivals that need
  // an interior point (laplace, llc) get the region's.
  const anchor = opts.anchor ?? (estimator.name === "random-direction" ? undefined : probed.anchor?.theta);
  const options: RandomDirectionOptions = {
    directions: opts.directions,
    seed: opts.seed,
    ...(proposal ? { proposal } : {}),
    bootstrap: opts.bootstrap,
    ...(anchor ? { anchor } : {}),
    onProgress: (done, total) => bar.update(done, total),
  };
  const started = process.cpuUsage();
  const e = usage(opts.anchor ? "--anchor: " : "", () => estimator.estimate(region, prior, options));
  const used = process.cpuUsage(started);
  bar.stop();
  const kind = prior.family.kind;
  const exact = region.exact?.[kind];
  const result: Record<string, unknown> = {
    ...target.fields,
    estimator: e.estimator,
    prior: kind,
    estimate: e.estimate,
    ...(e.ci ? { ci: e.ci } : {}),
    ...(e.logMeanExp === undefined ? {} : { logMeanExp: e.logMeanExp }),
    ...(e.max === undefined ? {} : { max: e.max }),
    ...(exact ? { exact, relativeError: (e.estimate - exact.p) / exact.p } : {}),
    directions: e.directions,
    proposal: (e.details?.proposal as string | undefined) ?? proposal,
    evaluations: e.evaluations,
    seconds: (used.user + used.system) / 1e6,
    ...(probed.anchor && !opts.anchor ? { anchorMethod: probed.anchor.method } : {}),
    details: e.details ?? {},
  };
  result.run = runInfo("estimate", {
    ...target.run,
    method: estimator.name,
    sampling: { samples: opts.directions, seed: opts.seed },
  });
  writeOutput(opts.out, (sink) => {
    if (opts.format === "json") {
      sink.write(`${JSON.stringify(result)}\n`);
      return;
    }
    const p = (x: number) => x.toPrecision(6);
    sink.write(`${region.label}\n`);
    sink.write(`${e.estimator} (${kind}${result.proposal === null ? "" : `, ${result.proposal} proposal`}, ${e.directions} directions): ${p(e.estimate)}`);
    if (e.ci) sink.write(`  95% interval [${p(e.ci[0])}, ${p(e.ci[1])}]`);
    sink.write("\n");
    if (e.logMeanExp !== undefined) sink.write(`log-mean-exp ${p(e.logMeanExp)}  max ${p(e.max ?? Number.NaN)}\n`);
    if (exact) sink.write(`exact ${exact.fraction ?? p(exact.p)}${exact.err === undefined ? "" : ` (± ${exact.err.toExponential(1)})`}  relative error ${p(result.relativeError as number)}\n`);
    commentLines(sink, { details: e.details, evaluations: e.evaluations, seconds: result.seconds, ...(result.run as Record<string, unknown>) });
  });
  reportBackend();
}

/** Registers `weightspace estimate`. */
export function registerEstimate(program: Command): void {
  const cmd = addArchOptions(program.command("estimate"))
    .description("estimate the probability of a function's region (or a cone, or a behavioural region) with a volume estimator, beside the exact value")
    .option("--function <f>", "truth table: 2^n characters 0/1, character i = f(row i), rows MSB-first; or 0x… with bit i = f(row i)")
    .option("--constraints <file>", "instead of a function: a cone {θ : Aθ > 0} in `weightspace cone`'s format (- for stdin)")
    .option("--sigma <s,...>", "with --constraints: gaussian standard deviations, one or one per variable (default 1)", scaleListOption("--sigma"))
    .option("--box <a,...>", "with --constraints: uniform box half-widths, one or one per variable (default 1)", scaleListOption("--box"))
    .option("--epsilon <eps>", "instead of f's region: the behavioural region {θ : mean_x KL(σ(out_θ*) ‖ σ(out_θ)) ≤ eps} of θ* (--reference, default the anchor of --function's region)", epsilonOption)
    .option("--reference <θ>", "with --epsilon: the network θ*, comma-separated parameters", vectorOption("--reference"))
    .option("--anchor <θ>", "the anchor inside the region, comma-separated parameters (default: the Chebyshev centre of a cone, a piece's centre or witness, θ* of a behavioural region)", vectorOption("--anchor"))
    .option("--prior <p>", "gaussian or uniform", choiceOption("--prior", ["gaussian", "uniform"] as const), "gaussian");
  addEstimatorOptions(cmd, DEFAULT_DIRECTIONS, 200);
  addPriorOptions(cmd)
    .option("--format <f>", "json or text", choiceOption("--format", ["json", "text"] as const), "json")
    .option("--out <file>", "write to this file instead of stdout (created only on success)")
    .action((opts: EstimateCommandOptions, c: Command) => runEstimate(opts, c));
}
