/**
 * The columns of table output (text, csv, markdown), for rows of any architecture and prior: the
 * function, its name, the class orbit, one or two columns per prior, then the region's fields.
 */
import type { Column } from "./rowWriter.js";

/** A row as the writer sees it: a record of JSON values. */
export type Row = Readonly<Record<string, unknown>>;

/** Prints a probability the same way on every line: shortest round-trip digits, exponent form. */
export function formatProbability(p: number): string {
  return p === 0 ? "0" : p.toExponential();
}

/** Per prior kind, the printed columns of its measure: `kind` = p, then `kind_field` for the rest. */
function priorColumns(kind: string, sample: Row | undefined): Column<Row>[] {
  const m = (r: Row) => r[kind] as Record<string, unknown> | undefined;
  const cols: Column<Row>[] = [{ header: kind, width: 23, value: (r) => formatProbability(Number(m(r)?.p ?? 0)) }];
  if (sample === undefined) return cols;
  for (const field of Object.keys(sample)) {
    if (field === "p" || field === "method" || field === "converged" || field === "seed" || field === "samples") continue;
    cols.push({
      header: `${kind}_${field}`,
      width: field === "fraction" ? 24 : field === "ci" ? 47 : 10,
      value: (r) => {
        const x = m(r)?.[field];
        if (x === undefined) return "";
        if (typeof x === "number") return field === "err" ? x.toExponential(1) : String(x);
        if (Array.isArray(x)) return x.map((y) => formatProbability(Number(y))).join(" ");
        return String(x);
      },
    });
  }
  return cols;
}

/**
 * The columns for rows like `sample` (the first row, or undefined for an empty table) of an
 * n-input architecture with these prior kinds.
 */
export function tableColumns(n: number, kinds: readonly string[], sample: Row | undefined, hex: boolean): Column<Row>[] {
  const functionWidth = hex ? 2 + Math.ceil(2 ** n / 4) : Math.max(8, 2 ** n);
  const cols: Column<Row>[] = [
    { header: "function", width: functionWidth, value: (r) => String(r.function) },
    { header: "name", width: n <= 2 ? 14 : 8, value: (r) => (r.name === undefined ? "" : String(r.name)) },
  ];
  if (sample && "orbit" in sample) cols.push({ header: "orbit", width: 6, value: (r) => String(r.orbit ?? "") });
  for (const kind of kinds) priorColumns(kind, sample?.[kind] as Row | undefined).forEach((c) => cols.push(c));
  if (sample && "pieces" in sample) cols.push({ header: "pieces", width: 8, value: (r) => String(r.pieces ?? "") });
  if (sample && "facets" in sample) {
    cols.push(
      { header: "facets", width: 6, value: (r) => (r.facets === null ? "" : String(r.facets)) },
      {
        header: "witness",
        width: Math.max(7, 4 * (n + 1)),
        value: (r) => (Array.isArray(r.witness) ? r.witness.join(" ") : ""),
      },
      {
        header: "constraints",
        width: 0,
        value: (r) => (r.realizable ? (r.constraints as string[]).join(", ") : "impossible"),
      },
    );
  }
  return cols;
}
