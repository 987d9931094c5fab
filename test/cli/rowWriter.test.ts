import { describe, expect, it } from "vitest";
import type { OutputSink } from "../../src/cli/outputSink.js";
import { type Column, FORMATS, rowWriter } from "../../src/cli/rowWriter.js";

interface R {
  a: string;
  b: number;
}
const COLUMNS: Column<R>[] = [
  { header: "a", width: 6, value: (r) => r.a },
  { header: "b", width: 3, value: (r) => String(r.b) },
];

function render(
  format: (typeof FORMATS)[number],
  rows: R[],
  summary: Record<string, unknown> = { n: 2 },
): string {
  let text = "";
  const sink: OutputSink = { write: (t) => (text += t), commit: () => {}, abort: () => {} };
  const w = rowWriter(format, sink, COLUMNS, { type: "test" });
  for (const r of rows) w.row(r);
  w.end(summary);
  return text;
}

const ROWS: R[] = [
  { a: "x", b: 1 },
  { a: 'y, "z"', b: 22 },
];

describe("rowWriter", () => {
  it("offers text, csv, json, jsonl and markdown", () => {
    expect([...FORMATS]).toEqual(["text", "csv", "json", "jsonl", "markdown"]);
  });

  it("json: one document { arch, rows, summary }, also with no rows", () => {
    expect(JSON.parse(render("json", ROWS))).toEqual({
      arch: { type: "test" },
      rows: ROWS,
      summary: { n: 2 },
    });
    expect(JSON.parse(render("json", []))).toEqual({ arch: { type: "test" }, rows: [], summary: { n: 2 } });
  });

  it("json prints bigints as strings", () => {
    expect(JSON.parse(render("json", [], { big: 10n ** 30n })).summary.big).toBe(
      "1000000000000000000000000000000",
    );
  });

  it("jsonl: one row per line, then a final {summary} line", () => {
    expect(
      render("jsonl", ROWS)
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([...ROWS, { summary: { n: 2 } }]);
  });

  it("csv: header, rows, quotes and doubled quotes where needed", () => {
    expect(render("csv", ROWS)).toBe('a,b\nx,1\n"y, ""z""",22\n# n: 2\n');
  });

  it("markdown: pipe table, escaped pipes, summary as a list", () => {
    const out = render("markdown", [{ a: "p|q", b: 3 }]);
    expect(out).toBe("| a | b |\n|---|---|\n| p\\|q | 3 |\n\n- n: 2\n");
  });

  it("text: padded columns, summary as # lines", () => {
    expect(render("text", ROWS, { note: "hi", n: 2 })).toBe(
      'a       b\nx       1\ny, "z"  22\n# note: hi\n# n: 2\n',
    );
  });
});
