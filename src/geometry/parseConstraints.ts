/**
 * Reads a user's open cone {θ ∈ R^d : Aθ > 0} with integer A, from JSON or from text.
 *
 * JSON: `{ "rows": [[1, -2, 0], …], "names": ["a", "b", "c"] }`. Entries are integers, as JSON
 * numbers (safe integers, |x| < 2^53) or decimal strings such as `"123456789012345678901"`; `names` is
 * optional (default x1 … xd) and required when there are no rows, since it then gives d.
 *
 * Text: one constraint a line, `2*w1-w3+b>0`, `w1 - 2 w2 > 0`, `3x1 > x2`, `w1+b<0`: integer linear
 * forms in named variables on both sides of one strict `>` or `<` (no constant terms; `>=`, `=` etc.
 * are rejected, the cone is open). Coefficients are written `2*w`, `2 w` or `2w`; a variable may
 * appear more than once (its coefficients add up). A name is a letter or `_`, then letters, digits and
 * `_`, then optional indices `[k]` (e.g. `W1[0][2]`). Blank lines are skipped and `#` starts a
 * comment. The variable order (the columns of A) is the order of first appearance, unless a header
 * line `# names: a, b, c` before the first constraint gives it; with a header every variable used
 * must be listed, and listed variables that no row uses are kept (coefficient 0).
 */

import { isVariableName, type LineForm, parseInequality } from "./_internals/parseInequality.js";

/** A parsed constraint system: A θ > 0 with one row per constraint and one column per name. */
export interface ConstraintSystem {
  /** Variable names, one per column, distinct. */
  readonly names: string[];
  /** Integer rows of A, each of length names.length (possibly none). */
  readonly rows: bigint[][];
}

/**
 * Parses JSON (when the first non-blank character is `{`) or the text format (see the file comment).
 * @throws RangeError with a one-line message naming the problem: for text, prefixed `line N:`;
 *   for JSON, the offending field such as `rows[2][1]`. Empty input, ragged rows, non-integers,
 *   non-strict relations, unknown or duplicate names and mismatched lengths are all rejected.
 */
export function parseConstraints(text: string): ConstraintSystem {
  const start = text.trimStart();
  if (start === "") throw new RangeError("empty input: no constraints and no names");
  return start.startsWith("{") ? parseJsonConstraints(text) : parseTextConstraints(text);
}

/**
 * Parses the text format (see the file comment).
 * @throws RangeError `line N: …`, or for input without constraints or names.
 */
export function parseTextConstraints(text: string): ConstraintSystem {
  let header: string[] | undefined;
  let headerLine = 0;
  const forms: { line: number; form: LineForm }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, k) => {
    const line = k + 1;
    const names = /^\s*#\s*names\s*:(.*)$/i.exec(raw);
    if (names) {
      if (header !== undefined) throw new RangeError(`line ${line}: a second '# names:' header (the first is on line ${headerLine})`);
      if (forms.length > 0) throw new RangeError(`line ${line}: the '# names:' header must come before the first constraint`);
      header = names[1].split(/[\s,]+/).filter((s) => s !== "");
      headerLine = line;
      if (header.length === 0) throw new RangeError(`line ${line}: the '# names:' header lists no names`);
      checkNames(header, `line ${line}: `);
      return;
    }
    const body = raw.replace(/#.*$/, "").trim();
    if (body !== "") forms.push({ line, form: parseInequality(body, line) });
  });
  if (header === undefined && forms.length === 0) {
    throw new RangeError("empty input: no constraints (only blank lines and comments) and no '# names:' header");
  }
  const names = header ?? [];
  const column = new Map(names.map((n, k) => [n, k]));
  for (const { line, form } of forms) {
    for (const name of form.keys()) {
      if (column.has(name)) continue;
      if (header !== undefined) {
        throw new RangeError(`line ${line}: unknown variable '${name}' (not in the '# names:' header on line ${headerLine})`);
      }
      column.set(name, names.length);
      names.push(name);
    }
  }
  const rows = forms.map(({ form }) => {
    const row = new Array<bigint>(names.length).fill(0n);
    for (const [name, c] of form) row[column.get(name)!] = c;
    return row;
  });
  return { names, rows };
}

/**
 * Parses the JSON format (see the file comment).
 * @throws RangeError naming the offending field.
 */
export function parseJsonConstraints(text: string): ConstraintSystem {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new RangeError(`invalid JSON: ${(e as Error).message}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new RangeError('JSON input must be an object such as { "rows": [[1, -1], [0, 1]] }');
  }
  const record = data as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => k !== "rows" && k !== "names");
  if (unknown.length > 0) throw new RangeError(`unknown JSON field '${unknown[0]}' (allowed: rows, names)`);
  const rawRows = record.rows;
  if (!Array.isArray(rawRows)) throw new RangeError('JSON field "rows" is missing or not an array of rows');
  let names: string[] | undefined;
  if (record.names !== undefined) {
    if (!Array.isArray(record.names) || record.names.some((n) => typeof n !== "string")) {
      throw new RangeError('JSON field "names" must be an array of strings');
    }
    names = record.names as string[];
    checkNames(names, "names: ");
  }
  const rows = rawRows.map((row, i) => {
    if (!Array.isArray(row)) throw new RangeError(`rows[${i}] is not an array`);
    return row.map((x, j) => jsonInteger(x, `rows[${i}][${j}]`));
  });
  const d = rows.length > 0 ? rows[0].length : names?.length;
  if (d === undefined) throw new RangeError('no rows and no "names": the dimension is unknown (give "names")');
  if (d === 0) throw new RangeError(rows.length > 0 ? "rows[0] is empty: the dimension must be at least 1" : '"names" is empty');
  rows.forEach((row, i) => {
    if (row.length !== d) throw new RangeError(`rows[${i}] has ${row.length} entries, rows[0] has ${d} (ragged rows)`);
  });
  if (names !== undefined && names.length !== d) {
    throw new RangeError(`"names" has ${names.length} entries but the rows have ${d}`);
  }
  return { names: names ?? Array.from({ length: d }, (_, k) => `x${k + 1}`), rows };
}

/** One JSON matrix entry as a bigint: a safe-integer number or a decimal integer string. */
function jsonInteger(x: unknown, where: string): bigint {
  if (typeof x === "number") {
    if (!Number.isInteger(x)) throw new RangeError(`${where} = ${x} is not an integer`);
    // Beyond 2^53 JSON.parse has already rounded the value, so it cannot be trusted.
    if (!Number.isSafeInteger(x)) throw new RangeError(`${where} = ${x} is beyond 2^53; write big integers as decimal strings`);
    return BigInt(x);
  }
  if (typeof x === "string" && /^\s*[+-]?\d+\s*$/.test(x)) return BigInt(x.trim());
  throw new RangeError(`${where} = ${JSON.stringify(x)} is not an integer (a JSON number or a decimal string)`);
}

/** Names must be readable back by the text syntax and distinct. */
function checkNames(names: readonly string[], prefix: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (!isVariableName(n)) {
      throw new RangeError(`${prefix}'${n}' is not a valid name (a letter or _, then letters, digits, _, then optional [k])`);
    }
    if (seen.has(n)) throw new RangeError(`${prefix}the name '${n}' appears twice`);
    seen.add(n);
  }
}
