/**
 * The region of one function in a perceptron's weight space: realisability with an integer
 * witness, the facets (irredundant constraints) and their printed form.
 *
 * Facets are decided by chamber adjacency over the certified enumeration: constraint x is a facet
 * of C_f iff f with f(x) flipped is realisable (the two open chambers are then joined by a segment
 * that crosses only the hyperplane of x, inside a facet).
 */

import {
  flipRowWord,
  rowValue,
  wordCount,
  wordsFromBigInt,
  wordsToBigInt,
} from "../../boolean/tableWords.js";
import { functionName } from "../../boolean/names.js";
import { type BooleanFunction, formatFunction, formatWords, rowCount } from "../../boolean/truthTable.js";
import { constrainingRows, formatConstraint, type PerceptronSpec, rowVector } from "./perceptronSpec.js";
import type { RealisableFunctions } from "./realisableFunctions.js";

/** One row of a constraint table. Field names are a public interface (JSON output). */
export interface FunctionRegion {
  /** Truth table, character i = f(row i). */
  readonly function: string;
  /** Conventional name, when the function has one. */
  readonly name?: string;
  /** Whether some weights compute the function. */
  readonly realizable: boolean;
  /** Number of irredundant constraints (null when not realisable). */
  readonly facets: number | null;
  /** The facet constraints in input order, e.g. `w1+w2+b>0`. */
  readonly constraints: string[];
  /** Rows (inputs) whose constraints are facets, in input order. */
  readonly facetRows: number[];
  /** Integer parameters (w1 … wn[, b]) computing the function, certified; null if unrealisable. */
  readonly witness: number[] | null;
}

/** The row paired with r whose hyperplane coincides with r's (signed, no bias: −x), or r itself. */
export function partnerRow(spec: PerceptronSpec, row: number): number {
  return !spec.bias && spec.encoding === "signed" ? rowCount(spec.inputs) - 1 - row : row;
}

/**
 * Facet rows of a realisable table by chamber adjacency (one row per hyperplane, input order);
 * `isRealisable` is membership in the certified enumeration.
 */
export function facetRowsByAdjacency(
  spec: PerceptronSpec,
  isRealisable: (table: Uint32Array) => boolean,
  table: Uint32Array,
): number[] {
  const out: number[] = [];
  const probe = Uint32Array.from(table);
  for (const r of constrainingRows(spec)) {
    const p = partnerRow(spec, r);
    if (p < r) continue;
    probe[r >>> 5] ^= 1 << (r & 31);
    if (p !== r) probe[p >>> 5] ^= 1 << (p & 31);
    if (isRealisable(probe)) out.push(r);
    probe.set(table);
  }
  return out;
}

/**
 * Facet rows as a row set in word form (like a table: bit r set iff row r is a facet). Symmetries
 * of the realisable set permute rows and preserve adjacency, so this set can be carried along a
 * symmetry walk instead of being recomputed for every member of a class.
 */
export function facetRowMask(spec: PerceptronSpec, facetRows: readonly number[]): Uint32Array {
  const mask = new Uint32Array(wordCount(spec.inputs));
  for (const r of facetRows) flipRowWord(mask, r);
  return mask;
}

/** The facet rows (input order) of a row set made by facetRowMask, possibly carried by a walk. */
export function facetRowsOfMask(spec: PerceptronSpec, mask: Uint32Array): number[] {
  return constrainingRows(spec).filter((r) => partnerRow(spec, r) >= r && rowValue(mask, r) === 1);
}

/**
 * Checks in BigInt arithmetic that the integer parameters θ compute f with every pre-activation
 * nonzero (θ lies in the open cone, not on a boundary).
 */
export function verifyWitness(spec: PerceptronSpec, f: BooleanFunction, theta: readonly number[]): boolean {
  return verifyWitnessWords(spec, wordsFromBigInt(f.bits, f.n), theta);
}

/** Largest |θ_i| for which pre-activations (≤ 8·2^40 in magnitude) are exact in doubles. */
const EXACT_IN_DOUBLES = 2 ** 40;

/**
 * verifyWitness on a table in word form. Integer arithmetic is exact either way: in doubles when
 * every |θ_i| ≤ 2^40 (sums of at most 8 such terms stay far below 2^53), in BigInt otherwise.
 */
export function verifyWitnessWords(
  spec: PerceptronSpec,
  table: Uint32Array,
  theta: readonly number[],
): boolean {
  const rows = rowVectors(spec);
  const small = theta.every((v) => Number.isSafeInteger(v) && Math.abs(v) <= EXACT_IN_DOUBLES);
  // BigInts only when needed: this check runs on each of the 15 million rows of the n = 6 expansion.
  const t = small ? [] : theta.map((v) => BigInt(v));
  for (let r = 0; r < rows.length; r++) {
    const x = rows[r];
    let sign: number;
    if (small) {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += x[i] * theta[i];
      sign = Math.sign(s);
    } else {
      let s = 0n;
      for (let i = 0; i < x.length; i++) s += BigInt(x[i]) * t[i];
      sign = s > 0n ? 1 : s < 0n ? -1 : 0;
    }
    const want = rowValue(table, r);
    // Only the all-zero input without bias has pre-activation 0 for every θ; its output is 0.
    const ok = sign === 0 ? want === 0 && x.every((c) => c === 0) : sign > 0 === (want === 1);
    if (!ok) return false;
  }
  return true;
}

// Indexed by specIndex: these are read once per row of a 15-million-row table, so no key strings.
const rowCache: number[][][] = [];
const constraintCache: string[][][] = [];

/** A small integer naming a spec's variant, for the caches. */
const specIndex = (spec: PerceptronSpec) => spec.inputs * 4 + (spec.bias ? 2 : 0) + (spec.encoding === "signed" ? 1 : 0);

/** The vectors x̃ of all rows of a spec (cached). */
function rowVectors(spec: PerceptronSpec): number[][] {
  const key = specIndex(spec);
  return (rowCache[key] ??= Array.from({ length: rowCount(spec.inputs) }, (_, r) => rowVector(spec, r)));
}

/** Printed constraint of row r for output v, `[r][v]` (cached). */
function constraintStrings(spec: PerceptronSpec): string[][] {
  const key = specIndex(spec);
  return (constraintCache[key] ??= Array.from({ length: rowCount(spec.inputs) }, (_, r) => [
    formatConstraint(spec, r, 0),
    formatConstraint(spec, r, 1),
  ]));
}

/**
 * Builds the region row of a realisable table with its witness. The facets are found by adjacency
 * unless `facetMask` (facetRowMask of this table's facets, e.g. carried along a symmetry walk from
 * the class representative) gives them.
 * @throws Error if the witness fails the exact check (a bug, never silently passed).
 */
export function regionFromWitness(
  spec: PerceptronSpec,
  isRealisable: (table: Uint32Array) => boolean,
  table: Uint32Array,
  witness: readonly number[],
  facetMask?: Uint32Array,
): FunctionRegion {
  const f: BooleanFunction = { n: spec.inputs, bits: wordsToBigInt(table) };
  const text = formatWords(table, spec.inputs);
  if (!verifyWitnessWords(spec, table, witness))
    throw new Error(`witness ${witness} does not realise ${text}`);
  const facetRows = facetMask
    ? facetRowsOfMask(spec, facetMask)
    : facetRowsByAdjacency(spec, isRealisable, table);
  const name = functionName(f);
  const strings = constraintStrings(spec);
  return {
    function: text,
    ...(name === undefined ? {} : { name }),
    realizable: true,
    facets: facetRows.length,
    constraints: facetRows.map((r) => strings[r][rowValue(table, r)]),
    facetRows,
    witness: [...witness],
  };
}

/** Builds the region row for function k of a realisable set. */
export function regionOf(set: RealisableFunctions, k: number): FunctionRegion {
  const width = set.tables.length / set.count;
  const d = set.witnesses.length / set.count;
  return regionFromWitness(
    set.spec,
    (t) => set.indexOf(t) >= 0,
    set.tables.subarray(k * width, (k + 1) * width),
    Array.from(set.witnesses.subarray(k * d, (k + 1) * d)),
  );
}

/** A region row for a function no weights compute. */
export function unrealisableRegion(f: BooleanFunction): FunctionRegion {
  const name = functionName(f);
  return {
    function: formatFunction(f),
    ...(name === undefined ? {} : { name }),
    realizable: false,
    facets: null,
    constraints: [],
    facetRows: [],
    witness: null,
  };
}

/** Region row of any function: realisable ones by lookup, others marked unrealisable. */
export function regionOfFunction(set: RealisableFunctions, f: BooleanFunction): FunctionRegion {
  const k = set.indexOf(wordsFromBigInt(f.bits, f.n));
  return k >= 0 ? regionOf(set, k) : unrealisableRegion(f);
}
