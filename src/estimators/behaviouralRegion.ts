/**
 * The behavioural region of a network θ* (tyche's basin): {θ : mean_x KL(σ(out_θ*(x)) ‖ σ(out_θ(x))) ≤ ε}
 * over the truth-table rows, outputs read as sigmoid probabilities. Membership is one forward pass;
 * the ray distance is found by bracketing (doubling from t = 1) and bisection on the radius itself
 * to a relative tolerance of 1e-10 (bisectionRadius; tyche bisects on the cost to 1e-2). For a perceptron the cost
 * is convex in θ (cross-entropy of a linear logit), so the region is convex and the first crossing
 * is the only one; for nets the bracketing can step over an excursion outside the region, so the
 * region is flagged non-convex and the estimator checks rays for re-entry.
 */
import type { Architecture } from "../arch/architecture.js";
import { BISECTION_TOLERANCE, bisectionRadius } from "./bisectionRadius.js";
import type { ProbedRegion } from "./probedRegion.js";
import type { CostEngine } from "./costEngine.js";
import { crossEntropyCost, softplus } from "./regionCost.js";
import { denseNetOf, sigmoid } from "./_internals/denseNet.js";

/**
 * The behavioural region of `reference` θ* in `arch` at level ε (natural-log KL, mean over rows).
 * `options.costEngine` differentiates a net's cost (default float64CostEngine; see functionRegion).
 * @throws RangeError if ε ≤ 0 or not finite, or θ* has the wrong length or non-finite entries.
 */
export function behaviouralRegion(
  arch: Architecture,
  reference: Float64Array,
  epsilon: number,
  options: { readonly costEngine?: CostEngine } = {},
): ProbedRegion {
  if (!(epsilon > 0) || !Number.isFinite(epsilon)) throw new RangeError(`ε must be a finite number > 0, got ${epsilon}`);
  const net = denseNetOf(arch);
  const D = net.dimension;
  if (reference.length !== D || reference.some((x) => !Number.isFinite(x)))
    throw new RangeError(`the reference network needs ${D} finite parameters (${arch.parameters.join(", ")}), got ${reference.length}`);
  const R = net.rows;
  const zStar = new Float64Array(R);
  net.outputs(reference, zStar);
  const target = zStar.map(sigmoid);
  const z = new Float64Array(R);
  /** mean_r KL(p*_r ‖ q_r) with ln q = −softplus(−z), ln(1 − q) = −softplus(z). */
  const kl = (theta: Float64Array) => {
    net.outputs(theta, z);
    let s = 0;
    for (let r = 0; r < R; r++) {
      const p = target[r];
      s += p * (softplus(-z[r]) - softplus(-zStar[r])) + (1 - p) * (softplus(z[r]) - softplus(zStar[r]));
    }
    return s / R;
  };
  const contains = (theta: Float64Array) => kl(theta) <= epsilon;
  const convex = arch.type === "perceptron";
  const cost = crossEntropyCost("cross-entropy to θ*'s output probabilities (the KL plus a constant)", net, target, arch.type === "perceptron", options.costEngine);
  return {
    label: `behavioural region of θ* in ${arch.type}${arch.type === "perceptron" ? ` n=${arch.inputs}` : ` layers ${(arch.description.layers as number[]).join(",")}`}, mean KL ≤ ${epsilon}`,
    names: [...arch.parameters],
    contains,
    rayDistance: (theta, u) => bisectionRadius(contains, theta, u),
    radius: { method: "bisection", relativeTolerance: BISECTION_TOLERANCE },
    anchor: { theta: Float64Array.from(reference), method: "reference" },
    convex,
    cost,
    // The sublevel form laplace and llc read: the KL itself (0 at θ*), whose Hessian is the
    // cross-entropy's (they differ by a constant).
    sublevel: {
      epsilon,
      cost: kl,
      hessian: (theta) => cost.hessian(theta),
      hessianMethod: convex ? "closed form" : cost.hessianMethod,
      derivatives: cost.method,
      hessianAccuracy: cost.relativeAccuracy,
    },
  };
}
