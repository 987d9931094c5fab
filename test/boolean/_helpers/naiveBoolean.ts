/**
 * Naive reference implementations for the Boolean tests, written without any code from src/:
 * truth tables are bigints (bit r = f(row r)), rows are decoded into input bits MSB-first
 * (x1 = most significant bit of the row index), and group elements act by rebuilding the table
 * row by row.
 */

/** Inputs (x1, …, xn) of row r, each 0 or 1, x1 first (MSB-first). */
export function bitsOfRow(n: number, r: number): number[] {
  return Array.from({ length: n }, (_, i) => (r >> (n - 1 - i)) & 1);
}

/** Row index of inputs (x1, …, xn). */
export function rowOfBits(x: readonly number[]): number {
  return x.reduce((acc, b) => acc * 2 + b, 0);
}

/** f(row r). */
export function bitAt(f: bigint, r: number): number {
  return Number((f >> BigInt(r)) & 1n);
}

/** The table of x ↦ rule(x) for all 2^n rows. */
export function tableFrom(n: number, rule: (x: number[], r: number) => number | boolean): bigint {
  let t = 0n;
  for (let r = 0; r < 2 ** n; r++) if (rule(bitsOfRow(n, r), r)) t |= 1n << BigInt(r);
  return t;
}

/** All 2^n − 1 … mask of the table bits. */
export function allOnes(n: number): bigint {
  return (1n << BigInt(2 ** n)) - 1n;
}

/** A group element: g·f (x) = out ⊕ f(y), y_i = x_{perm[i]} ⊕ neg[i]. */
export interface NaiveElement {
  readonly perm: readonly number[];
  readonly neg: readonly number[];
  readonly out: number;
}

/** g·f, naively. */
export function act(f: bigint, n: number, g: NaiveElement): bigint {
  return tableFrom(n, (x) => {
    const y = g.perm.map((p, i) => x[p] ^ g.neg[i]);
    return bitAt(f, rowOfBits(y)) ^ g.out;
  });
}

/** All permutations of 0 … n−1. */
export function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) {
    for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]);
  }
  return out;
}

/** Which symmetries a group contains (same shape as src's SymmetryGroup). */
export interface GroupFlags {
  readonly permuteInputs: boolean;
  readonly negateInputs: boolean;
  readonly negateOutput: boolean;
}

/** Every element of the group, listed (duplicates impossible: distinct (perm, neg, out) triples). */
export function elements(n: number, g: GroupFlags): NaiveElement[] {
  const perms = g.permuteInputs ? permutations(n) : [Array.from({ length: n }, (_, i) => i)];
  const negs: number[][] = [];
  for (let m = 0; m < (g.negateInputs ? 2 ** n : 1); m++) negs.push(bitsOfRow(n, m));
  const outs = g.negateOutput ? [0, 1] : [0];
  const list: NaiveElement[] = [];
  for (const perm of perms) for (const neg of negs) for (const out of outs) list.push({ perm, neg, out });
  return list;
}

/** The orbit of f, naively. */
export function naiveOrbit(f: bigint, n: number, g: GroupFlags): Set<bigint> {
  return new Set(elements(n, g).map((e) => act(f, n, e)));
}

/** All eight combinations of the three kinds of symmetry. */
export const ALL_GROUPS: GroupFlags[] = [false, true].flatMap((permuteInputs) =>
  [false, true].flatMap((negateInputs) =>
    [false, true].map((negateOutput) => ({ permuteInputs, negateInputs, negateOutput })),
  ),
);

/** Number of orbits of the group on all functions of n inputs, by naive partition. */
export function naiveClassCount(n: number, g: GroupFlags): number {
  const seen = new Set<bigint>();
  let classes = 0;
  for (let f = 0n; f < 1n << BigInt(2 ** n); f++) {
    if (seen.has(f)) continue;
    classes++;
    for (const h of naiveOrbit(f, n, g)) seen.add(h);
  }
  return classes;
}
