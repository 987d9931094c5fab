/**
 * Two hemispheres of S² side by side in Lambert's azimuthal equal-area projection (planar area =
 * spherical area, so a cell's drawn area is its solid angle): the upper hemisphere (last coordinate
 * ≥ 0) as a disc of radius √2 centred at the origin, the lower one as a disc beside it, both seen
 * from the +z side (the first coordinate to the right, the second up in both).
 */
import type { Vec3 } from "./sphericalPolygon.js";

/** Which hemisphere: z ≥ 0 (+1) or z ≤ 0 (−1). */
export type Hemisphere = 1 | -1;

/** Radius of each disc: √2 (a hemisphere has area 2π). */
export const DISC_RADIUS = Math.SQRT2;

/** Centre of each hemisphere's disc in the plane. */
export function discCentre(h: Hemisphere): readonly [number, number] {
  return h === 1 ? [0, 0] : [2 * DISC_RADIUS + 0.7, 0];
}

/**
 * The plane point of z (a unit vector in hemisphere h: h·z₃ ≥ 0).
 * @throws RangeError when z is in the other open hemisphere.
 */
export function lambertPoint(z: Vec3, h: Hemisphere): [number, number] {
  const c = h * z[2];
  if (c < -1e-9) throw new RangeError(`lambertPoint: the point is not in the ${h === 1 ? "upper" : "lower"} hemisphere`);
  const k = Math.sqrt(2 / (1 + Math.max(c, 0)));
  const [x0, y0] = discCentre(h);
  return [x0 + k * z[0], y0 + k * z[1]];
}

/** The rim of a hemisphere's disc (its equator) as a closed polyline of `points` segments. */
export function discRim(h: Hemisphere, points: number): [number, number][] {
  const [x0, y0] = discCentre(h);
  return Array.from({ length: points + 1 }, (_, i) => {
    const t = (2 * Math.PI * i) / points;
    return [x0 + DISC_RADIUS * Math.cos(t), y0 + DISC_RADIUS * Math.sin(t)];
  });
}
