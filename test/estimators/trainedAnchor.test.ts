/**
 * Trained anchors (issue 10 item 1: "a network trained to realise f with margin"): Adam on the
 * region's cost from a prior draw ends inside the region (decided exactly on the cone's integer
 * rows) with mean loss ≤ ln(1 + e^{−1}); the random-direction estimate from that anchor is as
 * unbiased as from the Chebyshev centre.
 */
import { describe, expect, it } from "vitest";
import { createArchitecture } from "../../src/arch/registry.js";
import { parseFunction } from "../../src/boolean/truthTable.js";
import { functionRegion } from "../../src/estimators/functionRegion.js";
import { violatedConstraint } from "../../src/estimators/probedRegion.js";
import { randomDirectionEstimator } from "../../src/estimators/randomDirectionEstimator.js";
import { MARGIN_LOSS, trainedAnchor } from "../../src/estimators/trainedAnchor.js";
import { behaviouralRegion } from "../../src/estimators/behaviouralRegion.js";
import { gaussian, perceptron } from "./_helpers/priors.js";

describe("trainedAnchor", () => {
  it("trains a network inside every n = 3 threshold function's cone, with margin", () => {
    const arch = perceptron(3);
    const prior = gaussian(arch);
    let realisable = 0;
    for (let bits = 0; bits < 256; bits++) {
      const f = parseFunction(bits.toString(2).padStart(8, "0"));
      if (!arch.region(f).realizable) continue;
      realisable++;
      const region = functionRegion(arch, f, [prior]);
      const a = trainedAnchor(region, prior, bits);
      expect(a.method).toBe("trained");
      expect(violatedConstraint(region.rows!, region.names, a.theta), region.label).toBeUndefined();
      expect(a.loss).toBeLessThanOrEqual(MARGIN_LOSS);
      expect(a.steps).toBeLessThan(5000);
    }
    expect(realisable).toBe(104);
  });

  it("gives an unbiased estimate from the trained anchor (5 standard errors; false failure ~6e-7)", () => {
    const arch = perceptron(3);
    const prior = gaussian(arch);
    const region = functionRegion(arch, parseFunction("00010111"), [prior]);
    const anchor = trainedAnchor(region, prior, 7).theta;
    const e = randomDirectionEstimator.estimate(region, prior, { directions: 40_000, seed: 11, anchor });
    const se = (e.details as Record<string, number>).standardError;
    expect(Math.abs(e.estimate - region.exact!.gaussian.p)).toBeLessThan(5 * se);
  });

  it("trains a 2-2-1 step net's smooth stand-in into XOR's region, restarting from a local minimum", () => {
    const arch = createArchitecture("step", { inputs: 2, layers: [2, 2, 1] });
    const prior = gaussian(arch);
    const region = functionRegion(arch, parseFunction("0110"), [prior]);
    // Seed 1's first start stalls in a local minimum of the sigmoid net: the restart finds XOR.
    const a = trainedAnchor(region, prior, 1);
    expect(a.start).toBeGreaterThan(0);
    expect(region.contains(a.theta)).toBe(true);
  });

  it("refuses a region without a cost to train on", () => {
    const arch = perceptron(2);
    const prior = gaussian(arch);
    const region = { ...behaviouralRegion(arch, Float64Array.from([2, 2, -3]), 0.05), cost: undefined };
    expect(() => trainedAnchor(region, prior, 1)).toThrow(/has no cost to train on/);
  });
});
