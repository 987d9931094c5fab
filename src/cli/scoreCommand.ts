/**
 * `weightspace score`: grades estimates made outside the library (JSON Lines `{ "function",
 * "estimate", "ci"? }`, several lines per function for repeats) against the exact values of a
 * `weightspace export` folder: per function and in summary the bias, RMSE, interval coverage and
 * mean log error.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { type FunctionScore, type ScoredEstimate, scoreFunction, summariseScores } from "../estimators/scoreEstimates.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { commentLines, runInfo } from "./runInfo.js";
import { choiceOption, UsageError } from "./usageError.js";

interface ScoreOptions {
  truth?: string;
  estimates?: string;
  prior?: string;
  format: "json" | "text";
  out?: string;
}

interface TruthIndex {
  arch: Record<string, unknown>;
  functions: { function: string; exact: Record<string, { p: number }> }[];
}

/** The export's index. @throws UsageError when it is missing or not an export index. */
function readTruth(dir: string): TruthIndex {
  let index: TruthIndex;
  try {
    index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as TruthIndex;
  } catch (e) {
    throw new UsageError(`--truth ${dir}: cannot read index.json (${(e as Error).message.split("\n")[0]}); allowed: a folder written by 'weightspace export'`);
  }
  if (!Array.isArray(index?.functions)) throw new UsageError(`--truth ${dir}: index.json has no 'functions' list; allowed: a folder written by 'weightspace export'`);
  return index;
}

/** The prior to score against: --prior, else gaussian when the truth has it, else its only prior. */
function choosePrior(truth: TruthIndex, given: string | undefined, dir: string): string {
  const kinds = new Set(truth.functions.flatMap((f) => Object.keys(f.exact ?? {})));
  if (kinds.size === 0) throw new UsageError(`--truth ${dir}: no function has an exact value to score against`);
  const kind = given ?? (kinds.has("gaussian") ? "gaussian" : [...kinds][0]);
  if (!kinds.has(kind)) throw new UsageError(`--prior ${kind}: the truth has exact values for ${[...kinds].join(", ")} only`);
  return kind;
}

/** The estimates by function, in order of first appearance. @throws UsageError naming the bad line. */
function readEstimates(file: string, known: ReadonlyMap<string, number>): Map<string, ScoredEstimate[]> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`--estimates ${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const out = new Map<string, ScoredEstimate[]>();
  text.split("\n").forEach((line, k) => {
    if (line.trim() === "") return;
    const where = `--estimates ${file} line ${k + 1}`;
    let v: { function?: unknown; estimate?: unknown; ci?: unknown };
    try {
      v = JSON.parse(line) as typeof v;
    } catch {
      throw new UsageError(`${where}: not JSON; allowed: one { "function", "estimate", "ci"? } object per line`);
    }
    if (typeof v?.function !== "string") throw new UsageError(`${where}: "function" must be a truth-table string`);
    if (typeof v.estimate !== "number" || !Number.isFinite(v.estimate)) throw new UsageError(`${where}: "estimate" must be a finite number`);
    const ci = v.ci;
    if (ci !== undefined && !(Array.isArray(ci) && ci.length === 2 && ci.every((x) => typeof x === "number" && Number.isFinite(x)) && ci[0] <= ci[1]))
      throw new UsageError(`${where}: "ci" must be [lo, hi] with finite lo ≤ hi`);
    if (!known.has(v.function))
      throw new UsageError(`${where}: function '${v.function}' is not in the truth (${known.size} functions with exact values)`);
    const list = out.get(v.function) ?? [];
    list.push({ estimate: v.estimate, ...(ci ? { ci: [ci[0] as number, ci[1] as number] as const } : {}) });
    out.set(v.function, list);
  });
  if (out.size === 0) throw new UsageError(`--estimates ${file}: no estimates`);
  return out;
}

function runScore(opts: ScoreOptions): void {
  if (opts.truth === undefined) throw new UsageError("--truth DIR is required: a folder written by 'weightspace export'");
  if (opts.estimates === undefined) throw new UsageError("--estimates FILE is required: JSON Lines { \"function\", \"estimate\", \"ci\"? }");
  checkOutputPath(opts.out);
  const truth = readTruth(opts.truth);
  const kind = choosePrior(truth, opts.prior, opts.truth);
  const exact = new Map<string, number>();
  for (const f of truth.functions) if (f.exact?.[kind] !== undefined) exact.set(f.function, f.exact[kind].p);
  const estimates = readEstimates(opts.estimates, exact);
  const rows: ({ function: string } & FunctionScore)[] = [];
  for (const [f, list] of estimates) rows.push({ function: f, ...scoreFunction(exact.get(f) ?? Number.NaN, list) });
  const summary = { ...summariseScores(rows), unscored: exact.size - rows.length };
  const result = { prior: kind, arch: truth.arch, functions: rows, summary, run: runInfo("score", { method: "score" }) };
  writeOutput(opts.out, (sink) => {
    if (opts.format === "json") {
      sink.write(`${JSON.stringify(result)}\n`);
      return;
    }
    const fmt = (x: number | null) => (x === null ? "-" : x.toPrecision(4));
    sink.write("function\texact\testimates\tmean\trelBias\trelRMSE\tcoverage\tmeanLogError\n");
    for (const r of rows)
      sink.write(`${r.function}\t${fmt(r.exact)}\t${r.estimates}\t${fmt(r.mean)}\t${fmt(r.relativeBias)}\t${fmt(r.relativeRmse)}\t${fmt(r.coverage)}\t${fmt(r.meanLogError)}\n`);
    commentLines(sink, { prior: kind, ...summary });
  });
}

/** Registers the `score` command. */
export function registerScore(program: Command): void {
  program
    .command("score")
    .description("score estimates (JSON Lines { \"function\", \"estimate\", \"ci\"? }) against an export's exact values: bias, RMSE, coverage, log error")
    .option("--truth <dir>", "a folder written by 'weightspace export'")
    .option("--estimates <file>", "JSON Lines, one { \"function\": BITS, \"estimate\": p, \"ci\": [lo, hi] (optional) } per line; repeats allowed")
    .option("--prior <p>", "which exact values to score against: gaussian or uniform (default: gaussian when the truth has it)", choiceOption("--prior", ["gaussian", "uniform"]))
    .option("--format <f>", "json or text (a tab-separated table with the summary as '# key: value' lines)", choiceOption("--format", ["json", "text"] as const), "json")
    .option("--out <file>", "write to this file instead of stdout (- for stdout; created only on success)")
    .action((opts: ScoreOptions) => runScore(opts));
}
