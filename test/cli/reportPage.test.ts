import { describe, expect, it } from "vitest";
import { displayValue, type ReportSummary, reportPage } from "../../src/cli/reportPage.js";

/** A hand-made summary of one measure and one prior, with text that needs escaping. */
const summary = {
  run: { bootstrap: 5, seed: 3 },
  table: { functions: 4, symmetry: "x < y & 'z'" },
  functions: 4,
  classes: 2,
  measures: {
    lz: {
      uniform: {
        spearman: { value: -0.123456, ci: { level: 0.95, low: -0.5, high: 0.25, replicates: 5 } },
        kendall: { value: null, ci: null },
        upperBound: { a: 1.5, b: -2, envelope: [], touching: [], gap: 0 },
        functions: 4,
      },
    },
  },
  entropyBias: { uniform: [{ t: 0, functions: 1, fraction: "1/3", p: 1 / 3 }] },
  topFunctions: { prior: "uniform", rows: [{ rank: 1, function: "00", functions: 2, measures: { uniform: { fraction: "1/3", p: 1 / 3 } } }] },
} as unknown as ReportSummary;

const page = reportPage({
  title: "net <1>",
  commandLine: "weightspace report --out 'a&b'",
  version: "9.9.9",
  conventions: ["<strong>Bit order.</strong> as given"],
  settings: ["prior <x>"],
  summary,
  plots: [{ name: "entropy-bias", svg: '<svg width="10" height="10"></svg>' }],
});

describe("reportPage", () => {
  it("escapes every text it is given except the conventions (already HTML) and the SVG", () => {
    expect(page).toContain("<title>weightspace report: net &lt;1&gt;</title>");
    expect(page).toContain(`<code id="command-line">weightspace report --out &#39;a&amp;b&#39;</code>`);
    expect(page).toContain("<li>prior &lt;x&gt;</li>");
    expect(page).toContain("<li><strong>Bit order.</strong> as given</li>");
    expect(page).toContain("<td class=\"text\">x &lt; y &amp; &#39;z&#39;</td>");
    expect(page).toContain('<figure data-plot="entropy-bias"><figcaption>P(T = t): probability that the function has t ones</figcaption>\n<svg width="10" height="10"></svg>');
  });

  it("shows each value with its summary path and its JSON text", () => {
    expect(page).toContain('<span class="num" data-path="measures.lz.uniform.spearman.value" title="-0.123456">-0.1235</span>');
    expect(page).toContain('<span class="num" data-path="measures.lz.uniform.kendall.value" title="null">—</span>');
    expect(page).toContain('[<span class="num" data-path="measures.lz.uniform.spearman.ci.low" title="-0.5">-0.5000</span>, ');
    expect(page).toContain('<span class="num" data-path="topFunctions.rows.0.measures.uniform.fraction" title="&quot;1/3&quot;">1/3</span> = ');
    expect(page).not.toContain("anti-entropy");
  });

  it("displayValue: 4 significant digits, integers and strings in full, a dash for null", () => {
    expect([0.000123456, 1234.5678, -2, 94572, "73/384", null, undefined].map(displayValue)).toEqual(["0.0001235", "1235", "-2", "94572", "73/384", "—", "—"]);
    expect(displayValue(1.23456e-12)).toBe("1.235e-12");
  });
});
