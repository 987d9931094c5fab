/** `weightspace plot KIND`: pictures of a network's weight space (today: `sphere`, the n = 2 perceptron's regions on S²). */
import type { Command } from "commander";
import { sphereTitles } from "../experiments/plots/plotTitles.js";
import { sphereRegions } from "../experiments/plots/sphereRegions.js";
import { sphereSpec } from "../experiments/plots/sphereSpec.js";
import { type ArchOptions, addArchOptions, architectureFlags, architectureFromOptions } from "./archOptions.js";
import { givenOptions } from "./givenOptions.js";
import { checkOutputPath } from "./outputSink.js";
import { addPriorOptions, type PriorOptions, priorChoices, priorsFromOptions } from "./priorOptions.js";
import { choiceOption, UsageError } from "./usageError.js";
import { specPathOf, writePlot } from "./writePlot.js";

const PLOT_KINDS = ["sphere"] as const;

interface PlotOptions extends PriorOptions, ArchOptions {
  out?: string;
}

async function runPlot(_kind: (typeof PLOT_KINDS)[number], opts: PlotOptions, cmd: Command): Promise<void> {
  const arch = architectureFromOptions(opts);
  const priors = priorsFromOptions(arch, opts, givenOptions(cmd));
  checkOutputPath(opts.out);
  if (opts.out !== undefined && opts.out !== "-") checkOutputPath(specPathOf(opts.out));
  let picture;
  try {
    picture = sphereRegions(arch, priors);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`plot sphere ${architectureFlags(arch)}: ${e.message}`);
    throw e;
  }
  await writePlot(opts.out, sphereSpec(picture, sphereTitles(arch, priors)));
}

/** Registers the `plot` command. */
export function registerPlot(program: Command): void {
  const cmd = addArchOptions(program.command("plot"))
    .description(
      "draw a picture as SVG (with its vega-lite specification beside it): sphere = the regions of a 3-parameter network (the perceptron with 2 inputs and a bias) on the sphere of (w1, w2, b) directions, labelled with exact masses",
    )
    .argument("<kind>", `what to draw: ${PLOT_KINDS.join(", ")}`, choiceOption("plot kind", PLOT_KINDS))
    .option("--prior <p>", "masses in the labels: gaussian (also scales the sphere's axes by σ), uniform or both", choiceOption("--prior", priorChoices(false)), "both")
    .option("--out <file>", "the SVG file (FILE.vl.json gets the specification); '-' or absent: SVG on stdout");
  addPriorOptions(cmd).action((kind: (typeof PLOT_KINDS)[number], opts: PlotOptions, c: Command) => runPlot(kind, opts, c));
}
