/**
 * Symmetry groups acting on Boolean functions: input permutations, input negations and output
 * negation, in any combination. Elements are visited by a walk that applies one generator per
 * step (Steinhaus–Johnson–Trotter adjacent transpositions for permutations, a reflected Gray
 * code for negations), so visiting the whole group costs one cheap word operation per element.
 */
import {
  compareWords,
  complementWords,
  negateRowBit,
  swapRowBits,
  wordsFromBigInt,
  wordsToBigInt,
} from "./tableWords.js";
import type { BooleanFunction } from "./truthTable.js";

/** Which symmetries a group contains. */
export interface SymmetryGroup {
  /** Permute the inputs x1 … xn. */
  readonly permuteInputs: boolean;
  /** Negate individual inputs (xi ↦ 1 − xi, or −xi in the signed encoding). */
  readonly negateInputs: boolean;
  /** Negate the output (f ↦ ¬f). */
  readonly negateOutput: boolean;
}

/** The NPN group: all three kinds of symmetry. */
export const NPN: SymmetryGroup = { permuteInputs: true, negateInputs: true, negateOutput: true };

/**
 * One generator step of a walk: swap inputs `arg` and `arg+1` (0-based), or negate input `arg`,
 * followed by a visit when `visit` is set.
 */
export interface WalkStep {
  readonly kind: "swap" | "negate";
  readonly arg: number;
  readonly visit: boolean;
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/** Number of elements of the group acting on n-input functions. */
export function groupOrder(n: number, g: SymmetryGroup): number {
  return (g.permuteInputs ? factorial(n) : 1) * (g.negateInputs ? 2 ** n : 1) * (g.negateOutput ? 2 : 1);
}

/** Adjacent-transposition positions of the Steinhaus–Johnson–Trotter order (n! − 1 of them). */
export function plainChanges(n: number): number[] {
  const perm = Array.from({ length: n }, (_, i) => i);
  const dir = new Array<number>(n).fill(-1);
  const out: number[] = [];
  for (;;) {
    let idx = -1;
    for (let i = 0; i < n; i++) {
      const j = i + dir[i];
      if (j < 0 || j >= n || perm[j] > perm[i]) continue;
      if (idx === -1 || perm[i] > perm[idx]) idx = i;
    }
    if (idx === -1) return out;
    const m = perm[idx];
    const j = idx + dir[idx];
    [perm[idx], perm[j]] = [perm[j], perm[idx]];
    [dir[idx], dir[j]] = [dir[j], dir[idx]];
    out.push(Math.min(idx, j));
    for (let i = 0; i < n; i++) if (perm[i] > m) dir[i] = -dir[i];
  }
}

const walkCache = new Map<string, WalkStep[]>();

/**
 * The generator steps that, starting from any function (visited first, before any step), visit
 * every element of the group except output negation exactly once and end at the identity. Output negation doubles each
 * visit and is left to the caller.
 */
export function walkSteps(n: number, g: SymmetryGroup): WalkStep[] {
  const key = `${n}:${g.permuteInputs}:${g.negateInputs}`;
  const cached = walkCache.get(key);
  if (cached) return cached;
  const steps: WalkStep[] = [];
  const swaps = g.permuteInputs ? plainChanges(n) : [];
  for (let t = 0; t <= swaps.length; t++) {
    if (g.negateInputs && n > 0) {
      for (let j = 1; j < 2 ** n; j++) steps.push({ kind: "negate", arg: Math.log2(j & -j), visit: true });
      steps.push({ kind: "negate", arg: n - 1, visit: false });
    }
    if (t < swaps.length) steps.push({ kind: "swap", arg: swaps[t], visit: true });
  }
  // The plain-changes order ends one transposition of the first two inputs from the identity;
  // closing the cycle restores the caller's table.
  if (swaps.length > 0) steps.push({ kind: "swap", arg: 0, visit: false });
  walkCache.set(key, steps);
  return steps;
}

/** Applies one walk step to a table in word form (n inputs). */
export function applyStep(w: Uint32Array, n: number, step: WalkStep): void {
  if (step.kind === "negate") negateRowBit(w, n - 1 - step.arg);
  else swapRowBits(w, n - 2 - step.arg);
}

/**
 * Visits every image of a table (word form, modified in place and restored by the end) under the
 * group; `visit` sees the current table and whether it is the output-negated copy.
 */
export function walkGroup(
  w: Uint32Array,
  n: number,
  g: SymmetryGroup,
  visit: (table: Uint32Array, outputNegated: boolean) => void,
): void {
  const both = (t: Uint32Array) => {
    visit(t, false);
    if (g.negateOutput) {
      complementWords(t, n);
      visit(t, true);
      complementWords(t, n);
    }
  };
  both(w);
  for (const step of walkSteps(n, g)) {
    applyStep(w, n, step);
    if (step.visit) both(w);
  }
}

/** The canonical representative of f's class: the image with the smallest table value. */
export function canonicalForm(f: BooleanFunction, g: SymmetryGroup): BooleanFunction {
  const w = wordsFromBigInt(f.bits, f.n);
  let best = Uint32Array.from(w);
  walkGroup(w, f.n, g, (t) => {
    if (compareWords(t, best) < 0) best = Uint32Array.from(t);
  });
  return { n: f.n, bits: wordsToBigInt(best) };
}

/** Number of distinct images of f under the group (|G| / |stabiliser of f|). */
export function orbitSize(f: BooleanFunction, g: SymmetryGroup): number {
  const w = wordsFromBigInt(f.bits, f.n);
  const orig = Uint32Array.from(w);
  let fixed = 0;
  walkGroup(w, f.n, g, (t) => {
    if (compareWords(t, orig) === 0) fixed++;
  });
  return groupOrder(f.n, g) / fixed;
}
