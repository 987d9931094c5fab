/**
 * The exact shape of a user's open cone C = {θ ∈ R^d : Aθ > 0}: empty or not (with a certificate
 * either way), its facets, and its lineality. An open cone is either empty or full-dimensional, so
 * "lower-dimensional" can only describe the closed cone {Aθ ≥ 0}, which is reported separately.
 */

import { irredundantRows } from "./coneFacets.js";
import { decideCone } from "./coneFeasibility.js";
import { nullSpace } from "./linalg.js";

/** What {@link describeOpenCone} finds. */
export type OpenConeShape =
  | {
      readonly empty: false;
      /** An integer point with Aθ > 0 (the origin when A has no rows). */
      readonly witness: bigint[];
      /** Indices of the facet rows, increasing: the unique irredundant description of C. */
      readonly facets: number[];
      /** Dimension of the lineality space {θ : Aθ = 0} (0 iff C is pointed; d when A has no rows). */
      readonly linealityDimension: number;
    }
  | {
      readonly empty: true;
      /** Gordan certificate: y ≥ 0, y ≠ 0 with yᵀA = 0, one multiplier per row. */
      readonly farkas: bigint[];
      /**
       * Whether the closed cone {Aθ ≥ 0} is still full-dimensional, which happens only when some
       * row is zero (0 > 0 never holds); otherwise it lies in a hyperplane.
       */
      readonly closureFullDimensional: boolean;
    };

/**
 * Decides emptiness and finds the facets of {θ : Aθ > 0}, every answer certified in exact
 * arithmetic (an interior point, per-row witnesses or multipliers, or a Gordan certificate).
 * @param rows m×d integer rows (m ≥ 0).
 * @param d the dimension (needed when there are no rows), ≥ 1.
 * @throws RangeError if d < 1 or a row does not have d entries.
 */
export function describeOpenCone(rows: readonly (readonly bigint[])[], d: number): OpenConeShape {
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`describeOpenCone: the dimension must be ≥ 1, got ${d}`);
  rows.forEach((r, i) => {
    if (r.length !== d) throw new RangeError(`describeOpenCone: row ${i + 1} has ${r.length} entries, expected ${d}`);
  });
  if (rows.length === 0) return { empty: false, witness: new Array<bigint>(d).fill(0n), facets: [], linealityDimension: d };
  const res = irredundantRows(rows, { method: "lp" });
  if (!res.ok) {
    const nonzero = rows.filter((r) => r.some((x) => x !== 0n));
    return { empty: true, farkas: res.farkas, closureFullDimensional: decideCone(nonzero, d).ok };
  }
  return {
    empty: false,
    witness: res.interiorPoint,
    facets: res.facets,
    linealityDimension: nullSpace(rows, d).length,
  };
}
