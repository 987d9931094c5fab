/**
 * `weightspace regions`: one function's region as its polyhedral pieces, each with its printed
 * constraints and an integer witness. For ReLU nets (one hidden layer) a piece is an (activation
 * pattern, signs) cone in z = (u[j] = v[j]·(W1[j], b1[j]), c); for step nets a cone in θ itself.
 */
import type { Command } from "commander";
import type { Region } from "../arch/architecture.js";
import type { ReluPiece, ReluRegion } from "../arch/layered/reluRegion.js";
import { MAX_MINIMAL_WIDTH_INPUTS, reluMinimalWidth } from "../arch/layered/reluMinimalWidth.js";
import { type ArchOptions, addArchOptions, architectureFlags, architectureFromOptions } from "./archOptions.js";
import { checkOutputPath, writeOutput } from "./outputSink.js";
import { commentLines, runInfo } from "./runInfo.js";
import { choiceOption, UsageError } from "./usageError.js";
import { functionFromOptions } from "./volumeCommand.js";

interface RegionsOptions extends ArchOptions {
  function?: string;
  minWidth: boolean;
  format: "json" | "text";
  out?: string;
}

/** What the ReLU coordinates mean, for the summary. */
const RELU_COORDINATES =
  "z = (u[j][i] = v[j]·W1[j][i], ub[j] = v[j]·b1[j] for each hidden unit j, then c); a piece is the open cone of its constraints in the chart sign(v[j]) = signs[j]; boundaries (some pre-activation or v[j] exactly 0) have measure zero and lie in no piece";

interface PieceRecord {
  pattern?: readonly string[];
  signs?: readonly number[];
  constraints: readonly string[];
  witness: string[];
  parameters?: string[];
}

function pieceRecord(piece: Region["pieces"][number]): PieceRecord {
  const relu = "pattern" in piece ? (piece as ReluPiece) : undefined;
  return {
    ...(relu ? { pattern: relu.pattern, signs: relu.signs } : {}),
    constraints: piece.constraints,
    witness: piece.witness.map(String),
    ...(relu ? { parameters: relu.parameters.map(String) } : {}),
  };
}

async function runRegions(opts: RegionsOptions): Promise<void> {
  const arch = architectureFromOptions(opts);
  if (arch.type === "perceptron")
    throw new UsageError("regions lists the pieces of networks with hidden layers (--arch relu|step --layers …); a perceptron's region is one cone: see 'weightspace table' or 'volume'");
  const f = functionFromOptions(arch, opts.function);
  if (opts.minWidth && arch.type !== "relu") throw new UsageError("--min-width applies to --arch relu");
  if (opts.minWidth && arch.inputs > MAX_MINIMAL_WIDTH_INPUTS)
    throw new UsageError(`--min-width: minimal ReLU widths are computed for 1 to ${MAX_MINIMAL_WIDTH_INPUTS} inputs`);
  checkOutputPath(opts.out);
  let region: Region;
  try {
    region = arch.region(f);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`regions (${architectureFlags(arch)}): ${e.message}`);
    throw e;
  }
  if (!region.realizable)
    throw new UsageError(
      `function ${region.function} is not realisable by this ${arch.type} net (${architectureFlags(arch)})${region.certificate ? `: ${region.certificate.kind}` : ""}`,
    );
  const search = (region as Partial<ReluRegion>).search;
  const summary: Record<string, unknown> = {
    realizable: true,
    pieces: region.pieces.length,
    coordinates: arch.type === "relu" ? RELU_COORDINATES : "θ, the parameters",
    coordinateNames: region.pieces[0].coordinates,
    ...(search ? { candidatesUpToPermutation: search } : {}),
  };
  if (opts.minWidth) {
    const m = reluMinimalWidth(f, arch.encoding);
    summary.minimalWidth = { width: m.width, witness: m.witness.map(String), proof: m.proof };
  }
  const result = {
    function: region.function,
    ...(region.name === undefined ? {} : { name: region.name }),
    arch: arch.description,
    pieces: region.pieces.map(pieceRecord),
    summary,
    run: runInfo("regions", { arch: arch.description, priors: {}, method: "exact" }),
  };
  writeOutput(opts.out, (sink) => {
    if (opts.format === "json") {
      sink.write(`${JSON.stringify(result)}\n`);
      return;
    }
    sink.write(`function ${result.function}${region.name ? ` (${region.name})` : ""}: ${region.pieces.length} pieces\n`);
    sink.write(`coordinates: ${String(summary.coordinates)}\n`);
    result.pieces.forEach((p, k) => {
      const head = p.pattern ? ` pattern ${p.pattern.join(",")} signs ${p.signs?.map((s) => (s > 0 ? "+" : "-")).join("")}` : "";
      sink.write(`\npiece ${k + 1}${head}\n`);
      for (const c of p.constraints) sink.write(`  ${c}\n`);
      sink.write(`  witness z = (${p.witness.join(", ")})\n`);
      if (p.parameters) sink.write(`  witness θ = (${p.parameters.join(", ")})\n`);
    });
    sink.write("\n");
    const { coordinates: _c, coordinateNames: _n, ...rest } = summary;
    commentLines(sink, { ...rest, ...result.run });
  });
}

/** Registers the `regions` command. */
export function registerRegions(program: Command): void {
  addArchOptions(program.command("regions"))
    .description("one function's region in a network with hidden layers as polyhedral pieces with constraints and witnesses")
    .option("--function <f>", "truth table: 2^n characters 0/1, character i = f(row i), rows MSB-first; or 0x… with bit i = f(row i)")
    .option("--min-width", `also prove the least hidden width of a ReLU net that computes f (n ≤ ${MAX_MINIMAL_WIDTH_INPUTS})`, false)
    .option("--format <f>", "json or text", choiceOption("--format", ["json", "text"] as const), "json")
    .option("--out <file>", "write to this file instead of stdout (- for stdout; created only on success)")
    .action((opts: RegionsOptions) => runRegions(opts));
}
