/**
 * An anchor the way practitioners get one: train a network to realise f. Adam on the region's cost
 * (the logistic loss of the margin for perceptrons and cones, the cross-entropy of a smooth stand-in
 * for nets) from a seeded prior draw, until the network is inside the region with margin: every
 * membership test passes and the mean loss is at most ln(1 + e^{−1}), the loss of margin 1 on every
 * row (a mean, so single rows may have less margin; membership still holds exactly as tested).
 * The gradients come from the cost's engine (float32 through tfjs when the region was built with
 * it); they only steer the run: the stopping test (membership, mean loss) reads the region and the
 * cost's value in Float64, so the anchor returned is inside whatever engine found it.
 */
import { toNumber } from "../geometry/rational.js";
import type { Prior } from "../measure/prior.js";
import { randomStream } from "../measure/randomStream.js";
import { adamSteps } from "./adamSteps.js";
import type { Anchor, ProbedRegion } from "./probedRegion.js";

/** Mean loss of margin 1: ln(1 + e^{−1}). */
export const MARGIN_LOSS = Math.log1p(Math.exp(-1));
/** Adam's settings for the anchor's training runs; a run that stalls (sigmoid nets have local minima: XOR on 2-2-1 fails from about half the starts) is restarted from the next prior draw. */
export const ANCHOR_TRAINING = { maxSteps: 5000, restarts: 8, learningRate: 0.05, beta1: 0.9, beta2: 0.999 } as const;

/**
 * A trained anchor of `region` (its `cost` is required), with the Adam steps of the successful run,
 * its start (0-based) and its mean loss.
 * @throws RangeError if the region has no cost, or no run of ANCHOR_TRAINING.restarts ended inside
 *   the region with mean loss ≤ MARGIN_LOSS (saying how the last one ended).
 */
export function trainedAnchor(
  region: ProbedRegion,
  prior: Prior,
  seed: number,
): Anchor & { readonly steps: number; readonly start: number; readonly loss: number } {
  const cost = region.cost;
  if (!cost) throw new RangeError(`${region.label} has no cost to train on; anchors: chebyshev, witness or given`);
  const theta = new Float64Array(cost.dimension);
  const scales = Float64Array.from(prior.scales, toNumber);
  const rng = randomStream(seed);
  const done = (t: Float64Array) => region.contains(t) && cost.value(t) <= MARGIN_LOSS;
  let last = "";
  for (let start = 0; start < ANCHOR_TRAINING.restarts; start++) {
    prior.family.sample(scales, 1, rng, theta);
    const run = adamSteps(cost, theta, ANCHOR_TRAINING.maxSteps, ANCHOR_TRAINING, done);
    const loss = cost.value(theta);
    if (done(theta)) return { theta, method: "trained", steps: run.steps, start, loss };
    last = region.contains(theta) ? `inside the region but with mean loss ${loss.toPrecision(3)} > ${MARGIN_LOSS.toPrecision(3)}` : "outside the region";
  }
  throw new RangeError(`${region.label}: ${ANCHOR_TRAINING.restarts} Adam runs of ${ANCHOR_TRAINING.maxSteps} steps failed; the last ended ${last}`);
}
