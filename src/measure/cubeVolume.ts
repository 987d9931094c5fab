import {
  bigGcd,
  div,
  mul,
  ONE,
  type Rational,
  rat,
  toString as ratString,
  ZERO,
} from "../geometry/rational.js";
import { boxPolytopeVertices, unitBoxRows } from "./_internals/boxPolytopeVertices.js";
import type { InequalitySystem } from "./_internals/inequalitySystem.js";
import { lasserreVolume } from "./_internals/lasserreVolume.js";

/** Largest dimension d accepted by {@link cubeVolume}. */
export const CUBE_VOLUME_MAX_DIM = 8;

/** Result of {@link cubeVolume}; both values exact and reduced. */
export interface CubeVolume {
  /** Lebesgue d-volume of the region {θ ∈ Π_k [−h_k, h_k] : Aθ > 0}, in the units of θ. */
  readonly volume: Rational;
  /** volume / Π_k (2·h_k): the probability that θ drawn uniformly from the box lies in the cone. */
  readonly fraction: Rational;
}

/**
 * Exact volume of an open polyhedral cone inside an axis-aligned box centred at the origin.
 *
 * The region is {θ ∈ Π_k [−h_k, h_k] : a_i·θ > 0 for every row a_i of A}. Boundaries have measure
 * zero, so the answer is the same with ≥, with one exception: a zero row a_i = 0 can never satisfy
 * a_i·θ > 0, so it makes the region empty (volume 0). Repeated, parallel and redundant rows are
 * allowed and do not change the result.
 *
 * Method: the box's vertices are cut by the cone's half-spaces (exact double description), then
 * Lasserre's recursion in coordinate-projection form sums over the faces, memoised on faces and
 * pruned with those vertices; all arithmetic is in BigInt rationals. Cost grows with the number of
 * faces of the region, not with redundant rows: for perceptron cones with d = 7 and 64 rows it is
 * typically well under a second.
 *
 * @param A - the cone's rows: an m × d integer matrix (`bigint`s, or `number`s that are safe
 *   integers), 1 ≤ d ≤ {@link CUBE_VOLUME_MAX_DIM}, any m ≥ 0. With m = 0 (the whole box), d is
 *   taken from `halfWidths`.
 * @param halfWidths - the box half-widths h_k > 0, exact rationals, length d; default all 1.
 * @returns the exact volume and the fraction of the box's volume it fills.
 * @throws RangeError naming the argument if rows have different lengths, d is outside
 *   1…{@link CUBE_VOLUME_MAX_DIM}, an entry is not a (safe) integer, `halfWidths` has the wrong
 *   length or a non-positive entry, or A has no rows and `halfWidths` is missing.
 */
export function cubeVolume(
  A: readonly (readonly (bigint | number)[])[],
  halfWidths?: readonly Rational[],
): CubeVolume {
  const d = A.length > 0 ? A[0].length : (halfWidths?.length ?? 0);
  if (A.length === 0 && halfWidths === undefined) {
    throw new RangeError("cubeVolume: A has no rows, so halfWidths must be given to fix the dimension d");
  }
  if (d < 1 || d > CUBE_VOLUME_MAX_DIM) {
    throw new RangeError(
      `cubeVolume: A must have between 1 and ${CUBE_VOLUME_MAX_DIM} columns (d), got ${d}`,
    );
  }
  const rows = A.map((row, i) => integerRow(row, i, d));
  const h = halfWidths ?? Array.from({ length: d }, () => ONE);
  checkHalfWidths(h, d);
  const unitVolume = rows.some((a) => a.every((v) => v === 0n)) ? ZERO : unitBoxVolume(rows, h, d);
  return {
    volume: mul(
      unitVolume,
      h.reduce((acc, x) => mul(acc, x), ONE),
    ),
    fraction: div(unitVolume, rat(1n << BigInt(d))),
  };
}

function integerRow(row: readonly (bigint | number)[], i: number, d: number): bigint[] {
  if (row.length !== d) {
    throw new RangeError(
      `cubeVolume: A[${i}] has ${row.length} entries, but A[0] has ${d}; rows must all have length d`,
    );
  }
  return row.map((v, k) => {
    if (typeof v === "bigint") return v;
    if (!Number.isSafeInteger(v))
      throw new RangeError(`cubeVolume: A[${i}][${k}] = ${v} is not a safe integer`);
    return BigInt(v);
  });
}

function checkHalfWidths(h: readonly Rational[], d: number): void {
  if (h.length !== d)
    throw new RangeError(`cubeVolume: halfWidths must have length d = ${d}, got ${h.length}`);
  h.forEach((x, k) => {
    if (typeof x?.num !== "bigint" || typeof x?.den !== "bigint" || x.den <= 0n || x.num <= 0n) {
      const shown = typeof x?.num === "bigint" && typeof x?.den === "bigint" ? ratString(x) : String(x);
      throw new RangeError(`cubeVolume: halfWidths[${k}] must be a positive Rational, got ${shown}`);
    }
  });
}

/**
 * Volume of the region in the coordinates u_k = θ_k / h_k, where the box is [−1, 1]^d. Row a
 * becomes a ∘ h, cleared of denominators (a positive factor, which leaves the half-space alone).
 * As a ≤-system the cone rows are (−a)·u ≤ 0, followed by the box rows ±u_k ≤ 1.
 */
function unitBoxVolume(rows: readonly bigint[][], h: readonly Rational[], d: number): Rational {
  let den = 1n;
  for (const x of h) den = (den / bigGcd(den, x.den)) * x.den;
  const scaleBy = h.map((x) => x.num * (den / x.den));
  const coneRows = rows.map((a) => a.map((v, k) => -v * scaleBy[k]));
  const coneRhs = coneRows.map(() => 0n);
  const system: InequalitySystem = {
    dim: d,
    rows: [...coneRows, ...unitBoxRows(d)],
    rhs: [...coneRhs, ...Array.from({ length: 2 * d }, () => 1n)],
    ids: Array.from({ length: rows.length + 2 * d }, (_, i) => i),
    scale: 1n,
  };
  return lasserreVolume(system, boxPolytopeVertices(coneRows, coneRhs, d));
}
