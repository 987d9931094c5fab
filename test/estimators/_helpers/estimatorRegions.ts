/**
 * Small EstimatorRegion objects for the rival estimators' tests: perceptron function cones (with
 * their exact measures), the behavioural region of a sigmoid perceptron (mean KL to an anchor's
 * outputs), and quadratic sublevel regions whose volume is known in closed form.
 */
import type { Architecture, Prior } from "../../../src/index.js";
import { createArchitecture } from "../../../src/arch/registry.js";
import { type PerceptronArchitecture } from "../../../src/arch/perceptron/perceptronArchitecture.js";
import { parseFunction } from "../../../src/boolean/truthTable.js";
import { behaviouralRegion } from "../../../src/estimators/behaviouralRegion.js";
import { functionRegion } from "../../../src/estimators/functionRegion.js";
import type { EstimatorRegion, SublevelCost } from "../../../src/estimators/estimator.js";
import { symmetricEigenvalues } from "../../../src/estimators/symmetricEigen.js";
import { logUnitBallVolume } from "../../../src/measure/unitBallVolume.js";

/** The perceptron with n inputs (binary encoding, bias). */
export function perceptron(n: number): PerceptronArchitecture {
  return createArchitecture("perceptron", { inputs: n }) as PerceptronArchitecture;
}

/**
 * f's region of an architecture with one polyhedral piece in θ, with its exact measure under each
 * prior: the library's own function region (functionRegion).
 */
export function coneRegion(arch: Architecture, f: string, priors: readonly Prior[] = []): EstimatorRegion {
  const region = functionRegion(arch, parseFunction(f, arch.inputs), priors);
  if (region.rows === undefined) throw new Error(`${f} is not one cone in θ`);
  return region;
}

/** Largest radius bisection searches (the KL region of a perceptron is bounded for ε below its ceiling). */
const FAR = 1e6;

/** {θ : cost(θ) ≤ ε} as an EstimatorRegion with a bisected ray distance (rtol 1e-12). */
function sublevelRegion(label: string, names: readonly string[], sublevel: SublevelCost): EstimatorRegion {
  const contains = (theta: Float64Array) => sublevel.cost(theta) <= sublevel.epsilon;
  return {
    label,
    names,
    contains,
    rayDistance(theta, u) {
      if (!contains(theta)) return 0;
      const x = new Float64Array(theta.length);
      const inside = (t: number) => {
        for (let k = 0; k < x.length; k++) x[k] = theta[k] + t * u[k];
        return contains(x);
      };
      let lo = 0;
      let hi = 1;
      while (inside(hi)) {
        lo = hi;
        hi *= 2;
        if (hi > FAR) return Number.POSITIVE_INFINITY;
      }
      while (hi - lo > 1e-12 * hi) {
        const mid = (lo + hi) / 2;
        if (inside(mid)) lo = mid;
        else hi = mid;
      }
      return lo;
    },
    radius: { method: "bisection", relativeTolerance: 1e-12 },
    sublevel,
  };
}

/**
 * The behavioural region of a sigmoid perceptron about `anchor`: mean over the 2^n inputs of
 * KL(σ(z*(x)) ‖ σ(z_θ(x))) ≤ ε, z = ⟨θ, x̃⟩ — the library's own (behaviouralRegion), whose sublevel
 * cost carries the closed-form Hessian mean_x σ(z)(1 − σ(z)) x̃x̃ᵀ.
 */
export function perceptronKlRegion(arch: PerceptronArchitecture, anchor: Float64Array, epsilon: number): EstimatorRegion {
  return behaviouralRegion(arch, anchor, epsilon);
}

/**
 * {θ : ½ (θ − θ*)ᵀ M (θ − θ*) ≤ ε} for M positive definite (D×D row-major): an ellipsoid whose
 * volume V_D (2e)^{D/2} / √det M the region states exactly (det from M's eigenvalues).
 */
export function quadraticRegion(m: Float64Array, anchor: Float64Array, epsilon: number, names?: readonly string[]): EstimatorRegion {
  const d = anchor.length;
  const logDet = symmetricEigenvalues(m, d).reduce((s, v) => s + Math.log(v), 0);
  const sublevel: SublevelCost = {
    epsilon,
    cost(theta) {
      let s = 0;
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) s += (theta[a] - anchor[a]) * m[a * d + b] * (theta[b] - anchor[b]);
      return s / 2;
    },
    volume: (e) => Math.exp(logUnitBallVolume(d) + (d / 2) * Math.log(2 * e) - logDet / 2),
  };
  return sublevelRegion(`quadratic region ε=${epsilon}`, names ?? Array.from({ length: d }, (_, k) => `t${k + 1}`), sublevel);
}

/** A sublevel region of an arbitrary cost (no Hessian, no volume). */
export function costRegion(cost: (theta: Float64Array) => number, d: number, epsilon: number): EstimatorRegion {
  return sublevelRegion(`cost region ε=${epsilon}`, Array.from({ length: d }, (_, k) => `t${k + 1}`), { epsilon, cost });
}
