/** `weightspace volume`: the probability that random weights compute one function. */
import type { Command } from "commander";
import { analyseFunction } from "../arch/perceptron/analyseFunction.js";
import { coneRows, type PerceptronSpec, parameterNames } from "../arch/perceptron/perceptronSpec.js";
import { ENCODINGS, type Encoding } from "../boolean/encoding.js";
import { formatFunction, parseFunction, valueAt } from "../boolean/truthTable.js";
import { monteCarloCone } from "../measure/monteCarlo.js";
import type { Prior, PriorKind } from "../measure/prior.js";
import { checkOutputPath, openSink } from "./outputSink.js";
import { progressBar } from "./progressBar.js";
import { choiceOption, integerOption, positiveNumberOption, UsageError } from "./usageError.js";

interface VolumeOptions {
  arch: "perceptron";
  inputs?: number;
  function?: string;
  encoding: Encoding;
  bias: boolean;
  method: "mc" | "exact";
  samples: number;
  seed: number;
  prior: PriorKind | "both";
  sigmaW: number;
  sigmaB: number;
  boxW: number;
  boxB: number;
  format: "json" | "text";
  out?: string;
}

/** Per-coordinate prior scales (w1 … wn[, b]) for the chosen prior. */
function priorFor(kind: PriorKind, spec: PerceptronSpec, opts: VolumeOptions): Prior {
  const [w, b] = kind === "gaussian" ? [opts.sigmaW, opts.sigmaB] : [opts.boxW, opts.boxB];
  const scales = Array.from({ length: spec.inputs }, () => w);
  if (spec.bias) scales.push(b);
  return { kind, scales };
}

async function runVolume(opts: VolumeOptions): Promise<void> {
  if (opts.inputs === undefined) throw new UsageError("--inputs is required (an integer from 0 to 6)");
  if (opts.function === undefined)
    throw new UsageError("--function is required (a bit string of 2^n characters 0/1)");
  const spec: PerceptronSpec = { inputs: opts.inputs, bias: opts.bias, encoding: opts.encoding };
  if (!spec.bias && spec.inputs === 0) throw new UsageError("--no-bias needs --inputs from 1 to 6, got 0");
  let f: ReturnType<typeof parseFunction>;
  try {
    f = parseFunction(opts.function, spec.inputs);
  } catch (e) {
    throw new UsageError(`--function: ${(e as Error).message}`);
  }
  if (opts.method === "exact") {
    throw new UsageError("--method exact is not available yet; allowed: mc");
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
  const rows = coneRows(spec, (r) => valueAt(f, r));
  const kinds: PriorKind[] = opts.prior === "both" ? ["gaussian", "uniform"] : [opts.prior];
  const result: Record<string, unknown> = {
    function: bits,
    arch: { type: "perceptron", ...spec, parameters: parameterNames(spec) },
  };
  for (const kind of kinds) {
    const bar = progressBar(`sampling (${kind})`);
    result[kind] = monteCarloCone(rows, priorFor(kind, spec, opts), opts.samples, opts.seed, (d, t) =>
      bar.update(d, t),
    );
    bar.stop();
  }
  const sink = openSink(opts.out);
  try {
    if (opts.format === "json") sink.write(`${JSON.stringify(result)}\n`);
    else {
      sink.write(`function ${bits}\n`);
      for (const kind of kinds) {
        const r = result[kind] as ReturnType<typeof monteCarloCone>;
        sink.write(
          `${kind}: p = ${r.p} (95% CI ${r.ci[0]} to ${r.ci[1]}; ${r.method}, ${r.samples} samples, seed ${r.seed})\n`,
        );
      }
    }
    sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
}

/** Registers the `volume` command. */
export function registerVolume(program: Command): void {
  program
    .command("volume")
    .description("probability that random weights compute one function")
    .option(
      "--arch <arch>",
      "architecture: perceptron",
      choiceOption("--arch", ["perceptron"] as const),
      "perceptron",
    )
    .option("--inputs <n>", "number of Boolean inputs, 0 to 6", integerOption("--inputs", 0, 6))
    .option("--function <bits>", "truth table, 2^n characters 0/1, character i = f(row i), rows MSB-first")
    .option(
      "--encoding <e>",
      "input encoding: binary or signed",
      choiceOption("--encoding", ENCODINGS),
      "binary",
    )
    .option("--no-bias", "perceptron without bias")
    .option("--method <m>", "mc (Monte Carlo)", choiceOption("--method", ["mc", "exact"] as const), "mc")
    .option("--samples <k>", "Monte Carlo samples, 1 to 1e12", integerOption("--samples", 1, 1e12), 1_000_000)
    .option("--seed <s>", "PRNG seed, 0 to 2^31-1", integerOption("--seed", 0, 2 ** 31 - 1), 1)
    .option(
      "--prior <p>",
      "gaussian, uniform or both",
      choiceOption("--prior", ["gaussian", "uniform", "both"] as const),
      "both",
    )
    .option(
      "--sigma-w <s>",
      "standard deviation of the weights (gaussian)",
      positiveNumberOption("--sigma-w"),
      1,
    )
    .option(
      "--sigma-b <s>",
      "standard deviation of the bias (gaussian)",
      positiveNumberOption("--sigma-b"),
      1,
    )
    .option("--box-w <a>", "half-width of the weights' box (uniform)", positiveNumberOption("--box-w"), 1)
    .option("--box-b <a>", "half-width of the bias's box (uniform)", positiveNumberOption("--box-b"), 1)
    .option("--format <f>", "json or text", choiceOption("--format", ["json", "text"] as const), "json")
    .option("--out <file>", "write to this file instead of stdout (created only on success)")
    .action((opts: VolumeOptions) => runVolume(opts));
}
