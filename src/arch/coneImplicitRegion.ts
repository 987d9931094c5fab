/**
 * The membership / ray-distance view of an open polyhedral cone {θ : ⟨a, θ⟩ > 0 for every row a},
 * the exact answer the random-direction estimator needs for any polyhedral region.
 */
import type { ImplicitRegion } from "./architecture.js";

/**
 * The implicit region of the open cone with these rows (numbers, all of one length d).
 * @throws RangeError if the rows are ragged.
 */
export function coneImplicitRegion(rows: readonly (readonly number[])[]): ImplicitRegion {
  const m = rows.length;
  const d = m === 0 ? 0 : rows[0].length;
  if (rows.some((r) => r.length !== d)) throw new RangeError(`cone rows must all have ${d} entries`);
  const flat = new Float64Array(m * d);
  rows.forEach((r, i) => flat.set(r, i * d));
  const dotRow = (i: number, x: Float64Array) => {
    let s = 0;
    for (let k = 0; k < d; k++) s += flat[i * d + k] * x[k];
    return s;
  };
  const contains = (theta: Float64Array) => {
    for (let i = 0; i < m; i++) if (!(dotRow(i, theta) > 0)) return false;
    return true;
  };
  return {
    contains,
    rayDistance(theta, direction) {
      if (!contains(theta)) return 0;
      let t = Number.POSITIVE_INFINITY;
      for (let i = 0; i < m; i++) {
        const slope = dotRow(i, direction);
        // Only rows the ray moves towards can stop it; the crossing is where ⟨a, θ + t·u⟩ = 0.
        if (slope < 0) t = Math.min(t, dotRow(i, theta) / -slope);
      }
      return t;
    },
  };
}

/** The implicit view of the empty set (a function no parameters compute). */
export const EMPTY_IMPLICIT_REGION: ImplicitRegion = { contains: () => false, rayDistance: () => 0 };
