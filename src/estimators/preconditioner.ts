/**
 * Importance proposals for the random-direction estimator: directions v = P·ĝ/|P·ĝ| with ĝ uniform
 * on the sphere (the angular central Gaussian with covariance PPᵀ), weighted by |P·ĝ|^{−D}, which
 * keeps the estimator unbiased for any invertible P once det P = 1. P acts in the prior's whitened
 * coordinates z = θ/s (s the prior's scales), where the prior is isotropic:
 *
 * - `identity`: P = I (plain uniform directions, weight 1).
 * - `hessian` / `fisher`: P = diag(M)^{−1/2} for M the cost's Hessian / Fisher matrix at the anchor
 *   (in z: M_z = S·M_θ·S): long axes where the cost is flat, as a region {cost ≤ c} is there.
 * - `full`: P = V·Λ^{−1/2}·Vᵀ from the symmetric eigendecomposition M_z = V·Λ·Vᵀ of the Hessian
 *   (mathjs `eigs`), rotated back into the original axes (tyche's full-matrix option scales along
 *   the coordinate axes instead, which stays unbiased but misses the point).
 * - `adam`: P = diag(ν̂)^{−1/2}, ν̂ the bias-corrected second-moment estimate of Adam after a short
 *   training run on the cost from a prior draw (tyche's proposal).
 *
 * Every P is scaled to det P = 1 (by its log-determinant: the sum of log eigenvalues).
 *
 * P only changes the estimator's variance, never its mean: the estimate is unbiased for any
 * invertible P, because directions are drawn from and weighted by the same Float64 matrix (stored
 * here and normalised to det 1 in Float64). So the matrix may come from float32 derivatives (the
 * tfjs cost engine for nets, costEngine.ts) without biasing anything; what their rounding can do is
 * make P a worse proposal. Entries and eigenvalues below the cost's stated relative accuracy times
 * the largest are zero to its precision, and P is then reported singular rather than built from
 * rounding noise.
 */
import { randomStream } from "../measure/randomStream.js";
import type { Prior } from "../measure/prior.js";
import type { RegionCost } from "./regionCost.js";
import { lazyMathjs, symmetricEigen } from "./symmetricEigen.js";
import { adamSteps } from "./adamSteps.js";

/** The proposals, in the order options list them. */
export const PROPOSALS = ["identity", "hessian", "fisher", "adam", "full"] as const;

/** A proposal name. */
export type Proposal = (typeof PROPOSALS)[number];

/** A preconditioner P (det 1) in whitened coordinates, with how it was made. */
export interface Preconditioner {
  readonly proposal: Proposal;
  /** D×D row-major (null for the identity). */
  readonly matrix: Float64Array | null;
  /** Its diagonal when P is diagonal (then `matrix` is diagonal too). */
  readonly diagonal: Float64Array | null;
  /** Largest over smallest singular value of P before scaling (1 for the identity). */
  readonly condition: number;
  /** Cost evaluations spent building it. */
  readonly evaluations: number;
  /** Where the matrix came from, for reports. */
  readonly source: string;
  /** The engine of the cost's derivatives (`float64 (closed form)`, `float64`, `tfjs-wasm`, …); null when none were used. */
  readonly derivatives: string | null;
}

/** Adam's settings for the `adam` proposal's training run. */
export const ADAM_RUN = { steps: 200, learningRate: 0.05, beta1: 0.9, beta2: 0.999 } as const;

/** M_z = S·M_θ·S for the prior's scales S = diag(s). */
function whiten(M: Float64Array, s: readonly number[]): Float64Array {
  const D = s.length;
  return M.map((x, idx) => x * s[Math.floor(idx / D)] * s[idx % D]);
}

/**
 * Diagonal P = diag(d)^{−1/2}, scaled to det 1.
 * @param accuracy relative accuracy of the entries: an entry must exceed accuracy × the largest.
 * @throws RangeError if an entry is not > accuracy × the largest (the matrix is singular or not
 *   positive definite there, to the precision it was computed with).
 */
function diagonalInverseRoot(d: Float64Array, what: string, accuracy = 0): { diagonal: Float64Array; condition: number } {
  const largest = Math.max(...d);
  d.forEach((x, k) => {
    if (!(x > accuracy * largest) || !Number.isFinite(x))
      throw new RangeError(
        `${what} is singular or not positive definite at the anchor: diagonal entry ${k + 1} is ${x}${x > 0 ? ` (largest ${largest}; entries below ${accuracy} of it are rounding)` : ""}; use another --proposal (identity works always)`,
      );
  });
  const logs = Array.from(d, (x) => -0.5 * Math.log(x));
  const mean = logs.reduce((a, b) => a + b, 0) / d.length;
  const diagonal = Float64Array.from(logs, (l) => Math.exp(l - mean));
  return { diagonal, condition: Math.exp(Math.max(...logs) - Math.min(...logs)) };
}

function diagonalMatrix(d: Float64Array): Float64Array {
  const D = d.length;
  const M = new Float64Array(D * D);
  for (let k = 0; k < D; k++) M[k * D + k] = d[k];
  return M;
}

/**
 * Adam's bias-corrected second moments ν̂ after ADAM_RUN.steps steps on `cost` from a draw of
 * `prior` (seeded), in θ coordinates.
 */
export function adamSecondMoments(cost: RegionCost, prior: Prior, scales: readonly number[], seed: number): Float64Array {
  const theta = new Float64Array(cost.dimension);
  prior.family.sample(Float64Array.from(scales), 1, randomStream(seed), theta);
  return adamSteps(cost, theta, ADAM_RUN.steps, ADAM_RUN).nu;
}

/** Options of {@link buildPreconditioner}. */
export interface PreconditionerInputs {
  readonly proposal: Proposal;
  /** The region's cost (required for every proposal but `identity`). */
  readonly cost?: RegionCost;
  /** The anchor θ*. */
  readonly anchor: Float64Array;
  /** The prior (whitening scales; the `adam` run starts from one of its draws). */
  readonly prior: Prior;
  readonly scales: readonly number[];
  /** Seed of the `adam` run's initial draw. */
  readonly seed: number;
}

/**
 * The preconditioner of a proposal at the anchor (see the file comment).
 * @throws RangeError if the region has no cost for a non-identity proposal, or the matrix is
 *   singular or not positive definite.
 */
export function buildPreconditioner(inputs: PreconditionerInputs): Preconditioner {
  const { proposal, cost, anchor, scales } = inputs;
  const D = anchor.length;
  if (proposal === "identity") return { proposal, matrix: null, diagonal: null, condition: 1, evaluations: 0, source: "uniform directions", derivatives: null };
  if (!cost) throw new RangeError(`--proposal ${proposal} needs a cost for the region, and this region has none; use --proposal identity`);
  const before = cost.evaluations;
  const done = (p: Omit<Preconditioner, "evaluations" | "proposal" | "derivatives">): Preconditioner => ({
    proposal,
    ...p,
    evaluations: cost.evaluations - before,
    derivatives: cost.method,
  });
  const accuracy = cost.relativeAccuracy;
  if (proposal === "adam") {
    const nu = adamSecondMoments(cost, inputs.prior, scales, inputs.seed);
    const { diagonal, condition } = diagonalInverseRoot(nu.map((x, k) => x * scales[k] * scales[k]), "Adam's second-moment estimate ν");
    return done({ matrix: diagonalMatrix(diagonal), diagonal, condition, source: `Adam ν^{-1/2} after ${ADAM_RUN.steps} steps on the ${cost.name}` });
  }
  const M = whiten(proposal === "fisher" ? cost.fisher(anchor) : cost.hessian(anchor), scales);
  const what = proposal === "fisher" ? "the Fisher matrix" : "the Hessian";
  if (proposal === "hessian" || proposal === "fisher") {
    const { diagonal, condition } = diagonalInverseRoot(Float64Array.from({ length: D }, (_, k) => M[k * D + k]), `the diagonal of ${what}`, accuracy);
    return done({ matrix: diagonalMatrix(diagonal), diagonal, condition, source: `diag(${what} of the ${cost.name})^{-1/2} (Hessian: ${cost.hessianMethod})` });
  }
  const { values, vectors } = symmetricEigen(M, D);
  const largest = Math.max(...values);
  values.forEach((l) => {
    // Eigenvalues below 1e-12 of the largest (or the cost's accuracy) are zero to rounding: P would be singular in practice.
    if (!(l > Math.max(1e-12, accuracy) * largest))
      throw new RangeError(
        `${what} is singular or not positive definite at the anchor: eigenvalue ${l} (largest ${largest}${l > 1e-12 * largest ? `; below ${accuracy} of it is rounding of the ${cost.method} derivatives` : ""}); use --proposal fisher, hessian or identity`,
      );
  });
  const logs = Array.from(values, (l) => -0.5 * Math.log(l));
  const mean = logs.reduce((a, b) => a + b, 0) / D;
  const P = new Float64Array(D * D);
  for (let i = 0; i < D; i++)
    for (let j = 0; j < D; j++) {
      let s = 0;
      for (let k = 0; k < D; k++) s += vectors[i * D + k] * Math.exp(logs[k] - mean) * vectors[j * D + k];
      P[i * D + j] = s;
    }
  return done({ matrix: P, diagonal: null, condition: Math.exp(Math.max(...logs) - Math.min(...logs)), source: `V Λ^{-1/2} Vᵀ of ${what} of the ${cost.name} (Hessian: ${cost.hessianMethod})` });
}

/**
 * A user's own preconditioner: any symmetric positive-definite or general invertible D×D matrix,
 * scaled to det 1 (by |det| from mathjs).
 * @throws RangeError if it is not D×D, not finite, or singular.
 */
export function customPreconditioner(P: Float64Array, D: number): Preconditioner {
  if (P.length !== D * D || P.some((x) => !Number.isFinite(x))) throw new RangeError(`a preconditioner must be a finite ${D}×${D} matrix`);
  const rows = Array.from({ length: D }, (_, i) => Array.from(P.subarray(i * D, (i + 1) * D)));
  const det = lazyMathjs().det(rows) as number;
  if (!(Math.abs(det) > 0)) throw new RangeError("the preconditioner is singular (det P = 0)");
  const scale = Math.exp(-Math.log(Math.abs(det)) / D);
  return { proposal: "full", matrix: P.map((x) => x * scale), diagonal: null, condition: Number.NaN, evaluations: 0, source: "given matrix", derivatives: null };
}
