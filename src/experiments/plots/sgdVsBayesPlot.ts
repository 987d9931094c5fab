/**
 * The SGD-vs-Bayes plot: P_B(f | S) (x) against P_SGD(f | S) (y) on log–log axes, one point per
 * function both put mass on, with the SGD frequency's 95% Wilson interval as a vertical bar and the
 * diagonal P_SGD = P_B. Functions only one side sees have no place on a log axis; the subtitle
 * counts them.
 */
import type { PosteriorComparison } from "../sgd/posteriorComparison.js";
import type { VegaLiteSpec } from "./renderSvg.js";

/** The vega-lite specification of the plot (render with renderVegaLiteSvg). */
export function sgdVsBayesPlot(comparison: PosteriorComparison, title: string): VegaLiteSpec {
  const both = comparison.rows.filter((r) => r.bayes.p > 0 && r.sgd.p > 0);
  const points = both.map((r) => ({
    function: r.function,
    name: r.name ?? "",
    bayes: r.bayes.p,
    sgd: r.sgd.p,
    low: Math.max(r.sgd.ci[0], r.sgd.p / 1e3),
    high: r.sgd.ci[1],
  }));
  const onlyBayes = comparison.rows.filter((r) => r.bayes.p > 0 && r.sgd.p === 0).length;
  const onlySgd = comparison.rows.filter((r) => r.bayes.p === 0 && r.sgd.p > 0).length;
  const lo = Math.min(...points.flatMap((p) => [p.bayes, p.low]), 1) / 2;
  const domain = [lo, 1];
  const x = { field: "bayes", type: "quantitative", scale: { type: "log", domain }, title: "P_B(f | S) (Bayesian posterior)" } as const;
  const r = comparison.correlation.pearsonLog10;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: {
      text: title,
      subtitle: [
        `${points.length} functions found by both; Pearson r(log P) = ${r === null ? "undefined" : r.toFixed(3)}, TV = ${comparison.totalVariation.toFixed(4)}`,
        `not drawn: ${onlyBayes} with P_B > 0 never found by SGD, ${onlySgd} found by SGD with P_B = 0; bars: 95% Wilson intervals`,
      ],
    },
    width: 420,
    height: 420,
    layer: [
      {
        data: { values: [{ bayes: lo, sgd: lo }, { bayes: 1, sgd: 1 }] },
        mark: { type: "line", color: "#999", strokeDash: [4, 4] },
        encoding: { x, y: { field: "sgd", type: "quantitative", scale: { type: "log", domain } } },
      },
      {
        data: { values: points },
        mark: { type: "rule", color: "#4c78a8", opacity: 0.6 },
        encoding: { x, y: { field: "low", type: "quantitative", scale: { type: "log", domain } }, y2: { field: "high" } },
      },
      {
        data: { values: points },
        mark: { type: "point", filled: true, size: 40, color: "#4c78a8" },
        encoding: {
          x,
          y: { field: "sgd", type: "quantitative", scale: { type: "log", domain }, title: "P_SGD(f | S) (fraction of trained networks)" },
          tooltip: [{ field: "function" }, { field: "name" }, { field: "bayes" }, { field: "sgd" }],
        },
      },
    ],
  } as VegaLiteSpec;
}
