/**
 * One line of constraint text, `lhs > rhs` or `lhs < rhs` with integer linear forms on both sides,
 * turned into the coefficients of the form that must be positive. Errors are one line and start
 * with `line N:` so a user can find the spot.
 */

/** A variable name: a letter or `_`, then letters, digits, `_`, then optional `[k]` indices. */
const NAME_PATTERN = /[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])*/y;

/** Whether `s` is a variable name the constraint syntax can read (see NAME_PATTERN). */
export function isVariableName(s: string): boolean {
  NAME_PATTERN.lastIndex = 0;
  const m = NAME_PATTERN.exec(s);
  return m !== null && m[0] === s;
}

/** The positive form's coefficients by variable, in order of first appearance on the line. */
export type LineForm = Map<string, bigint>;

type Token =
  | { kind: "sign"; negative: boolean }
  | { kind: "number"; value: bigint }
  | { kind: "times" }
  | { kind: "name"; name: string };

// Non-strict and equality relations are named in the error, since the cone is open by definition.
const NON_STRICT = /(>=|<=|=>|=<|==|!=|≥|≤|≠|=)/;

/**
 * Parses one constraint line (comments already removed, not blank).
 * @param line 1-based line number, for messages.
 * @throws RangeError `line N: …` for any syntax error, a non-strict relation, a non-integer
 *   coefficient or a nonzero constant term.
 */
export function parseInequality(text: string, line: number): LineForm {
  const fail = (why: string): never => {
    throw new RangeError(`line ${line}: ${why}`);
  };
  const bad = NON_STRICT.exec(text);
  if (bad) fail(`'${bad[1]}' is not accepted: only strict '>' (or '<') inequalities, the cone is open`);
  const ops = [...text.matchAll(/[<>]/g)];
  if (ops.length === 0) fail(`no '>' in '${text}': write a constraint such as 2*w1-w3>0`);
  if (ops.length > 1) fail(`more than one '>' or '<' in '${text}': write one constraint a line`);
  const at = ops[0].index;
  const left = text.slice(0, at);
  const right = text.slice(at + 1);
  const form: LineForm = new Map();
  // a > b  ⇔  a − b > 0;  a < b  ⇔  b − a > 0.
  const leftSign = ops[0][0] === ">" ? 1n : -1n;
  let constant = 0n;
  for (const [side, sign, where] of [
    [left, leftSign, "left"],
    [right, -leftSign, "right"],
  ] as const) {
    const terms = parseForm(side, fail, where);
    for (const [name, c] of terms) {
      if (name === null) constant += sign * c;
      else form.set(name, (form.get(name) ?? 0n) + sign * c);
    }
  }
  if (constant !== 0n) {
    fail(`constant term ${constant > 0n ? "" : "-"}${constant < 0n ? -constant : constant} is not allowed: the cone {Aθ > 0} is homogeneous (no constants)`);
  }
  return form;
}

/** Terms of one side as (variable or null for a constant, coefficient) pairs. */
function parseForm(text: string, fail: (why: string) => never, where: string): [string | null, bigint][] {
  const tokens = tokenize(text, fail);
  if (tokens.length === 0) fail(`the ${where}-hand side is empty`);
  const terms: [string | null, bigint][] = [];
  let k = 0;
  while (k < tokens.length) {
    let sign = 1n;
    const t = tokens[k];
    if (t.kind === "sign") {
      sign = t.negative ? -1n : 1n;
      k++;
    } else if (terms.length > 0) {
      fail(`missing '+' or '-' between terms in '${text.trim()}'`);
    }
    let coef = 1n;
    let hasNumber = false;
    let next = tokens[k];
    if (next?.kind === "number") {
      coef = next.value;
      hasNumber = true;
      next = tokens[++k];
      if (next?.kind === "times") {
        next = tokens[++k];
        if (next?.kind !== "name") fail(`'*' must be followed by a variable in '${text.trim()}'`);
      }
    }
    if (next?.kind === "name") {
      terms.push([next.name, sign * coef]);
      k++;
    } else if (hasNumber) {
      terms.push([null, sign * coef]);
    } else {
      fail(`expected a coefficient or a variable in '${text.trim()}'`);
    }
  }
  return terms;
}

function tokenize(text: string, fail: (why: string) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "+" || ch === "-") {
      tokens.push({ kind: "sign", negative: ch === "-" });
      i++;
      continue;
    }
    if (ch === "*") {
      tokens.push({ kind: "times" });
      i++;
      continue;
    }
    // No exponent form: in `2e1` the `e1` is a variable.
    const num = /\d+(?:\.\d*)?/y;
    num.lastIndex = i;
    const n = num.exec(text);
    if (n) {
      if (!/^\d+$/.test(n[0])) fail(`coefficient ${n[0]} is not an integer (scale the constraint to integers)`);
      tokens.push({ kind: "number", value: BigInt(n[0]) });
      i += n[0].length;
      continue;
    }
    NAME_PATTERN.lastIndex = i;
    const name = NAME_PATTERN.exec(text);
    if (name) {
      tokens.push({ kind: "name", name: name[0] });
      i += name[0].length;
      continue;
    }
    fail(`unexpected '${ch}' in '${text.trim()}'`);
  }
  return tokens;
}
