/**
 * Monte Carlo probability that θ drawn from a product prior lies in the open cone {θ : Aθ > 0},
 * with a seeded PRNG (xoroshiro128+) and a 95% Wilson interval. The only method where no exact
 * one exists, and the independent check of the exact ones.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { checkPrior, type Prior } from "./prior.js";
import { wilsonInterval } from "./wilsonInterval.js";

/** A Monte Carlo estimate. Field names are a public interface (JSON output). */
export interface MonteCarloEstimate {
  /** Fraction of samples inside the cone. */
  readonly p: number;
  /** 95% Wilson score interval. */
  readonly ci: [number, number];
  /** Number of samples drawn. */
  readonly samples: number;
  /** Number of samples inside the cone. */
  readonly hits: number;
  /** Always "mc". */
  readonly method: "mc";
  /** The PRNG seed. */
  readonly seed: number;
}

/**
 * Estimates P(Aθ > 0) for θ ~ prior from `samples` draws.
 * `onProgress(done, total)` is called every 2^16 samples.
 * @throws RangeError for a non-positive or non-integer sample count, a bad seed or bad prior.
 */
export function monteCarloCone(
  rows: readonly (readonly number[])[],
  prior: Prior,
  samples: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): MonteCarloEstimate {
  if (!Number.isSafeInteger(samples) || samples < 1) {
    throw new RangeError(`samples must be a positive integer, got ${samples}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const d = prior.scales.length;
  checkPrior(prior, d);
  const m = rows.length;
  const flat = new Float64Array(m * d);
  rows.forEach((r, i) => {
    if (r.length !== d) throw new RangeError(`row ${i} has ${r.length} entries, expected ${d}`);
    flat.set(r, i * d);
  });
  const rng = xoroshiro128plus(seed);
  const theta = new Float64Array(d);
  const gaussian = prior.kind === "gaussian";
  let spare = Number.NaN;
  const normal = () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    // Box–Muller; 1 − u keeps the logarithm finite.
    const r = Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng)));
    const a = 2 * Math.PI * uniformFloat64(rng);
    spare = r * Math.sin(a);
    return r * Math.cos(a);
  };
  let hits = 0;
  for (let s = 0; s < samples; s++) {
    for (let k = 0; k < d; k++) {
      theta[k] = prior.scales[k] * (gaussian ? normal() : 2 * uniformFloat64(rng) - 1);
    }
    let inside = true;
    for (let i = 0; i < m && inside; i++) {
      let dot = 0;
      for (let k = 0; k < d; k++) dot += flat[i * d + k] * theta[k];
      inside = dot > 0;
    }
    if (inside) hits++;
    if (onProgress && (s & 0xffff) === 0xffff) onProgress(s + 1, samples);
  }
  return { p: hits / samples, ci: wilsonInterval(hits, samples), samples, hits, method: "mc", seed };
}
