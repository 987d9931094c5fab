/**
 * Completeness of a set of perceptron functions, proved rather than inferred from a published count.
 *
 * The realisable functions are the chambers of the central arrangement of the hyperplanes
 * ⟨θ, x̃_r⟩ = 0, and two chambers are adjacent when they share a facet; crossing the facet on row r's
 * hyperplane flips f(r) (and f at the row with the same hyperplane, see partnerRow). The chamber graph
 * of an arrangement is connected, so a nonempty set S of realisable functions that contains every
 * facet flip of each of its members is the set of all realisable functions.
 *
 * The check runs on class representatives: a symmetry that acts on θ linearly and permutes the rows'
 * hyperplanes maps chambers to chambers and facets to facets, so if each representative's facet flips
 * lie in the classes of S, so do those of every member. Facets are decided without consulting S: each
 * claimed facet has an integer witness (the flipped function's point, which also proves the flip
 * realisable) and each other row exact non-negative multipliers over the others (it is redundant);
 * S only proposes the candidates (rows whose flip it contains), which saves the LPs.
 */

import { formatWords } from "../../boolean/truthTable.js";
import { type CandidateFacetsResult, certifyFacetCandidates } from "../../geometry/facetCandidates.js";
import { partnerRow } from "./perceptronRegion.js";
import { checkPerceptronSpec, coneRows, constrainingRows, type PerceptronSpec } from "./perceptronSpec.js";

/** One class of a function set: a member (word form) and, when known, integer weights computing it. */
export interface ClassRepresentative {
  readonly table: Uint32Array;
  /** Parameters (w1 … wn[, b]) in the spec's encoding; checked, and found by LP when absent or wrong. */
  readonly witness?: ArrayLike<number>;
}

/** Options of {@link certifyFacetFlipClosure}. */
export interface FlipClosureOptions {
  /** Check only these representatives (indices), e.g. a sample; the result then proves nothing. */
  readonly only?: readonly number[];
  /** Called after each representative with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Outcome of a closure check. Field names are a public interface (JSON output). */
export interface FlipClosureResult {
  /** Number of representatives whose facets were certified and flipped. */
  readonly classes: number;
  /** Facets certified (each by an exact witness) and flipped. */
  readonly flipsChecked: number;
  /** Rows certified redundant by exact non-negative multipliers. */
  readonly redundantRows: number;
  /** Rows the candidates got wrong, settled by an extra LP (0 when the set's adjacency is right). */
  readonly fallbacks: number;
  /** Whether every facet flip checked lies in a class of the set (and every class was checked). */
  readonly closed: boolean;
  /** A certified facet flip (truth table) whose class is not in the set, when there is one. */
  readonly missing?: string;
  /** The representative that `missing` was flipped from. */
  readonly missingFrom?: string;
  /** One sentence for tables' `summary.certification`. */
  readonly certification: string;
}

/** Row pairs sharing a hyperplane: the first row of each hyperplane, in input order. */
function hyperplaneRows(spec: PerceptronSpec): number[] {
  return constrainingRows(spec).filter((r) => partnerRow(spec, r) >= r);
}

/**
 * Whether f respects the rows its cone leaves out: without bias, signed inputs x and −x must get
 * opposite outputs (their constraints are then one and the same), and binary input 0 must get 0.
 */
function fitsOmittedRows(spec: PerceptronSpec, value: (row: number) => 0 | 1): boolean {
  if (spec.bias) return true;
  if (spec.encoding === "binary") return value(0) === 0;
  return constrainingRows(spec).every((r) => value(partnerRow(spec, r)) !== value(r));
}

/** The function on the other side of row r's hyperplane (a new array). */
function flipAcross(spec: PerceptronSpec, table: Uint32Array, r: number): Uint32Array {
  const t = Uint32Array.from(table);
  const p = partnerRow(spec, r);
  t[r >>> 5] ^= 1 << (r & 31);
  if (p !== r) t[p >>> 5] ^= 1 << (p & 31);
  return t;
}

/**
 * Checks that the union of the classes of `representatives` is closed under facet flips, which
 * proves it is the set of all functions `spec` computes (see the module comment).
 * @param canonicalize a key equal for two realisable functions iff they are in the same class, under a
 *   group of linear maps of θ that permute the rows' hyperplanes (e.g. npnThresholdKey with a bias,
 *   symmetryClassKey for the prior's group). It is only relied on for realisable functions.
 * @returns the counts and verdict; the first missing flip stops the check.
 * @throws RangeError for an invalid spec, no representatives, an index in `only` out of range, or
 *   a representative that is not realisable.
 */
export function certifyFacetFlipClosure(
  spec: PerceptronSpec,
  representatives: readonly ClassRepresentative[],
  canonicalize: (table: Uint32Array) => string,
  options: FlipClosureOptions = {},
): FlipClosureResult {
  checkPerceptronSpec(spec);
  if (representatives.length === 0) throw new RangeError("certifyFacetFlipClosure needs at least one representative");
  const keys = new Set(representatives.map((c) => canonicalize(c.table)));
  const chosen = options.only ?? representatives.map((_, k) => k);
  for (const k of chosen) {
    if (!Number.isInteger(k) || k < 0 || k >= representatives.length) {
      throw new RangeError(`only: index ${k} is not a representative 0 … ${representatives.length - 1}`);
    }
  }
  const planes = hyperplaneRows(spec);
  const d = spec.inputs + (spec.bias ? 1 : 0);
  let flipsChecked = 0;
  let redundantRows = 0;
  let fallbacks = 0;
  let classes = 0;
  for (const k of chosen) {
    const { table, witness } = representatives[k];
    const value = (r: number) => ((table[r >>> 5] >>> (r & 31)) & 1) as 0 | 1;
    const all = coneRows(spec, value);
    const rowIndex = constrainingRows(spec);
    const A = planes.map((r) => all[rowIndex.indexOf(r)]);
    const flips = planes.map((r) => flipAcross(spec, table, r));
    const candidates = planes.flatMap((_, h) => (keys.has(canonicalize(flips[h])) ? [h] : []));
    const point = witness && witness.length === d ? Array.from(witness) : undefined;
    const res: CandidateFacetsResult = certifyFacetCandidates(A, candidates, { interiorPoint: point });
    if (!res.ok || !fitsOmittedRows(spec, value)) throw new RangeError(`representative ${formatWords(table, spec.inputs)} is not realisable`);
    classes++;
    fallbacks += res.fallbacks;
    redundantRows += planes.length - res.facets.length;
    for (const h of res.facets) {
      flipsChecked++;
      if (!keys.has(canonicalize(flips[h]))) {
        const missing = formatWords(flips[h], spec.inputs);
        const from = formatWords(table, spec.inputs);
        return {
          classes,
          flipsChecked,
          redundantRows,
          fallbacks,
          closed: false,
          missing,
          missingFrom: from,
          certification: `incomplete: ${missing}, a facet flip of ${from} certified realisable by an exact witness, is in no class`,
        };
      }
    }
    options.onProgress?.(classes, chosen.length);
  }
  const partial = chosen.length < representatives.length;
  const counts = `${classes} classes, ${flipsChecked} facet flips, every facet certified by an exact witness and every other row redundant by exact Farkas multipliers`;
  return {
    classes,
    flipsChecked,
    redundantRows,
    fallbacks,
    closed: !partial,
    certification: partial
      ? `partial: ${classes} of ${representatives.length} classes checked, every facet flip in the set (${flipsChecked} flips); this alone proves nothing`
      : `complete: closed under facet flips (${counts})`,
  };
}
