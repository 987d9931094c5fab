/**
 * One piece of a one-hidden-layer ReLU net's region, as rows in the coordinates
 * z = (u_1, …, u_h, c), u_j = v_j·(W1[j][1], …, W1[j][n], b1[j]) ∈ R^{n+1}.
 *
 * Hidden unit j with sign σ_j = sign(v_j) is active on row x iff ⟨w_j, x̃⟩ > 0 iff σ_j⟨u_j, x̃⟩ > 0,
 * and relu(⟨w_j, x̃⟩)·v_j = ⟨u_j, x̃⟩ there (positive rescaling moves |v_j| into w_j), so
 *   out(x) = c + Σ_{j active on x} ⟨u_j, x̃⟩.
 * For a fixed activation pattern A (A_j = rows where unit j is active) and signs σ, every
 * constraint is a strict half-space in z: σ_j⟨u_j, x̃⟩ > 0 (x ∈ A_j), σ_j⟨u_j, x̃⟩ < 0 (x ∉ A_j),
 * s_x·out(x) > 0 with s_x = +1 where f(x) = 1, −1 where f(x) = 0. Boundaries (a hidden or output
 * pre-activation exactly 0, or v_j = 0) have measure zero and belong to no piece.
 *
 * The map θ → z forgets σ (u_j and −u_j come from (w_j, v_j) and (−w_j, −v_j)), so pieces live in
 * sign charts: θ lies in a piece iff σ(v) equals the piece's signs and z(θ) is in its cone. Within
 * one chart, z determines the pattern and hence the function, so pieces are disjoint.
 */
import { rowVector } from "../perceptron/perceptronSpec.js";
import type { Encoding } from "../../boolean/encoding.js";
import { rowCount } from "../../boolean/truthTable.js";
import { add, fromNumber, mul, type Rational, rat, sign, ZERO } from "../../geometry/rational.js";

/** The shape a pattern cone lives in: n inputs in an encoding, h hidden ReLU units. */
export interface ReluShape {
  readonly inputs: number;
  readonly hidden: number;
  readonly encoding: Encoding;
}

/** One hidden unit's choice: its activation set (bit r = active on row r) and the sign of v_j. */
export interface ReluUnitOption {
  readonly active: number;
  readonly sign: 1 | -1;
}

/** Names of the z coordinates: `u[j][i]` = v[j]·W1[j][i], `ub[j]` = v[j]·b1[j] (1-based), then `c`. */
export function reluCoordinateNames(shape: ReluShape): string[] {
  const names: string[] = [];
  for (let j = 1; j <= shape.hidden; j++) {
    for (let i = 1; i <= shape.inputs; i++) names.push(`u[${j}][${i}]`);
    names.push(`ub[${j}]`);
  }
  names.push("c");
  return names;
}

/** The integer input vectors x̃ = (x, 1) of every row, in the shape's encoding. */
export function augmentedRows(shape: ReluShape): bigint[][] {
  const spec = { inputs: shape.inputs, bias: true, encoding: shape.encoding };
  return Array.from({ length: rowCount(shape.inputs) }, (_, r) => rowVector(spec, r).map(BigInt));
}

/**
 * The rows of the open cone of (pattern, signs) computing f (bit r of `f` = f(row r)): hidden rows
 * unit by unit and row by row, then one output row per input row (see the file comment).
 * @throws RangeError if `units` does not have one option per hidden unit.
 */
export function reluPatternRows(
  shape: ReluShape,
  xt: readonly (readonly bigint[])[],
  units: readonly ReluUnitOption[],
  f: bigint,
): bigint[][] {
  const { inputs: n, hidden: h } = shape;
  if (units.length !== h) throw new RangeError(`${units.length} unit options for ${h} hidden units`);
  const d = h * (n + 1) + 1;
  const rows: bigint[][] = [];
  units.forEach((u, j) => {
    xt.forEach((x, r) => {
      const s = BigInt(((u.active >>> r) & 1 ? 1 : -1) * u.sign);
      const row = new Array<bigint>(d).fill(0n);
      x.forEach((c, k) => (row[j * (n + 1) + k] = s * c));
      rows.push(row);
    });
  });
  xt.forEach((x, r) => {
    const s = (f >> BigInt(r)) & 1n ? 1n : -1n;
    const row = new Array<bigint>(d).fill(0n);
    units.forEach((u, j) => {
      if ((u.active >>> r) & 1) x.forEach((c, k) => (row[j * (n + 1) + k] = s * c));
    });
    row[d - 1] = s;
    rows.push(row);
  });
  return rows;
}

/**
 * A quick necessary condition, decided on bits: where no unit is active out = c; where every
 * active unit has σ = +1, out > c; where every one has σ = −1, out < c. So a 1 on a row whose
 * active units are all negative (or none) forces c > 0, a 0 on a row whose active units are all
 * positive (or none) forces c < 0; both at once make the cone empty.
 * @returns true if the sign argument proves the cone empty (false proves nothing).
 */
export function emptyBySignArgument(rowsCount: number, units: readonly ReluUnitOption[], f: bigint): boolean {
  let cPositive = false;
  let cNegative = false;
  for (let r = 0; r < rowsCount; r++) {
    let anyPositive = false;
    let anyNegative = false;
    for (const u of units) {
      if ((u.active >>> r) & 1) {
        if (u.sign > 0) anyPositive = true;
        else anyNegative = true;
      }
    }
    const one = ((f >> BigInt(r)) & 1n) === 1n;
    if (one && !anyPositive) cPositive = true;
    if (!one && !anyNegative) cNegative = true;
    if (cPositive && cNegative) return true;
  }
  return false;
}

/**
 * The parameters θ (layeredSpec order: W1, b1, v, c) of a z point in the chart `signs`:
 * v_j = σ_j, (W1[j], b1[j]) = σ_j·u_j, so v_j·w_j = u_j. Integer z gives integer θ.
 */
export function reluParametersOfZ(shape: ReluShape, signs: readonly (1 | -1)[], z: readonly bigint[]): bigint[] {
  const { inputs: n, hidden: h } = shape;
  const theta: bigint[] = [];
  for (let j = 0; j < h; j++) for (let i = 0; i < n; i++) theta.push(BigInt(signs[j]) * z[j * (n + 1) + i]);
  for (let j = 0; j < h; j++) theta.push(BigInt(signs[j]) * z[j * (n + 1) + n]);
  for (let j = 0; j < h; j++) theta.push(BigInt(signs[j]));
  theta.push(z[h * (n + 1)]);
  return theta;
}

/**
 * The chart and z of parameters θ (doubles, read exactly; layeredSpec order W1, b1, v, c):
 * σ_j = sign(v_j) (0 on the boundary v_j = 0) and z = (v_j·W1[j], v_j·b1[j] for each j, then c),
 * exact rationals, so that a piece's membership can be decided exactly.
 */
export function reluChartOf(shape: ReluShape, theta: readonly number[]): { signs: number[]; z: Rational[] } {
  const { inputs: n, hidden: h } = shape;
  const q = theta.map(fromNumber);
  const signs: number[] = [];
  const z: Rational[] = [];
  for (let j = 0; j < h; j++) {
    const v = q[h * n + h + j];
    signs.push(sign(v));
    for (let i = 0; i < n; i++) z.push(mul(v, q[j * n + i]));
    z.push(mul(v, q[h * n + j]));
  }
  z.push(q[h * (n + 2)]);
  return { signs, z };
}

/** Whether θ lies in the piece (its chart, and z(θ) strictly inside its cone), decided exactly. */
export function reluPieceContains(
  shape: ReluShape,
  piece: { readonly signs: readonly number[]; readonly rows: readonly (readonly bigint[])[] },
  theta: readonly number[],
): boolean {
  const { signs, z } = reluChartOf(shape, theta);
  if (piece.signs.some((s, j) => s !== signs[j])) return false;
  return piece.rows.every((row) => sign(row.reduce((acc, c, k) => add(acc, mul(rat(c), z[k])), ZERO)) > 0);
}
