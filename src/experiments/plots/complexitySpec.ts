/**
 * P(f) against a complexity measure K: one panel per prior, each point a table row (a symmetry
 * class, sized by its functions) or a function, P on a log scale, with the fitted upper bound
 * log2 P ≤ −a·K + b drawn as a line.
 */
import type { VegaLiteSpec } from "./renderSvg.js";

/** Axis titles of the measures (by measure name). */
export const MEASURE_LABELS: Readonly<Record<string, string>> = {
  lz: "LZ complexity C_LZ",
  entropy: "entropy of the fraction of ones (bits)",
  boolean: "Boolean complexity (operators of a minimal SOP/POS form)",
  csr: "critical sample ratio",
  sensitivity: "average sensitivity",
  fourierL1: "Fourier L1 norm (±1 encoding)",
  facets: "facets of the region's cone",
  minWeight: "minimal integer weight sum",
};

/** One point: a value of K, the probability of each of its functions, how many functions it stands for. */
export interface ComplexityPoint {
  readonly k: number;
  readonly p: number;
  readonly functions: number;
  /** The table row's function (class representative). */
  readonly function: string;
}

/** One prior's panel. */
export interface ComplexityPanel {
  /** The prior in words (the panel's title). */
  readonly prior: string;
  readonly points: readonly ComplexityPoint[];
  /** The fitted bound log2 P ≤ −a·K + b, when there is one. */
  readonly bound?: { readonly a: number; readonly b: number };
}

/** What the plot shows. */
export interface ComplexityPlotInput {
  /** Measure name (a key of MEASURE_LABELS, or any name). */
  readonly measure: string;
  /** The network in words. */
  readonly architecture: string;
  /** Whether points are classes (sized by their functions) rather than single functions. */
  readonly classes: boolean;
  readonly panels: readonly ComplexityPanel[];
}

/** The vega-lite specification (panels side by side sharing the P axis). */
export function complexitySpec(input: ComplexityPlotInput): VegaLiteSpec {
  const label = MEASURE_LABELS[input.measure] ?? input.measure;
  const x = { field: "k", type: "quantitative", title: label, scale: { zero: false } } as const;
  const y = { field: "p", type: "quantitative", title: "P(f), probability of each function", scale: { type: "log" }, axis: { format: ".0e", tickCount: 8 } } as const;
  const panels = input.panels.map((panel) => {
    const ks = panel.points.map((p) => p.k);
    const lo = Math.min(...ks);
    const hi = Math.max(...ks);
    const bound = panel.bound;
    const line = bound === undefined || !Number.isFinite(lo) ? [] : [lo, hi].map((k) => ({ k, p: 2 ** (bound.b - bound.a * k) }));
    return {
      title: panel.prior,
      width: 360,
      height: 300,
      layer: [
        {
          data: { values: panel.points.map((p) => ({ ...p })) },
          mark: { type: "circle", opacity: 0.45, color: "#1f6fb4" },
          encoding: {
            x,
            y,
            ...(input.classes ? { size: { field: "functions", type: "quantitative", title: "functions", scale: { type: "sqrt" } } } : {}),
            tooltip: [
              { field: "function", type: "nominal" },
              { field: "k", type: "quantitative", title: input.measure },
              { field: "p", type: "quantitative", format: ".4e" },
              { field: "functions", type: "quantitative" },
            ],
          },
        },
        ...(line.length > 0
          ? [
              {
                data: { values: line },
                mark: { type: "line", color: "#d62728", strokeDash: [6, 3] },
                encoding: { x, y },
              },
            ]
          : []),
      ],
    };
  });
  const what = input.classes ? "each point a symmetry class of functions (area: its functions)" : "each point a function";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: {
      text: `P(f) against ${label}: ${input.architecture}`,
      subtitle: `${what}; dashed: the upper bound log2 P ≤ −a·K + b fitted over the top envelope`,
    },
    hconcat: panels,
    resolve: { scale: { y: "shared", size: "shared" } },
  } as VegaLiteSpec;
}
