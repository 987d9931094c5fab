/** `weightspace volume`: the probability that random weights compute one function. */
import type { Command } from "commander";
import type { Architecture, Region } from "../arch/architecture.js";
import { monteCarloFunction } from "../arch/monteCarloTable.js";
import { type BooleanFunction, formatFunction, formatHexFunction, parseFunction } from "../boolean/truthTable.js";
import type { ConeMeasure, Prior } from "../measure/prior.js";
import { type ArchOptions, addArchOptions, architectureFlags, architectureFromOptions } from "./archOptions.js";
import { describeMeasure } from "./describeMeasure.js";
import { givenOptions, rejectGiven } from "./givenOptions.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { addPriorOptions, checkExactDimension, describePriors, type PriorOptions, priorChoices, priorsFromOptions } from "./priorOptions.js";
import { progressBar } from "./progressBar.js";
import { addSamplingOptions } from "./samplingOptions.js";
import { commentLines, runInfo } from "./runInfo.js";
import { choiceOption, UsageError } from "./usageError.js";

interface VolumeOptions extends PriorOptions, ArchOptions {
  function?: string;
  method: "mc" | "exact";
  samples: number;
  seed: number;
  workers: number;
  hex: boolean;
  format: "json" | "text";
  out?: string;
}

/** The function the options name. @throws UsageError when missing or malformed. */
function functionFromOptions(arch: Architecture, text: string | undefined): BooleanFunction {
  const rows = 2 ** arch.inputs;
  if (text === undefined) {
    throw new UsageError(`--function is required: ${rows} characters 0/1 (character i = f(row i)) or 0x… (bit i = f(row i))`);
  }
  try {
    return parseFunction(text, arch.inputs);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`--function: ${e.message}`);
    throw e;
  }
}

/** The exact measure of a region under a prior: its pieces measured and added. */
function exactMeasure(arch: Architecture, region: Region, prior: Prior): ConeMeasure {
  const parts = region.pieces.map((piece) => {
    if (!piece.inParameters)
      throw new UsageError(`--method exact: ${arch.type} regions are not cones in the parameters; use --method mc`);
    return { measure: prior.family.measureCone(piece.rows, prior.scales), weight: 1 };
  });
  return prior.family.total(parts);
}

async function runVolume(opts: VolumeOptions, cmd: Command): Promise<void> {
  const given = givenOptions(cmd);
  const arch = architectureFromOptions(opts);
  const f = functionFromOptions(arch, opts.function);
  const priors = priorsFromOptions(arch, opts, given);
  if (opts.method === "exact") {
    rejectGiven(given, ["samples", "seed", "workers"], "they set Monte Carlo sampling; add --method mc");
    checkExactDimension(arch, priors, "--method exact");
  }
  checkOutputPath(opts.out);
  const bits = opts.hex ? formatHexFunction(f) : formatFunction(f);
  const region = arch.region(f);
  if (!region.realizable) {
    throw new UsageError(
      `function ${bits} is not realisable by this ${arch.type} (${architectureFlags(arch)}); see 'weightspace table ${architectureFlags(arch)} --all'`,
    );
  }
  const result: Record<string, unknown> = {
    function: bits,
    ...(region.name === undefined ? {} : { name: region.name }),
    arch: arch.description,
  };
  if (region.pieces.length === 1) {
    result.facets = region.pieces[0].rows.length;
    result.constraints = region.pieces[0].constraints;
  } else {
    result.pieces = region.pieces.map((p) => ({ coordinates: p.coordinates, constraints: p.constraints }));
  }
  for (const prior of priors) {
    const kind = prior.family.kind;
    if (opts.method === "exact") result[kind] = exactMeasure(arch, region, prior);
    else {
      const bar = progressBar(`sampling (${kind})`);
      result[kind] = await monteCarloFunction(arch, prior, f, opts.samples, opts.seed, (k, t) => bar.update(k, t), opts.workers);
      bar.stop();
    }
    const m = result[kind] as { converged?: boolean; warning?: string };
    if (m.converged === false) process.stderr.write(`weightspace: warning: ${kind} estimate did not converge${m.warning ? `: ${m.warning}` : ""}\n`);
  }
  const sampling = opts.method === "mc" ? { samples: opts.samples, seed: opts.seed } : undefined;
  result.run = runInfo("volume", { arch: arch.description, priors: describePriors(arch, priors), method: opts.method, sampling });
  writeOutput(opts.out, (sink) => {
    if (opts.format === "json") sink.write(`${JSON.stringify(result)}\n`);
    else {
      sink.write(`function ${bits}${region.name ? ` (${region.name})` : ""}\n`);
      for (const p of priors) sink.write(`${describeMeasure(p.family.kind, result[p.family.kind] as Record<string, unknown>)}\n`);
      commentLines(sink, result.run as Record<string, unknown>);
    }
  });
}

/** Registers the `volume` command. */
export function registerVolume(program: Command): void {
  const cmd = addArchOptions(program.command("volume"))
    .description("probability that random weights compute one function (exact, or Monte Carlo)")
    .option("--function <f>", "truth table: 2^n characters 0/1, character i = f(row i), rows MSB-first; or 0x… with bit i = f(row i)");
  addSamplingOptions(
    cmd,
    "exact (gaussian: numerical, triangulation + orthant/radial cubature with a verified error estimate; uniform: exact rational) or mc",
    true,
  )
    .option("--prior <p>", "gaussian, uniform or both", choiceOption("--prior", priorChoices(false)), "both")
    .option("--hex", "print the function as a hex number, bit i = f(row i)", false);
  addPriorOptions(cmd)
    .option("--format <f>", "json or text (text ends with the run's settings as '# key: value' lines)", choiceOption("--format", ["json", "text"] as const), "json")
    .option("--out <file>", "write to this file instead of stdout (- for stdout; created only on success)")
    .action((opts: VolumeOptions, c: Command) => runVolume(opts, c));
}
