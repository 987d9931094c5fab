/**
 * Entropy bias: P(T = t), the probability that the network's function has t ones, t = 0 … 2^n, one
 * line per prior, with the flat 2^−n of the anti-entropy theorem (Mingard et al. 2019: a perceptron
 * without bias has P(T = t) = 2^−n for t < 2^n) as the reference of "no bias towards any t".
 */
import type { EntropyBiasEntry } from "../entropyBias.js";
import type { VegaLiteSpec } from "./renderSvg.js";

/** One prior's P(T = t). */
export interface EntropyBiasSeries {
  /** The prior in words (legend). */
  readonly prior: string;
  readonly entries: readonly EntropyBiasEntry[];
}

/** The vega-lite specification (linear P axis: P(T = 2^n) is 0 without a bias). */
export function entropyBiasSpec(architecture: string, inputs: number, series: readonly EntropyBiasSeries[]): VegaLiteSpec {
  const rows = 2 ** inputs;
  const values = series.flatMap((s) =>
    s.entries.map((e) => ({ prior: s.prior, t: e.t, p: e.p, functions: e.functions, ...(typeof e.fraction === "string" ? { fraction: e.fraction } : {}) })),
  );
  const x = { field: "t", type: "quantitative", title: `t, number of ones in the truth table (of ${rows} rows)`, scale: { domain: [0, rows] } } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: {
      text: `Entropy bias P(T = t): ${architecture}`,
      subtitle: `dashed: 2^−${inputs} = 1/${rows}, the anti-entropy theorem's P(T = t) for a perceptron without bias (t < 2^n)`,
    },
    width: 560,
    height: 320,
    layer: [
      {
        data: { values },
        mark: { type: "line", point: true },
        encoding: {
          x,
          y: { field: "p", type: "quantitative", title: "P(T = t)" },
          color: { field: "prior", type: "nominal", title: null, legend: { orient: "top", labelLimit: 400 } },
          tooltip: [{ field: "t", type: "quantitative" }, { field: "p", type: "quantitative", format: ".6f" }, { field: "fraction" }, { field: "functions", type: "quantitative" }],
        },
      },
      {
        data: { values: [{ p: 1 / rows, label: `2^−${inputs}` }] },
        mark: { type: "rule", strokeDash: [6, 4], color: "#555" },
        encoding: { y: { field: "p", type: "quantitative" } },
      },
    ],
  } as VegaLiteSpec;
}
