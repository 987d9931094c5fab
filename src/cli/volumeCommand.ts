/** `weightspace volume`: the probability that random weights compute one function. */
import type { Command } from "commander";
import type { Architecture, Region } from "../arch/architecture.js";
import type { ReluEstimator } from "../arch/layered/reluRaoBlackwell.js";
import { monteCarloFunction } from "../arch/monteCarloTable.js";
import { functionName } from "../boolean/names.js";
import { type BooleanFunction, formatFunction, formatHexFunction, parseFunction } from "../boolean/truthTable.js";
import type { ConeMeasure, Prior } from "../measure/prior.js";
import { type ArchOptions, addArchOptions, architectureFlags, architectureFromOptions } from "./archOptions.js";
import { describeMeasure } from "./describeMeasure.js";
import { givenOptions, rejectGiven } from "./givenOptions.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { addPriorOptions, checkExactDimension, describePriors, type PriorOptions, priorChoices, priorsFromOptions } from "./priorOptions.js";
import { progressBar } from "./progressBar.js";
import { RELU_ESTIMATORS, RELU_SAMPLES_HELP, reluEstimates, settleReluMethod } from "./reluEstimates.js";
import { addSamplingOptions } from "./samplingOptions.js";
import { commentLines, runInfo } from "./runInfo.js";
import { choiceOption, UsageError } from "./usageError.js";

interface VolumeOptions extends PriorOptions, ArchOptions {
  function?: string;
  method: "mc" | "exact" | ReluEstimator;
  samples: number;
  seed: number;
  workers: number;
  hex: boolean;
  format: "json" | "text";
  out?: string;
}

/** The function `--function` names (shared by `volume` and `regions`). @throws UsageError when missing or malformed. */
export function functionFromOptions(arch: Architecture, text: string | undefined): BooleanFunction {
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
function exactMeasure(arch: Architecture, region: Region | undefined, prior: Prior): ConeMeasure {
  const parts = (region?.pieces ?? []).map((piece) => {
    if (!piece.inParameters)
      throw new UsageError(`--method exact: ${arch.type} regions are not cones in the parameters; use --method mc`);
    return { measure: prior.family.measureCone(piece.rows, prior.scales), weight: 1 };
  });
  return prior.family.total(parts);
}

/** Most pieces a volume printout lists (a step net's region can have a million). */
const LISTED_PIECES = 64;

/** The region's printed fields and its realisability. */
interface DescribedRegion {
  /** False when no parameters compute f; undefined when the architecture cannot decide it (ReLU). */
  readonly realizable: boolean | undefined;
  readonly fields: Record<string, unknown>;
  readonly region?: Region;
}

function listPieces(region: Region): Record<string, unknown> {
  if (region.pieces.length === 1) return { facets: region.pieces[0].rows.length, constraints: region.pieces[0].constraints };
  return { pieces: region.pieces.map((p) => ({ coordinates: p.coordinates, constraints: p.constraints })) };
}

/**
 * Decides f's region: by the architecture's own method (a count of pieces, listed when few) or
 * by its region. Monte Carlo runs also where the region is not available (ReLU nets).
 * @throws UsageError when the exact method does not reach this network.
 */
function describeRegion(arch: Architecture, f: BooleanFunction, method: VolumeOptions["method"]): DescribedRegion {
  // A ReLU region is a union of cones in z = (v·w, c), not in θ: no exact volume, and its pieces
  // (hundreds, seconds to decide) are the `regions` command's output, not this one's.
  if (arch.type === "relu") {
    if (method !== "exact") return { realizable: undefined, fields: {} };
    throw new UsageError(
      `--method exact (${architectureFlags(arch)}): ReLU regions are pieces in z = (v[j]·(W1[j], b1[j]), c), not cones in the parameters (see 'weightspace regions'); the method that can: mc`,
    );
  }
  try {
    if (arch.measureFunction) {
      const m = arch.measureFunction(f, []);
      const fields: Record<string, unknown> =
        m.realizable && m.pieces <= LISTED_PIECES ? listPieces(arch.region(f)) : { pieces: m.pieces };
      if (m.pieces > LISTED_PIECES) fields.piecesListed = false;
      return { realizable: m.realizable, fields };
    }
    const region = arch.region(f);
    return { realizable: region.realizable, fields: listPieces(region), region };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    if (method !== "exact") return { realizable: undefined, fields: {} };
    throw new UsageError(`--method exact (${architectureFlags(arch)}): ${e.message}; the method that can: mc`);
  }
}

async function runVolume(opts: VolumeOptions, cmd: Command): Promise<void> {
  const given = givenOptions(cmd);
  const arch = architectureFromOptions(opts);
  const f = functionFromOptions(arch, opts.function);
  // ReLU regions have no exact volume: the Rao-Blackwell integrand on quasi-random points by
  // default where it applies, else sampling.
  const estimator = settleReluMethod(arch, opts, given, arch.type === "relu");
  const priors = priorsFromOptions(arch, opts, given);
  if (opts.method === "exact") {
    rejectGiven(given, ["samples", "seed", "workers"], "they set Monte Carlo sampling; add --method mc");
  }
  checkOutputPath(opts.out);
  const bits = opts.hex ? formatHexFunction(f) : formatFunction(f);
  // The region first: where no exact method exists (ReLU nets) that is the error to report.
  const described = describeRegion(arch, f, opts.method);
  if (opts.method === "exact") checkExactDimension(arch, priors, "--method exact");
  const measures = opts.method === "exact" && arch.measureFunction ? arch.measureFunction(f, priors).measures : undefined;
  if (described.realizable === false) {
    throw new UsageError(
      `function ${bits} is not realisable by this ${arch.type} (${architectureFlags(arch)}); see 'weightspace table ${architectureFlags(arch)} --all'`,
    );
  }
  const name = functionName(f);
  const result: Record<string, unknown> = {
    function: bits,
    ...(name === undefined ? {} : { name }),
    arch: arch.description,
    ...described.fields,
  };
  const estimates = estimator ? reluEstimates(arch, priors, estimator, opts.samples, opts.seed) : undefined;
  for (const prior of priors) {
    const kind = prior.family.kind;
    if (estimates) result[kind] = estimates[kind][Number(f.bits)];
    else if (opts.method === "exact") result[kind] = measures?.[kind] ?? exactMeasure(arch, described.region, prior);
    else {
      const bar = progressBar(`sampling (${kind})`);
      result[kind] = await monteCarloFunction(arch, prior, f, opts.samples, opts.seed, (k, t) => bar.update(k, t), opts.workers);
      bar.stop();
    }
    const m = result[kind] as { converged?: boolean; warning?: string };
    if (m.converged === false) process.stderr.write(`weightspace: warning: ${kind} estimate did not converge${m.warning ? `: ${m.warning}` : ""}\n`);
  }
  const sampling = opts.method === "exact" ? undefined : { samples: opts.samples, seed: opts.seed };
  result.run = runInfo("volume", { arch: arch.description, priors: describePriors(arch, priors), method: opts.method, sampling });
  writeOutput(opts.out, (sink) => {
    if (opts.format === "json") sink.write(`${JSON.stringify(result)}\n`);
    else {
      sink.write(`function ${bits}${name ? ` (${name})` : ""}\n`);
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
    "exact (gaussian: numerical, triangulation + orthant/radial cubature with a verified error estimate; uniform: exact rational), mc, or for --arch relu with h ≤ 2 rao-blackwell or qmc (hidden weights sampled i.i.d. or on scrambled Sobol' points, output cone measured in closed form; qmc is the default there)",
    true,
    RELU_ESTIMATORS,
    RELU_SAMPLES_HELP,
  )
    .option("--prior <p>", "gaussian, uniform or both", choiceOption("--prior", priorChoices(false)), "both")
    .option("--hex", "print the function as a hex number, bit i = f(row i)", false);
  addPriorOptions(cmd)
    .option("--format <f>", "json or text (text ends with the run's settings as '# key: value' lines)", choiceOption("--format", ["json", "text"] as const), "json")
    .option("--out <file>", "write to this file instead of stdout (- for stdout; created only on success)")
    .action((opts: VolumeOptions, c: Command) => runVolume(opts, c));
}
