/**
 * The random-direction estimator's contract: fields, determinism for a seed, bad input, the
 * registry entry, the re-entry report on unions, and agreement with the exact value on a
 * perceptron cone (5-sigma band: false-failure rate below 1e-6 per comparison).
 */
import { describe, expect, it } from "vitest";
import { createArchitecture } from "../../src/arch/registry.js";
import { parseFunction } from "../../src/boolean/truthTable.js";
import { estimatorByName } from "../../src/estimators/estimatorRegistry.js";
import { functionRegion } from "../../src/estimators/functionRegion.js";
import { randomDirectionEstimate } from "../../src/estimators/randomDirectionEstimator.js";
import { userConeRegion } from "../../src/estimators/userConeRegion.js";
import { gaussian, perceptron, uniform, unitPrior } from "./_helpers/priors.js";

const arch = perceptron(3);
const f = parseFunction("00010111");
const g = gaussian(arch);
const u = uniform(arch);
const region = functionRegion(arch, f, [g, u]);

describe("randomDirectionEstimate", () => {
  it("returns every aggregate, and the same numbers for the same seed", () => {
    const a = randomDirectionEstimate(region, g, { directions: 2000, seed: 7, bootstrap: 100 });
    const b = randomDirectionEstimate(region, g, { directions: 2000, seed: 7, bootstrap: 100 });
    expect(a).toEqual(b);
    expect(a.estimator).toBe("random-direction");
    expect(a.directions).toBe(2000);
    expect(a.evaluations).toBe(2000);
    expect(a.ci![0]).toBeLessThan(a.estimate);
    expect(a.ci![1]).toBeGreaterThan(a.estimate);
    expect(a.logMeanExp).toBeCloseTo(Math.log(a.estimate), 12);
    expect(a.max).toBeGreaterThan(a.estimate);
    expect(a.details).toMatchObject({ prior: "gaussian", proposal: "identity", anchorMethod: "chebyshev", starShaped: true });
    expect((a.details!.bootstrapCi as number[]).length).toBe(2);
    const c = randomDirectionEstimate(region, g, { directions: 2000, seed: 8, bootstrap: 0 });
    expect(c.estimate).not.toBe(a.estimate);
  });
  it("agrees with the exact value under both priors (5 standard errors)", () => {
    for (const prior of [g, u]) {
      const e = randomDirectionEstimate(region, prior, { directions: 20000, seed: 11, bootstrap: 0 });
      const exact = region.exact![prior.family.kind].p;
      const se = e.details!.standardError as number;
      expect(Math.abs(e.estimate - exact)).toBeLessThan(5 * se);
    }
  });
  it("is registered as random-direction", () => {
    expect(estimatorByName("random-direction").estimate(region, g, { directions: 10, seed: 1 }).estimator).toBe("random-direction");
  });
  it("rejects bad options with one-line RangeErrors", () => {
    expect(() => randomDirectionEstimate(region, g, { directions: 1, seed: 1 })).toThrow(/directions must be an integer ≥ 2, got 1/);
    expect(() => randomDirectionEstimate(region, g, { directions: 2.5, seed: 1 })).toThrow(/directions/);
    expect(() => randomDirectionEstimate(region, g, { directions: 10, seed: 0.5 })).toThrow(/seed must be an integer/);
    expect(() => randomDirectionEstimate(region, g, { directions: 10, seed: 1, anchor: Float64Array.of(1, 1, 1, 1) })).toThrow(
      /anchor is not inside the region: it violates /,
    );
    expect(() => randomDirectionEstimate(region, u, { directions: 10, seed: 1, anchor: Float64Array.of(2, 2, 2, -3) })).toThrow(
      /outside the uniform prior's box: \|w1\| = 2 ≥ 1/,
    );
    expect(() => randomDirectionEstimate(region, gaussian(perceptron(2)), { directions: 10, seed: 1 })).toThrow(/3 scales, the region 4/);
    expect(() => randomDirectionEstimate(region, g, { directions: 10, seed: 1, proposal: "newton" as "full" })).toThrow(/unknown proposal 'newton'/);
  });
  it("works on a user's cone and on the whole space (from the origin every direction gives p̂ = 1)", () => {
    const cone = userConeRegion("x - y > 0\ny > 0\n", "2-D cone", [unitPrior("gaussian", 2)]);
    const e = randomDirectionEstimate(cone, unitPrior("gaussian", 2), { directions: 20000, seed: 3, bootstrap: 0 });
    // The cone between the x axis and the diagonal: 1/8 of the plane.
    expect(Math.abs(e.estimate - 0.125)).toBeLessThan(5 * (e.details!.standardError as number));
    const all = userConeRegion("# names: a, b\n", "all", []);
    const one = randomDirectionEstimate(all, unitPrior("gaussian", 2), { directions: 10, seed: 3, anchor: Float64Array.of(0, 0), bootstrap: 0 });
    expect(one.estimate).toBeCloseTo(1, 12);
    expect(one.details!.standardError).toBeLessThan(1e-12);
    const off = randomDirectionEstimate(all, unitPrior("gaussian", 2), { directions: 20000, seed: 3, anchor: Float64Array.of(0.5, -0.25), bootstrap: 0 });
    expect(Math.abs(off.estimate - 1)).toBeLessThan(5 * (off.details!.standardError as number));
  });
  it("reports re-entry on a step-net union and the fraction of rays that came back", () => {
    const step = createArchitecture("step", { inputs: 2, layers: [2, 2, 1] });
    const sg = gaussian(step);
    const union = functionRegion(step, parseFunction("0000"), [sg]);
    const e = randomDirectionEstimate(union, sg, { directions: 400, seed: 2, bootstrap: 0 });
    expect(e.details).toMatchObject({ starShaped: false, raysChecked: 200 });
    expect(e.details!.reentryFraction).toBeGreaterThan(0);
    expect(e.evaluations).toBeGreaterThan(400);
    // The estimate measures the star-shaped part only, never more than the region.
    expect(e.ci![0]).toBeLessThan(union.exact!.gaussian.p);
  });
});
