/** `weightspace volume`: the probability that random weights compute one function. */
import type { Command } from "commander";
import { analyseFunction } from "../arch/perceptron/analyseFunction.js";
import { coneRows, type PerceptronSpec, parameterCount, parameterNames } from "../arch/perceptron/perceptronSpec.js";
import { MAX_EXACT_PARAMETERS, regionVolumes } from "../arch/perceptron/regionVolumes.js";
import { formatFunction, parseFunction, valueAt } from "../boolean/truthTable.js";
import { type MonteCarloEstimate, monteCarloCone } from "../measure/monteCarlo.js";
import { priorFamily } from "../measure/priorFamilies.js";
import { type ArchOptions, addArchOptions, specFromOptions } from "./archOptions.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { addPriorOptions, type PriorOptions, priorKinds, volumeSettings } from "./priorOptions.js";
import { progressBar } from "./progressBar.js";
import { choiceOption, integerOption, UsageError } from "./usageError.js";

interface VolumeOptions extends PriorOptions, ArchOptions {
  function?: string;
  method: "mc" | "exact";
  samples: number;
  seed: number;
  prior: "gaussian" | "uniform" | "both";
  format: "json" | "text";
  out?: string;
}

function monteCarlo(
  kind: "gaussian" | "uniform",
  spec: PerceptronSpec,
  rows: number[][],
  opts: VolumeOptions,
) {
  const [w, b] = kind === "gaussian" ? [opts.sigmaW, opts.sigmaB] : [opts.boxW, opts.boxB];
  const scales = Array.from({ length: spec.inputs }, () => w);
  if (spec.bias) scales.push(b);
  const bar = progressBar(`sampling (${kind})`);
  const prior = { family: priorFamily(kind), scales };
  const r = monteCarloCone(rows, prior, opts.samples, opts.seed, (d, t) => bar.update(d, t));
  bar.stop();
  return r;
}

function describe(kind: string, r: Record<string, unknown>): string {
  if (r.method === "mc") {
    const m = r as unknown as MonteCarloEstimate;
    return `${kind}: p = ${m.p} (95% CI ${m.ci[0]} to ${m.ci[1]}; mc, ${m.samples} samples, seed ${m.seed})`;
  }
  if ("fraction" in r) return `${kind}: p = ${r.fraction} = ${r.p} (exact rational)`;
  return `${kind}: p = ${r.p} ± ${r.err} (${r.method})`;
}

async function runVolume(opts: VolumeOptions): Promise<void> {
  const spec = specFromOptions(opts);
  if (opts.function === undefined) {
    throw new UsageError("--function is required (a bit string of 2^n characters 0/1)");
  }
  let f: ReturnType<typeof parseFunction>;
  try {
    f = parseFunction(opts.function, spec.inputs);
  } catch (e) {
    throw new UsageError(`--function: ${(e as Error).message}`);
  }
  if (opts.method === "exact" && parameterCount(spec) > MAX_EXACT_PARAMETERS) {
    throw new UsageError(
      `--method exact takes at most ${MAX_EXACT_PARAMETERS} parameters (inputs + bias), this perceptron has ${parameterCount(spec)}; use --method mc`,
    );
  }
  checkOutputPath(opts.out);
  const bits = formatFunction(f);
  const region = analyseFunction(spec, f);
  if (!region.realizable) {
    const flags = `--inputs ${spec.inputs}${spec.encoding === "signed" ? " --encoding signed" : ""}${spec.bias ? "" : " --no-bias"}`;
    throw new UsageError(
      `function ${bits} is not realisable by a perceptron with ${spec.inputs} inputs (${spec.encoding}, ${spec.bias ? "bias" : "no bias"}); see 'weightspace table ${flags}'`,
    );
  }
  const kinds = priorKinds(opts.prior);
  const result: Record<string, unknown> = {
    function: bits,
    ...(region.name === undefined ? {} : { name: region.name }),
    arch: { type: "perceptron", ...spec, parameters: parameterNames(spec) },
    facets: region.facets,
    constraints: region.constraints,
  };
  if (opts.method === "exact")
    Object.assign(result, regionVolumes(spec, region.facetVectors, volumeSettings(opts, kinds)));
  else {
    const rows = coneRows(spec, (r) => valueAt(f, r));
    for (const kind of kinds) result[kind] = monteCarlo(kind, spec, rows, opts);
  }
  writeOutput(opts.out, (sink) => {
    if (opts.format === "json") sink.write(`${JSON.stringify(result)}\n`);
    else {
      sink.write(`function ${bits}${region.name ? ` (${region.name})` : ""}\n`);
      for (const kind of kinds) sink.write(`${describe(kind, result[kind] as Record<string, unknown>)}\n`);
    }
  });
}

/** Registers the `volume` command. */
export function registerVolume(program: Command): void {
  const cmd = addArchOptions(program.command("volume"))
    .description("probability that random weights compute one function (exact, or Monte Carlo)")
    .option("--function <bits>", "truth table, 2^n characters 0/1, character i = f(row i), rows MSB-first")
    .option(
      "--method <m>",
      "exact (gaussian: triangulation + orthant/radial cubature with error bound; uniform: exact rational) or mc",
      choiceOption("--method", ["exact", "mc"] as const),
      "exact",
    )
    .option("--samples <k>", "Monte Carlo samples, 1 to 1e12", integerOption("--samples", 1, 1e12), 1_000_000)
    .option("--seed <s>", "Monte Carlo PRNG seed, 0 to 2^31-1", integerOption("--seed", 0, 2 ** 31 - 1), 1)
    .option(
      "--prior <p>",
      "gaussian, uniform or both",
      choiceOption("--prior", ["gaussian", "uniform", "both"] as const),
      "both",
    );
  addPriorOptions(cmd)
    .option("--format <f>", "json or text", choiceOption("--format", ["json", "text"] as const), "json")
    .option("--out <file>", "write to this file instead of stdout (created only on success)")
    .action((opts: VolumeOptions) => runVolume(opts));
}
