/**
 * `weightspace report`: the exact simplicity-bias analyses of `bias` as one self-contained HTML page
 * (DIR/report.html: conventions, tables, every plot inline) with the summary it shows (DIR/summary.json).
 */
import type { Command } from "commander";
import type { Architecture } from "../arch/architecture.js";
import { architectureTitle, priorTitle, sphereTitles } from "../experiments/plots/plotTitles.js";
import { renderVegaLiteSvg } from "../experiments/plots/renderSvg.js";
import { sphereRegions } from "../experiments/plots/sphereRegions.js";
import { sphereSpec } from "../experiments/plots/sphereSpec.js";
import { topFunctions } from "../experiments/topFunctions.js";
import type { Prior } from "../measure/prior.js";
import { type ArchOptions, addArchOptions, architectureFlags, architectureFromOptions } from "./archOptions.js";
import { addBiasOptions, measuresOf } from "./biasOptions.js";
import { checkExactBias, type ExactBiasRun, exactBiasRun } from "./exactBiasRun.js";
import { givenOptions } from "./givenOptions.js";
import { checkOutputFolder, writeOutputFolder } from "./outputFolder.js";
import { addPriorOptions, type PriorOptions, priorsFromOptions } from "./priorOptions.js";
import { readmeConventions } from "./readmeConventions.js";
import { type ReportSummary, reportPage } from "./reportPage.js";
import { UsageError } from "./usageError.js";
import { VERSION } from "./version.js";

/**
 * Most inputs the report takes, as for the exact analyses of `bias`: n = 6 takes minutes (the
 * README's signed `bias` run: 165 CPU s), and no exact table of n = 7 is within reach, where
 * `bias --method mc` samples one.
 */
export const REPORT_MAX_INPUTS = 6;

/** Rows of the page's top-functions table. */
const TOP_ROWS = 10;

interface ReportOptions extends PriorOptions, ArchOptions {
  measure: string;
  bootstrap: number;
  seed: number;
  out?: string;
}

/** An argument as a POSIX shell reads it back (quoted unless it is plain). */
function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** This run's settings in words, for the page's conventions. */
function runSettings(arch: Architecture, priors: readonly Prior[], opts: ReportOptions, measures: readonly string[]): string[] {
  return [
    `Network: ${architectureTitle(arch)}; parameters ${arch.parameters.join(", ")}.`,
    ...priors.map((p) => `${priorTitle(arch, p)}: ${p.family.exactMethod}.`),
    `Complexity measures: ${measures.join(", ")} (see weightspace complexity).`,
    `Correlation intervals: ${opts.bootstrap} bootstrap replicates resampling functions, seed ${opts.seed}.`,
  ];
}

/** The sphere picture's SVG where the network has one (3 parameters, e.g. the 2-input perceptron), else none. */
async function spherePlot(arch: Architecture, priors: readonly Prior[]): Promise<{ name: string; svg: string }[]> {
  if (arch.parameters.length !== 3 || arch.scaleInvariant === false) return [];
  return [{ name: "sphere", svg: await renderVegaLiteSvg(sphereSpec(sphereRegions(arch, priors), sphereTitles(arch, priors))) }];
}

/** The report's summary: bias's, with the top-functions table under the first prior. */
function reportSummary(run: ExactBiasRun, priors: readonly Prior[]): Record<string, unknown> {
  const kind = priors[0].family.kind;
  return { ...run.summary, topFunctions: { prior: kind, rows: topFunctions(run.pop, run.result.rankProbability[kind], TOP_ROWS) } };
}

async function runReport(opts: ReportOptions, cmd: Command): Promise<void> {
  const measures = measuresOf(opts.measure);
  const arch = architectureFromOptions(opts);
  const priors = priorsFromOptions(arch, opts, givenOptions(cmd));
  checkExactBias("report", arch, priors, `--prior ${opts.prior}`);
  if (arch.inputs > REPORT_MAX_INPUTS)
    throw new UsageError(
      `report ${architectureFlags(arch)}: the report runs the exact analyses, for 0 to ${REPORT_MAX_INPUTS} inputs; ` +
        `for ${arch.inputs} inputs sample them with weightspace bias ${architectureFlags(arch)} --method mc --measure all --out DIR`,
    );
  checkOutputFolder(opts.out);
  const dir = opts.out as string;
  const conventions = readmeConventions();
  const run = exactBiasRun("report", arch, priors, { measures, bootstrap: opts.bootstrap, seed: opts.seed });
  const json = `${JSON.stringify(reportSummary(run, priors))}\n`;
  const plots = run.plots();
  const svgs = await Promise.all(plots.map((p) => renderVegaLiteSvg(p.spec)));
  const html = reportPage({
    title: architectureTitle(arch),
    commandLine: ["weightspace", ...process.argv.slice(2)].map(shellWord).join(" "),
    version: VERSION,
    conventions,
    settings: runSettings(arch, priors, opts, measures),
    // The page shows the file's numbers: parsed back, as a reader of summary.json sees them.
    summary: JSON.parse(json) as ReportSummary,
    plots: [...plots.map((p, i) => ({ name: p.name, svg: svgs[i] })), ...(await spherePlot(arch, priors))],
  });
  writeOutputFolder(dir, { "report.html": html, "summary.json": json });
  process.stdout.write(`${dir.replace(/\/$/, "")}/report.html\n`);
}

/** Registers the `report` command. */
export function registerReport(program: Command): void {
  const cmd = addBiasOptions(addArchOptions(program.command("report")), false)
    .description(
      `one self-contained HTML page (DIR/report.html) of the exact simplicity-bias analyses (as bias: correlations with intervals, fits, P(T = t), the most probable functions, every plot inline) and the summary it shows (DIR/summary.json); 0 to ${REPORT_MAX_INPUTS} inputs`,
    )
    .option("--out <dir>", "folder for report.html and summary.json (required; created whole if new, files replaced atomically if it exists)");
  addPriorOptions(cmd).action((opts: ReportOptions, c: Command) => runReport(opts, c));
}
