/**
 * The exact probability of any open cone {θ : Aθ > 0} under a prior, including the cases the prior
 * families' `measureCone` does not take: no rows, an empty cone, and a cone that is not pointed.
 *
 * A cone containing the line ℝℓ (ℓ in its lineality space L = {Aθ = 0}) is split by the hyperplane
 * ℓ·θ = 0 into C ∩ {ℓ·θ > 0} and C ∩ {ℓ·θ < 0}; the hyperplane has probability zero under any prior
 * with a density, so the measures add up exactly, for any scales (no rotation invariance needed).
 * Both halves are nonempty (p + tℓ ∈ C for an interior point p and every t) and their lineality is
 * L ∩ ℓ^⊥, one dimension less, so after dim L splits every piece is pointed: 2^{dim L} pieces, 2^d
 * (the orthants) for the whole space.
 */

import { findInteriorPoint } from "../geometry/coneFeasibility.js";
import { nullSpace } from "../geometry/linalg.js";
import { checkPrior, type ConeMeasure, type Prior } from "./prior.js";

/**
 * P(Aθ > 0) for θ drawn from `prior`, by the family's exact method; `family.total([])` (the empty
 * measure: p = 0) when the open cone is empty, which includes any zero row.
 * @param rows m×d integer rows, m ≥ 0, d = prior.scales.length.
 * @throws RangeError for bad scales, rows of the wrong length, or d above the family's
 *   `maxExactDimension` (use Monte Carlo there).
 */
export function measureOpenCone<M extends ConeMeasure>(rows: readonly (readonly bigint[])[], prior: Prior<M>): M {
  const d = prior.scales.length;
  checkPrior(prior, d);
  const family = prior.family;
  if (d > family.maxExactDimension) {
    throw new RangeError(`exact ${family.kind} volumes take at most ${family.maxExactDimension} parameters, got ${d}; use Monte Carlo`);
  }
  rows.forEach((r, i) => {
    if (r.length !== d) throw new RangeError(`row ${i + 1} has ${r.length} entries, the prior ${d}`);
  });
  if (rows.length > 0 && !findInteriorPoint(rows).ok) return family.total([]);
  return family.total(pointedPieces(rows, d).map((piece) => ({ measure: family.measureCone(piece, prior.scales), weight: 1 })));
}

/** Row sets of pointed cones that tile the nonempty open cone up to hyperplanes (see the file comment). */
export function pointedPieces(rows: readonly (readonly bigint[])[], d: number): bigint[][][] {
  const lineality = nullSpace(rows, d);
  if (lineality.length === 0) return [rows.map((r) => [...r])];
  const l = lineality[0];
  return [l, l.map((x) => -x)].flatMap((cut) => pointedPieces([...rows, cut], d));
}
