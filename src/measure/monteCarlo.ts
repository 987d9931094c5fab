/**
 * Monte Carlo probability that θ drawn from a prior lies in the open cone {θ : Aθ > 0}, with a
 * seeded PRNG (xoroshiro128+) and a 95% Wilson interval. The only method where no exact one
 * exists, and the independent check of the exact ones.
 */
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { cmp, div, ONE, toNumber, toString } from "../geometry/rational.js";
import { checkPrior, type Prior } from "./prior.js";
import { wilsonInterval } from "./wilsonInterval.js";

/** A Monte Carlo estimate. Field names are a public interface (JSON output). */
export interface MonteCarloEstimate {
  /** Fraction of samples inside the region. */
  readonly p: number;
  /** 95% Wilson score interval. */
  readonly ci: [number, number];
  /** Number of samples drawn. */
  readonly samples: number;
  /** Number of samples inside the region. */
  readonly hits: number;
  /** Always "mc". */
  readonly method: "mc";
  /** The PRNG seed. */
  readonly seed: number;
}

/** Samples drawn per call of the prior's sampler. */
const BATCH = 4096;
/** Progress is reported every this many samples (a multiple of BATCH) and at the end. */
const PROGRESS_EVERY = 65536;

/**
 * Checks a Monte Carlo request.
 * @throws RangeError for a non-positive or non-integer sample count or a non-integer seed.
 */
export function checkSampling(samples: number, seed: number): void {
  if (!Number.isSafeInteger(samples) || samples < 1) {
    throw new RangeError(`samples must be a positive integer, got ${samples}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
}

/** The estimate from hit and sample counts. */
export function monteCarloEstimate(hits: number, samples: number, seed: number): MonteCarloEstimate {
  return { p: hits / samples, ci: wilsonInterval(hits, samples), samples, hits, method: "mc", seed };
}

/** Whether a measure is a Monte Carlo estimate (it carries its hits and samples). */
export function isMonteCarloEstimate(m: { readonly p: number }): m is MonteCarloEstimate {
  return (m as Partial<MonteCarloEstimate>).method === "mc" && typeof (m as Partial<MonteCarloEstimate>).hits === "number";
}

/**
 * The estimate of a union of disjoint regions from their estimates on the same samples (one seed
 * and sample count): the hits add, each part counted `weight` times.
 * @throws RangeError when the parts come from different sample counts or seeds.
 */
export function monteCarloTotal(parts: readonly { readonly measure: MonteCarloEstimate; readonly weight: number }[], samples: number, seed: number): MonteCarloEstimate {
  let hits = 0;
  for (const { measure, weight } of parts) {
    if (measure.samples !== samples || measure.seed !== seed)
      throw new RangeError(`Monte Carlo parts of ${measure.samples} samples (seed ${measure.seed}) cannot be added to ones of ${samples} (seed ${seed})`);
    hits += weight * measure.hits;
  }
  return monteCarloEstimate(hits, samples, seed);
}

/**
 * The prior's scales as doubles for sampling. With `normalise` (the default) they are divided
 * exactly by the largest: where the region is a cone, which functions the samples compute depends
 * only on the ratios, so σ_w = 1e-300 with σ_b = 1 samples as well as 1 and 1e300. Pass false for
 * a network whose function changes under θ ↦ λθ (a ReLU net: out(λθ) = λc + λ²Σ…).
 * @throws RangeError when a scale (ratio) is not a positive finite double.
 */
export function samplingScales(prior: Prior, normalise = true): Float64Array {
  const largest = normalise ? prior.scales.reduce((m, s) => (cmp(s, m) > 0 ? s : m), prior.scales[0] ?? ONE) : ONE;
  return Float64Array.from(prior.scales, (s, k) => {
    const x = toNumber(div(s, largest));
    if (!(x > 0) || !Number.isFinite(x)) {
      throw new RangeError(
        `${prior.family.kind} prior: the ${prior.family.scaleMeaning} of coordinate ${k + 1} divided by the largest is ${toString(div(s, largest))}, below the smallest double; Monte Carlo cannot sample it (use the exact method)`,
      );
    }
    return x;
  });
}

/**
 * Estimates P(Aθ > 0) for θ ~ prior from `samples` draws.
 * `onProgress(done, total)` is called every 2^16 samples and once at the end.
 * @throws RangeError for a bad sample count, seed or prior, or rows of the wrong length.
 */
export function monteCarloCone(
  rows: readonly (readonly number[])[],
  prior: Prior,
  samples: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): MonteCarloEstimate {
  checkSampling(samples, seed);
  const d = prior.scales.length;
  checkPrior(prior, d);
  const scales = samplingScales(prior);
  const m = rows.length;
  const flat = new Float64Array(m * d);
  rows.forEach((r, i) => {
    if (r.length !== d) throw new RangeError(`row ${i} has ${r.length} entries, expected ${d}`);
    flat.set(r, i * d);
  });
  const rng = xoroshiro128plus(seed);
  const theta = new Float64Array(BATCH * d);
  let hits = 0;
  for (let done = 0; done < samples; ) {
    const count = Math.min(BATCH, samples - done);
    prior.family.sample(scales, count, rng, theta);
    for (let s = 0; s < count; s++) {
      const o = s * d;
      let inside = true;
      for (let i = 0; i < m && inside; i++) {
        let dot = 0;
        for (let k = 0; k < d; k++) dot += flat[i * d + k] * theta[o + k];
        inside = dot > 0;
      }
      if (inside) hits++;
    }
    done += count;
    if (done % PROGRESS_EVERY === 0 || done === samples) onProgress?.(done, samples);
  }
  return monteCarloEstimate(hits, samples, seed);
}
