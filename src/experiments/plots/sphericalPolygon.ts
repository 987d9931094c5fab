/**
 * Drawing geometry on the unit sphere S² (doubles, for pictures only; masses come from exact
 * tables): the vertices of a convex cone's trace {z ∈ S² : ⟨a, z⟩ > 0 for every row a}, and great
 * circles sampled as polylines.
 */

/** A point or direction in R³. */
export type Vec3 = readonly [number, number, number];

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: Vec3) => Math.hypot(a[0], a[1], a[2]);
const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];

/** a / |a|. @throws RangeError for the zero vector. */
export function unit(a: Vec3): Vec3 {
  const l = norm(a);
  if (!(l > 0)) throw new RangeError("unit: the zero vector has no direction");
  return scale(a, 1 / l);
}

/** Relative tolerance of the vertex tests (the rows are small integers times prior scales). */
const EPS = 1e-12;

/**
 * The vertices of the spherical polygon {z ∈ S² : ⟨a, z⟩ ≥ 0 for every row}, counter-clockwise
 * seen from outside the sphere; undefined when the open cone is empty or has no interior on S²
 * (it meets the sphere in an arc or a point). Rows may be redundant.
 * @throws RangeError when a row is not in R³ or the rows do not span R³ (a cone with a line in it).
 */
export function sphericalPolygon(rows: readonly Vec3[]): Vec3[] | undefined {
  if (rows.some((r) => r.length !== 3)) throw new RangeError("sphericalPolygon: rows must have 3 coordinates");
  const normals = rows.map(unit);
  // Rows of rank < 3 leave a line in the cone (or nothing): its trace is no polygon.
  const det = (a: Vec3, b: Vec3, c: Vec3) => dot(a, cross(b, c));
  const spans = normals.some((a, i) => normals.some((b, j) => j > i && normals.some((c, k) => k > j && Math.abs(det(a, b, c)) > 1e-9)));
  if (!spans) throw new RangeError("sphericalPolygon: the rows do not span R³ (the cone contains a line, or is empty)");
  const inside = (z: Vec3, strict: boolean) => normals.every((a) => (strict ? dot(a, z) > EPS : dot(a, z) >= -EPS));
  // Every vertex is where two boundary great circles meet: ±(a_i × a_j) inside every half-space.
  const vertices: Vec3[] = [];
  for (let i = 0; i < normals.length; i++) {
    for (let j = i + 1; j < normals.length; j++) {
      const c = cross(normals[i], normals[j]);
      if (norm(c) < EPS) continue;
      for (const v of [unit(c), scale(unit(c), -1)]) {
        if (inside(v, false) && !vertices.some((w) => norm([v[0] - w[0], v[1] - w[1], v[2] - w[2]]) < 1e-9)) vertices.push(v);
      }
    }
  }
  if (vertices.length < 3) return undefined;
  const sum = vertices.reduce<Vec3>((s, v) => [s[0] + v[0], s[1] + v[1], s[2] + v[2]], [0, 0, 0]);
  if (norm(sum) < 1e-9) throw new RangeError("sphericalPolygon: the cone contains a line (its trace on S² is a lune)");
  const centre = unit(sum);
  // Vertices on one boundary circle only (an arc): the centre is on that circle, not inside.
  if (!inside(centre, true)) return undefined;
  // Order by angle in the tangent plane at the centre, (u, v, centre) right-handed: counter-clockwise from outside.
  const helper: Vec3 = Math.abs(centre[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const u = unit(cross(helper, centre));
  const v = cross(centre, u);
  return vertices
    .map((p) => ({ p, angle: Math.atan2(dot(p, v), dot(p, u)) }))
    .sort((a, b) => a.angle - b.angle)
    .map((e) => e.p);
}

/**
 * The shorter great-circle arc from p to q (unit vectors, not antipodal), both ends included, in
 * steps of at most `maxStep` radians.
 * @throws RangeError for antipodal or equal-to-within-rounding ends with no unique arc.
 */
export function greatCircleArc(p: Vec3, q: Vec3, maxStep: number): Vec3[] {
  const angle = Math.atan2(norm(cross(p, q)), dot(p, q));
  if (Math.PI - angle < 1e-9) throw new RangeError("greatCircleArc: antipodal ends have no unique arc");
  const steps = Math.max(1, Math.ceil(angle / maxStep));
  const out: Vec3[] = [];
  for (let s = 0; s <= steps; s++) {
    const t = (s / steps) * angle;
    // Spherical linear interpolation: sin((θ−t))/sin θ · p + sin t / sin θ · q, plain lerp at θ ≈ 0.
    const [a, b] = angle < 1e-12 ? [1 - s / steps, s / steps] : [Math.sin(angle - t) / Math.sin(angle), Math.sin(t) / Math.sin(angle)];
    out.push(unit([a * p[0] + b * q[0], a * p[1] + b * q[1], a * p[2] + b * q[2]]));
  }
  return out;
}

/** The boundary of a spherical polygon (vertices in order) as a closed polyline: each edge sampled. */
export function polygonOutline(vertices: readonly Vec3[], maxStep: number): Vec3[] {
  const out: Vec3[] = [];
  vertices.forEach((p, i) => {
    const arc = greatCircleArc(p, vertices[(i + 1) % vertices.length], maxStep);
    out.push(...arc.slice(0, -1));
  });
  out.push(out[0]);
  return out;
}

/**
 * The half of the great circle ⟨a, z⟩ = 0 where ⟨pole, z⟩ ≥ 0, from one crossing of the equator
 * to the other, in steps of at most `maxStep`; the whole circle when it is the equator itself.
 * @throws RangeError for a zero row or pole.
 */
export function greatSemicircle(a: Vec3, pole: Vec3, maxStep: number): Vec3[] {
  const n = unit(a);
  const e = unit(pole);
  const along = cross(n, e);
  const full = norm(along) < 1e-12;
  // u: where the circle crosses the equator (or any point of it, for the equator); v ⟂ u in the plane, towards the pole.
  const u = full ? unit(cross(n, Math.abs(n[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0])) : unit(along);
  let v = cross(n, u);
  if (dot(v, e) < 0) v = scale(v, -1);
  const span = full ? 2 * Math.PI : Math.PI;
  const steps = Math.ceil(span / maxStep);
  return Array.from({ length: steps + 1 }, (_, s) => {
    const t = (s / steps) * span;
    return unit([Math.cos(t) * u[0] + Math.sin(t) * v[0], Math.cos(t) * u[1] + Math.sin(t) * v[1], Math.cos(t) * u[2] + Math.sin(t) * v[2]]);
  });
}
