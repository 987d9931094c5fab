/** `weightspace cone`: the probability of a user's own open cone {θ : Aθ > 0} under the priors. */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { describeOpenCone, type OpenConeShape } from "../geometry/describeOpenCone.js";
import { formatConstraint } from "../geometry/formatLinearForm.js";
import { type ConstraintSystem, parseConstraints } from "../geometry/parseConstraints.js";
import { type Rational, toString } from "../geometry/rational.js";
import { measureOpenCone } from "../measure/measureOpenCone.js";
import { monteCarloCone } from "../measure/monteCarlo.js";
import type { ConeMeasure, Prior } from "../measure/prior.js";
import { priorFamily } from "../measure/priorFamilies.js";
import { scaleListOption, scalesFor } from "./coneOptions.js";
import { describeMeasure } from "./describeMeasure.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { progressBar } from "./progressBar.js";
import { givenOptions, rejectGiven } from "./givenOptions.js";
import { addSamplingOptions } from "./samplingOptions.js";
import { commentLines, runInfo } from "./runInfo.js";
import { choiceOption, UsageError } from "./usageError.js";

type Kind = "gaussian" | "uniform";

interface ConeOptions {
  constraints?: string;
  prior: Kind | "both";
  sigma?: Rational[];
  box?: Rational[];
  method: "exact" | "mc";
  samples: number;
  seed: number;
  format: "json" | "text";
  out?: string;
}

/** The scale option of each prior kind, for messages and JSON field names. */
const SCALE_OPTION: Record<Kind, "sigma" | "box"> = { gaussian: "sigma", uniform: "box" };

const SYNTAX_HELP = `
Input (--constraints FILE, or - for stdin), either JSON
  { "rows": [[1, -2, 0], [0, 1, 1]], "names": ["a", "b", "c"] }
with integer entries (JSON numbers, or decimal strings beyond 2^53; names optional, default x1..xd,
required when there are no rows), or text, one strict inequality a line:
  # names: w1, w2, w3, b      (optional header: fixes the variable order)
  2*w1 - w3 + b > 0
  w1 - 2 w2 > 0               (coefficient by '*', a space, or juxtaposition: 3x1)
  w2 + b < w3                 (linear forms on both sides of '>' or '<'; no constants)
Blank lines and '# comments' are ignored. Without a header the variable order is the order of first
appearance. Only strict '>' / '<' is accepted (the cone is open). Names: a letter or _, then letters,
digits, _, then optional [k] indices.

The cone is measured on its irredundant facets (certified exactly). An empty cone (no θ with Aθ > 0)
has p = 0 and says so ("empty": true, a Gordan certificate, method "empty" also with --method mc); a cone containing a line is split
along its lineality space into pointed pieces; no constraints at all give p = 1. "fullDimensional"
tells whether the closed cone {Aθ ≥ 0} is full-dimensional. Integers in the output are JSON numbers,
or decimal strings beyond 2^53.`;

/** An integer for JSON: a number when exactly representable, else its decimal string. */
function jsonInteger(x: bigint): number | string {
  return x >= -BigInt(Number.MAX_SAFE_INTEGER) && x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x.toString();
}

/** Reads and parses a constraints file (`-` for stdin). @throws UsageError naming the file and the problem. */
export function readSystem(path: string): ConstraintSystem {
  let text: string;
  try {
    text = readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`--constraints ${path}: cannot read it (${err.code ?? err.message})`);
  }
  try {
    return parseConstraints(text);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`--constraints ${path === "-" ? "(stdin)" : path}: ${e.message}`);
    throw e;
  }
}

/** What the text format says about the cone's shape, if anything. */
function shapeNote(shape: OpenConeShape, rowCount: number, d: number, method: string): string | undefined {
  if (shape.empty) {
    return shape.closureFullDimensional
      ? "the open cone is empty: a constraint is 0 > 0, which never holds; p = 0 under every prior"
      : "the open cone is empty: {Aθ ≥ 0} is lower-dimensional (see farkas, a Gordan certificate); p = 0 under every prior";
  }
  if (rowCount === 0) return `no constraints: the cone is all of R^${d}, p = 1`;
  const k = shape.linealityDimension;
  if (k === 0) return undefined;
  const how = method === "exact" ? `; measured exactly as ${2 ** k} pointed pieces split along it` : "";
  return `the cone is not pointed: it contains a ${k}-dimensional linear subspace${how}`;
}

function measure(kind: Kind, prior: Prior, shape: OpenConeShape, facetRows: bigint[][], opts: ConeOptions): ConeMeasure {
  if (shape.empty) return prior.family.total([]);
  if (opts.method === "exact") return measureOpenCone(facetRows, prior);
  const bar = progressBar(`sampling (${kind})`);
  // Doubles: entries beyond 2^53 are rounded here, which only Monte Carlo does.
  const rows = facetRows.map((r) => r.map(Number));
  const r = monteCarloCone(rows, prior, opts.samples, opts.seed, (done, total) => bar.update(done, total));
  bar.stop();
  return r;
}

function runCone(opts: ConeOptions, given: ReadonlySet<string>): void {
  if (opts.constraints === undefined) throw new UsageError("--constraints is required (a file, or - for stdin)");
  if (opts.method === "exact") rejectGiven(given, ["samples", "seed"], "they set Monte Carlo sampling; add --method mc");
  if (opts.prior === "uniform") rejectGiven(given, ["sigma"], "--prior uniform has no standard deviations");
  if (opts.prior === "gaussian") rejectGiven(given, ["box"], "--prior gaussian has no box");
  const { names, rows } = readSystem(opts.constraints);
  const d = names.length;
  const kinds: Kind[] = opts.prior === "both" ? ["gaussian", "uniform"] : [opts.prior];
  const sigma = scalesFor("--sigma", opts.sigma, names);
  const box = scalesFor("--box", opts.box, names);
  const priors = kinds.map((kind) => ({ kind, prior: { family: priorFamily(kind), scales: kind === "gaussian" ? sigma : box } }));
  if (opts.method === "exact") {
    for (const { prior } of priors) {
      const max = prior.family.maxExactDimension;
      if (d > max) {
        throw new UsageError(
          `--method exact (${prior.family.kind}) takes at most ${max} variables, these constraints have ${d}; use --method mc`,
        );
      }
    }
  }
  checkOutputPath(opts.out);

  const shape = describeOpenCone(rows, d);
  const facetRows = shape.empty ? [] : shape.facets.map((i) => rows[i]);
  const constraints = facetRows.map((r) => formatConstraint(r, names));
  const note = shapeNote(shape, rows.length, d, opts.method);
  const result: Record<string, unknown> = {
    dimension: d,
    facets: facetRows.length,
    constraints,
    names,
    rows: facetRows.map((r) => r.map(jsonInteger)),
    inputRows: rows.length,
    ...(shape.empty ? {} : { redundant: rows.length - facetRows.length }),
    empty: shape.empty,
    fullDimensional: shape.empty ? shape.closureFullDimensional : true,
    ...(shape.empty
      ? { farkas: shape.farkas.map(jsonInteger) }
      : {
          pointed: shape.linealityDimension === 0,
          linealityDimension: shape.linealityDimension,
          witness: shape.witness.map(jsonInteger),
        }),
    ...(note === undefined ? {} : { note }),
    method: opts.method,
  };
  for (const { kind, prior } of priors) result[SCALE_OPTION[kind]] = prior.scales.map(toString);
  for (const { kind, prior } of priors) result[kind] = measure(kind, prior, shape, facetRows, opts);
  const described: Record<string, unknown> = {};
  for (const { kind, prior } of priors) described[kind] = { [prior.family.scaleMeaning]: prior.scales.map(toString) };
  result.run = runInfo("cone", {
    priors: described,
    method: opts.method,
    ...(opts.method === "mc" ? { sampling: { samples: opts.samples, seed: opts.seed } } : {}),
  });

  writeOutput(opts.out, (sink) => {
    if (opts.format === "json") {
      sink.write(`${JSON.stringify(result)}\n`);
      return;
    }
    const count = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
    const summary = shape.empty
      ? `empty (${count(rows.length, "constraint")})`
      : `${count(facetRows.length, "facet")} of ${count(rows.length, "constraint")} (${rows.length - facetRows.length} redundant)`;
    sink.write(`cone in R^${d} (${names.join(", ")}): ${summary}\n`);
    for (const c of constraints) sink.write(`  ${c}\n`);
    if (!shape.empty && rows.length > 0) sink.write(`witness: (${shape.witness.join(", ")})\n`);
    if (note !== undefined) sink.write(`note: ${note}\n`);
    for (const { kind, prior } of priors) {
      const label = `${kind} (${SCALE_OPTION[kind]} ${prior.scales.map(toString).join(",")})`;
      sink.write(`${describeMeasure(label, result[kind] as Record<string, unknown>)}\n`);
    }
    commentLines(sink, result.run as Record<string, unknown>);
  });
}

/**
 * Registers `weightspace cone`: reads integer constraints Aθ > 0 (JSON or text, see its --help),
 * certifies emptiness and the facets exactly, and measures the cone under the Gaussian and/or
 * uniform prior, exactly (d ≤ 7) or by Monte Carlo. Bad input is a UsageError (exit 2).
 */
export function registerCone(program: Command): void {
  const cmd = program
    .command("cone")
    .description("probability of your own open cone {θ : Aθ > 0} (integer rows) under the priors")
    .option("--constraints <file>", "constraints file (JSON or text, see below), - for stdin")
    .option("--prior <p>", "gaussian, uniform or both", choiceOption("--prior", ["gaussian", "uniform", "both"] as const), "both")
    .option("--sigma <s,...>", "gaussian standard deviations: one for all variables or one per variable (> 0; 1, 0.5, 1/3, 1e-3) (default: 1)", scaleListOption("--sigma"))
    .option("--box <a,...>", "uniform box half-widths: one for all variables or one per variable (> 0) (default: 1)", scaleListOption("--box"));
  addSamplingOptions(
    cmd,
    "exact (gaussian: numerical, triangulation + orthant/radial cubature with a verified error estimate; uniform: exact rational; at most 7 variables) or mc",
    false,
  )
    .option("--format <f>", "json or text", choiceOption("--format", ["json", "text"] as const), "json")
    .option("--out <file>", "write to this file instead of stdout (created only on success)")
    .addHelpText("after", SYNTAX_HELP)
    .action((opts: ConeOptions, c: Command) => runCone(opts, givenOptions(c)));
}
