/**
 * Writes a stream of records in one of the output formats. Rows are written as they come, so a
 * table never has to fit in memory (json is one document `{ arch, rows, summary }`; jsonl has one
 * row per line and a final `{"summary": …}` line; csv, markdown and text are tables whose columns
 * the command chooses, followed by the summary as `#` lines, or a list for markdown).
 */
import type { OutputSink } from "./outputSink.js";
import { commentLines } from "./runInfo.js";

/** Output formats of table-like commands. */
export const FORMATS = ["text", "csv", "json", "jsonl", "markdown"] as const;
/** One of FORMATS. */
export type Format = (typeof FORMATS)[number];

/** A column of the text, csv and markdown formats. */
export interface Column<R> {
  readonly header: string;
  /** Width of the text column (the last column is never padded). */
  readonly width: number;
  readonly value: (row: R) => string;
}

/** Streams records to a sink. */
export interface RowWriter<R> {
  row(record: R): void;
  end(summary: Record<string, unknown>): void;
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function jsonText(value: unknown): string {
  // The plain serialiser is much faster than one with a replacer; bigints (exact integers) are rare
  // in records and take the slow path, printed as strings.
  try {
    return JSON.stringify(value);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  }
}

/** Starts writing (headers are written at once). */
export function rowWriter<R extends object>(
  format: Format,
  sink: OutputSink,
  columns: readonly Column<R>[],
  arch: Record<string, unknown>,
): RowWriter<R> {
  const line = (cells: string[], pad: boolean) =>
    cells
      .map((c, i) =>
        pad && i < cells.length - 1 ? c.padEnd(Math.max(columns[i].width, columns[i].header.length)) : c,
      )
      .join("  ")
      .trimEnd();
  switch (format) {
    case "json": {
      sink.write(`{"arch":${jsonText(arch)},"rows":[`);
      let first = true;
      return {
        row: (r) => {
          sink.write(`${first ? "\n" : ",\n"}${jsonText(r)}`);
          first = false;
        },
        end: (summary) => sink.write(`\n],"summary":${jsonText(summary)}}\n`),
      };
    }
    case "jsonl":
      return {
        row: (r) => sink.write(`${jsonText(r)}\n`),
        end: (summary) => sink.write(`${jsonText({ summary })}\n`),
      };
    case "csv":
      sink.write(`${columns.map((c) => csvCell(c.header)).join(",")}\n`);
      return {
        row: (r) => sink.write(`${columns.map((c) => csvCell(c.value(r))).join(",")}\n`),
        end: (summary) => commentLines(sink, summary),
      };
    case "markdown":
      sink.write(`| ${columns.map((c) => c.header).join(" | ")} |\n|${columns.map(() => "---|").join("")}\n`);
      return {
        row: (r) => sink.write(`| ${columns.map((c) => c.value(r).replaceAll("|", "\\|")).join(" | ")} |\n`),
        end: (summary) => {
          sink.write("\n");
          for (const [k, v] of Object.entries(summary)) sink.write(`- ${k}: ${jsonText(v)}\n`);
        },
      };
    case "text":
      sink.write(
        `${line(
          columns.map((c) => c.header),
          true,
        )}\n`,
      );
      return {
        row: (r) =>
          sink.write(
            `${line(
              columns.map((c) => c.value(r)),
              true,
            )}\n`,
          ),
        end: (summary) => commentLines(sink, summary),
      };
  }
}
