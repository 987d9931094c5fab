/** Options that choose the network, shared by every command: --arch, --inputs, --encoding, --no-bias. */
import type { Command } from "commander";
import { MAX_PERCEPTRON_INPUTS, type PerceptronSpec } from "../arch/perceptron/perceptronSpec.js";
import { ENCODINGS, type Encoding } from "../boolean/encoding.js";
import { choiceOption, integerOption, UsageError } from "./usageError.js";

/** Parsed architecture options. */
export interface ArchOptions {
  arch: "perceptron";
  inputs?: number;
  encoding: Encoding;
  bias: boolean;
}

/** Adds the architecture options to a command. */
export function addArchOptions(cmd: Command): Command {
  return cmd
    .option(
      "--arch <arch>",
      "architecture: perceptron",
      choiceOption("--arch", ["perceptron"] as const),
      "perceptron",
    )
    .option(
      "--inputs <n>",
      `number of Boolean inputs, 0 to ${MAX_PERCEPTRON_INPUTS}`,
      integerOption("--inputs", 0, MAX_PERCEPTRON_INPUTS),
    )
    .option(
      "--encoding <e>",
      "input encoding: binary {0,1} or signed {-1,+1}",
      choiceOption("--encoding", ENCODINGS),
      "binary",
    )
    .option("--no-bias", "perceptron without bias (output 1 iff ⟨w,x⟩ > 0)");
}

/**
 * The perceptron the options describe.
 * @throws UsageError when --inputs is missing, or 0 without a bias.
 */
export function specFromOptions(opts: ArchOptions): PerceptronSpec {
  if (opts.inputs === undefined) {
    throw new UsageError(`--inputs is required (an integer from 0 to ${MAX_PERCEPTRON_INPUTS})`);
  }
  if (!opts.bias && opts.inputs === 0) {
    throw new UsageError(`--no-bias needs --inputs from 1 to ${MAX_PERCEPTRON_INPUTS}, got 0`);
  }
  return { inputs: opts.inputs, bias: opts.bias, encoding: opts.encoding };
}
