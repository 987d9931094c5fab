/**
 * `llc`: the local learning coefficient of a behavioural region's anchor, λ from V(ε) ∝
 * ε^λ (−log ε)^{m−1} over several cutoffs (exact V where the region states it, else radial
 * sampling with `directions` directions), and the probability it implies at the region's own ε:
 * the fitted volume (m = 1) times the prior density at the anchor. For a regular minimum
 * λ = D/2; smaller λ means a degenerate (more "volume-rich") minimum.
 */
import { behaviouralInputs } from "./behaviouralInputs.js";
import type { Estimator } from "./estimator.js";
import { learningCoefficientFit } from "./learningCoefficientFit.js";
import { priorLogDensity } from "./priorLogDensity.js";
import { sublevelVolumes } from "./sublevelVolumes.js";

/** Default cutoffs: this many geometric steps from ε/1000 to ε. */
const DEFAULT_STEPS = 8;
const DEFAULT_SPAN = 1e-3;

/** The cutoffs of a run: the given ones (checked), or the default grid below ε. */
export function llcCutoffs(epsilon: number, given?: readonly number[]): number[] {
  if (given === undefined)
    return Array.from({ length: DEFAULT_STEPS }, (_, k) => epsilon * DEFAULT_SPAN ** (1 - k / (DEFAULT_STEPS - 1)));
  if (given.length < 2) throw new RangeError(`llc: give at least 2 cutoffs, got ${given.length}`);
  given.forEach((e, k) => {
    if (!(e > 0) || !Number.isFinite(e)) throw new RangeError(`llc: cutoff ${k + 1} must be a finite number > 0, got ${e}`);
    if (k > 0 && !(e > given[k - 1])) throw new RangeError("llc: cutoffs must be strictly increasing");
  });
  return [...given];
}

/** Local learning coefficient fit and the probability it implies. */
export const llcEstimator: Estimator = {
  name: "llc",
  summary: "local learning coefficient: λ fitted from V(ε) ∝ ε^λ (−log ε)^{m−1} over cutoffs; estimate = fitted V(ε) × prior density at the anchor",
  estimate(region, prior, options) {
    const { sublevel, anchor } = behaviouralInputs("llc", region, options);
    if (!Number.isSafeInteger(options.directions) || options.directions < 2)
      throw new RangeError(`llc: directions must be an integer ≥ 2, got ${options.directions}`);
    const cutoffs = llcCutoffs(sublevel.epsilon, options.cutoffs);
    const volumes = sublevelVolumes(sublevel, anchor, cutoffs, options.directions, options.seed);
    const fit = learningCoefficientFit(cutoffs, volumes.logVolumes);
    const logVolume = fit.logC + fit.lambda * Math.log(sublevel.epsilon);
    const logEstimate = logVolume + priorLogDensity(prior, anchor);
    return {
      estimator: "llc",
      estimate: Math.exp(logEstimate),
      directions: volumes.method === "exact" ? 0 : options.directions,
      evaluations: volumes.evaluations,
      details: {
        lambda: fit.lambda,
        regularLambda: anchor.length / 2,
        ...(fit.free ? { lambdaFree: fit.free.lambda, multiplicity: fit.free.multiplicity } : {}),
        residual: fit.residual,
        cutoffs,
        logVolumes: volumes.logVolumes,
        logVolumeStandardErrors: volumes.logStandardErrors,
        volumes: volumes.method,
        logEstimate,
      },
    };
  },
};
