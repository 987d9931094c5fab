/**
 * Regions for estimators: perceptron function cones, step-net unions, users' cones and behavioural
 * regions: membership, exact and bisection radii, anchors inside, exact probabilities, bad input.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createArchitecture } from "../../src/arch/registry.js";
import { parseFunction } from "../../src/boolean/truthTable.js";
import { measureOpenCone } from "../../src/measure/measureOpenCone.js";
import { behaviouralRegion } from "../../src/estimators/behaviouralRegion.js";
import { bisectionRadius } from "../../src/estimators/bisectionRadius.js";
import { coneRegion } from "../../src/estimators/coneRegion.js";
import { functionRegion } from "../../src/estimators/functionRegion.js";
import { checkAnchor } from "../../src/estimators/probedRegion.js";
import { userConeRegion } from "../../src/estimators/userConeRegion.js";
import { gaussian, perceptron, uniform, unitPrior } from "./_helpers/priors.js";

const unit = (v: number[]) => {
  const n = Math.hypot(...v);
  return Float64Array.from(v, (x) => x / n);
};

describe("perceptron function regions", () => {
  const arch = perceptron(3);
  const f = parseFunction("00010111"); // majority
  const region = functionRegion(arch, f, [gaussian(arch), uniform(arch)]);

  it("are the facet cone, with the exact probabilities of measureOpenCone", () => {
    const rows = arch.region(f).pieces[0].rows;
    expect(region.rows).toEqual(rows.map((r) => [...r]));
    expect(region.exact?.uniform).toEqual({ p: 1 / 256, fraction: "1/256" });
    const g = measureOpenCone(rows, gaussian(arch));
    expect(region.exact?.gaussian.p).toBe(g.p);
    expect(region.convex).toBe(true);
    expect(region.radius.method).toBe("exact");
    expect(region.names).toEqual(["w1", "w2", "w3", "b"]);
  });
  it("have a Chebyshev anchor strictly inside the cone and the prior's box", () => {
    expect(region.anchor?.method).toBe("chebyshev");
    const theta = region.anchor!.theta;
    expect(region.contains(theta)).toBe(true);
    expect(() => checkAnchor(region, theta)).not.toThrow();
    for (const x of theta) expect(Math.abs(x)).toBeLessThan(1);
  });
  it("give the exact radius, which bisection on membership reproduces to its tolerance", () => {
    const theta = region.anchor!.theta;
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (v) => {
        fc.pre(Math.hypot(...v) > 1e-3);
        const u = unit(v);
        const exact = region.rayDistance(theta, u);
        const bisected = bisectionRadius(region.contains, theta, u, 1e-12);
        if (!Number.isFinite(exact)) expect(bisected).toBe(Infinity);
        else expect(Math.abs(bisected - exact)).toBeLessThanOrEqual(1e-11 * exact);
      }),
      { seed: 201, numRuns: 300 },
    );
  });
  it("reject functions no perceptron computes", () => {
    expect(() => functionRegion(arch, parseFunction("01101001"))).toThrow(/not a threshold function/);
  });
});

describe("anchors outside the region", () => {
  const arch = perceptron(2);
  const region = functionRegion(arch, parseFunction("0001"));
  it("are rejected naming a violated constraint", () => {
    // AND needs w1 + w2 + b > 0 and b < 0, w1 + b < 0, w2 + b < 0.
    expect(() => checkAnchor(region, Float64Array.of(1, 1, 1))).toThrow(/violates -w1-b>0|violates -w2-b>0|violates -b>0/);
    expect(() => checkAnchor(region, Float64Array.of(1, 1))).toThrow(/has 2 coordinates, the region 3/);
  });
  it("on the boundary count as outside (the region is open)", () => {
    expect(() => checkAnchor(region, Float64Array.of(1, 1, -1))).toThrow(/violates/);
  });
});

describe("step-net regions", () => {
  const arch = createArchitecture("step", { inputs: 2, layers: [2, 2, 1] });
  const f = parseFunction("0110");
  const region = functionRegion(arch, f, [gaussian(arch)]);
  it("are unions probed through the implicit region, with the exact factorised probability", () => {
    expect(region.convex).toBe(false);
    expect(region.rows).toBeUndefined();
    expect(region.exact?.gaussian.p).toBe(arch.measureFunction!(f, [gaussian(arch)]).measures.gaussian.p);
  });
  it("have an anchor inside (the centre of the deepest piece)", () => {
    expect(region.anchor?.method).toBe("chebyshev");
    expect(region.contains(region.anchor!.theta)).toBe(true);
  });
  it("report the exact breakpoint radius, where membership really changes", () => {
    const theta = region.anchor!.theta;
    fc.assert(
      // Directions on a 1e-3 grid: a direction almost parallel to a boundary puts the crossing so
      // far out that rounding of θ + t·u, not the radius, decides membership next to it.
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 9, maxLength: 9 }), (v) => {
        fc.pre(Math.hypot(...v) > 1);
        const u = unit(v);
        const r = region.rayDistance(theta, u);
        fc.pre(Number.isFinite(r) && r < 1e3);
        const at = (t: number) => region.contains(Float64Array.from(theta, (x, k) => x + t * u[k]));
        expect(at(r * (1 - 1e-7))).toBe(true);
        expect(at(r * (1 + 1e-7))).toBe(false);
      }),
      { seed: 202, numRuns: 200 },
    );
  });
});

describe("users' cones", () => {
  it("read `weightspace cone`'s text format, with exact probabilities", () => {
    const region = userConeRegion("# names: a, b, c\na - b > 0\nb > 0\nc + a > b\n", "test cone", [unitPrior("uniform", 3)]);
    expect(region.names).toEqual(["a", "b", "c"]);
    expect(region.contains(Float64Array.of(2, 1, 0))).toBe(true);
    expect(region.contains(Float64Array.of(2, 1, -2))).toBe(false);
    expect(region.exact?.uniform.fraction).toBe((measureOpenCone(region.rows!, unitPrior("uniform", 3)) as { fraction?: string }).fraction);
    expect(region.contains(region.anchor!.theta)).toBe(true);
  });
  it("reject empty cones and unparseable text with one-line messages", () => {
    expect(() => userConeRegion("x > 0\n-x > 0\n", "empty")).toThrow(/the cone is empty/);
    expect(() => userConeRegion("x >= 0\n", "bad")).toThrow(/line 1/);
  });
  it("the whole space (no rows) has probability 1 and any anchor", () => {
    const region = coneRegion([], ["x", "y"], { label: "all", priors: [unitPrior("gaussian", 2)] });
    expect(region.exact?.gaussian.p).toBe(1);
    expect(region.rayDistance(Float64Array.of(0, 0), Float64Array.of(1, 0))).toBe(Infinity);
  });
});

describe("behavioural regions", () => {
  const arch = perceptron(2);
  const theta = Float64Array.of(2, 1.5, -2.5);
  const eps = 0.01;
  const region = behaviouralRegion(arch, theta, eps);
  it("contain θ* (the anchor) and are convex for a perceptron", () => {
    expect(region.anchor).toEqual({ theta, method: "reference" });
    expect(region.contains(theta)).toBe(true);
    expect(region.convex).toBe(true);
    expect(region.radius).toEqual({ method: "bisection", relativeTolerance: 1e-10 });
  });
  it("end where the mean KL reaches ε (radius by bisection to 1e-10)", () => {
    const kl = (t: number, u: Float64Array) => {
      const th = Float64Array.from(theta, (x, k) => x + t * u[k]);
      return region.cost!.value(th) - region.cost!.value(theta); // cross-entropy minus entropy = KL
    };
    for (const v of [
      [1, 0, 0],
      [0.3, -1, 0.2],
      [-1, -1, -1],
    ]) {
      const u = unit(v);
      const r = region.rayDistance(theta, u);
      expect(kl(r, u)).toBeCloseTo(eps, 9);
    }
  });
  it("reject ε ≤ 0 and a reference of the wrong length", () => {
    expect(() => behaviouralRegion(arch, theta, 0)).toThrow(/ε must be/);
    expect(() => behaviouralRegion(arch, theta, -1)).toThrow(RangeError);
    expect(() => behaviouralRegion(arch, Float64Array.of(1, 2), 0.1)).toThrow(/3 finite parameters/);
  });
});
