/**
 * Rank–probability plot: P(f) against the rank of f (1 = most probable), log–log, one line per
 * prior; the functions of one symmetry class share their P, a horizontal run of ranks.
 */
import type { RankProbabilityEntry } from "../rankProbability.js";
import type { VegaLiteSpec } from "./renderSvg.js";

/** One prior's ranks. */
export interface RankProbabilitySeries {
  /** The prior in words (legend). */
  readonly prior: string;
  readonly entries: readonly RankProbabilityEntry[];
}

/** The vega-lite specification: each entry drawn from its first to its last rank. */
export function rankProbabilitySpec(architecture: string, series: readonly RankProbabilitySeries[]): VegaLiteSpec {
  const values = series.flatMap((s) =>
    s.entries.flatMap((e) => {
      const point = { prior: s.prior, p: e.p, function: e.function, functions: e.functions };
      const last = e.rank + e.functions - 1;
      return last === e.rank ? [{ ...point, rank: e.rank }] : [{ ...point, rank: e.rank }, { ...point, rank: last }];
    }),
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: {
      text: `P(f) by rank: ${architecture}`,
      subtitle: "rank 1 = the most probable function; a class's functions share one P (a horizontal run)",
    },
    width: 560,
    height: 340,
    data: { values },
    mark: { type: "line", point: { size: 12 }, strokeWidth: 1.5 },
    encoding: {
      x: { field: "rank", type: "quantitative", title: "rank of f", scale: { type: "log" } },
      y: { field: "p", type: "quantitative", title: "P(f)", scale: { type: "log" }, axis: { format: ".0e", tickCount: 8 } },
      color: { field: "prior", type: "nominal", title: null, legend: { orient: "top-right", labelLimit: 400 } },
      order: { field: "rank", type: "quantitative" },
      tooltip: [{ field: "function" }, { field: "rank", type: "quantitative" }, { field: "p", type: "quantitative", format: ".4e" }],
    },
  } as VegaLiteSpec;
}
