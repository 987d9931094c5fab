/**
 * Exact tables shipped with the package (`data/`), read instead of recomputed: a table that took
 * CPU-hours to measure (the n = 7 signed table by NPN class) is stored gzipped as the JSON Lines a
 * `table --format jsonl` run writes, and `table` reprints it in any format when the same table is
 * asked for (same network, same priors with the same scales, exact, NPN classes).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { TableRow } from "../arch/architecture.js";

/** The package's data folder (src/cli and dist/cli are both two levels below the package root). */
const DATA_DIR = new URL("../../data/", import.meta.url);

/** A shipped table: its rows and its summary, exactly as the computing run wrote them. */
export interface ShippedTable {
  /** The file it was read from. */
  readonly path: string;
  readonly rows: readonly TableRow[];
  readonly summary: Readonly<Record<string, unknown>>;
}

/** The file name a table of this network would be shipped under (perceptrons with bias only). */
export function shippedTableName(arch: Readonly<Record<string, unknown>>): string | undefined {
  if (arch.type !== "perceptron" || arch.bias !== true) return undefined;
  return `perceptron-${String(arch.inputs)}-${String(arch.encoding)}.jsonl.gz`;
}

/**
 * The path of a shipped data file: in the package's data/ folder, or in the folder named by the
 * environment variable WEIGHTSPACE_DATA_DIR (the tests ship small tables of their own there).
 */
export function shippedTablePath(name: string): string {
  const dir = process.env.WEIGHTSPACE_DATA_DIR;
  return dir ? join(dir, name) : fileURLToPath(new URL(name, DATA_DIR));
}

/**
 * Reads a gzipped JSON Lines table: every line a row, the last one `{"summary": …}`.
 * @throws Error if the file is not such a table.
 */
export function readShippedTable(path: string): ShippedTable {
  const lines = gunzipSync(readFileSync(path)).toString("utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  const last = lines.pop();
  const summary = last === undefined ? undefined : (JSON.parse(last) as { summary?: Record<string, unknown> }).summary;
  if (!summary) throw new Error(`${path} is not a table in JSON Lines: its last line is no {"summary": …}`);
  const rows = lines.map((line) => JSON.parse(line) as TableRow);
  if (rows.length !== summary.rows) throw new Error(`${path} holds ${rows.length} rows, its summary says ${String(summary.rows)}`);
  return { path, rows, summary };
}

/** What a table run asks for, as its `run` record states it, and its listing. */
export interface TableRequest {
  /** The run record (runInfo) of the table being asked for. */
  readonly run: Readonly<Record<string, unknown>>;
  readonly classes: "none" | "symmetry" | "npn";
  /** Whether the completeness proof by facet-flip closure is asked for. */
  readonly certify: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The shipped table that answers this request, if there is one: same network, priors (with their
 * scales) and method in its summary's run record, one row per NPN class, and, when `certify` is asked
 * for, a summary that states the facet-flip closure.
 */
export function shippedTableFor(request: TableRequest): ShippedTable | undefined {
  const arch = request.run.arch as Readonly<Record<string, unknown>> | undefined;
  const name = arch && request.classes === "npn" && request.run.method === "exact" ? shippedTableName(arch) : undefined;
  if (!name) return undefined;
  const path = shippedTablePath(name);
  if (!existsSync(path)) return undefined;
  const table = readShippedTable(path);
  const run = table.summary.run as Readonly<Record<string, unknown>> | undefined;
  const fits =
    run !== undefined &&
    same(run.arch, request.run.arch) &&
    same(run.priors, request.run.priors) &&
    run.method === request.run.method &&
    table.summary.order === "class list" &&
    (!request.certify || String(table.summary.certification).includes("closed under facet flips"));
  return fits ? table : undefined;
}
