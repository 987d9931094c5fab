/**
 * The region of a single function decided by linear programming with exact certificates, without
 * enumerating all functions: realisable with an integer interior point, or not with a Gordan
 * (Farkas) certificate y ≥ 0, yᵀA = 0; facets with a witness point each, redundant rows with
 * non-negative multipliers. An independent method from the enumeration's chamber adjacency.
 */
import { functionName } from "../../boolean/names.js";
import { type BooleanFunction, formatFunction, valueAt } from "../../boolean/truthTable.js";
import { irredundantRows } from "../../geometry/coneFacets.js";
import { type FunctionRegion, unrealisableRegion } from "./perceptronRegion.js";
import {
  checkPerceptronSpec,
  coneRows,
  constrainingRows,
  formatConstraint,
  type PerceptronSpec,
} from "./perceptronSpec.js";

/** A region row plus, for an unrealisable function, its certificate of emptiness. */
export type AnalysedRegion = FunctionRegion & {
  /** Gordan certificate (one multiplier per constraining row) when no weights compute f. */
  readonly farkas?: string[];
  /** The facet rows of the cone as integer vectors (s_x·x̃), for the volume methods. */
  readonly facetVectors: bigint[][];
};

/**
 * Decides realisability and facets of f for `spec` by LP plus exact certificates.
 * @throws RangeError for a bad spec or a function of the wrong size.
 */
export function analyseFunction(spec: PerceptronSpec, f: BooleanFunction): AnalysedRegion {
  checkPerceptronSpec(spec);
  if (f.n !== spec.inputs) throw new RangeError(`function has ${f.n} inputs, the perceptron ${spec.inputs}`);
  const rowsOf = constrainingRows(spec);
  const A = coneRows(spec, (r) => valueAt(f, r));
  if (!spec.bias && spec.encoding === "binary" && valueAt(f, 0) === 1) {
    // The zero input's pre-activation is always 0, so its output is always 0: no cone at all.
    return { ...unrealisableRegion(f), facetVectors: [] };
  }
  const result = irredundantRows(A);
  if (!result.ok) return { ...unrealisableRegion(f), farkas: result.farkas.map(String), facetVectors: [] };
  const name = functionName(f);
  const base = { function: formatFunction(f), ...(name === undefined ? {} : { name }) };
  const facetRows = result.facets.map((i) => rowsOf[i]);
  return {
    ...base,
    realizable: true,
    facets: facetRows.length,
    constraints: facetRows.map((r) => formatConstraint(spec, r, valueAt(f, r))),
    facetRows,
    witness: result.interiorPoint.map(Number),
    facetVectors: result.facets.map((i) => A[i].map((v) => BigInt(v))),
  };
}
