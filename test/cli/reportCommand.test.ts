import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freshDir, listDir, removeFreshDirs, runCli, runCliAsync } from "./_helpers/runCli.js";
import { expectedPaths, expectShownValue, type ShownNumber } from "./_helpers/reportNumbers.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

/** The entities escapeHtml writes, undone. */
const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** The number spans of a page's HTML text. */
function shownNumbers(html: string): ShownNumber[] {
  return [...html.matchAll(/<span class="num" data-path="([^"]*)" title="([^"]*)">([^<]*)<\/span>/g)].map((m) => ({
    path: unescape(m[1]),
    title: unescape(m[2]),
    text: unescape(m[3]),
  }));
}

describe("weightspace report", () => {
  it("n = 3: report.html and summary.json in a new folder; the page shows the summary's numbers, conventions and every plot inline", () => {
    const dir = join(freshDir(), "report");
    const r = runCli(["report", "--inputs", "3", "--bootstrap", "20", "--out", dir]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${dir}/report.html\n`);
    expect(listDir(dir)).toEqual(["report.html", "summary.json"]);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(summary.run).toMatchObject({ command: "report", method: "exact", bootstrap: 20, seed: 1 });
    expect(summary.functions).toBe(104);
    expect(summary.topFunctions.prior).toBe("gaussian");
    expect(summary.topFunctions.rows).toHaveLength(10);
    expect(summary.topFunctions.rows[0]).toMatchObject({ rank: 1, function: "00000000", functions: 2, measures: { uniform: { fraction: "73/384" } } });
    // The same analyses as bias (same seed and replicates).
    const bias = JSON.parse(runCli(["bias", "--inputs", "3", "--measure", "all", "--bootstrap", "20", "--format", "json"]).stdout);
    for (const key of ["table", "functions", "classes", "measures", "entropyBias", "rankProbability"]) expect(summary[key]).toEqual(bias[key]);

    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    // Self-contained: no scripts, no links to other files or the network.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(/i);
    expect(html).toContain(`<code id="command-line">weightspace report --inputs 3 --bootstrap 20 --out ${dir}</code>`);
    expect(html).toContain(`<span id="version">${summary.run.version}</span>`);
    expect(html).toMatch(/<strong>Bit order\.<\/strong> With n inputs a truth table has 2\^n rows/);
    expect(html).toContain("Uniform prior (half-width w 1, b 1): exact rational fraction of the box");
    const plots = [...html.matchAll(/<figure data-plot="([^"]+)">/g)].map((m) => m[1]);
    expect(plots).toEqual([...summary.run.measures.map((m: string) => `complexity-${m}`), "rank-probability", "entropy-bias"]);
    expect(html.match(/<svg /g)).toHaveLength(plots.length);

    const shown = shownNumbers(html);
    for (const s of shown) expectShownValue(summary, s);
    const paths = new Set(shown.map((s) => s.path));
    for (const p of expectedPaths(summary)) expect(paths, p).toContain(p);
  });

  it("n = 2: the sphere picture too; an existing folder keeps its other files", () => {
    const dir = freshDir();
    writeFileSync(join(dir, "notes.txt"), "mine\n");
    const r = runCli(["report", "--inputs", "2", "--prior", "uniform", "--measure", "lz,facets", "--bootstrap", "10", "--out", dir]);
    expect(r.status).toBe(0);
    expect(listDir(dir)).toEqual(["notes.txt", "report.html", "summary.json"]);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect([...html.matchAll(/<figure data-plot="([^"]+)">/g)].map((m) => m[1])).toEqual(["complexity-lz", "complexity-facets", "rank-probability", "entropy-bias", "sphere"]);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(Object.keys(summary.entropyBias)).toEqual(["uniform"]);
    expect(summary.topFunctions.prior).toBe("uniform");
    for (const s of shownNumbers(html)) expectShownValue(summary, s);
  });

  it("no bias: the anti-entropy check is on the page", () => {
    const dir = join(freshDir(), "r");
    const r = runCli(["report", "--inputs", "3", "--no-bias", "--prior", "uniform", "--measure", "entropy", "--bootstrap", "10", "--out", dir]);
    expect(r.status).toBe(0);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html).toContain('<h2 id="anti-entropy">');
    expect(html).toContain('<span class="num" data-path="antiEntropy.uniform.expected" title="&quot;1/8&quot;">1/8</span>');
  });

  it.each([
    [["--inputs", "7"], /report --inputs 7: .*0 to 6 inputs; for 7 inputs sample them with weightspace bias --inputs 7 --method mc/],
    [["--inputs", "8"], /0 to 6 inputs/],
    [[], /--inputs is required/],
    [["--inputs", "3", "--measure", "bogus"], /--measure 'bogus' is unknown; allowed: all, lz/],
    [["--inputs", "3", "--prior", "laplace"], /--prior/],
    [["--arch", "relu", "--layers", "2,2,1"], /report --arch relu --layers 2,2,1: the exact analyses need an exact table.*weightspace bias --method mc/],
    [["--arch", "step", "--layers", "2,2,1"], /report --arch step --layers 2,2,1: step-net tables list functions, not classes/],
    [["--inputs", "3", "--encoding", "ternary"], /--encoding/],
  ])("bad input %j: one line, exit 2, nothing written", async (args, message) => {
    const parent = freshDir();
    const fresh = join(parent, "new");
    const r = await runCliAsync(["report", ...args, "--out", fresh]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(listDir(parent)).toEqual([]);
  });

  it("bad --out: missing, a file, in a missing folder; an existing folder is left as it was", async () => {
    const parent = freshDir();
    const file = join(parent, "file");
    writeFileSync(file, "x");
    const cases: [string[], RegExp][] = [
      [[], /--out DIR is required/],
      [["--out", file], new RegExp(`--out ${file}: exists and is not a folder`)],
      [["--out", join(parent, "missing", "dir")], /is not an existing folder/],
    ];
    for (const [args, message] of cases) {
      const r = await runCliAsync(["report", "--inputs", "3", ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(listDir(parent)).toEqual(["file"]);
    expect(readFileSync(file, "utf8")).toBe("x");
    const kept = join(parent, "kept");
    mkdirSync(kept);
    writeFileSync(join(kept, "summary.json"), "old\n");
    const r = await runCliAsync(["report", "--inputs", "7", "--out", kept]);
    expect(r.status).toBe(2);
    expect(listDir(kept)).toEqual(["summary.json"]);
    expect(readFileSync(join(kept, "summary.json"), "utf8")).toBe("old\n");
    expect(existsSync(join(kept, "report.html"))).toBe(false);
  });
});
