/**
 * Conventional names of Boolean functions: every function of n ≤ 2 inputs, and for any n the
 * constants, dictators (xi, not xi), AND, OR, NAND, NOR, XOR, XNOR and majority (odd n ≥ 3).
 */
import { type BooleanFunction, rowBits, rowCount } from "./truthTable.js";

type Rule = (x: number[]) => boolean;

function tableOf(n: number, rule: Rule): bigint {
  let bits = 0n;
  for (let r = 0; r < rowCount(n); r++) if (rule(rowBits(n, r))) bits |= 1n << BigInt(r);
  return bits;
}

const TWO_INPUT_EXTRAS: Record<string, string> = {
  "0010": "x1 and not x2",
  "0100": "not x1 and x2",
  "1011": "x1 or not x2",
  "1101": "not x1 or x2",
};

const cache = new Map<number, Map<bigint, string>>();

function namesFor(n: number): Map<bigint, string> {
  const known = cache.get(n);
  if (known) return known;
  const names = new Map<bigint, string>();
  const put = (name: string, rule: Rule) => {
    const t = tableOf(n, rule);
    if (!names.has(t)) names.set(t, name);
  };
  const ones = (x: number[]) => x.reduce((a, b) => a + b, 0);
  put("const 0", () => false);
  put("const 1", () => true);
  for (let i = 0; i < n; i++) put(`x${i + 1}`, (x) => x[i] === 1);
  for (let i = 0; i < n; i++) put(`not x${i + 1}`, (x) => x[i] === 0);
  if (n >= 2) {
    put("AND", (x) => ones(x) === n);
    put("OR", (x) => ones(x) > 0);
    put("NAND", (x) => ones(x) < n);
    put("NOR", (x) => ones(x) === 0);
    put("XOR", (x) => ones(x) % 2 === 1);
    put("XNOR", (x) => ones(x) % 2 === 0);
  }
  if (n >= 3 && n % 2 === 1) put("MAJ", (x) => 2 * ones(x) > n);
  if (n === 2) {
    for (const [bitsText, name] of Object.entries(TWO_INPUT_EXTRAS)) {
      let t = 0n;
      for (let r = 0; r < 4; r++) if (bitsText[r] === "1") t |= 1n << BigInt(r);
      names.set(t, name);
    }
  }
  cache.set(n, names);
  return names;
}

/** The conventional name of f, or undefined when it has none. */
export function functionName(f: BooleanFunction): string | undefined {
  return namesFor(f.n).get(f.bits);
}
