#!/usr/bin/env node
// Regenerates README.md's "What the exact tables say" findings: the text between
//   <!-- bias-findings:start --> and <!-- bias-findings:end -->
// is made from the committed summaries docs/plots/<config>/summary.json by findingsMarkdown (a test
// checks that the README holds exactly its output). Run by hand:
//   node scripts/biasFindings.mjs          rewrite the README block from the committed summaries
//   node scripts/biasFindings.mjs --run    first rerun `weightspace bias … --out` for every
//                                          configuration (npm run build first; minutes) and copy its
//                                          summary.json and SVG plots into docs/plots/<config>/
//   node scripts/biasFindings.mjs --run=n5-binary   the same for one configuration
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const README = join(ROOT, "README.md");
const CLI = join(ROOT, "dist/cli/main.js");
export const START = "<!-- bias-findings:start -->";
export const END = "<!-- bias-findings:end -->";

/** The analysed configurations: folder under docs/plots, `weightspace bias` arguments, heading. */
export const CONFIGS = [
  { dir: "n5-binary", args: ["--inputs", "5", "--measure", "all"], heading: "n = 5, binary inputs, with bias" },
  // Boolean complexity at n = 6 is not constant on the classes: a minimum-cover search on each
  // class's distinct images under input and output negation (README "What the exact tables say").
  {
    dir: "n6-signed",
    args: ["--inputs", "6", "--encoding", "signed", "--measure", "all"],
    heading: "n = 6, signed inputs, with bias",
  },
  // No exact table at n = 7: a Monte Carlo table of 10^6 Gaussian networks (P sampled).
  {
    dir: "n7-mc",
    args: ["--inputs", "7", "--measure", "lz,entropy,sensitivity", "--method", "mc", "--samples", "1000000", "--prior", "gaussian", "--bootstrap", "50"],
    heading: "n = 7, binary inputs, with bias, by Monte Carlo",
  },
];

/** `1 function`, `2 functions`: a count with its noun, thousands separated. */
export function count(n, noun, plural = `${noun}s`) {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : plural}`;
}

const f4 = (x) => (x < 0 ? `−${(-x).toFixed(4)}` : x.toFixed(4));
const sci = (x) => {
  const [m, e] = x.toExponential(3).split("e");
  return `${m}·10^${Number(e) < 0 ? "−" : ""}${Math.abs(Number(e))}`;
};
/** A probability: 4 decimals, or 4 significant digits below 0.01. */
const prob = (x) => (x < 0.01 ? sci(x) : x.toFixed(4));
const ci = (s) => (s.ci ? ` [${f4(s.ci.low)}, ${f4(s.ci.high)}]` : "");
const signed = (x) => (x < 0 ? `− ${(-x).toFixed(4)}` : `+ ${x.toFixed(4)}`);

/** The findings of one summary (a `bias --format json` object) as markdown lines. */
function configFindings(heading, dir, s) {
  const kinds = Object.keys(s.run.priors);
  const n = s.run.arch.inputs;
  const rows = 2 ** n;
  const out = [`#### ${heading}`, ""];
  const command = `\`weightspace bias ${CONFIGS.find((c) => c.dir === dir).args.join(" ")}\``;
  out.push(
    (s.sampled
      ? `${command}: ${count(s.sampled.samples, "sampled network")} (seed ${s.sampled.seed}) produced ${count(s.functions, "distinct function")}` +
        `${s.sampled.realisable ? ` of the ${s.sampled.realisable.toLocaleString("en-US")} realisable` : ""}; P(f) is hits/${s.sampled.samples.toLocaleString("en-US")}, ` +
        `so the analyses describe the functions seen (those never produced, P below about 10^−${Math.round(Math.log10(s.sampled.samples))}, are left out), ` +
        `bootstrap B = ${s.run.bootstrap}; `
      : `${command}: ${count(s.functions, "realisable function")} in ${count(s.classes, "symmetry class", "symmetry classes")}, bootstrap B = ${s.run.bootstrap} (seed ${s.run.seed}); `) +
      `summary in [docs/plots/${dir}/summary.json](docs/plots/${dir}/summary.json).`,
    "",
  );
  out.push(`| measure | ${kinds.map((k) => `${k} ρ [95% CI] | ${k} τ-b | ${k} bound log2 P ≤`).join(" | ")} |`);
  out.push(`| --- | ${kinds.map(() => "---: | ---: | ---:").join(" | ")} |`);
  for (const [m, byKind] of Object.entries(s.measures)) {
    const cells = kinds.map((k) => {
      const a = byKind[k];
      const v = (x) => (x.value === null ? "undefined" : f4(x.value));
      return `${v(a.spearman)}${ci(a.spearman)} | ${v(a.kendall)} | ${f4(-a.upperBound.a)}·K ${signed(a.upperBound.b)}`;
    });
    const counted = Object.values(byKind)[0].functions;
    out.push(`| ${m}${counted === s.functions ? "" : ` (${count(counted, "function")})`} | ${cells.join(" | ")} |`);
  }
  out.push("");
  const boolean = s.measures.boolean && Object.values(s.measures.boolean)[0].functions;
  // Above n = 5 the Boolean complexity's search has a node budget (src/boolean/complexity/booleanComplexity.ts).
  if (boolean !== undefined && n > 5) {
    out.push(
      `Boolean complexity at n = ${n}: the prime implicants and an exact branch-and-bound minimum-cost cover ` +
        `(SOP, and POS through the complement), on each class's distinct images under input and output negation (the measure ` +
        `is blind to input permutations only); the search stops at a node budget and then gives no value. ` +
        (boolean === s.functions
          ? `All ${count(s.functions, "function")} finished, so every K in the boolean row is the exact minimum, not an upper bound.`
          : `${count(boolean, "function")} of ${s.functions.toLocaleString("en-US")} finished (each K the exact minimum); the others are left out.`),
      "",
    );
  }
  for (const k of kinds) {
    const rho = Object.entries(s.measures).map(([m, byKind]) => [m, byKind[k].spearman.value]);
    const neg = rho.filter(([, v]) => v !== null && v < 0);
    const excludesZero = rho.filter(([m, v]) => v !== null && s.measures[m][k].spearman.ci && (s.measures[m][k].spearman.ci.high < 0 || s.measures[m][k].spearman.ci.low > 0));
    const strongest = rho.filter(([, v]) => v !== null).sort((a, b) => a[1] - b[1])[0];
    const ranks = s.rankProbability[k];
    const first = ranks[0];
    const last = ranks[ranks.length - 1];
    out.push(
      `- ${k}: ρ < 0 for ${neg.length} of ${count(rho.length, "measure")} (the 95% interval excludes 0 for ${excludesZero.length}); ` +
        `the most negative is ${strongest[0]} (ρ = ${f4(strongest[1])}). ` +
        `The most probable ${first.functions === 1 ? "function has" : `${count(first.functions, "function")} have`} P = ${prob(first.p)}${first.functions === 1 ? "" : " each"}` +
        `${/^(0+|1+)$/.test(first.function) && first.functions === 2 ? " (the constants 0 and 1)" : ""}, ` +
        (s.sampled
          ? `the least probable seen have P = ${sci(last.p)} (one hit: the sampling floor).`
          : `the least probable ${last.functions === 1 ? "one has" : `${count(last.functions, "function")} have`} P = ${sci(last.p)} each: a ratio of ${sci(first.p / last.p)} between them.`),
    );
    const eb = s.entropyBias[k];
    const inner = eb.filter((e) => e.t > 0 && e.t < rows);
    const lo = inner.reduce((a, b) => (b.p < a.p ? b : a));
    const hi = inner.reduce((a, b) => (b.p > a.p ? b : a));
    const val = (e) => (typeof e.fraction === "string" ? `${e.fraction} = ${prob(e.p)}` : prob(e.p));
    out.push(
      `  P(T = 0) = ${val(eb[0])} and P(T = ${rows}) = ${val(eb[rows])} against 2^−${n} = 1/${rows}; ` +
        `for 0 < t < ${rows}, P(T = t) runs from ${val(lo)} (t = ${lo.t}) to ${val(hi)} (t = ${hi.t}).`,
    );
  }
  out.push("");
  return out;
}

/** The README block for the given summaries (`{ dir, summary }` in CONFIGS order). */
export function findingsMarkdown(entries) {
  const lines = [
    START,
    "<!-- generated by `node scripts/biasFindings.mjs` from docs/plots/*/summary.json; do not edit by hand -->",
    "",
  ];
  for (const { dir, summary } of entries) lines.push(...configFindings(CONFIGS.find((c) => c.dir === dir).heading, dir, summary));
  lines.push(END);
  return lines.join("\n");
}

/** The committed summaries, in CONFIGS order (configurations without one are left out). */
export function committedSummaries() {
  return CONFIGS.filter((c) => existsSync(join(ROOT, "docs/plots", c.dir, "summary.json"))).map((c) => ({
    dir: c.dir,
    summary: JSON.parse(readFileSync(join(ROOT, "docs/plots", c.dir, "summary.json"), "utf8")),
  }));
}

/** Rank–probability rows kept in a committed Monte Carlo summary. */
const KEPT_RANKS = 100;

/**
 * A Monte Carlo summary lists every function seen in rankProbability (776,680 rows, 185 MB at
 * n = 7); the committed one keeps the first KEPT_RANKS rows and the last, and says so.
 */
export function trimmed(summary) {
  if (!summary.sampled) return summary;
  const rankProbability = {};
  const kept = {};
  for (const [k, rows] of Object.entries(summary.rankProbability)) {
    rankProbability[k] = rows.length > KEPT_RANKS + 1 ? [...rows.slice(0, KEPT_RANKS), rows[rows.length - 1]] : rows;
    kept[k] = `rows 1–${Math.min(KEPT_RANKS, rows.length)} and the last of ${rows.length}`;
  }
  return { ...summary, rankProbability, trimmed: { rankProbability: kept } };
}

/** Reruns one configuration and copies its summary and SVGs into docs/plots/<dir>. */
function rerun(config) {
  const tmp = mkdtempSync(join(tmpdir(), "bias-findings-"));
  try {
    const r = spawnSync(process.execPath, [CLI, "bias", ...config.args, "--out", tmp], { stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error(`weightspace bias ${config.args.join(" ")} exited ${r.status}`);
    const target = join(ROOT, "docs/plots", config.dir);
    mkdirSync(target, { recursive: true });
    for (const f of readdirSync(tmp)) if (f.endsWith(".svg")) copyFileSync(join(tmp, f), join(target, f));
    writeFileSync(join(target, "summary.json"), `${JSON.stringify(trimmed(JSON.parse(readFileSync(join(tmp, "summary.json"), "utf8"))))}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const run = process.argv.find((a) => a === "--run" || a.startsWith("--run="));
  if (run !== undefined) {
    const only = run.slice("--run=".length);
    const chosen = CONFIGS.filter((c) => only === "" || c.dir === only);
    if (chosen.length === 0) throw new Error(`--run=${only}: unknown configuration; allowed: ${CONFIGS.map((c) => c.dir).join(", ")}`);
    for (const c of chosen) rerun(c);
  }
  const text = readFileSync(README, "utf8");
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} block`);
  writeFileSync(README, text.slice(0, a) + findingsMarkdown(committedSummaries()) + text.slice(b + END.length));
  console.log("README findings regenerated");
}
