/**
 * Probabilities of every function of a ReLU net with one or two hidden layers (the last of width
 * h ≤ 2) by Rao-Blackwellised Monte Carlo: P(f) = E_hidden[P_out(f | W1, b1[, W2, b2])], the inner
 * probability in closed form (reluOutputMeasure), the outer expectation over every hidden layer's
 * weights drawn from the prior
 *  - `rao-blackwell`: i.i.d. draws from the seed's xoroshiro128+ stream; 95% interval mean ± 1.96·SE
 *    (central limit theorem; the integrand is bounded in [0, 1]);
 *  - `qmc`: R independent Owen-scrambled Sobol' point sets (mapped through Φ⁻¹ or affinely),
 *    estimate the mean of the R set means, 95% interval from their spread with Student's t(R − 1).
 * Both are floating-point estimates: every result names its method, interval and sample count.
 */
import { toNumber } from "../../geometry/rational.js";
import { normalQuantile } from "../../measure/normalQuantile.js";
import type { Prior } from "../../measure/prior.js";
import { randomStream } from "../../measure/randomStream.js";
import { sobolStream } from "../../measure/sobol.js";
import { Z95 } from "../../measure/wilsonInterval.js";
import { layerBlocks, type LayeredSpec } from "./layeredSpec.js";
import { reluOutputMeasure } from "./reluOutputMeasure.js";

/** Estimators of this file. */
export type ReluEstimator = "rao-blackwell" | "qmc";

/** One function's estimate. Field names are a public interface (JSON output). */
export interface ReluEstimate {
  /** Estimated probability. */
  readonly p: number;
  /** Standard error of p. */
  readonly err: number;
  /** 95% interval, clipped to [0, 1]. */
  readonly ci: [number, number];
  /** Hidden-weight samples (points) used, over all scrambles. */
  readonly samples: number;
  /** `rao-blackwell` or `qmc`. */
  readonly method: ReluEstimator;
  /** The seed of the random stream (draws or scrambles). */
  readonly seed: number;
  /** Independent scrambles (qmc only). */
  readonly scrambles?: number;
}

/** Estimates of every function (index = truth table bits) and the time taken. */
export interface ReluEstimateTable {
  readonly estimates: readonly ReluEstimate[];
  /** Wall time in milliseconds. */
  readonly milliseconds: number;
}

/** Options of {@link reluEstimateTable}. */
export interface ReluEstimateOptions {
  readonly method: ReluEstimator;
  /** Total hidden samples (qmc: split evenly over the scrambles). */
  readonly samples: number;
  readonly seed: number;
  /** Independent scrambles for qmc (default 16). */
  readonly scrambles?: number;
  /** Progress callback (done, total samples). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Default number of independent scrambles of the qmc estimator. */
export const DEFAULT_SCRAMBLES = 16;

/** Student's t 0.975-quantiles for 1 … 30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093,
  2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t_{0.975}(df): the table, then the first Cornish–Fisher correction to the normal quantile. */
function t975(df: number): number {
  if (df <= 30) return T975[df - 1];
  return Z95 + (Z95 ** 3 + Z95) / (4 * df);
}

/** Where the hidden (W1, b1[, W2, b2]) and output (v, c) coordinates sit, and their scales as doubles. */
function layout(spec: LayeredSpec, prior: Prior) {
  const blocks = layerBlocks(spec);
  const output = blocks[blocks.length - 1];
  // The hidden layers' parameters come first in layeredSpec order, the output's last.
  const hiddenCount = output.weights;
  const scales = prior.scales.map(toNumber);
  return {
    hiddenScales: Float64Array.from(scales.slice(0, hiddenCount)),
    outputScales: scales.slice(output.weights, output.biases + 1),
    hiddenCount,
  };
}

/**
 * Rao-Blackwellised (or quasi-Monte Carlo) estimates of every function's probability under
 * `prior` (see the file comment).
 * @throws RangeError for a step net, a last hidden width h > 2, n > 4, a prior without a closed-form
 *   output measure, fewer than 2 samples (per scramble), or fewer than 2 scrambles.
 */
export function reluEstimateTable(spec: LayeredSpec, prior: Prior, options: ReluEstimateOptions): ReluEstimateTable {
  const start = performance.now();
  const { hiddenScales, outputScales, hiddenCount } = layout(spec, prior);
  const kind = prior.family.kind;
  const integrand = reluOutputMeasure(spec, kind, outputScales);
  const F = integrand.functions;
  const values = new Float64Array(F);
  const { method, samples, seed } = options;
  if (!Number.isSafeInteger(samples) || samples < 2) throw new RangeError(`samples must be an integer ≥ 2, got ${samples}`);
  const rng = randomStream(seed);
  const batch = 1024;
  const point = new Float64Array(batch * hiddenCount);
  if (method === "rao-blackwell") {
    const sum = new Float64Array(F);
    const sumSq = new Float64Array(F);
    for (let done = 0; done < samples; ) {
      const count = Math.min(batch, samples - done);
      prior.family.sample(hiddenScales, count, rng, point);
      for (let s = 0; s < count; s++) {
        integrand.measure(point, s * hiddenCount, values);
        for (let f = 0; f < F; f++) {
          sum[f] += values[f];
          sumSq[f] += values[f] * values[f];
        }
      }
      done += count;
      options.onProgress?.(done, samples);
    }
    const estimates = Array.from({ length: F }, (_, f) => {
      const mean = sum[f] / samples;
      const variance = Math.max(0, (sumSq[f] - samples * mean * mean) / (samples - 1));
      return estimate(mean, Math.sqrt(variance / samples), Z95, samples, "rao-blackwell", seed);
    });
    return { estimates, milliseconds: performance.now() - start };
  }
  const R = options.scrambles ?? DEFAULT_SCRAMBLES;
  if (!Number.isInteger(R) || R < 2) throw new RangeError(`qmc needs at least 2 scrambles, got ${R}`);
  const perScramble = Math.floor(samples / R);
  if (perScramble < 2) throw new RangeError(`qmc: ${samples} samples over ${R} scrambles leave fewer than 2 per scramble`);
  const means: Float64Array[] = [];
  const gaussian = kind === "gaussian";
  for (let q = 0; q < R; q++) {
    const sobol = sobolStream(hiddenCount, rng);
    const sum = new Float64Array(F);
    const u = new Float64Array(hiddenCount);
    for (let s = 0; s < perScramble; s++) {
      sobol.next(u, 0);
      for (let k = 0; k < hiddenCount; k++)
        u[k] = gaussian ? hiddenScales[k] * normalQuantile(u[k]) : hiddenScales[k] * (2 * u[k] - 1);
      integrand.measure(u, 0, values);
      for (let f = 0; f < F; f++) sum[f] += values[f];
    }
    means.push(sum.map((x) => x / perScramble));
    options.onProgress?.((q + 1) * perScramble, R * perScramble);
  }
  const t = t975(R - 1);
  const estimates = Array.from({ length: F }, (_, f) => {
    let mean = 0;
    for (const m of means) mean += m[f];
    mean /= R;
    let ss = 0;
    for (const m of means) ss += (m[f] - mean) ** 2;
    const se = Math.sqrt(ss / (R - 1) / R);
    return { ...estimate(mean, se, t, R * perScramble, "qmc", seed), scrambles: R };
  });
  return { estimates, milliseconds: performance.now() - start };
}

function estimate(p: number, err: number, quantile: number, samples: number, method: ReluEstimator, seed: number): ReluEstimate {
  return { p, err, ci: [Math.max(0, p - quantile * err), Math.min(1, p + quantile * err)], samples, method, seed };
}
