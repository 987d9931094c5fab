/** The prior options shared by `table` and `volume`: σ for the Gaussian prior, box half-widths for the uniform one. */
import { type Command, Option } from "commander";
import type { VolumeSettings } from "../arch/perceptron/regionVolumes.js";
import { ONE, type Rational } from "../geometry/rational.js";
import { positiveRationalOption } from "./usageError.js";

/** Parsed prior options. */
export interface PriorOptions {
  sigmaW: Rational;
  sigmaB: Rational;
  boxW: Rational;
  boxB: Rational;
}

/** Which priors a `--prior` value asks for. */
export function priorKinds(prior: string): ("gaussian" | "uniform")[] {
  return prior === "both"
    ? ["gaussian", "uniform"]
    : prior === "gaussian" || prior === "uniform"
      ? [prior]
      : [];
}

/** Adds --sigma-w, --sigma-b, --box-w, --box-b (exact rationals > 0, default 1). */
export function addPriorOptions(cmd: Command): Command {
  const exact = (flags: string, description: string, name: string) =>
    new Option(flags, description).argParser(positiveRationalOption(name)).default(ONE, "1");
  return cmd
    .addOption(exact("--sigma-w <s>", "standard deviation of the weights, gaussian prior (> 0)", "--sigma-w"))
    .addOption(exact("--sigma-b <s>", "standard deviation of the bias, gaussian prior (> 0)", "--sigma-b"))
    .addOption(exact("--box-w <a>", "half-width of the weights' box, uniform prior (> 0)", "--box-w"))
    .addOption(exact("--box-b <a>", "half-width of the bias's box, uniform prior (> 0)", "--box-b"));
}

/** The volume settings for the requested priors. */
export function volumeSettings(
  opts: PriorOptions,
  kinds: readonly ("gaussian" | "uniform")[],
): VolumeSettings {
  return {
    ...(kinds.includes("gaussian") ? { gaussian: { sigmaW: opts.sigmaW, sigmaB: opts.sigmaB } } : {}),
    ...(kinds.includes("uniform") ? { uniform: { boxW: opts.boxW, boxB: opts.boxB } } : {}),
  };
}
