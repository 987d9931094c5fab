/** `weightspace sgd-vs-bayes`: the functions trained networks find against the Bayesian posterior (experiments/sgd). */
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { Architecture } from "../arch/architecture.js";
import { type BooleanFunction, formatFunction, parseFunction, rowCount } from "../boolean/truthTable.js";
import { toNumber } from "../geometry/rational.js";
import { renderVegaLiteSvg } from "../experiments/plots/renderSvg.js";
import { sgdVsBayesPlot } from "../experiments/plots/sgdVsBayesPlot.js";
import type { PosteriorProbability } from "../experiments/sgd/bayesPosterior.js";
import { DEFAULT_NULL_REPLICATES } from "../experiments/sgd/posteriorComparison.js";
import { PRIOR_METHODS, type PriorMethod, priorMethods } from "../experiments/sgd/priorSource.js";
import { derivedSeed, type SgdVsBayesResult, sgdVsBayes } from "../experiments/sgd/sgdVsBayes.js";
import { randomTrainingRows } from "../experiments/sgd/trainingSet.js";
import { DEFAULT_TRAINING_ENGINE, TRAINING_ENGINES, type TrainingEngine } from "../experiments/sgd/trainNetworks.js";
import {
  DEFAULT_LEARNING_RATE,
  DEFAULT_MAX_STEPS,
  LOSSES,
  type LossName,
  OPTIMIZERS,
  type OptimizerName,
} from "../experiments/sgd/trainingOptions.js";
import { type ArchOptions, addArchOptions, architectureFlags, architectureFromOptions } from "./archOptions.js";
import { givenOptions } from "./givenOptions.js";
import { writeOutput } from "./outputSink.js";
import { addPriorOptions, describePriors, type PriorOptions, priorsFromOptions } from "./priorOptions.js";
import { stagedProgress } from "./progressBar.js";
import { commentLines, runInfo } from "./runInfo.js";
import { choiceOption, integerOption, positiveRationalOption, UsageError } from "./usageError.js";

interface SgdVsBayesOptions extends PriorOptions, ArchOptions {
  target?: string;
  train?: number;
  runs?: number;
  optimizer: OptimizerName;
  loss: LossName;
  lr?: { num: bigint; den: bigint };
  maxSteps: number;
  seed: number;
  pMethod?: PriorMethod;
  pSamples: number;
  engine: TrainingEngine;
  replicates: number;
  format: "json" | "text";
  out?: string;
}

/** Rows of the table the text format prints. */
const TEXT_ROWS = 20;

/** The target of --target on the network's inputs. @throws UsageError when missing or not 2^n characters. */
function targetOf(text: string | undefined, arch: Architecture): BooleanFunction {
  const n = arch.inputs;
  if (text === undefined) throw new UsageError(`--target is required: 2^${n} = ${rowCount(n)} characters 0/1 (character i = f(row i))`);
  try {
    return parseFunction(text, n);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`--target: ${e.message}`);
    throw e;
  }
}

/** Checks --out DIR: absent, or a folder (created later). @throws UsageError when it is something else. */
function checkFolder(dir: string | undefined): void {
  if (dir === undefined) return;
  let isDir: boolean | undefined;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = undefined;
  }
  if (isDir === false) throw new UsageError(`--out '${dir}' is not a folder; give a folder to write summary.json and sgd-vs-bayes.svg into`);
}

/** A posterior probability in text: the fraction where exact, else p with its error or interval. */
function posteriorText(b: PosteriorProbability): string {
  if (b.fraction !== undefined) return `${b.p.toPrecision(6)} (${b.fraction})`;
  if (b.ci) return `${b.p.toPrecision(4)} [${b.ci[0].toPrecision(3)}, ${b.ci[1].toPrecision(3)}]`;
  return b.err !== undefined ? `${b.p.toPrecision(6)} ± ${b.err.toPrecision(2)}` : b.p.toPrecision(6);
}

function textLines(r: SgdVsBayesResult): string[] {
  const c = r.comparison;
  const t = r.trained;
  const lines = [
    `training set: rows ${r.trainingSet.rows.join(",")} labels ${Array.from(r.trainingSet.labels).join("")}`,
    `networks: ${t.runs} trained, ${t.fitted} fit the training set (steps mean ${t.steps.mean.toFixed(1)}, max ${t.steps.max})` +
      `${t.runs > t.fitted ? `, ${t.runs - t.fitted} reached the step limit (left out of P_SGD)` : ""}`,
    `P(f) by ${r.posterior.method}; P(S) = ${posteriorText(r.posterior.evidence as PosteriorProbability)}`,
    "function  P_B(f|S)  P_SGD(f|S) [95% Wilson]  count",
  ];
  for (const row of c.rows.slice(0, TEXT_ROWS)) {
    lines.push(
      `${row.function}${row.name ? ` ${row.name}` : ""}  ${posteriorText(row.bayes)}  ${row.sgd.p.toPrecision(4)} [${row.sgd.ci[0].toPrecision(3)}, ${row.sgd.ci[1].toPrecision(3)}]  ${row.sgd.count}`,
    );
  }
  if (c.rows.length > TEXT_ROWS) lines.push(`… ${c.rows.length - TEXT_ROWS} more functions (--format json lists all)`);
  const fmt = (v: number | null) => (v === null ? "undefined" : v.toFixed(4));
  lines.push(
    `correlation: pearson log10 ${fmt(c.correlation.pearsonLog10)} over ${c.correlation.functionsBoth} functions both find; spearman ${fmt(c.correlation.spearman)} over ${c.rows.length}`,
  );
  const null95 = c.samplingTotalVariation ? ` (sampling alone: mean ${fmt(c.samplingTotalVariation.mean)}, 95% ${fmt(c.samplingTotalVariation.q95)})` : "";
  lines.push(`total variation: ${fmt(c.totalVariation)}${null95}`);
  lines.push(`P_B mass on functions SGD never found: ${fmt(c.bayesMassUnfound)}; SGD mass on functions with P_B = 0: ${fmt(c.sgdMassOutsideBayes)}`);
  return lines;
}

async function runSgdVsBayes(opts: SgdVsBayesOptions, cmd: Command): Promise<void> {
  const given = givenOptions(cmd);
  const arch = architectureFromOptions(opts);
  const target = targetOf(opts.target, arch);
  const rows = rowCount(arch.inputs);
  if (opts.train === undefined) throw new UsageError(`--train is required: the training set size K, from 1 to 2^${arch.inputs} = ${rows}`);
  if (opts.train > rows) throw new UsageError(`--train ${opts.train} exceeds the 2^${arch.inputs} = ${rows} inputs; allowed: 1 to ${rows}`);
  if (opts.runs === undefined) throw new UsageError("--runs is required: the number of networks to train, at least 1");
  if (opts.prior === "both") throw new UsageError("--prior both does not apply: networks are initialised from one prior; allowed: gaussian, uniform");
  const [prior] = priorsFromOptions(arch, opts, given);
  const methods = priorMethods(arch, prior);
  if (opts.pMethod !== undefined && !methods.includes(opts.pMethod))
    throw new UsageError(`--p-method ${opts.pMethod} does not apply to ${architectureFlags(arch)}; allowed: ${methods.join(", ")}`);
  const method = opts.pMethod ?? methods[0];
  if (method === "exact" && given.has("pSamples")) throw new UsageError("--p-samples does not apply: P(f) is exact (give --p-method mc to sample it)");
  checkFolder(opts.out);
  const learningRate = opts.lr ? toNumber(opts.lr) : DEFAULT_LEARNING_RATE[opts.optimizer];
  const trainRows = randomTrainingRows(arch.inputs, opts.train, opts.seed);
  const progress = stagedProgress();
  let result: SgdVsBayesResult;
  try {
    result = await sgdVsBayes(arch, prior, {
      target,
      trainRows,
      runs: opts.runs,
      seed: opts.seed,
      optimizer: opts.optimizer,
      loss: opts.loss,
      learningRate,
      maxSteps: opts.maxSteps,
      engine: opts.engine,
      priorMethod: method,
      priorSamples: opts.pSamples,
      replicates: opts.replicates,
      onStage: (l, d, t) => progress.update(l, d, t),
    });
  } catch (e) {
    if (e instanceof RangeError)
      throw new UsageError(`sgd-vs-bayes ${architectureFlags(arch)}: ${e.message}${method === "exact" && methods.includes("mc") && !/posterior/.test(e.message) ? " (--p-method mc samples P(f))" : ""}`);
    throw e;
  } finally {
    progress.stop();
  }
  const run = {
    ...runInfo("sgd-vs-bayes", {
      arch: arch.description,
      priors: describePriors(arch, [prior]),
      method: result.posterior.method,
      ...(result.priorSamples !== undefined ? { sampling: { samples: result.priorSamples, seed: opts.seed } } : {}),
    }),
    seed: opts.seed,
    // Every stream derives from --seed; a sampled P(f) draws from this one.
    ...(result.priorSamples !== undefined ? { priorSeed: result.priorSeed ?? derivedSeed(opts.seed, 2) } : {}),
    training: {
      optimizer: opts.optimizer,
      loss: opts.loss,
      learningRate,
      maxSteps: opts.maxSteps,
      batch: "full",
      engine: opts.engine,
      ...(result.trained.backend ? { backend: result.trained.backend } : {}),
      ...(arch.type === "step" ? { surrogate: "hidden steps trained as logistic σ(z) with the same parameters, evaluated with steps" } : {}),
    },
  };
  const c = result.comparison;
  const summary = {
    run,
    target: formatFunction(target),
    trainingSet: { rows: result.trainingSet.rows, labels: Array.from(result.trainingSet.labels).join("") },
    networks: {
      runs: result.trained.runs,
      fitted: result.trained.fitted,
      unfitted: result.trained.runs - result.trained.fitted,
      steps: result.trained.steps,
      disagreements: result.trained.disagreements,
    },
    posterior: { method: result.posterior.method, evidence: result.posterior.evidence, functions: result.posterior.functions.size },
    correlation: c.correlation,
    totalVariation: c.totalVariation,
    samplingTotalVariation: c.samplingTotalVariation,
    bayesMassUnfound: c.bayesMassUnfound,
    sgdMassOutsideBayes: c.sgdMassOutsideBayes,
    functions: c.rows,
  };
  const json = `${JSON.stringify(summary)}\n`;
  if (opts.out !== undefined) {
    const svg = await renderVegaLiteSvg(sgdVsBayesPlot(c, `SGD vs Bayes: ${architectureFlags(arch)}, target ${formatFunction(target)}, K = ${opts.train}`));
    mkdirSync(opts.out, { recursive: true });
    writeOutput(join(opts.out, "summary.json"), (sink) => sink.write(json));
    writeOutput(join(opts.out, "sgd-vs-bayes.svg"), (sink) => sink.write(svg));
  }
  writeOutput(undefined, (sink) => {
    if (opts.format === "json") return sink.write(json);
    for (const line of textLines(result)) sink.write(`${line}\n`);
    commentLines(sink, run);
  });
}

/** Registers the `sgd-vs-bayes` command. */
export function registerSgdVsBayes(program: Command): void {
  const cmd = addArchOptions(program.command("sgd-vs-bayes"))
    .description(
      "train R networks from prior-initialised weights on K inputs of a target until they fit, and compare the functions they find, P_SGD(f | S), with the Bayesian posterior P_B(f | S) ∝ P(f)·[f agrees with S]",
    )
    .option("--target <bits>", "target function: 2^n characters 0/1, character i = f(row i), rows MSB-first (required)")
    .option("--train <K>", "training set size: K distinct inputs drawn with --seed (required, 1 to 2^n)", integerOption("--train", 1, 128))
    .option("--runs <R>", "networks to train (required, ≥ 1)", integerOption("--runs", 1, 100_000_000))
    .option("--optimizer <o>", "full-batch gradient descent (sgd) or adam", choiceOption("--optimizer", OPTIMIZERS), "adam")
    .option("--loss <l>", "ce: log(1 + e^(−t·z)), mse: ½(z − t)², on the output pre-activation z with t = ±1", choiceOption("--loss", LOSSES), "ce")
    .option("--lr <rate>", `learning rate (> 0; default ${DEFAULT_LEARNING_RATE.sgd} for sgd, ${DEFAULT_LEARNING_RATE.adam} for adam)`, positiveRationalOption("--lr"))
    .option("--max-steps <s>", "step limit per network; networks still not fitting are left out of P_SGD and counted", integerOption("--max-steps", 1, 10_000_000), DEFAULT_MAX_STEPS)
    .option("--seed <s>", "seed of the training set, the initial weights and every sampled quantity", integerOption("--seed", 0, 2 ** 31 - 1), 1)
    .option("--prior <p>", "prior of the initial weights and of P(f): gaussian or uniform", choiceOption("--prior", ["gaussian", "uniform", "both"] as const), "gaussian")
    .option("--p-method <m>", `how P(f) is computed: ${PRIOR_METHODS.join(", ")} (default: the best the network has: exact tables, else rao-blackwell, else mc)`, choiceOption("--p-method", PRIOR_METHODS))
    .option("--p-samples <N>", "samples of a sampled P(f) (rao-blackwell, qmc: hidden draws; mc: networks)", integerOption("--p-samples", 2, 1e10), 1_000_000)
    .option(
      "--engine <e>",
      "tfjs (one tensor program over all networks; backend tfjs-node, else wasm, else cpu, named on stderr) or float64 (hand-written gradients in the exact forward passes' summation order: a cross-check)",
      choiceOption("--engine", TRAINING_ENGINES),
      DEFAULT_TRAINING_ENGINE,
    )
    .option("--replicates <B>", "replicates of the sampling-only TV distance", integerOption("--replicates", 1, 100_000), DEFAULT_NULL_REPLICATES)
    .option("--format <f>", "json (summary with every function) or text (the top rows and the statistics)", choiceOption("--format", ["json", "text"] as const), "text")
    .option("--out <dir>", "also write summary.json and sgd-vs-bayes.svg (log–log plot) into this folder (created; files replaced atomically)");
  addPriorOptions(cmd).action((opts: SgdVsBayesOptions, c: Command) => runSgdVsBayes(opts, c));
}
