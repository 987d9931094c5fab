/**
 * Convex polygons in the plane as flat (x, y) coordinate lists: clipping by a half-plane
 * (Sutherland–Hodgman) and area (shoelace). Floating point; the uniform prior's small-cone
 * fractions and cube arrangements are built on these.
 */

/**
 * Writes into `dst` the part of the convex polygon src[0 … 2·count) where a·x + b·y + c ≥ 0 and
 * returns its vertex count (boundary vertices are kept; fewer than 3 means nothing is left).
 * `dst` must not be `src` and must have room for count + 1 vertices.
 */
export function clipPolygon(
  src: ArrayLike<number>,
  count: number,
  a: number,
  b: number,
  c: number,
  dst: { [i: number]: number },
): number {
  let out = 0;
  for (let i = 0; i < count; i++) {
    const j = i + 1 === count ? 0 : i + 1;
    const px = src[2 * i];
    const py = src[2 * i + 1];
    const qx = src[2 * j];
    const qy = src[2 * j + 1];
    const vp = a * px + b * py + c;
    const vq = a * qx + b * qy + c;
    if (vp >= 0) {
      dst[2 * out] = px;
      dst[2 * out + 1] = py;
      out++;
    }
    if ((vp > 0 && vq < 0) || (vp < 0 && vq > 0)) {
      const t = vp / (vp - vq);
      dst[2 * out] = px + t * (qx - px);
      dst[2 * out + 1] = py + t * (qy - py);
      out++;
    }
  }
  return out;
}

/** Area of the polygon poly[0 … 2·count) (shoelace formula; either orientation). */
export function polygonArea(poly: ArrayLike<number>, count: number): number {
  let s = 0;
  for (let i = 0; i < count; i++) {
    const j = i + 1 === count ? 0 : i + 1;
    s += poly[2 * i] * poly[2 * j + 1] - poly[2 * j] * poly[2 * i + 1];
  }
  return Math.abs(s) / 2;
}
