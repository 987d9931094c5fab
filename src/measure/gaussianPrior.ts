/**
 * The Gaussian prior: independent θ_k ~ N(0, σ_k²). Cones are measured by triangulating them into
 * simplicial cones on their exact extreme rays and integrating each numerically (closed forms for
 * d ≤ 3, Plackett's reduction or radial simplex cubature above), with an error estimate.
 */
import type { Rational } from "../geometry/rational.js";
import { triangulateCone } from "../geometry/triangulate.js";
import { CompensatedSum } from "./compensatedSum.js";
import { coneGaussian } from "./coneGaussian.js";
import type { PriorFamily, RandomStream } from "./prior.js";
import { zigguratNormals } from "./_internals/ziggurat.js";

/** A Gaussian probability. Field names are a public interface (JSON output). */
export interface GaussianColumn {
  /** Probability that θ ~ N(0, diag(σ²)) lies in the region (numerical, finite). */
  readonly p: number;
  /**
   * Error estimate of p (absolute): numerical, |error| ≤ err verified on 1,000+ adversarial cones
   * against independent references wherever converged is true (test/measure/gaussianCorpus).
   */
  readonly err: number;
  /** Method: closed forms for d ≤ 3, Plackett / radial cubature (or mixed) for d ≥ 4. */
  readonly method: string;
  /** False when the estimate missed the requested tolerance (then err says how far it got). */
  readonly converged: boolean;
  /** Set when converged is false: what was missed, for the CLI to print. */
  readonly warning?: string;
}

/** Relative error target of each region's Gaussian probability for d ≤ 7 (see gaussianRelTol). */
export const GAUSSIAN_REL_TOL = 1e-10;
/**
 * Relative error target of a region's Gaussian probability in d dimensions: GAUSSIAN_REL_TOL, or
 * 1e-9 for d ≥ 8, where Plackett's rounding floor (~1e-14 at d = 8, nested three t-integrals deep)
 * is above 1e-10 of most wide regions and the radial cubature needs ~10× the evaluations per digit:
 * at 1e-10 a quarter of sampled n = 7 functions missed the target (bench/volumes78.mjs).
 */
export function gaussianRelTol(d: number): number {
  return d >= 8 ? 1e-9 : GAUSSIAN_REL_TOL;
}
/**
 * Absolute error target of a region's Gaussian probability in d dimensions: 1e-13, or 1e-12 for
 * d = 7, where Plackett's rounding floor (~3e-15 per simplex) times the 30-odd simplices of the
 * widest n = 6 perceptron regions exceeds 1e-13 and no method could meet it; 1e-11 for d ≥ 8
 * (single functions, not tables: the floor grows with the nesting depth and the simplex count).
 */
export function gaussianAbsTol(d: number): number {
  return d >= 8 ? 1e-11 : d >= 7 ? 1e-12 : 1e-13;
}

/**
 * Largest dimension the triangulation and orthant methods take here (cost grows steeply with d: d = 9
 * is the perceptron with 8 inputs and a bias; see README "what limits d").
 */
const MAX_DIMENSION = 9;

/** Fills out[0 … m) with independent N(0, 1) samples (the ziggurat method, exact rejection sampling). */
export function standardNormals(rng: RandomStream, out: Float64Array, m: number): void {
  zigguratNormals(rng, out, m);
}

/** The Gaussian prior family. */
export const gaussianPrior: PriorFamily<GaussianColumn> = {
  kind: "gaussian",
  scaleMeaning: "standard deviation",
  exactMethod: "triangulation into simplicial cones + orthant / radial cubature (numerical, with err)",
  maxExactDimension: MAX_DIMENSION,
  sample(scales, count, rng, out) {
    const d = scales.length;
    if (out.length < count * d) throw new RangeError(`sample buffer holds ${out.length} numbers, need ${count * d}`);
    standardNormals(rng, out, count * d);
    // Unit scales (the default) need no pass over the batch.
    if (scales.every((x) => x === 1)) return;
    for (let s = 0, i = 0; s < count; s++) for (let k = 0; k < d; k++, i++) out[i] *= scales[k];
  },
  measureCone(rows, scales: readonly Rational[]) {
    const d = scales.length;
    if (d > MAX_DIMENSION)
      throw new RangeError(`Gaussian volumes by triangulation take at most ${MAX_DIMENSION} parameters, got ${d}; use Monte Carlo`);
    if (rows.some((r) => r.length !== d)) throw new RangeError(`cone rows must have ${d} entries`);
    const { rays, simplices } = triangulateCone(rows);
    // Tables add up to 15 M regions weighted by orbits of up to 92,160, so each class is measured
    // to 1e-10 relative (1e-13 absolute, 1e-12 at d = 7); measured table totals then stay within
    // 1e-12 of 1. d = 8, 9 (single functions of 7 and 8 inputs): 1e-9 relative, 1e-11 absolute.
    const g = coneGaussian(
      simplices.map((s) => s.map((k) => rays[k])),
      { sigma: scales, relTol: gaussianRelTol(d), absTol: gaussianAbsTol(d) },
    );
    return {
      p: g.p,
      err: g.err,
      method: g.method,
      converged: g.converged,
      ...(g.warning === undefined ? {} : { warning: g.warning }),
    };
  },
  total(parts) {
    const sum = new CompensatedSum();
    let err = 0;
    let missed = 0;
    let firstWarning: string | undefined;
    const methods = new Set<string>();
    for (const { measure, weight } of parts) {
      sum.add(weight * measure.p);
      err += weight * measure.err;
      if (!measure.converged) {
        missed++;
        firstWarning ??= measure.warning;
      }
      methods.add(measure.method);
    }
    const method = methods.size === 0 ? "empty" : methods.size === 1 ? [...methods][0] : "mixed";
    const total = { p: sum.value(), err, method, converged: missed === 0 };
    if (missed === 0) return total;
    const warning = missed === 1 && firstWarning ? firstWarning : `${missed} regions missed the Gaussian tolerance`;
    return { ...total, warning };
  },
  summaryFields(total) {
    return { gaussianTotal: total.p, gaussianTotalErr: total.err, gaussianConverged: total.converged };
  },
};
