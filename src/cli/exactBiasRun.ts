/**
 * The exact simplicity-bias run shared by `bias` and `report`: the checks that the network has exact
 * volumes, the table, the measures' points, the analyses, the summary record and the plots.
 */
import type { Architecture } from "../arch/architecture.js";
import type { ComplexityMeasureName } from "../arch/complexityOfFunction.js";
import { type FunctionPopulation, functionPopulation } from "../experiments/functionPopulation.js";
import type { MeasurePoints } from "../experiments/measurePoints.js";
import { biasPlots, type NamedPlot } from "../experiments/plots/biasPlots.js";
import { populationPoints, type SimplicityBiasResult, simplicityBias } from "../experiments/simplicityBias.js";
import type { Prior } from "../measure/prior.js";
import { architectureFlags } from "./archOptions.js";
import { checkExactDimension, describePriors } from "./priorOptions.js";
import { stagedProgress } from "./progressBar.js";
import { runInfo } from "./runInfo.js";
import { UsageError } from "./usageError.js";

/** The settings of the analyses. */
export interface ExactBiasSettings {
  /** Measures in output order. */
  readonly measures: readonly ComplexityMeasureName[];
  /** Bootstrap replicates of the correlation intervals. */
  readonly bootstrap: number;
  /** Seed of the bootstrap stream. */
  readonly seed: number;
}

/** What one exact run produced. */
export interface ExactBiasRun {
  readonly pop: FunctionPopulation;
  readonly points: Readonly<Record<string, MeasurePoints>>;
  readonly result: SimplicityBiasResult;
  /** The JSON summary: `run` (with bootstrap, seed, measures), `table`, then the result's fields. */
  readonly summary: Readonly<Record<string, unknown>>;
  /** The plots' specifications (built on request: only runs that write plots need them). */
  plots(): NamedPlot[];
}

/**
 * Checks, before any work, that `arch` has an exact table and that every prior's exact method reaches
 * its dimension.
 * @param command the command named in errors (`bias`, `report`).
 * @param priorOption the --prior flag as given, named in errors.
 * @throws UsageError naming the problem and the Monte Carlo alternative (`bias --method mc`).
 */
export function checkExactBias(command: string, arch: Architecture, priors: readonly Prior[], priorOption: string): void {
  const sampled = command === "bias" ? "--method mc" : "weightspace bias --method mc";
  if (!arch.exactTable)
    throw new UsageError(
      `${command} ${architectureFlags(arch)}: the exact analyses need an exact table, and --arch ${arch.type} has none; sample one with ${sampled}`,
    );
  try {
    checkExactDimension(arch, priors, priorOption);
  } catch (e) {
    // The analyses have no Monte Carlo path of their own; point at the command that has one.
    if (e instanceof UsageError) throw new UsageError(`${e.message.replace(/; use --method mc$/, "")}; the exact analyses need exact volumes (sampled ones: ${sampled})`);
    throw e;
  }
}

/**
 * Builds the exact table of `arch` under `priors` and runs every analysis on it (progress on stderr).
 * @param command the command the summary's `run` record names.
 * @throws UsageError when the table cannot be built for this network (e.g. too many inputs).
 */
export function exactBiasRun(command: string, arch: Architecture, priors: readonly Prior[], settings: ExactBiasSettings): ExactBiasRun {
  const progress = stagedProgress();
  const onProgress = (l: string, d: number, t: number) => progress.update(l, d, t);
  try {
    let pop: FunctionPopulation;
    try {
      pop = functionPopulation(arch, priors, onProgress);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      throw new UsageError(`${command} ${architectureFlags(arch)}: ${e.message}`);
    }
    // Computed once for the analyses and the plots.
    const points = populationPoints(arch, pop, settings.measures, onProgress);
    const result = simplicityBias(arch, pop, priors, { ...settings, points, onProgress });
    const run = runInfo(command, { arch: arch.description, priors: describePriors(arch, priors), method: "exact" });
    const summary = {
      run: { ...run, bootstrap: settings.bootstrap, seed: settings.seed, measures: settings.measures },
      table: pop.summary,
      ...result,
    };
    return { pop, points, result, summary, plots: () => biasPlots(arch, pop, priors, result, settings.measures, points) };
  } finally {
    progress.stop();
  }
}
