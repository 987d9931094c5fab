/**
 * The region of one function in a perceptron's weight space: realisability with an integer
 * witness, the facets (irredundant constraints) and their printed form.
 *
 * Facets are decided by chamber adjacency over the certified enumeration: constraint x is a facet
 * of C_f iff f with f(x) flipped is realisable (the two open chambers are then joined by a segment
 * that crosses only the hyperplane of x, inside a facet).
 */

import { rowValue, wordsFromBigInt, wordsToBigInt } from "../../boolean/_internals/tableWords.js";
import { functionName } from "../../boolean/names.js";
import { type BooleanFunction, formatFunction, rowCount } from "../../boolean/truthTable.js";
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
 * Checks in BigInt arithmetic that the integer parameters θ compute f with every pre-activation
 * nonzero (θ lies in the open cone, not on a boundary).
 */
export function verifyWitness(spec: PerceptronSpec, f: BooleanFunction, theta: readonly number[]): boolean {
  const t = theta.map((v) => BigInt(v));
  for (let r = 0; r < rowCount(spec.inputs); r++) {
    const x = rowVector(spec, r);
    let s = 0n;
    for (let i = 0; i < x.length; i++) s += BigInt(x[i]) * t[i];
    const want = (f.bits >> BigInt(r)) & 1n;
    // Only the all-zero input without bias has pre-activation 0 for every θ; its output is 0.
    const ok = s === 0n ? want === 0n && x.every((c) => c === 0) : s > 0n === (want === 1n);
    if (!ok) return false;
  }
  return true;
}

/**
 * Builds the region row of a realisable table with its witness.
 * @throws Error if the witness fails the exact check (a bug, never silently passed).
 */
export function regionFromWitness(
  spec: PerceptronSpec,
  isRealisable: (table: Uint32Array) => boolean,
  table: Uint32Array,
  witness: readonly number[],
): FunctionRegion {
  const f: BooleanFunction = { n: spec.inputs, bits: wordsToBigInt(table) };
  const text = formatFunction(f);
  if (!verifyWitness(spec, f, witness)) throw new Error(`witness ${witness} does not realise ${text}`);
  const facetRows = facetRowsByAdjacency(spec, isRealisable, table);
  const name = functionName(f);
  return {
    function: text,
    ...(name === undefined ? {} : { name }),
    realizable: true,
    facets: facetRows.length,
    constraints: facetRows.map((r) => formatConstraint(spec, r, rowValue(table, r) as 0 | 1)),
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
