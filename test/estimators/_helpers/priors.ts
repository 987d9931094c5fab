/** Priors and regions the estimator tests share. */
import type { Architecture } from "../../../src/arch/architecture.js";
import { priorFor } from "../../../src/arch/architecture.js";
import { createArchitecture } from "../../../src/arch/registry.js";
import { ONE, parse } from "../../../src/geometry/rational.js";
import { gaussianPrior } from "../../../src/measure/gaussianPrior.js";
import type { Prior } from "../../../src/measure/prior.js";
import { uniformPrior } from "../../../src/measure/uniformPrior.js";

/** The n-input perceptron with bias, binary encoding. */
export function perceptron(n: number): Architecture {
  return createArchitecture("perceptron", { inputs: n });
}

/** Gaussian prior on `arch` with σ_w, σ_b (default 1, 1). */
export function gaussian(arch: Architecture, w = "1", b = "1"): Prior {
  return priorFor(arch, gaussianPrior, { weight: parse(w), bias: parse(b) });
}

/** Uniform prior on `arch` with box half-widths a_w, a_b (default 1, 1). */
export function uniform(arch: Architecture, w = "1", b = "1"): Prior {
  return priorFor(arch, uniformPrior, { weight: parse(w), bias: parse(b) });
}

/** A prior of `family` with every scale 1 in d dimensions (user cones). */
export function unitPrior(kind: "gaussian" | "uniform", d: number): Prior {
  return { family: kind === "gaussian" ? gaussianPrior : uniformPrior, scales: Array.from({ length: d }, () => ONE) };
}
