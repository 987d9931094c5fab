/** `weightspace bias`: simplicity-bias analyses of an exact table (see experiments/simplicityBias). */
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import type { ComplexityMeasureName } from "../arch/complexityOfFunction.js";
import { type SampledBiasResult, sampledSimplicityBias } from "../experiments/monteCarloBias.js";
import type { SimplicityBiasResult } from "../experiments/simplicityBias.js";
import type { Architecture } from "../arch/architecture.js";
import { type ArchOptions, addArchOptions, architectureFlags, architectureFromOptions } from "./archOptions.js";
import { givenOptions, rejectGiven } from "./givenOptions.js";
import { writeOutput } from "./outputSink.js";
import { addBiasOptions, measuresOf } from "./biasOptions.js";
import { checkExactBias, exactBiasRun } from "./exactBiasRun.js";
import { addPriorOptions, describePriors, type PriorOptions, priorsFromOptions } from "./priorOptions.js";
import { stagedProgress } from "./progressBar.js";
import { runInfo } from "./runInfo.js";
import { DEFAULT_MC_SAMPLES } from "./samplingOptions.js";
import { choiceOption, integerOption, UsageError } from "./usageError.js";
import { writePlots } from "./writePlot.js";

interface BiasOptions extends PriorOptions, ArchOptions {
  measure?: string;
  method: "exact" | "mc";
  samples: number;
  workers: number;
  format: "json" | "text";
  out?: string;
  seed: number;
  bootstrap: number;
}

/** Creates --out DIR (a folder; files in it are replaced atomically). @throws UsageError if it is not a folder. */
function outputFolder(dir: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  const s = (() => {
    try {
      return statSync(dir);
    } catch {
      return undefined;
    }
  })();
  if (s !== undefined && !s.isDirectory()) throw new UsageError(`--out '${dir}' is not a folder; give a folder to write summary.json into`);
  return dir;
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "undefined" : v.toFixed(4));

/** The summary as text lines. */
function textSummary(r: SimplicityBiasResult): string[] {
  const lines = [`functions ${r.functions} (table rows ${r.classes})`];
  for (const [m, byPrior] of Object.entries(r.measures)) {
    for (const [kind, a] of Object.entries(byPrior)) {
      const ci = (s: { ci: { low: number; high: number } | null }) => (s.ci ? ` [${fmt(s.ci.low)}, ${fmt(s.ci.high)}]` : "");
      lines.push(
        `${m} ${kind}: spearman ${fmt(a.spearman.value)}${ci(a.spearman)} kendall ${fmt(a.kendall.value)}${ci(a.kendall)} ` +
          `bound log2 P <= ${fmt(-a.upperBound.a)}*K + ${fmt(a.upperBound.b)} (functions ${a.functions})`,
      );
    }
  }
  for (const [kind, entries] of Object.entries(r.entropyBias)) {
    lines.push(`P(T=t) ${kind}: ${entries.map((e) => `${e.t}:${typeof e.fraction === "string" ? e.fraction : e.p.toPrecision(6)}`).join(" ")}`);
  }
  for (const [kind, c] of Object.entries(r.antiEntropy ?? {})) {
    const sigma = c.maxSigma === undefined ? "" : `, ${c.maxSigma.toFixed(2)} sigma`;
    lines.push(`anti-entropy ${kind}: P(T=t) = ${c.expected} for t < 2^n: ${c.holds ? "holds" : "FAILS"} (max deviation ${c.maxDeviation}${sigma})`);
  }
  if ("sampled" in r) lines.push(`sampled: ${(r as SampledBiasResult).sampled.note}`);
  return lines;
}

async function runBias(opts: BiasOptions, cmd: Command): Promise<void> {
  const given = givenOptions(cmd);
  const measures = measuresOf(opts.measure);
  const arch = architectureFromOptions(opts);
  if (opts.method === "mc") return runSampledBias(arch, opts, given, measures);
  rejectGiven(given, ["samples", "workers"], "they set Monte Carlo sampling; add --method mc");
  const priors = priorsFromOptions(arch, opts, given);
  checkExactBias("bias", arch, priors, `--prior ${opts.prior}`);
  const dir = outputFolder(opts.out);
  const run = exactBiasRun("bias", arch, priors, { measures, bootstrap: opts.bootstrap, seed: opts.seed });
  const json = `${JSON.stringify(run.summary)}\n`;
  await emitSummary(opts, dir, json, run.result, (d) => writePlots(d, run.plots()));
}

/**
 * Writes the summary (JSON) to DIR/summary.json when --out is given, with the plots when `plots` is
 * given (the exact analyses), and prints it (JSON or text).
 */
async function emitSummary(
  opts: BiasOptions,
  dir: string | undefined,
  json: string,
  result: SimplicityBiasResult,
  plots?: (dir: string) => Promise<void>,
): Promise<void> {
  if (dir !== undefined) {
    mkdirSync(dir, { recursive: true });
    writeOutput(join(dir, "summary.json"), (sink) => sink.write(json));
    if (plots) await plots(dir);
  }
  writeOutput(undefined, (sink) => {
    if (opts.format === "json") sink.write(json);
    else for (const line of textSummary(result)) sink.write(`${line}\n`);
  });
}

/** `--method mc`: the analyses of a Monte Carlo table (experiments/monteCarloBias). */
async function runSampledBias(arch: Architecture, opts: BiasOptions, given: ReadonlySet<string>, measures: ComplexityMeasureName[]): Promise<void> {
  const priors = priorsFromOptions(arch, opts, given);
  const dir = outputFolder(opts.out);
  const progress = stagedProgress();
  let result: SampledBiasResult;
  try {
    result = await sampledSimplicityBias(arch, priors, {
      measures,
      bootstrap: opts.bootstrap,
      seed: opts.seed,
      samples: opts.samples,
      workers: opts.workers,
      onProgress: (l, d, t) => progress.update(l, d, t),
    });
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`bias ${architectureFlags(arch)} --method mc: ${e.message}`);
    throw e;
  } finally {
    progress.stop();
  }
  const run = runInfo("bias", { arch: arch.description, priors: describePriors(arch, priors), method: "mc", sampling: { samples: opts.samples, seed: opts.seed } });
  const json = `${JSON.stringify({ run: { ...run, bootstrap: opts.bootstrap, measures }, ...result })}\n`;
  await emitSummary(opts, dir, json, result);
}

/** Registers the `bias` command. */
export function registerBias(program: Command): void {
  const cmd = addBiasOptions(addArchOptions(program.command("bias")), true, " and (--method mc) of the samples")
    .description("simplicity bias of an exact table: log2 P(f) against complexity measures, entropy bias P(T = t), rank–probability, the anti-entropy check (no bias)")
    .option("--method <m>", "exact (the exact table) or mc (a Monte Carlo table of --samples networks: P sampled, unseen functions left out)", choiceOption("--method", ["exact", "mc"] as const), "exact")
    .option("--samples <k>", "Monte Carlo samples per prior (--method mc), 1 to 1e12", integerOption("--samples", 1, 1e12), DEFAULT_MC_SAMPLES)
    .option("--workers <k>", "Monte Carlo worker threads (--method mc); 1 runs in-process; the table is the same for any count", integerOption("--workers", 1, 1024), 1)
    .option("--format <f>", "json (the summary) or text (one line per measure and prior)", choiceOption("--format", ["json", "text"] as const), "text")
    .option("--out <dir>", "also write summary.json and, for --method exact, the plots (NAME.svg with its vega-lite NAME.vl.json) into this folder (created; files replaced atomically)");
  addPriorOptions(cmd).action((opts: BiasOptions, c: Command) => runBias(opts, c));
}
