/**
 * The functions of the binary-encoding perceptron without bias (output 1 iff ⟨w, x⟩ > 0, so
 * f(0) = 0), by symmetry class of its priors (input permutations and w ↦ −w, which complements the
 * output on every input but 0), derived from the NPN class list of threshold functions rather than
 * from all threshold functions (15 million at n = 6).
 *
 * f with f(0) = 0 is computed without bias iff row 0 (the hyperplane b = 0) is a facet of its cone
 * with bias: a w computing f gives (w, ±ε) in f's chamber and in f ⊕ row 0's, which are then
 * adjacent; conversely a point of that facet's relative interior has b = 0 and every other
 * constraint strict. If f = c ⊕ π(r∘ν_M) for the NPN representative r (π permutes, ν_M negates the
 * inputs set in row M), row 0 of f is row M of r, so every class is reached from some facet row M of
 * some r: g = r∘ν_M, complemented when r(M) = 1. Its witness is where the segment from r's witness
 * p to the certified witness q of r ⊕ row M crosses row M's hyperplane — (−a_M·q)·p + (a_M·p)·q, all
 * other constraints stay strict along the segment — carried through ν_M, where b becomes 0.
 * Facets are certified exactly (certifyFacetCandidates) and witnesses checked in integer arithmetic.
 * Completeness is not claimed here: the table proves it by facet-flip closure.
 */

import { applyStep, walkSteps } from "../../boolean/symmetryGroup.js";
import { TableMap } from "../../boolean/tableSet.js";
import { formatWords } from "../../boolean/truthTable.js";
import { complementWords, negateRowBit, rowValue } from "../../boolean/tableWords.js";
import { certifyFacetCandidates } from "../../geometry/facetCandidates.js";
import { dot, primitive } from "../../geometry/linalg.js";
import { binaryClassKey, binaryOrbitSize } from "./binaryClassList.js";
import { facetRowsByAdjacency, verifyWitnessWords } from "./perceptronRegion.js";
import { coneRows, type PerceptronSpec } from "./perceptronSpec.js";
import { volumeSymmetry } from "./symmetryClasses.js";
import type { ThresholdClassList } from "./thresholdClassList.js";

/** One symmetry class of the binary perceptron without bias. */
export interface NoBiasClass {
  /** A member (word form), f(0) = 0. */
  readonly rep: Uint32Array;
  /** Integer weights w1 … wn computing `rep` (checked exactly). */
  readonly witness: Int32Array;
  /** Number of functions in the class. */
  readonly orbit: number;
  /** Index in the NPN class list of the class `rep` lies in (with bias). */
  readonly npnClass: number;
}

/** The spec of the binary perceptron without bias on n inputs. */
function noBiasSpec(n: number): PerceptronSpec {
  return { inputs: n, bias: false, encoding: "binary" };
}

/**
 * Canonical key of a no-bias function's class (a new array): the smaller Chow-sorted form of f and
 * of its image under w ↦ −w. Exact for functions the perceptron computes (threshold functions).
 */
export function noBiasClassKey(table: Uint32Array, n: number): Uint32Array {
  return binaryClassKey(table, n, volumeSymmetry(noBiasSpec(n)).negateOutput);
}

/**
 * The symmetry classes of the binary perceptron without bias on `list.n` ≥ 1 inputs (see the module
 * comment), in order of the NPN classes and facet rows they come from.
 * @throws RangeError for a list of 0 inputs; Error if a derived witness fails its exact check (a bug).
 */
export function binaryNoBiasClasses(list: ThresholdClassList): NoBiasClass[] {
  const n = list.n;
  if (n < 1) throw new RangeError("a perceptron without bias needs at least 1 input");
  const withBias: PerceptronSpec = { inputs: n, bias: true, encoding: "binary" };
  const spec = noBiasSpec(n);
  const negate = volumeSymmetry(spec).negateOutput;
  const seen = new Set<string>();
  const out: NoBiasClass[] = [];
  list.classes.forEach((c, j) => {
    const value = (r: number) => rowValue(c.rep, r) as 0 | 1;
    const A = coneRows(withBias, value).map((row) => row.map(BigInt));
    const cert = certifyFacetCandidates(A, facetRowsByAdjacency(withBias, list.has, c.rep), {
      interiorPoint: Array.from(c.witness),
    });
    if (!cert.ok) throw new Error(`NPN representative ${formatWords(c.rep, n)} is not realisable`);
    const p = cert.interiorPoint;
    for (const m of cert.facets) {
      const status = cert.rows[m];
      if (status.kind !== "facet") continue;
      const q = status.witness;
      const z = primitive(p.map((x, i) => -dot(A[m], q) * x + dot(A[m], p) * q[i]));
      const g = Uint32Array.from(c.rep);
      for (let k = 0; k < n; k++) {
        if (!((m >> k) & 1)) continue;
        negateRowBit(g, k);
        // Negating input i = n−1−k: w_i ↦ −w_i, b ↦ b + w_i.
        z[n] += z[n - 1 - k];
        z[n - 1 - k] = -z[n - 1 - k];
      }
      if (rowValue(g, 0)) {
        // With bias θ ↦ −θ complements every row.
        complementWords(g, n);
        for (let i = 0; i <= n; i++) z[i] = -z[i];
      }
      const key = formatWords(noBiasClassKey(g, n), n);
      if (seen.has(key)) continue;
      seen.add(key);
      const w = z.slice(0, n).map(Number);
      if (z[n] !== 0n || !w.every((x) => Math.abs(x) < 2 ** 31) || !verifyWitnessWords(spec, g, w))
        throw new Error(`derived weights ${z.join(" ")} do not compute ${formatWords(g, n)} without bias`);
      out.push({ rep: g, witness: Int32Array.from(w), orbit: binaryOrbitSize(g, n, negate), npnClass: j });
    }
  });
  return out;
}

/**
 * Calls visit(table, witness) for every member of a class (walking input permutations and w ↦ −w,
 * carrying the witness along); arrays are reused between calls. Members met twice (a class with a
 * nontrivial stabiliser) are visited once.
 */
export function forEachNoBiasMember(
  n: number,
  cls: NoBiasClass,
  visit: (table: Uint32Array, witness: Int32Array) => void,
): void {
  const negate = volumeSymmetry(noBiasSpec(n)).negateOutput;
  const table = Uint32Array.from(cls.rep);
  const w = Int32Array.from(cls.witness);
  const seen = new TableMap(table.length, cls.orbit);
  const emit = () => {
    if (seen.setIfAbsent(table, 0)) visit(table, w);
    negate(table);
    for (let i = 0; i < n; i++) w[i] = -w[i];
    if (seen.setIfAbsent(table, 0)) visit(table, w);
    negate(table);
    for (let i = 0; i < n; i++) w[i] = -w[i];
  };
  emit();
  for (const step of walkSteps(n, { permuteInputs: true, negateInputs: false, negateOutput: false })) {
    if (seen.size === cls.orbit) return;
    applyStep(table, n, step);
    const t = w[step.arg];
    w[step.arg] = w[step.arg + 1];
    w[step.arg + 1] = t;
    if (step.visit) emit();
  }
}
