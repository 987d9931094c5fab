/**
 * The writer of `table` rows in any output format, shared by `table` and `merge` so that a merged
 * table is written by the same code as a single run.
 */
import type { TableRow } from "../arch/architecture.js";
import type { MonteCarloTable } from "../arch/monteCarloTable.js";
import { formatHexFunction, parseFunction } from "../boolean/truthTable.js";
import type { OutputSink } from "./outputSink.js";
import { type Format, type RowWriter, rowWriter } from "./rowWriter.js";
import { type Row, tableColumns } from "./tableColumns.js";

/** How a table is printed. */
export interface TableOutput {
  readonly format: Format;
  /** Functions as hex numbers. */
  readonly hex: boolean;
}

/** Streams table rows and the summary. */
export interface TableWriter {
  row(r: TableRow): void;
  end(summary: Record<string, unknown>): void;
}

/**
 * A writer created at the first row, whose columns follow that row's fields, for a table of an
 * `inputs`-input network (`arch`: its description) with these prior kinds.
 */
export function tableWriter(
  output: TableOutput,
  inputs: number,
  arch: Readonly<Record<string, unknown>>,
  kinds: readonly string[],
  sink: OutputSink,
): TableWriter {
  let writer: RowWriter<Row> | undefined;
  const open = (sample: Row | undefined) => {
    writer ??= rowWriter<Row>(output.format, sink, tableColumns(inputs, kinds, sample, output.hex), arch);
    return writer;
  };
  const hex = (r: TableRow): Row =>
    output.hex ? { ...r, function: formatHexFunction(parseFunction(r.function, inputs)) } : (r as unknown as Row);
  return {
    row: (r) => {
      const row = hex(r);
      open(row).row(row);
    },
    end: (summary) => open(undefined).end(summary),
  };
}

/** The summary a Monte Carlo table (full or listed) prints (a single run and a merge of its shards alike). */
export function monteCarloSummary(
  mc: Pick<MonteCarloTable, "summary">,
  run: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const rows = mc.summary.functionsListed ?? mc.summary.functionsSeen;
  return { ...mc.summary, rows, order: "truth-table string", run };
}
