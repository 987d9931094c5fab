/**
 * The plots of a `bias` run: P against each complexity measure (`complexity-MEASURE`), P by rank
 * (`rank-probability`) and P(T = t) (`entropy-bias`), as named vega-lite specifications.
 */
import type { Architecture } from "../../arch/architecture.js";
import type { ComplexityMeasureName } from "../../arch/complexityOfFunction.js";
import { formatFunction } from "../../boolean/truthTable.js";
import type { Prior } from "../../measure/prior.js";
import type { FunctionPopulation } from "../functionPopulation.js";
import type { MeasurePoints } from "../measurePoints.js";
import type { SimplicityBiasResult } from "../simplicityBias.js";
import { complexitySpec } from "./complexitySpec.js";
import { entropyBiasSpec } from "./entropyBiasSpec.js";
import { architectureTitle, priorTitle } from "./plotTitles.js";
import type { VegaLiteSpec } from "./renderSvg.js";
import { rankProbabilitySpec } from "./rankProbabilitySpec.js";

/** A plot and the file name stem it is written under. */
export interface NamedPlot {
  readonly name: string;
  readonly spec: VegaLiteSpec;
}

/**
 * The specifications of a run of simplicityBias on `pop`, from the measures' points it ran on
 * (populationPoints).
 */
export function biasPlots(
  arch: Architecture,
  pop: FunctionPopulation,
  priors: readonly Prior[],
  result: SimplicityBiasResult,
  measures: readonly ComplexityMeasureName[],
  points: Readonly<Record<string, MeasurePoints>>,
): NamedPlot[] {
  const architecture = architectureTitle(arch);
  const classes = pop.classes.some((c) => c.orbit > 1);
  const plots: NamedPlot[] = measures.map((m) => {
    const pts = points[m];
    const panels = priors.map((prior) => {
      const kind = prior.family.kind;
      const fit = result.measures[m]?.[kind]?.upperBound;
      return {
        prior: priorTitle(arch, prior),
        points: Array.from(pts.classOf, (c, i) => ({
          k: pts.k[i],
          p: pop.classes[c].measures[kind].p,
          functions: pts.functions[i],
          function: formatFunction(pop.classes[c].function),
        })),
        ...(fit && Number.isFinite(fit.a) && Number.isFinite(fit.b) ? { bound: { a: fit.a, b: fit.b } } : {}),
      };
    });
    return { name: `complexity-${m}`, spec: complexitySpec({ measure: m, architecture, classes, panels }) };
  });
  const series = <T>(byKind: Readonly<Record<string, T>>) => priors.map((p) => ({ prior: priorTitle(arch, p), entries: byKind[p.family.kind] }));
  plots.push({ name: "rank-probability", spec: rankProbabilitySpec(architecture, series(result.rankProbability)) });
  plots.push({ name: "entropy-bias", spec: entropyBiasSpec(architecture, arch.inputs, series(result.entropyBias)) });
  return plots;
}
