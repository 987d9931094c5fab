/**
 * The report page in a real browser: Debian's chromium (CHROMIUM_PATH, or chromium / chromium-browser
 * on PATH) driven by puppeteer-core, no browser download. Every plot must render (a non-empty box with
 * drawn data marks) and every number shown must equal summary.json. Without a browser the suite is
 * skipped, saying so; `.ci/run` installs chromium so that CI runs it.
 */
import { accessSync, constants, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedPaths, expectShownValue, type ShownNumber } from "./_helpers/reportNumbers.js";
import { ensureBuilt, freshDir, removeFreshDirs, runCli } from "./_helpers/runCli.js";

/** The browser binary: $CHROMIUM_PATH if executable, else chromium or chromium-browser on PATH; undefined when none. */
function findChromium(): string | undefined {
  const executable = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  const given = process.env.CHROMIUM_PATH;
  if (given && executable(given)) return given;
  const dirs = (process.env.PATH ?? "").split(delimiter).filter((d) => d !== "");
  for (const name of ["chromium", "chromium-browser"]) for (const d of dirs) if (executable(join(d, name))) return join(d, name);
  return undefined;
}

const CHROMIUM = findChromium();
const SKIPPED = "SKIPPED: no browser found (set CHROMIUM_PATH, or install Debian's chromium: apt-get install -y chromium)";
if (!CHROMIUM) console.warn(`report browser test ${SKIPPED}`);

/** What the page shows, read from the rendered DOM. */
interface RenderedPage {
  plots: { name: string; width: number; height: number; marks: number; drawnMarks: number }[];
  numbers: ShownNumber[];
  duplicateIds: string[];
}

/**
 * Reads the rendered page in the browser (a script, as the project's types have no DOM): each plot's
 * box and its data marks (vega draws each in a group of role `mark`; axes and legends are not data)
 * with their drawn boxes, every shown number, and ids used twice.
 */
const READ_PAGE = `(() => {
  const plots = [...document.querySelectorAll("figure[data-plot]")].map((f) => {
    const svg = f.querySelector("svg");
    const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    const items = svg ? [...svg.querySelectorAll("g.role-mark > *")] : [];
    const drawn = items.filter((e) => { const b = e.getBBox(); return b.width > 0 || b.height > 0; });
    return { name: f.getAttribute("data-plot"), width: box.width, height: box.height, marks: items.length, drawnMarks: drawn.length };
  });
  const numbers = [...document.querySelectorAll("span.num")].map((s) => ({ path: s.getAttribute("data-path"), title: s.getAttribute("title"), text: s.textContent }));
  const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
  return { plots, numbers, duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i) };
})()`;

describe.runIf(CHROMIUM)(`weightspace report in a browser (${CHROMIUM ?? SKIPPED})`, () => {
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--headless=new"] });
  });
  afterAll(async () => {
    await browser?.close();
    removeFreshDirs();
  });

  it.each([
    ["n = 3, every measure", ["--inputs", "3"]],
    ["n = 2 with the sphere picture", ["--inputs", "2", "--measure", "lz,minWeight"]],
  ])("%s: every plot renders, every number equals summary.json, nothing is fetched", async (_, args) => {
    const dir = join(freshDir(), "report");
    const r = runCli(["report", ...args, "--bootstrap", "20", "--out", dir]);
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    const url = pathToFileURL(join(dir, "report.html")).href;

    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (q) => requests.push(q.url()));
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: "load" });
    const rendered = (await page.evaluate(READ_PAGE)) as RenderedPage;
    await page.close();

    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(rendered.duplicateIds).toEqual([]);
    const names = [...summary.run.measures.map((m: string) => `complexity-${m}`), "rank-probability", "entropy-bias", ...(summary.run.arch.inputs === 2 ? ["sphere"] : [])];
    expect(rendered.plots.map((p) => p.name)).toEqual(names);
    for (const p of rendered.plots) {
      expect(p.width, p.name).toBeGreaterThan(100);
      expect(p.height, p.name).toBeGreaterThan(100);
      expect(p.drawnMarks, p.name).toBeGreaterThan(0);
    }
    for (const s of rendered.numbers) expectShownValue(summary, s);
    const paths = new Set(rendered.numbers.map((s) => s.path));
    for (const p of expectedPaths(summary)) expect(paths, p).toContain(p);
  });
});
