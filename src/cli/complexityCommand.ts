/** `weightspace complexity`: complexity measures of one Boolean function. */
import type { Command } from "commander";
import { COMPLEXITY_MEASURES, type ComplexityMeasureName, complexityOfFunction } from "../arch/complexityOfFunction.js";
import { ENCODINGS, type Encoding } from "../boolean/encoding.js";
import { type BooleanFunction, parseFunction } from "../boolean/truthTable.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { commentLines, runInfo } from "./runInfo.js";
import { choiceOption, UsageError } from "./usageError.js";

interface ComplexityOptions {
  function?: string;
  measure: "all" | ComplexityMeasureName;
  encoding: Encoding;
  format: "json" | "text";
  out?: string;
}

/** The function of --function, any n ≤ 7. @throws UsageError when missing or malformed. */
function functionFromOption(text: string | undefined): BooleanFunction {
  if (text === undefined) throw new UsageError("--function is required: 2^n characters 0/1 (n ≤ 7, character i = f(row i)) or 0x…");
  try {
    return parseFunction(text);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`--function: ${e.message}`);
    throw e;
  }
}

/** One measure's value in a text line. */
function textValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return String(value);
  const o = value as Record<string, unknown>;
  if ("fraction" in o) return `${o.fraction} (${o.value})`;
  if ("cLz" in o) return `${o.cLz} (phrases ${o.phrases}, reversed ${o.phrasesReversed})`;
  if ("expression" in o) return `${o.value} (sop ${o.sop}, pos ${o.pos}: ${o.expression})`;
  if ("weights" in o) return `${o.value} (weights ${(o.weights as number[]).join(",")}, threshold ${o.threshold})`;
  if ("ones" in o) return `${o.value} (ones ${o.ones})`;
  return JSON.stringify(value);
}

function runComplexity(opts: ComplexityOptions): void {
  const f = functionFromOption(opts.function);
  checkOutputPath(opts.out);
  const measures = opts.measure === "all" ? COMPLEXITY_MEASURES : [opts.measure];
  const report = complexityOfFunction(f, { measures, encoding: opts.encoding });
  const threshold = measures.includes("facets") || measures.includes("minWeight");
  report.run = runInfo("complexity", {
    ...(threshold ? { arch: { type: "perceptron", inputs: f.n, bias: true, encoding: opts.encoding } } : {}),
    method: "exact",
  });
  writeOutput(opts.out, (sink) => {
    if (opts.format === "json") sink.write(`${JSON.stringify(report)}\n`);
    else {
      sink.write(`function ${report.function} (n = ${report.n})\n`);
      for (const k of measures) {
        const reason = report.reasons?.[k];
        sink.write(`${k}: ${textValue(report[k])}${reason ? ` (${reason})` : ""}\n`);
      }
      commentLines(sink, report.run as Record<string, unknown>);
    }
  });
}

/** Registers the `complexity` command. */
export function registerComplexity(program: Command): void {
  program
    .command("complexity")
    .description("complexity measures of one Boolean function (LZ, entropy, SOP/POS, CSR, sensitivity, Fourier L1, threshold facets and weight)")
    .option("--function <f>", "truth table: 2^n characters 0/1 (n ≤ 7), character i = f(row i), rows MSB-first; or 0x… with bit i = f(row i)")
    .option(
      "--measure <m>",
      `all, or one of ${COMPLEXITY_MEASURES.join(", ")}`,
      choiceOption("--measure", ["all", ...COMPLEXITY_MEASURES] as const),
      "all",
    )
    .option("--encoding <e>", "input encoding of the perceptron whose facets are counted: binary or signed (minWeight is always binary)", choiceOption("--encoding", ENCODINGS), "binary")
    .option("--format <f>", "json or text (text ends with the run's settings as '# key: value' lines)", choiceOption("--format", ["json", "text"] as const), "json")
    .option("--out <file>", "write to this file instead of stdout (- for stdout; created only on success)")
    .action((opts: ComplexityOptions) => runComplexity(opts));
}
