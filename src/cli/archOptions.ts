/** Options that choose the network, shared by every command: --arch, --inputs, --encoding, --no-bias. */
import type { Command } from "commander";
import type { Architecture } from "../arch/architecture.js";
import { ARCHITECTURE_NAMES, ARCHITECTURES, createArchitecture } from "../arch/registry.js";
import { ENCODINGS, type Encoding } from "../boolean/encoding.js";
import { choiceOption, integerOption, UsageError } from "./usageError.js";

/** Parsed architecture options. */
export interface ArchOptions {
  arch: string;
  inputs?: number;
  encoding: Encoding;
  bias: boolean;
}

const MAX_INPUTS = Math.max(...Object.values(ARCHITECTURES).map((a) => a.maxInputs));

/** Adds the architecture options to a command. */
export function addArchOptions(cmd: Command): Command {
  return cmd
    .option(
      "--arch <arch>",
      `architecture: ${ARCHITECTURE_NAMES.map((n) => `${n} (${ARCHITECTURES[n].summary})`).join("; ")}`,
      choiceOption("--arch", ARCHITECTURE_NAMES),
      "perceptron",
    )
    .option(
      "--inputs <n>",
      `number of Boolean inputs, 0 to ${MAX_INPUTS}`,
      integerOption("--inputs", 0, MAX_INPUTS),
    )
    .option(
      "--encoding <e>",
      "input encoding: binary {0,1} or signed {-1,+1}",
      choiceOption("--encoding", ENCODINGS),
      "binary",
    )
    .option("--no-bias", "units without bias (output 1 iff ⟨w,x⟩ > 0)");
}

/**
 * The network the options describe, from the registry.
 * @throws UsageError when --inputs is missing or the configuration is out of range.
 */
export function architectureFromOptions(opts: ArchOptions): Architecture {
  const entry = ARCHITECTURES[opts.arch];
  if (opts.inputs === undefined) {
    throw new UsageError(`--inputs is required (an integer from 0 to ${entry?.maxInputs ?? MAX_INPUTS})`);
  }
  try {
    return createArchitecture(opts.arch, { inputs: opts.inputs, encoding: opts.encoding, bias: opts.bias });
  } catch (e) {
    if (e instanceof RangeError)
      throw new UsageError(`--arch ${opts.arch} --inputs ${opts.inputs}${opts.bias ? "" : " --no-bias"}: ${e.message}`);
    throw e;
  }
}

/** The flags that rebuild this architecture on the command line, e.g. `--inputs 3 --encoding signed`. */
export function architectureFlags(arch: Architecture): string {
  const d = arch.description;
  return [
    ...(arch.type === "perceptron" ? [] : [`--arch ${arch.type}`]),
    `--inputs ${arch.inputs}`,
    ...(arch.encoding === "signed" ? ["--encoding signed"] : []),
    ...(d.bias === false ? ["--no-bias"] : []),
  ].join(" ");
}
