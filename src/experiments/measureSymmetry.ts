/**
 * Which symmetries of Boolean functions leave each complexity measure unchanged, and whether an
 * architecture's symmetries (whose orbits are the classes of its tables) lie within them: then the
 * measure is constant on each class and is computed once per class.
 */
import type { Architecture, ParameterSymmetry } from "../arch/architecture.js";
import type { ComplexityMeasureName } from "../arch/complexityOfFunction.js";
import { NPN, type SymmetryGroup } from "../boolean/symmetryGroup.js";
import { wordCount } from "../boolean/tableWords.js";
import { rowCount } from "../boolean/truthTable.js";

/**
 * The group each measure is invariant under (checked over every function of 3 inputs and sampled
 * ones of 4 in the tests). LZ reads the truth table as a string, so no input symmetry keeps it,
 * but its phrase count compares symbols only for equality, so complementing the string (output
 * negation) keeps it; the Boolean complexity counts NOT operators, so negating an input or the
 * output can change it.
 */
export const MEASURE_SYMMETRY: Readonly<Record<ComplexityMeasureName, SymmetryGroup>> = {
  lz: { permuteInputs: false, negateInputs: false, negateOutput: true },
  entropy: NPN,
  boolean: { permuteInputs: true, negateInputs: false, negateOutput: false },
  csr: NPN,
  sensitivity: NPN,
  fourierL1: NPN,
  facets: NPN,
  minWeight: NPN,
};

const getBit = (t: Uint32Array, r: number) => (t[r >>> 5] >>> (r & 31)) & 1;

/**
 * Whether a symmetry's action on truth tables lies in the group g. The actions of the registered
 * architectures are affine over GF(2) (a permutation π of rows, then XOR with a fixed mask), so
 * the action is read off the images of the zero table and of each one-row table, its affinity is
 * checked on the all-ones table, and then: the mask must be 0, or all ones with output negation in
 * g; π must come from a map of inputs x ↦ P(x) ⊕ s with P a permutation of the input bits
 * (permutations in g unless P is the identity) and s a negation pattern (in g unless s = 0).
 */
export function actionWithin(sym: ParameterSymmetry, n: number, g: SymmetryGroup): boolean {
  const rows = rowCount(n);
  const words = wordCount(n);
  const image = (set: (t: Uint32Array) => void) => {
    const t = new Uint32Array(words);
    set(t);
    sym.actOnTable(t);
    return t;
  };
  const mask = image(() => {});
  const pi = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const t = image((u) => (u[r >>> 5] |= 1 << (r & 31)));
    const moved: number[] = [];
    for (let q = 0; q < rows; q++) if (getBit(t, q) !== getBit(mask, q)) moved.push(q);
    if (moved.length !== 1) return false;
    pi[r] = moved[0];
  }
  const ones = image((u) => {
    for (let r = 0; r < rows; r++) u[r >>> 5] |= 1 << (r & 31);
  });
  for (let q = 0; q < rows; q++) if (getBit(ones, q) === getBit(mask, q)) return false;
  let maskBits = 0;
  for (let q = 0; q < rows; q++) maskBits += getBit(mask, q);
  if (maskBits !== 0 && !(maskBits === rows && g.negateOutput)) return false;
  // Row index bits: input x_k is bit n−1−k of the row (MSB-first), so any bit order works alike here.
  const s = pi[0];
  if (s !== 0 && !g.negateInputs) return false;
  const p: number[] = [];
  for (let k = 0; k < n; k++) {
    const img = pi[1 << k] ^ s;
    if (img === 0 || (img & (img - 1)) !== 0) return false;
    p.push(img);
  }
  if (!g.permuteInputs && p.some((img, k) => img !== 1 << k)) return false;
  for (let r = 0; r < rows; r++) {
    let want = s;
    for (let k = 0; k < n; k++) if ((r >> k) & 1) want ^= p[k];
    if (pi[r] !== want) return false;
  }
  return true;
}

/** Whether every symmetry of the architecture lies in g, so a measure invariant under g is constant on its classes. */
export function classConstant(arch: Architecture, g: SymmetryGroup): boolean {
  return arch.symmetries.every((sym) => actionWithin(sym, arch.inputs, g));
}
