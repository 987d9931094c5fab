/**
 * Measures of an open polyhedral cone {x ∈ R^m : ⟨a_i, x⟩ > 0 ∀i} with real (double) rows in
 * dimension m ≤ 3, in closed form: the standard Gaussian probability (the cone's solid-angle
 * fraction) and the fraction of the cube [−1, 1]^m inside it. What a Rao-Blackwellised estimator
 * integrates once per sample, so floats throughout, never called exact: the rows come from
 * sampled weights anyway.
 *
 * Gaussian: rows are reduced to an orthonormal basis of their span (the standard Gaussian splits
 * into the span and its orthogonal complement, which the cone contains whole), then
 * m' = 1: 1/2 or 0; m' = 2: the arc of the intersection of half-planes over 2π; m' = 3: the
 * spherical polygon of the cone's extreme rays (pairwise cross products that satisfy every row),
 * fan-triangulated, each triangle's solid angle by Van Oosterom–Strackee (1983), over 4π.
 * Cube: the cone with apex at the cube's centre is a union of pyramids over the cube's facets, so
 * vol = (1/m) Σ_facets vol_{m−1}(facet ∩ cone): intervals for m = 2, clipped squares for m = 3.
 */
import { clipPolygon, polygonArea } from "./convexPolygon.js";

/** Largest dimension handled. */
export const MAX_SMALL_CONE_DIMENSION = 3;

/** Relative tolerance under which a direction counts as lying in a row's plane. */
const TOL = 1e-12;

function dot3(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function cross3(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** Rows in an orthonormal basis of their span (Gram–Schmidt with a relative rank tolerance). */
function reduceToSpan(rows: readonly (readonly number[])[], m: number): number[][] {
  const basis: number[][] = [];
  const scale = Math.max(...rows.map((r) => Math.hypot(...r)));
  for (const r of rows) {
    const v = r.slice();
    for (const b of basis) {
      const c = v.reduce((s, x, k) => s + x * b[k], 0);
      for (let k = 0; k < m; k++) v[k] -= c * b[k];
    }
    const norm = Math.hypot(...v);
    if (norm > 1e-10 * scale) basis.push(v.map((x) => x / norm));
    if (basis.length === m) break;
  }
  return rows.map((r) => basis.map((b) => r.reduce((s, x, k) => s + x * b[k], 0)));
}

/** Angular size (radians) of {x ∈ R² : ⟨a_i, x⟩ > 0 ∀i}: intersection of arcs of length π. */
function arc2(rows: readonly (readonly number[])[]): number {
  const t0 = Math.atan2(rows[0][1], rows[0][0]);
  let lo = -Math.PI / 2;
  let hi = Math.PI / 2;
  for (const r of rows) {
    let delta = Math.atan2(r[1], r[0]) - t0;
    if (delta > Math.PI) delta -= 2 * Math.PI;
    if (delta <= -Math.PI) delta += 2 * Math.PI;
    lo = Math.max(lo, delta - Math.PI / 2);
    hi = Math.min(hi, delta + Math.PI / 2);
    if (hi <= lo) return 0;
  }
  return hi - lo;
}

/** Solid angle (steradians) of a pointed cone in R³ given by rows spanning R³. */
function solidAngle3(rows: readonly (readonly number[])[]): number {
  const unit = rows.map((r) => {
    const s = Math.hypot(r[0], r[1], r[2]);
    return [r[0] / s, r[1] / s, r[2] / s];
  });
  const rays: number[][] = [];
  for (let i = 0; i < unit.length; i++) {
    for (let k = i + 1; k < unit.length; k++) {
      const c = cross3(unit[i], unit[k]);
      const s = Math.hypot(c[0], c[1], c[2]);
      if (s < 1e-12) continue;
      for (const sg of [1, -1]) {
        const ray = [(sg * c[0]) / s, (sg * c[1]) / s, (sg * c[2]) / s];
        if (unit.every((a) => dot3(a, ray) >= -TOL) && !rays.some((q) => dot3(q, ray) > 1 - 1e-14)) rays.push(ray);
      }
    }
  }
  if (rays.length < 3) return 0;
  const centre = [0, 0, 0];
  for (const r of rays) for (let k = 0; k < 3; k++) centre[k] += r[k];
  const cn = Math.hypot(centre[0], centre[1], centre[2]);
  if (cn < 1e-12) return 0;
  for (let k = 0; k < 3; k++) centre[k] /= cn;
  // Order the rays around the centre: angles in a basis (e1, e2) of the plane ⊥ centre.
  const helper = Math.abs(centre[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const e1 = cross3(centre, helper);
  const n1 = Math.hypot(e1[0], e1[1], e1[2]);
  for (let k = 0; k < 3; k++) e1[k] /= n1;
  const e2 = cross3(centre, e1);
  const sorted = rays
    .map((r) => ({ r, angle: Math.atan2(dot3(r, e2), dot3(r, e1)) }))
    .sort((a, b) => a.angle - b.angle)
    .map((x) => x.r);
  let omega = 0;
  const a = sorted[0];
  for (let k = 1; k + 1 < sorted.length; k++) {
    const b = sorted[k];
    const c = sorted[k + 1];
    const triple = Math.abs(dot3(a, cross3(b, c)));
    omega += 2 * Math.atan2(triple, 1 + dot3(a, b) + dot3(b, c) + dot3(c, a));
  }
  return omega;
}

/**
 * Standard Gaussian probability of the open cone {x : ⟨a_i, x⟩ > 0 ∀i} in R^m, m ≤ 3 (closed
 * forms, see the file comment; floating point, relative error near 1e-12 away from degenerate
 * cones). Zero rows make the open cone empty.
 * @throws RangeError if m is 0 or above MAX_SMALL_CONE_DIMENSION, or rows have other lengths.
 */
export function smallConeGaussian(rows: readonly (readonly number[])[], m: number): number {
  checkRows(rows, m);
  if (rows.length === 0) return 1;
  if (rows.some((r) => r.every((x) => x === 0))) return 0;
  if (m === 1) return rows.every((r) => r[0] > 0) || rows.every((r) => r[0] < 0) ? 0.5 : 0;
  // Rows spanning the plane (any two independent) need no reduction: the common case, kept cheap.
  if (m === 2 && rows.some((r) => Math.abs(r[0] * rows[0][1] - r[1] * rows[0][0]) > 1e-10 * Math.hypot(...r) * Math.hypot(...rows[0])))
    return arc2(rows) / (2 * Math.PI);
  const reduced = reduceToSpan(rows, m);
  const k = reduced[0].length;
  if (k === 1) return reduced.every((r) => r[0] > 0) || reduced.every((r) => r[0] < 0) ? 0.5 : 0;
  if (k === 2) return arc2(reduced) / (2 * Math.PI);
  return solidAngle3(reduced) / (4 * Math.PI);
}

/** Length of {t ∈ [−1, 1] : α_i·t + β_i > 0 ∀i}. */
function clipInterval(cons: readonly (readonly [number, number])[]): number {
  let lo = -1;
  let hi = 1;
  for (const [alpha, beta] of cons) {
    if (alpha > 0) lo = Math.max(lo, -beta / alpha);
    else if (alpha < 0) hi = Math.min(hi, -beta / alpha);
    else if (!(beta > 0)) return 0;
    if (hi <= lo) return 0;
  }
  return hi - lo;
}

/** Scratch polygons of clipSquare (ping-pong; a square clipped by k lines has at most 4 + k vertices). */
let polyA = new Float64Array(64);
let polyB = new Float64Array(64);

/**
 * Area of {(s, t) ∈ [−1, 1]² : α_i·s + β_i·t + γ_i > 0 ∀i}, constraints packed as (α, β, γ) triples
 * in `cons[0 … 3k)` (clipPolygon on scratch buffers, then polygonArea).
 */
function clipSquare(cons: Float64Array, k: number): number {
  if (polyA.length < 2 * (4 + k)) {
    polyA = new Float64Array(2 * (4 + k));
    polyB = new Float64Array(2 * (4 + k));
  }
  let src = polyA;
  let dst = polyB;
  src.set([-1, -1, 1, -1, 1, 1, -1, 1]);
  let count = 4;
  for (let c = 0; c < k; c++) {
    count = clipPolygon(src, count, cons[3 * c], cons[3 * c + 1], cons[3 * c + 2], dst);
    if (count < 3) return 0;
    const swap = src;
    src = dst;
    dst = swap;
  }
  return polygonArea(src, count);
}

/**
 * Fraction of the cube [−1, 1]^m (m ≤ 3) inside the open cone {x : ⟨a_i, x⟩ > 0 ∀i}, by pyramids
 * over the cube's facets (see the file comment); floating point.
 * @throws RangeError if m is 0 or above MAX_SMALL_CONE_DIMENSION, or rows have other lengths.
 */
export function smallConeCubeFraction(rows: readonly (readonly number[])[], m: number): number {
  checkRows(rows, m);
  if (rows.some((r) => r.every((x) => x === 0))) return 0;
  if (m === 1) return rows.every((r) => r[0] > 0) || rows.every((r) => r[0] < 0) ? 0.5 : 0;
  let total = 0;
  for (let axis = 0; axis < m; axis++) {
    for (const side of [1, -1]) {
      // On the facet x_axis = side the constraint is affine in the other coordinates.
      const others = Array.from({ length: m }, (_, k) => k).filter((k) => k !== axis);
      if (m === 2) total += clipInterval(rows.map((r) => [r[others[0]], side * r[axis]] as const));
      else {
        if (cons.length < 3 * rows.length) cons = new Float64Array(3 * rows.length);
        rows.forEach((r, i) => {
          cons[3 * i] = r[others[0]];
          cons[3 * i + 1] = r[others[1]];
          cons[3 * i + 2] = side * r[axis];
        });
        total += clipSquare(cons, rows.length);
      }
    }
  }
  // vol(cone ∩ cube) = (1/m)·Σ facet areas (height 1); the cube's volume is 2^m.
  return total / m / 2 ** m;
}

/** Scratch constraints of smallConeCubeFraction. */
let cons = new Float64Array(48);

function checkRows(rows: readonly (readonly number[])[], m: number): void {
  if (!Number.isInteger(m) || m < 1 || m > MAX_SMALL_CONE_DIMENSION)
    throw new RangeError(`closed-form cone measures take dimension 1 to ${MAX_SMALL_CONE_DIMENSION}, got ${m}`);
  if (rows.some((r) => r.length !== m)) throw new RangeError(`every row must have ${m} entries`);
}
