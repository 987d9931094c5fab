/**
 * The `report` page: one self-contained HTML document (no scripts, no external files) with the run's
 * conventions, the simplicity-bias summary as tables and every plot as inline SVG.
 *
 * Every number or exact fraction shown from the summary is a `<span class="num">` whose `data-path`
 * is its path in summary.json (keys joined by dots) and whose `title` is the JSON text of the value
 * there, so a reader (or a test) can check each one against the file; the text shows 4 significant
 * digits, exact fractions and integers in full, and `—` for null.
 */
import type { AntiEntropyCheck } from "../experiments/antiEntropyCheck.js";
import type { EntropyBiasEntry } from "../experiments/entropyBias.js";
import type { MeasureAnalysis } from "../experiments/simplicityBias.js";
import type { TopFunction } from "../experiments/topFunctions.js";
import { escapeHtml } from "./htmlEscape.js";

/** The summary.json of a report, as parsed back from its JSON text (non-finite numbers read as null). */
export interface ReportSummary {
  readonly run: Readonly<Record<string, unknown>>;
  readonly table: Readonly<Record<string, unknown>>;
  readonly functions: number;
  readonly classes: number;
  readonly measures: Readonly<Record<string, Readonly<Record<string, MeasureAnalysis>>>>;
  readonly entropyBias: Readonly<Record<string, readonly EntropyBiasEntry[]>>;
  readonly antiEntropy?: Readonly<Record<string, AntiEntropyCheck>>;
  /** The most probable rows under `prior`, with every prior's measure of each. */
  readonly topFunctions: { readonly prior: string; readonly rows: readonly TopFunction[] };
}

/** What the page shows. */
export interface ReportContent {
  /** The network in words, e.g. `perceptron, 3 inputs (binary), with bias`. */
  readonly title: string;
  /** The command line that made the page. */
  readonly commandLine: string;
  readonly version: string;
  /** The documented conventions, each already HTML (readmeConventions). */
  readonly conventions: readonly string[];
  /** This run's settings in words (plain text): encoding, priors and their methods, bootstrap. */
  readonly settings: readonly string[];
  readonly summary: ReportSummary;
  /** The plots' SVG text, in page order. */
  readonly plots: readonly { readonly name: string; readonly svg: string }[];
}

/** A summary value shown on the page: 4 significant digits, integers and strings in full, `—` for null. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  return String(value);
}

/** The value at `path` in `root` (undefined where a key is missing). */
function at(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** Makes the page's number cells for one summary. */
function numbers(summary: ReportSummary) {
  return (...path: (string | number)[]): string => {
    const v = at(summary, path);
    const json = v === undefined ? "null" : JSON.stringify(v);
    return `<span class="num" data-path="${escapeHtml(path.join("."))}" title="${escapeHtml(json)}">${escapeHtml(displayValue(v))}</span>`;
  };
}

const STYLE = `
body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:right;vertical-align:top}
th{background:#f3f3f3}td.text,th.text{text-align:left}code{font-size:.95em}
figure{margin:1rem 0 2rem}figure svg{max-width:100%;height:auto}figcaption{font-weight:600}`;

/** A table: header cells and rows of cells (already HTML); `text` columns are left-aligned. */
function table(head: readonly string[], rows: readonly (readonly string[])[], text: readonly number[] = [], caption = ""): string {
  const cell = (tag: string, c: string, i: number) => `<${tag}${text.includes(i) ? ' class="text"' : ""}>${c}</${tag}>`;
  return [
    "<table>",
    caption === "" ? "" : `<caption>${caption}</caption>`,
    `<thead><tr>${head.map((h, i) => cell("th", h, i)).join("")}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell("td", c, i)).join("")}</tr>`).join("\n")}</tbody>`,
    "</table>",
  ].join("\n");
}

/** A measure's cells (p with its error bound, or the exact fraction with its double) under one prior. */
function measureCells(num: (...path: (string | number)[]) => string, path: readonly (string | number)[], measure: Readonly<Record<string, unknown>>): string {
  if (typeof measure.fraction === "string") return `${num(...path, "fraction")} = ${num(...path, "p")}`;
  return "err" in measure ? `${num(...path, "p")} ± ${num(...path, "err")}` : num(...path, "p");
}

/** What each plot shows, by name (complexity plots by measure). */
function plotCaption(name: string): string {
  if (name.startsWith("complexity-")) return `P(f) against ${name.slice("complexity-".length)} complexity`;
  const captions: Readonly<Record<string, string>> = {
    "rank-probability": "P(f) by rank",
    "entropy-bias": "P(T = t): probability that the function has t ones",
    sphere: "The regions on the sphere of parameter directions",
  };
  return captions[name] ?? name;
}

/** The whole page. */
export function reportPage(content: ReportContent): string {
  const s = content.summary;
  const num = numbers(s);
  const kinds = Object.keys(s.entropyBias);
  const sections: string[] = [];

  sections.push(
    `<h1>Simplicity bias: ${escapeHtml(content.title)}</h1>`,
    `<p>Made by <code id="command-line">${escapeHtml(content.commandLine)}</code>, weightspace <span id="version">${escapeHtml(content.version)}</span>. ` +
      `Exact volumes of every realisable function; the same numbers are in <code>summary.json</code> beside this page.</p>`,
  );

  sections.push(
    `<h2 id="conventions">Conventions</h2>`,
    `<ul>${content.conventions.map((c) => `<li>${c}</li>`).join("\n")}</ul>`,
    `<h3>This run</h3>`,
    `<ul>${content.settings.map((c) => `<li>${escapeHtml(c)}</li>`).join("\n")}</ul>`,
  );

  const tableRows = Object.entries(s.table).map(([k, v]) => [
    escapeHtml(k),
    typeof v === "number" || v === null ? num("table", k) : escapeHtml(typeof v === "string" ? v : JSON.stringify(v)),
  ]);
  sections.push(`<h2 id="table">The exact table</h2>`, table(["field", "value"], tableRows, [0, 1]));

  const interval = (...path: (string | number)[]) =>
    at(s, [...path, "ci"]) ? `[${num(...path, "ci", "low")}, ${num(...path, "ci", "high")}]` : "—";
  const measureRows = Object.entries(s.measures).flatMap(([m, byKind]) =>
    Object.keys(byKind).map((kind) => [
      escapeHtml(m),
      escapeHtml(kind),
      num("measures", m, kind, "spearman", "value"),
      interval("measures", m, kind, "spearman"),
      num("measures", m, kind, "kendall", "value"),
      interval("measures", m, kind, "kendall"),
      num("measures", m, kind, "upperBound", "a"),
      num("measures", m, kind, "upperBound", "b"),
      num("measures", m, kind, "functions"),
    ]),
  );
  const replicates = `${escapeHtml(displayValue(s.run.bootstrap))} bootstrap replicates, seed ${escapeHtml(displayValue(s.run.seed))}`;
  sections.push(
    `<h2 id="measures">Complexity against log<sub>2</sub> P(f)</h2>`,
    `<p>${num("functions")} realisable functions in ${num("classes")} table rows. Rank correlations of each complexity measure K with log<sub>2</sub> P(f) over the functions (95% percentile intervals, ${replicates}), and the bound log<sub>2</sub> P ≤ −a·K + b fitted over the top envelope.</p>`,
    table(["measure", "prior", "Spearman ρ", "95% interval", "Kendall τ-b", "95% interval", "a", "b", "functions"], measureRows, [0, 1]),
  );

  if (s.antiEntropy) {
    const rows = Object.keys(s.antiEntropy).map((kind) => [
      escapeHtml(kind),
      num("antiEntropy", kind, "expected"),
      num("antiEntropy", kind, "maxDeviation"),
      escapeHtml(s.antiEntropy?.[kind].holds ? "holds" : "fails"),
    ]);
    sections.push(
      `<h2 id="anti-entropy">Anti-entropy check</h2>`,
      `<p>Mingard et al. 2019: without bias on binary inputs, P(T = t) = 2<sup>−n</sup> for 0 ≤ t &lt; 2<sup>n</sup>.</p>`,
      table(["prior", "claimed P(T = t)", "largest deviation", "result"], rows, [0, 3]),
    );
  }

  const top = s.topFunctions;
  const topRows = top.rows.map((r, i) => [
    num("topFunctions", "rows", i, "rank"),
    `<code>${num("topFunctions", "rows", i, "function")}</code>`,
    num("topFunctions", "rows", i, "functions"),
    ...kinds.map((k) => measureCells(num, ["topFunctions", "rows", i, "measures", k], r.measures[k] as unknown as Record<string, unknown>)),
  ]);
  sections.push(
    `<h2 id="top-functions">The most probable functions</h2>`,
    `<p>The first ${top.rows.length} table rows by P under the ${escapeHtml(top.prior)} prior; each row stands for its functions (a symmetry class), every one with this P. Uniform prior: the exact fraction of the box; Gaussian prior: p ± err (numerical, err an error estimate).</p>`,
    table(["rank", "function", "functions", ...kinds.map((k) => `P(f), ${escapeHtml(k)}`)], topRows, [1]),
  );

  const entropyRows = (s.entropyBias[kinds[0]] ?? []).map((e, t) => [
    num("entropyBias", kinds[0], t, "t"),
    num("entropyBias", kinds[0], t, "functions"),
    ...kinds.map((k) => measureCells(num, ["entropyBias", k, t], s.entropyBias[k][t] as unknown as Record<string, unknown>)),
  ]);
  sections.push(
    `<h2 id="entropy-bias">P(T = t)</h2>`,
    `<p>The probability that a random network's function has t ones, summed over the realisable functions with t ones.</p>`,
    table(["t", "functions", ...kinds.map((k) => `P(T = t), ${escapeHtml(k)}`)], entropyRows),
  );

  sections.push(
    `<h2 id="plots">Plots</h2>`,
    ...content.plots.map((p) => `<figure data-plot="${escapeHtml(p.name)}"><figcaption>${escapeHtml(plotCaption(p.name))}</figcaption>\n${p.svg}\n</figure>`),
  );

  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>weightspace report: ${escapeHtml(content.title)}</title><style>${STYLE}</style></head>`,
    "<body>",
    ...sections,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
