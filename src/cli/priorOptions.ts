/**
 * The prior options shared by every command: --prior, σ for the Gaussian prior, box half-widths for
 * the uniform one, as exact rationals; they become `Prior`s on the architecture's parameter groups.
 */
import { type Command, Option } from "commander";
import { type Architecture, priorFor } from "../arch/architecture.js";
import { ONE, type Rational, toString } from "../geometry/rational.js";
import type { Prior } from "../measure/prior.js";
import { PRIOR_KINDS, priorFamily } from "../measure/priorFamilies.js";
import { rejectGiven } from "./givenOptions.js";
import { positiveRationalOption, UsageError } from "./usageError.js";

/** Parsed prior options. */
export interface PriorOptions {
  prior: string;
  sigmaW: Rational;
  sigmaB: Rational;
  boxW: Rational;
  boxB: Rational;
}

/** Which option sets each family's weight and bias scales. */
const SCALE_OPTIONS: Readonly<Record<string, { weight: keyof PriorOptions; bias: keyof PriorOptions }>> = {
  gaussian: { weight: "sigmaW", bias: "sigmaB" },
  uniform: { weight: "boxW", bias: "boxB" },
};

/** The `--prior` values: none (where allowed), each family, both. */
export function priorChoices(allowNone: boolean): string[] {
  return [...(allowNone ? ["none"] : []), ...PRIOR_KINDS, "both"];
}

/** Which prior kinds a `--prior` value asks for. */
export function priorKinds(prior: string): string[] {
  return prior === "both" ? [...PRIOR_KINDS] : PRIOR_KINDS.includes(prior) ? [prior] : [];
}

/** Adds --sigma-w, --sigma-b, --box-w, --box-b (exact rationals > 0, default 1). */
export function addPriorOptions(cmd: Command): Command {
  const exact = (flags: string, description: string, name: string) =>
    new Option(flags, description).argParser(positiveRationalOption(name)).default(ONE, "1");
  return cmd
    .addOption(exact("--sigma-w <s>", "standard deviation of the weights, gaussian prior (> 0)", "--sigma-w"))
    .addOption(exact("--sigma-b <s>", "standard deviation of the biases, gaussian prior (> 0)", "--sigma-b"))
    .addOption(exact("--box-w <a>", "half-width of the weights' box, uniform prior (> 0)", "--box-w"))
    .addOption(exact("--box-b <a>", "half-width of the biases' box, uniform prior (> 0)", "--box-b"));
}

/**
 * The requested priors on `arch`'s parameters.
 * @throws UsageError for a scale option of a prior not requested, or a bias scale without biases.
 */
export function priorsFromOptions(arch: Architecture, opts: PriorOptions, given: ReadonlySet<string>): Prior[] {
  const kinds = priorKinds(opts.prior);
  for (const [kind, keys] of Object.entries(SCALE_OPTIONS)) {
    if (!kinds.includes(kind)) rejectGiven(given, [keys.weight, keys.bias], `--prior ${opts.prior} does not include ${kind}`);
  }
  if (!arch.groups.some((g) => g.kind === "bias")) {
    rejectGiven(given, Object.values(SCALE_OPTIONS).map((k) => k.bias), "the network has no bias");
  }
  return kinds.map((kind) => {
    const keys = SCALE_OPTIONS[kind];
    return priorFor(arch, priorFamily(kind), {
      weight: opts[keys.weight] as Rational,
      bias: opts[keys.bias] as Rational,
    });
  });
}

/** The priors' parameters for output headers: per kind, the exact scale of each parameter group. */
export function describePriors(arch: Architecture, priors: readonly Prior[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of priors) {
    const scales: Record<string, string> = {};
    // A group can be empty (no weights at 0 inputs); it has no scale to show.
    for (const g of arch.groups) if (g.indices.length > 0) scales[g.name] = toString(p.scales[g.indices[0]]);
    out[p.family.kind] = { [p.family.scaleMeaning]: scales };
  }
  return out;
}

/**
 * Checks that the exact method of every prior reaches the architecture's dimension.
 * @throws UsageError naming the prior, its limit and the Monte Carlo alternative.
 */
export function checkExactDimension(arch: Architecture, priors: readonly Prior[], option: string): void {
  const d = arch.exactConeDimension ?? arch.parameters.length;
  const what = arch.exactConeDimension === undefined ? "parameters" : "parameters in a unit";
  for (const p of priors) {
    if (d > p.family.maxExactDimension)
      throw new UsageError(
        `${option}: exact ${p.family.kind} volumes take at most ${p.family.maxExactDimension} parameters, this ${arch.type} has ${d} ${what}; use --method mc`,
      );
  }
}
