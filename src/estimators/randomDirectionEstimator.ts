/**
 * The random-direction estimator (Scherlis & Belrose 2025; reference code EleutherAI/tyche): from an
 * anchor θ* inside a region R, draw directions w, find the distance r(w) to R's boundary along w,
 * and integrate the prior along the segment exactly:
 *
 *   p̂(w) = D·V_D ∫₀^{r(w)} t^{D−1} ρ(θ* + t·w) dt,   E_w[p̂(w)] = P(R★)
 *
 * for w uniform on the sphere, R★ the part of R star-shaped about θ* (all of R when R is convex).
 * Everything runs in the prior's whitened coordinates z = θ/s (s the prior's scales), where the
 * Gaussian prior (origin-centred, σ per parameter group) is standard and the uniform prior is the
 * box [−1, 1]^D: the Gaussian integral is gaussianRayMass (incomplete gamma from the origin,
 * quadrature otherwise; relative error ≤ 1e-12), the uniform one V_D·min(r, r_box)^D / 2^D with r_box
 * the distance to the box. With a preconditioner P (see preconditioner.ts) directions are
 * P·ĝ/|P·ĝ| and values are weighted by |P·ĝ|^{−D}, still unbiased.
 *
 * Returned: the unbiased mean with its 95% CLT interval (`ci`) and a bootstrap interval, log-mean-exp
 * and the max (tyche's two reports), and for non-convex regions (unions) a re-entry check along
 * sampled rays: `starShaped: false` and the fraction of rays that come back into R after leaving it,
 * in which case the estimate measures R★ only.
 */
import { toNumber } from "../geometry/rational.js";
import { gaussianRayMass } from "../measure/gaussianRayMass.js";
import { standardNormals } from "../measure/gaussianPrior.js";
import { logUnitBallVolume } from "../measure/unitBallVolume.js";
import type { Prior } from "../measure/prior.js";
import { randomStream } from "../measure/randomStream.js";
import { directionAggregates } from "./directionAggregates.js";
import type { EstimateOptions, Estimator, EstimatorRegion, VolumeEstimate } from "./estimator.js";
import { buildPreconditioner, type Preconditioner, type Proposal, PROPOSALS } from "./preconditioner.js";
import { checkAnchor, isProbed } from "./probedRegion.js";
import { coneRadius } from "./_internals/coneRadius.js";
import { mixSeed } from "./_internals/mixSeed.js";

/** Options of the random-direction estimator beyond the common ones. */
export interface RandomDirectionOptions extends EstimateOptions {
  /** Bootstrap replicates for `details.bootstrapCi` (default 1000; 0 for none). */
  readonly bootstrap?: number;
  /** Rays checked for re-entry on non-convex regions (default 200; 0 for none). */
  readonly starRays?: number;
  /** A ready preconditioner (then `proposal` is ignored): validation builds it once per region. */
  readonly preconditioner?: Preconditioner;
  /** Called after every batch of directions with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Default number of bootstrap replicates. */
export const DEFAULT_BOOTSTRAP = 1000;
/** Default number of rays checked for re-entry. */
export const DEFAULT_STAR_RAYS = 200;
/** Probe points per checked ray, evenly spaced from the exit to the end of the prior's support. */
const STAR_PROBES = 32;
/** Directions drawn per batch of normals. */
const BATCH = 1024;

/**
 * Stream indices of mixSeed for the estimator's independent streams. The directions' stream is
 * mixed too: xoroshiro128+ streams of consecutive seeds start out correlated (seeds 1000…1199 gave
 * a mean log-mean-exp error of +0.14 on a thin cone where independent streams give −1.15).
 */
const STREAM = { directions: 0, adam: 1, bootstrap: 2 } as const;

/** Parsed numeric prior: kind and scales. */
function priorKind(prior: Prior): "gaussian" | "uniform" {
  const kind = prior.family.kind;
  if (kind !== "gaussian" && kind !== "uniform") throw new RangeError(`the random-direction estimator takes a gaussian or uniform prior, got '${kind}'`);
  return kind;
}

/**
 * Checks the common options.
 * @throws RangeError for directions < 2 or not an integer, a non-integer seed, an unknown proposal.
 */
export function checkEstimateOptions(options: EstimateOptions): void {
  if (!Number.isInteger(options.directions) || options.directions < 2)
    throw new RangeError(`directions must be an integer ≥ 2, got ${options.directions}`);
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  if (options.proposal !== undefined && !PROPOSALS.includes(options.proposal))
    throw new RangeError(`unknown proposal '${String(options.proposal)}'; allowed: ${PROPOSALS.join(", ")}`);
}

/** The anchor to use: the option, else the region's own. @throws RangeError if none or outside. */
export function anchorFor(region: EstimatorRegion, options: EstimateOptions): { theta: Float64Array; method: string } {
  const theta = options.anchor ?? (isProbed(region) ? region.anchor?.theta : undefined);
  if (!theta) throw new RangeError(`no anchor: ${region.label} has no default anchor; give one inside the region`);
  checkAnchor(region, theta);
  const method = options.anchor ? "given" : isProbed(region) && region.anchor ? region.anchor.method : "given";
  return { theta: Float64Array.from(theta), method };
}

/**
 * The preconditioner an estimate uses: `options.preconditioner`, else built for `options.proposal`
 * (identity by default).
 * @throws RangeError as buildPreconditioner.
 */
export function preconditionerFor(region: EstimatorRegion, prior: Prior, anchor: Float64Array, options: RandomDirectionOptions): Preconditioner {
  if (options.preconditioner) return options.preconditioner;
  const proposal: Proposal = options.proposal ?? "identity";
  return buildPreconditioner({
    proposal,
    ...(isProbed(region) && region.cost ? { cost: region.cost } : {}),
    anchor,
    prior,
    scales: prior.scales.map(toNumber),
    seed: mixSeed(options.seed, STREAM.adam),
  });
}

/** Radius along a unit direction w in whitened coordinates (θ = s ⊙ z). */
type RadiusFn = (w: Float64Array) => number;

/**
 * The radius function: for one polyhedral cone (`rows`) the exact formula on rows prepared in z
 * (a ⊙ s, with ⟨a, θ*⟩ computed once, compiled by coneRadius), else the region's own rayDistance
 * along s ⊙ w.
 */
function radiusFunction(region: EstimatorRegion, theta: Float64Array, s: Float64Array): RadiusFn {
  const D = s.length;
  if (region.rows) {
    const m = region.rows.length;
    const A = new Float64Array(m * D);
    const c = new Float64Array(m);
    region.rows.forEach((row, i) => {
      let dot = 0;
      for (let k = 0; k < D; k++) {
        const a = Number(row[k]);
        A[i * D + k] = a * s[k];
        dot += a * theta[k];
      }
      c[i] = dot;
    });
    return coneRadius(A, c, m, D);
  }
  const u = new Float64Array(D);
  return (w) => {
    for (let k = 0; k < D; k++) u[k] = s[k] * w[k];
    return region.rayDistance(theta, u);
  };
}

/** Distance from z to the boundary of the box [−1, 1]^D along the unit w (z inside). */
function boxExit(z: Float64Array, w: Float64Array): number {
  let t = Number.POSITIVE_INFINITY;
  for (let k = 0; k < z.length; k++) {
    const wk = w[k];
    if (wk > 0) t = Math.min(t, (1 - z[k]) / wk);
    else if (wk < 0) t = Math.min(t, (-1 - z[k]) / wk);
  }
  return t;
}

/** Result of the re-entry check. */
interface StarCheck {
  raysChecked: number;
  reentered: number;
  probes: number;
}

/**
 * Runs the estimator's loop: K directions, their log values ln(p̂·weight), and the re-entry check
 * on the first `starRays` rays with a finite radius.
 */
function runDirections(
  region: EstimatorRegion,
  kind: "gaussian" | "uniform",
  theta: Float64Array,
  s: Float64Array,
  P: Preconditioner,
  K: number,
  seed: number,
  starRays: number,
  onProgress?: (done: number, total: number) => void,
): { logValues: Float64Array; star: StarCheck } {
  const D = s.length;
  const z = Float64Array.from(theta, (x, k) => x / s[k]);
  let zz = 0;
  for (let k = 0; k < D; k++) zz += z[k] * z[k];
  const radius = radiusFunction(region, theta, s);
  const mass = kind === "gaussian" ? gaussianRayMass(D) : null;
  // ln(V_D / 2^D): the uniform density 2^{−D} times the volume of the unit ball.
  const logBall = logUnitBallVolume(D) - D * Math.LN2;
  // The Gaussian's support for the re-entry check: the ball of radius √D + 8 (mass outside < 1e-13).
  const supportSq = (Math.sqrt(D) + 8) ** 2;
  const rng = randomStream(mixSeed(seed, STREAM.directions));
  const normals = new Float64Array(BATCH * D);
  const w = new Float64Array(D);
  const probe = new Float64Array(D);
  const logValues = new Float64Array(K);
  const star: StarCheck = { raysChecked: 0, reentered: 0, probes: 0 };
  const matrix = P.matrix;
  const diagonal = P.diagonal;
  for (let start = 0; start < K; start += BATCH) {
    const count = Math.min(BATCH, K - start);
    standardNormals(rng, normals, count * D);
    for (let b = 0; b < count; b++) {
      const o = b * D;
      let gg = 0;
      for (let k = 0; k < D; k++) gg += normals[o + k] * normals[o + k];
      const inv = 1 / Math.sqrt(gg);
      let logWeight = 0;
      if (matrix === null) {
        for (let k = 0; k < D; k++) w[k] = normals[o + k] * inv;
      } else {
        // v = P·ĝ, direction v/|v|, weight |v|^{−D} (det P = 1).
        let vv = 0;
        for (let i = 0; i < D; i++) {
          let v = 0;
          if (diagonal !== null) v = diagonal[i] * normals[o + i];
          else for (let k = 0; k < D; k++) v += matrix[i * D + k] * normals[o + k];
          v *= inv;
          w[i] = v;
          vv += v * v;
        }
        const norm = Math.sqrt(vv);
        for (let k = 0; k < D; k++) w[k] /= norm;
        logWeight = -D * Math.log(norm);
      }
      const r = radius(w);
      let a = 0;
      for (let k = 0; k < D; k++) a += z[k] * w[k];
      let logP: number;
      let end: number;
      if (mass !== null) {
        logP = mass.logMass(a, zz - a * a, r);
        const disc = supportSq - (zz - a * a);
        end = disc > 0 ? -a + Math.sqrt(disc) : 0;
      } else {
        end = boxExit(z, w);
        const reff = Math.min(r, end);
        logP = reff > 0 ? logBall + D * Math.log(reff) : Number.NEGATIVE_INFINITY;
      }
      logValues[start + b] = logP + logWeight;
      if (star.raysChecked < starRays && Number.isFinite(r) && end > r) {
        star.raysChecked++;
        for (let j = 1; j <= STAR_PROBES; j++) {
          const t = r + ((end - r) * j) / STAR_PROBES;
          for (let k = 0; k < D; k++) probe[k] = theta[k] + t * s[k] * w[k];
          star.probes++;
          if (region.contains(probe)) {
            star.reentered++;
            break;
          }
        }
      }
    }
    onProgress?.(start + count, K);
  }
  return { logValues, star };
}

/**
 * One random-direction estimate of P(θ ∈ region) under `prior` (see the file comment).
 * @throws RangeError for directions < 2, a non-integer seed, a prior other than gaussian/uniform,
 *   a prior of the wrong dimension, an anchor outside the region (naming a violated constraint) or
 *   outside the uniform prior's box, or a preconditioner that is singular / not positive definite.
 */
export function randomDirectionEstimate(region: EstimatorRegion, prior: Prior, options: RandomDirectionOptions): VolumeEstimate {
  checkEstimateOptions(options);
  const kind = priorKind(prior);
  const D = region.names.length;
  if (prior.scales.length !== D) throw new RangeError(`the ${kind} prior has ${prior.scales.length} scales, the region ${D} parameters`);
  const anchor = anchorFor(region, options);
  const s = Float64Array.from(prior.scales, toNumber);
  if (kind === "uniform") {
    const k = anchor.theta.findIndex((x, i) => !(Math.abs(x) < s[i]));
    if (k >= 0) throw new RangeError(`the anchor lies outside the uniform prior's box: |${region.names[k]}| = ${Math.abs(anchor.theta[k])} ≥ ${s[k]}`);
  }
  const P = preconditionerFor(region, prior, anchor.theta, options);
  const convex = isProbed(region) ? region.convex : false;
  const starRays = convex ? 0 : (options.starRays ?? DEFAULT_STAR_RAYS);
  const { logValues, star } = runDirections(region, kind, anchor.theta, s, P, options.directions, options.seed, starRays, options.onProgress);
  const agg = directionAggregates(logValues, options.bootstrap ?? DEFAULT_BOOTSTRAP, mixSeed(options.seed, STREAM.bootstrap));
  // true: convex, so star-shaped about any interior point; false: a ray came back in; null: a union
  // on which no checked ray came back (not a proof).
  const starFields = convex
    ? { starShaped: true }
    : {
        starShaped: star.reentered > 0 ? false : null,
        reentryFraction: star.raysChecked > 0 ? star.reentered / star.raysChecked : null,
        raysChecked: star.raysChecked,
      };
  return {
    estimator: "random-direction",
    estimate: agg.mean,
    ci: agg.ci,
    logMeanExp: agg.logMeanExp,
    max: agg.max,
    directions: options.directions,
    evaluations: options.directions + star.probes + P.evaluations,
    details: {
      prior: kind,
      proposal: P.proposal,
      preconditioner: P.source,
      ...(P.proposal === "identity" ? {} : { preconditionerCondition: P.condition }),
      ...(P.derivatives === null ? {} : { derivatives: P.derivatives }),
      anchor: Array.from(anchor.theta),
      anchorMethod: anchor.method,
      radius: region.radius,
      standardError: agg.standardError,
      relativeStandardError: agg.mean > 0 ? agg.standardError / agg.mean : null,
      bootstrapCi: agg.bootstrapCi,
      logMax: agg.logMax,
      effectiveSampleSize: agg.effectiveSampleSize,
      ...starFields,
    },
  };
}

/** The random-direction estimator on the estimator interface. */
export const randomDirectionEstimator: Estimator = {
  name: "random-direction",
  summary: "random directions from an anchor, exact radial prior integral per direction (Scherlis & Belrose 2025), optional importance proposals",
  estimate: (region, prior, options) => randomDirectionEstimate(region, prior, options),
};
