/**
 * `mc`: naive Monte Carlo from the prior. θ is drawn from the prior's own seeded sampler and the
 * region's membership test counts hits; the estimate is the hit fraction with a 95% Wilson
 * interval. Unbiased for any region, but its relative error is ~1/√(N·p): the rival that shows what
 * the random-direction estimator gains on thin regions.
 */
import { samplingScales } from "../measure/monteCarlo.js";
import { checkPrior } from "../measure/prior.js";
import { randomStream } from "../measure/randomStream.js";
import { wilsonInterval } from "../measure/wilsonInterval.js";
import type { Estimator } from "./estimator.js";

/** Samples drawn per call of the prior's sampler. */
const BATCH = 4096;

/** Naive Monte Carlo from the prior with a Wilson interval (`options.directions` = sample count). */
export const monteCarloEstimator: Estimator = {
  name: "mc",
  summary: "naive Monte Carlo: θ drawn from the prior, hit fraction with a 95% Wilson interval (directions = samples)",
  estimate(region, prior, options) {
    const samples = options.directions;
    if (!Number.isSafeInteger(samples) || samples < 2) throw new RangeError(`mc: samples (directions) must be an integer ≥ 2, got ${samples}`);
    const d = region.names.length;
    checkPrior(prior, d);
    // The prior's scales as given, not normalised: a region need not be a cone (behavioural regions).
    const scales = samplingScales(prior, false);
    const rng = randomStream(options.seed);
    const buffer = new Float64Array(BATCH * d);
    const theta = new Float64Array(d);
    let hits = 0;
    for (let done = 0; done < samples; done += BATCH) {
      const count = Math.min(BATCH, samples - done);
      prior.family.sample(scales, count, rng, buffer);
      for (let s = 0; s < count; s++) {
        theta.set(buffer.subarray(s * d, (s + 1) * d));
        if (region.contains(theta)) hits++;
      }
    }
    const p = hits / samples;
    return {
      estimator: "mc",
      estimate: p,
      ci: wilsonInterval(hits, samples),
      directions: samples,
      evaluations: samples,
      details: { hits, samples, standardError: Math.sqrt((p * (1 - p)) / samples), seed: options.seed },
    };
  },
};
