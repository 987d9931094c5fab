/**
 * Exact probabilities of a perceptron region under the Gaussian and uniform priors: the cone of
 * its facet rows is triangulated by its extreme rays (exact) and measured piece by piece on the
 * sphere, and intersected with the box and measured in BigInt rationals.
 */

import { type Rational, toFraction, toNumber } from "../../geometry/rational.js";
import { triangulateCone } from "../../geometry/triangulate.js";
import { coneGaussian } from "../../measure/coneGaussian.js";
import { cubeVolumeByTriangulation } from "../../measure/cubeVolumeByTriangulation.js";
import { type PerceptronSpec, parameterCount } from "./perceptronSpec.js";

/** Prior parameters: σ of weights and bias (gaussian), half-widths of the box (uniform). */
export interface VolumeSettings {
  readonly gaussian?: { readonly sigmaW: Rational; readonly sigmaB: Rational };
  readonly uniform?: { readonly boxW: Rational; readonly boxB: Rational };
}

/** Gaussian-prior probability. Field names are a public interface (JSON output). */
export interface GaussianColumn {
  /** Probability that θ ~ N(0, diag(σ²)) computes the function. */
  readonly p: number;
  /** Error estimate of p (absolute; see the method). */
  readonly err: number;
  /** Method: closed forms for d ≤ 3, Plackett / radial cubature (or mixed) for d ≥ 4. */
  readonly method: string;
}

/** Uniform-prior probability. Field names are a public interface (JSON output). */
export interface UniformColumn {
  /** The exact fraction of the box, `p/q`. */
  readonly fraction: string;
  /** The fraction as the nearest double. */
  readonly p: number;
}

/** Volumes of one region under the requested priors. */
export interface RegionVolumes {
  gaussian?: GaussianColumn;
  uniform?: UniformColumn;
}

/** Most parameters (inputs + bias) the exact methods take: their cost grows steeply with d. */
export const MAX_EXACT_PARAMETERS = 7;

/** Relative error target of each Gaussian region probability. */
export const GAUSSIAN_REL_TOL = 1e-10;
/** Absolute error target of each Gaussian region probability. */
export const GAUSSIAN_ABS_TOL = 1e-13;

/** Per-coordinate scales (w1 … wn[, b]). */
function scales(spec: PerceptronSpec, w: Rational, b: Rational): Rational[] {
  const out = Array.from({ length: spec.inputs }, () => w);
  if (spec.bias) out.push(b);
  return out;
}

/**
 * Measures the open cone {θ : ⟨a, θ⟩ > 0 for every facet row a} (the facets alone define it) under
 * the requested priors.
 * @throws RangeError if the rows do not have the spec's dimension, define a cone that is not pointed,
 * or the spec has more than MAX_EXACT_PARAMETERS parameters.
 */
export function regionVolumes(
  spec: PerceptronSpec,
  facetVectors: readonly (readonly bigint[])[],
  settings: VolumeSettings,
): RegionVolumes {
  const d = parameterCount(spec);
  if (d > MAX_EXACT_PARAMETERS) {
    throw new RangeError(`exact volumes take at most ${MAX_EXACT_PARAMETERS} parameters, got ${d}; use Monte Carlo`);
  }
  if (facetVectors.some((r) => r.length !== d)) throw new RangeError(`facet rows must have ${d} entries`);
  const out: RegionVolumes = {};
  if (settings.gaussian) {
    const { rays, simplices } = triangulateCone(facetVectors);
    const sigma = scales(spec, settings.gaussian.sigmaW, settings.gaussian.sigmaB);
    const g = coneGaussian(
      simplices.map((s) => s.map((k) => rays[k])),
      // Tables add up to 15 M regions weighted by orbits of up to 92,160, so each class is measured
      // to 1e-10 relative (1e-13 absolute); measured table totals then stay within 1e-12 of 1
      // (1e-11 costs 30x more time at n = 6 for no visible gain).
      { sigma, relTol: GAUSSIAN_REL_TOL, absTol: GAUSSIAN_ABS_TOL },
    );
    out.gaussian = { p: g.p, err: g.err, method: g.method };
  }
  if (settings.uniform) {
    const c = cubeVolumeByTriangulation(
      facetVectors,
      scales(spec, settings.uniform.boxW, settings.uniform.boxB),
    );
    out.uniform = { fraction: toFraction(c.fraction), p: toNumber(c.fraction) };
  }
  return out;
}
