/**
 * ReLU volume estimators on a net with two hidden layers (2-2-2-1), both priors: all hidden layers
 * are sampled and the output cone in (v, c) is measured in closed form.
 * - plain Monte Carlo, Rao-Blackwell and scrambled-Sobol' QMC agree on every function within
 *   4 combined standard errors (seeded, so deterministic; with independent seeds a false failure of
 *   one of the 48 comparisons has probability about 48 × 6e-5 ≈ 0.3%);
 * - the totals are 1 up to rounding;
 * - the integrand is unchanged by permuting the units of either hidden layer (the parameters
 *   permuted with them), and by rescaling a first-layer unit (W1[j], b1[j]) by α > 0 while dividing
 *   the second layer's weights on it by α.
 */
import { describe, expect, it } from "vitest";
import { expectEstimatorsAgree } from "../_helpers/estimatorAgreement.js";
import { expectIntegrandInvariant } from "../_helpers/integrandInvariance.js";
import { type Architecture, priorFor } from "../../../src/arch/architecture.js";
import { layeredArchitecture } from "../../../src/arch/layered/layeredArchitecture.js";
import type { LayeredSpec } from "../../../src/arch/layered/layeredSpec.js";
import { reluOutputMeasure } from "../../../src/arch/layered/reluOutputMeasure.js";
import { rat } from "../../../src/geometry/rational.js";
import { gaussianPrior } from "../../../src/measure/gaussianPrior.js";
import type { PriorFamily } from "../../../src/measure/prior.js";
import { uniformPrior } from "../../../src/measure/uniformPrior.js";

const spec: LayeredSpec = { activation: "relu", layers: [2, 2, 2, 1], encoding: "binary" };
const arch: Architecture = layeredArchitecture(spec);
const families = [gaussianPrior, uniformPrior] as unknown as PriorFamily[];

describe("ReLU volume estimators, 2-2-2-1", () => {
  it.each(families.map((f) => [f.kind, f] as const))("%s: mc, rao-blackwell and qmc agree on all 16 functions; totals are 1", async (_, family) => {
    const { rb } = await expectEstimatorsAgree(spec, priorFor(arch, family, { weight: rat(1), bias: rat(1) }));
    for (let f = 0; f < 16; f++) expect(rb[f].p).toBeGreaterThan(0);
  });

  it.each(["gaussian", "uniform"])("%s integrand: permuting either hidden layer's units, or rescaling a first-layer unit, changes nothing", (kind) => {
    // W1 (w11 w12 w21 w22), b1 (2), W2 (W2[1][1] W2[1][2] W2[2][1] W2[2][2]), b2 (2).
    // Swap the first layer's units: their weight rows and biases, and the columns of W2 on them.
    const first = (h: Float64Array) => Float64Array.of(h[2], h[3], h[0], h[1], h[5], h[4], h[7], h[6], h[9], h[8], h[10], h[11]);
    // Swap the second layer's units: the rows of W2 and b2 (v is not among the hidden weights,
    // and its prior is exchangeable, so the integrand is unchanged).
    const second = (h: Float64Array) => Float64Array.of(...h.slice(0, 6), h[8], h[9], h[6], h[7], h[11], h[10]);
    // relu(αz) = α·relu(z): scale unit 1 of the first layer by 4 and W2's column on it by 1/4.
    const scaled = (h: Float64Array) =>
      Float64Array.of(4 * h[0], 4 * h[1], h[2], h[3], 4 * h[4], h[5], h[6] / 4, h[7], h[8] / 4, h[9], h[10], h[11]);
    // Equal up to rounding: the cone measures sum their terms in another order.
    expectIntegrandInvariant(reluOutputMeasure(spec, kind, [1, 1, 0.5]), 12, 777, [first, second, scaled], 1e-10);
  });
});
