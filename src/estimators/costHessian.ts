/**
 * The Hessian of a sublevel region's cost at a point: the region's closed form where it offers one,
 * else central second differences of the cost.
 */
import type { SublevelCost } from "./estimator.js";
import { symmetrised } from "./regionCost.js";

/** A Hessian and how it was obtained. */
export interface CostHessian {
  /** D×D row-major, symmetrised. */
  readonly matrix: Float64Array;
  /** The region's `hessianMethod` (default `closed form`) or `central differences (relative step …)`. */
  readonly method: string;
  /** Relative accuracy of the entries with respect to the largest. */
  readonly relativeAccuracy: number;
  /** The engine that computed it (`float64`, `tfjs-wasm`, …), when the region names one. */
  readonly derivatives?: string;
  /** Cost evaluations spent. */
  readonly evaluations: number;
}

/**
 * Relative step of the second differences: ε_mach^{1/4}, which balances the O(h²) truncation
 * against the O(ε_mach/h²) rounding of a cost of order 1 (≈ 1e-8 relative error in each entry).
 */
const STEP = 2 ** -13;

/**
 * The cost's Hessian at θ (the point is not changed).
 * @throws RangeError if the cost is not finite near θ.
 */
export function costHessian(sublevel: SublevelCost, theta: Float64Array): CostHessian {
  const d = theta.length;
  if (sublevel.hessian) {
    const m = sublevel.hessian(theta);
    if (m.length !== d * d) throw new RangeError(`the region's Hessian has ${m.length} entries, expected ${d}×${d}`);
    return {
      matrix: symmetrised(Float64Array.from(m), d),
      method: sublevel.hessianMethod ?? "closed form",
      relativeAccuracy: sublevel.hessianAccuracy ?? Number.EPSILON,
      ...(sublevel.derivatives === undefined ? {} : { derivatives: sublevel.derivatives }),
      evaluations: 0,
    };
  }
  const h = Float64Array.from(theta, (x) => STEP * Math.max(1, Math.abs(x)));
  const x = Float64Array.from(theta);
  let evaluations = 0;
  const at = (i: number, si: number, j: number, sj: number) => {
    x[i] += si * h[i];
    x[j] += sj * h[j];
    const v = sublevel.cost(x);
    x[i] = theta[i];
    x[j] = theta[j];
    evaluations++;
    if (!Number.isFinite(v)) throw new RangeError("the cost is not finite near the anchor");
    return v;
  };
  const c0 = sublevel.cost(theta);
  evaluations++;
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    // x[i] ± h and x[i] ± 2h (a single coordinate moved twice by `at(i, s, i, s)`).
    m[i * d + i] = (at(i, 1, i, 1) - 2 * c0 + at(i, -1, i, -1)) / (4 * h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i] * h[j]);
      m[i * d + j] = v;
      m[j * d + i] = v;
    }
  }
  return { matrix: m, method: `central differences (relative step ${STEP})`, relativeAccuracy: 1e-8, evaluations };
}
