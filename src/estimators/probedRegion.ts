/**
 * What the library's own region builders add to the estimator interface's `EstimatorRegion`: a
 * default anchor, whether the region is convex (so every ray from an interior point leaves it once),
 * and a smooth cost for importance preconditioners. Estimators treat these as optional, so any
 * `EstimatorRegion` still works.
 */
import { formatConstraint } from "../geometry/formatLinearForm.js";
import { fromNumber } from "../geometry/rational.js";
import type { EstimatorRegion } from "./estimator.js";
import type { RegionCost } from "./regionCost.js";

/** How an anchor was chosen. */
export type AnchorMethod = "chebyshev" | "witness" | "reference" | "given" | "sampled" | "trained";

/** An interior point of a region. */
export interface Anchor {
  /** The point θ*, in the region's parameter coordinates. */
  readonly theta: Float64Array;
  /**
   * `chebyshev`: the centre of the largest ball inside the cone ∩ box [−s_k, s_k] (s the prior's
   * scales), by LP, checked inside exactly; `witness`: the region's certified integer point;
   * `reference`: the network θ* a behavioural region is defined by; `given`: supplied by the user;
   * `sampled`: the first prior draw found inside; `trained`: a network trained by Adam on the region's
   *   cost until it computes f with margin (trainedAnchor).
   */
  readonly method: AnchorMethod;
}

/** An `EstimatorRegion` with the extras the library's builders know. */
export interface ProbedRegion extends EstimatorRegion {
  /** A default anchor. */
  readonly anchor?: Anchor;
  /**
   * Whether the region is convex (cones, behavioural regions of sigmoid perceptrons). When false
   * (unions: step and ReLU regions) the estimator checks sampled rays for re-entry.
   */
  readonly convex: boolean;
  /** A smooth cost whose sublevel sets follow the region, for importance preconditioners. */
  readonly cost?: RegionCost;
}

/** Whether `region` carries the builders' extras. */
export function isProbed(region: EstimatorRegion): region is ProbedRegion {
  return typeof (region as Partial<ProbedRegion>).convex === "boolean";
}

/**
 * The first integer row a with ⟨a, θ⟩ ≤ 0 (decided exactly on θ's double values), printed as a
 * constraint, or undefined when θ satisfies all.
 */
export function violatedConstraint(rows: readonly (readonly bigint[])[], names: readonly string[], theta: Float64Array): string | undefined {
  const exact = Array.from(theta, (x) => fromNumber(x));
  // Scale every coordinate to the common denominator (a power of two) so the test is in integers.
  const den = exact.reduce((m, q) => (q.den > m ? q.den : m), 1n);
  const scaled = exact.map((q) => q.num * (den / q.den));
  for (const row of rows) {
    let s = 0n;
    for (let k = 0; k < row.length; k++) s += row[k] * scaled[k];
    if (s <= 0n) return formatConstraint(row, names);
  }
  return undefined;
}

/**
 * Checks that `anchor` lies inside `region`.
 * @throws RangeError naming a violated constraint (polyhedral regions) or the failed membership test.
 */
export function checkAnchor(region: EstimatorRegion, anchor: Float64Array): void {
  const D = region.names.length;
  if (anchor.length !== D) throw new RangeError(`the anchor has ${anchor.length} coordinates, the region ${D} (${region.names.join(", ")})`);
  if (anchor.some((x) => !Number.isFinite(x))) throw new RangeError("the anchor must have finite coordinates");
  if (region.rows) {
    const violated = violatedConstraint(region.rows, region.names, anchor);
    if (violated !== undefined) throw new RangeError(`the anchor is not inside the region: it violates ${violated}`);
  }
  if (!region.contains(anchor)) throw new RangeError(`the anchor is not inside the region (${region.label}): its membership test fails`);
}
