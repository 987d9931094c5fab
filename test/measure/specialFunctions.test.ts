/**
 * ln Γ, the regularised incomplete gamma functions and the random-direction estimator's Gaussian ray
 * mass against mpmath (test/reference/gaussianRayMass.py), plus identities that need no reference.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { erfBySeries, erfc, erfcx, erfcxByContinuedFraction } from "../../src/measure/erfc.js";
import { gaussianRayMass } from "../../src/measure/gaussianRayMass.js";
import { logGammaP, logGammaQ } from "../../src/measure/incompleteGamma.js";
import { log1pmx, logGamma } from "../../src/measure/logGamma.js";
import { readReference } from "../reference/readReference.js";

interface Reference {
  logGamma: { x: string; logGamma: string }[];
  erfcx: { x: string; erfcx: string }[];
  gammaP: { s: string; x: string; logP: string; logQ: string }[];
  rayMass: { D: number; a: string; q: string; r: string; logMass: string }[];
}
const ref = readReference<Reference>("gaussianRayMass.json");

describe("logGamma", () => {
  it("matches mpmath to 1e-14 relative (absolute below 1)", () => {
    for (const e of ref.logGamma) {
      const want = Number(e.logGamma);
      expect(Math.abs(logGamma(Number(e.x)) - want), `x = ${e.x}`).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(want)));
    }
  });
  it("satisfies Γ(x + 1) = x·Γ(x) across the switch to the Stirling series", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 60, noNaN: true }), (x) => {
        expect(logGamma(x + 1) - logGamma(x) - Math.log(x)).toBeCloseTo(0, 12);
      }),
      { seed: 101, numRuns: 300 },
    );
  });
  it("rejects x ≤ 0", () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(/x > 0/);
  });
  it("log1pmx agrees with log1p(δ) − δ where that has no cancellation, and keeps relative accuracy near 0", () => {
    for (const d of [-0.9, -0.3, 0.3, 2, 100]) expect(log1pmx(d)).toBeCloseTo(Math.log1p(d) - d, 14);
    expect(log1pmx(1e-8) / (-0.5e-16 + 1e-24 / 3)).toBeCloseTo(1, 12);
    expect(log1pmx(-0.2)).toBeCloseTo(Math.log(0.8) + 0.2, 15);
  });
});

describe("erfcx and erfc", () => {
  it("match mpmath to 1e-14 relative for x from 0 to 1e5", () => {
    for (const e of ref.erfcx) expect(Math.abs(erfcx(Number(e.x)) / Number(e.erfcx) - 1), `x = ${e.x}`).toBeLessThanOrEqual(1e-14);
  });
  it("rest on two slow expansions that match mpmath on their own: the continued fraction to 5e-16 relative (x ≥ 1/2), the erf series to 2e-16 absolute (x < 1/2)", () => {
    for (const e of ref.erfcx) {
      const x = Number(e.x);
      const want = Number(e.erfcx);
      if (x >= 0.5) expect(Math.abs(erfcxByContinuedFraction(x) / want - 1), `x = ${e.x}`).toBeLessThanOrEqual(5e-16);
      // erf = 1 − erfcx·e^{−x²}; the reference's rounding makes the comparison absolute.
      else expect(Math.abs(erfBySeries(x) - (1 - want * Math.exp(-x * x))), `x = ${e.x}`).toBeLessThanOrEqual(2e-16);
    }
    expect(() => erfcxByContinuedFraction(0)).toThrow(RangeError);
    expect(() => erfBySeries(-1)).toThrow(RangeError);
  });
  it("satisfy erfc(x) + erfc(−x) = 2 and known values", () => {
    for (const x of [0, 0.3, 1.7, 4]) expect(erfc(x) + erfc(-x)).toBeCloseTo(2, 14);
    // erfc(1) = 0.157299207050285130658…
    expect(erfc(1) / 0.15729920705028513 - 1).toBeLessThan(1e-14);
    expect(erfcx(Infinity)).toBe(0);
    expect(() => erfcx(-1)).toThrow(RangeError);
  });
});

describe("regularised incomplete gamma", () => {
  it("ln P and ln Q match mpmath for s up to 5e4 (|Δ ln| ≤ 1e-13 + 1e-14·|ln|)", () => {
    for (const e of ref.gammaP) {
      const s = Number(e.s);
      const x = Number(e.x);
      for (const [got, want] of [
        [logGammaP(s, x), Number(e.logP)],
        [logGammaQ(s, x), Number(e.logQ)],
      ]) {
        expect(Math.abs(got - want), `s = ${e.s}, x = ${e.x}`).toBeLessThanOrEqual(1e-13 + 1e-14 * Math.abs(want));
      }
    }
  });
  it("P + Q = 1", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 2000, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true }), (s, f) => {
        const x = s * f;
        expect(Math.exp(logGammaP(s, x)) + Math.exp(logGammaQ(s, x))).toBeCloseTo(1, 13);
      }),
      { seed: 102, numRuns: 300 },
    );
  });
  it("P(1, x) = 1 − e^{−x} and P(1/2, x) = erf(√x) at a known point", () => {
    for (const x of [1e-5, 0.3, 2, 40]) expect(logGammaP(1, x)).toBeCloseTo(Math.log(-Math.expm1(-x)), 13);
    // erf(1) = 0.8427007929497148693…
    expect(Math.exp(logGammaP(0.5, 1))).toBeCloseTo(0.8427007929497149, 15);
  });
  it("has the limits at 0 and ∞ and rejects bad arguments", () => {
    expect(logGammaP(3, 0)).toBe(-Infinity);
    expect(logGammaQ(3, 0)).toBe(0);
    expect(logGammaP(3, Infinity)).toBe(0);
    expect(() => logGammaP(0, 1)).toThrow(RangeError);
    expect(() => logGammaQ(2, -1)).toThrow(/x must be ≥ 0/);
  });
});

describe("gaussianRayMass", () => {
  it("matches mpmath for D = 1 … 10^4 (|Δ ln p̂| ≤ 1e-12 for D ≤ 100, 2e-11 for D ≤ 10^4, plus 1e-15·|ln p̂|)", () => {
    for (const e of ref.rayMass) {
      const want = Number(e.logMass);
      const got = gaussianRayMass(e.D).logMass(Number(e.a), Number(e.q), e.r === "inf" ? Infinity : Number(e.r));
      const tol = (e.D <= 100 ? 1e-12 : 2e-11) + 1e-15 * Math.abs(want);
      expect(Math.abs(got - want), `D = ${e.D}, a = ${e.a}, r = ${e.r}`).toBeLessThanOrEqual(tol);
    }
  });
  it("from the origin it is P(D/2, r²/2), also where the quadrature path is taken (a → 0)", () => {
    for (const D of [1, 2, 6, 50, 3000]) {
      const m = gaussianRayMass(D);
      for (const r of [0.5, Math.sqrt(D), 2 * Math.sqrt(D) + 3]) {
        const exact = logGammaP(D / 2, (r * r) / 2);
        expect(m.logMass(0, 0, r)).toBe(exact);
        expect(Math.abs(m.logMass(1e-300, 0, r) - exact), `D = ${D}, r = ${r}`).toBeLessThanOrEqual((D <= 100 ? 1e-12 : 2e-11) + 1e-15 * Math.abs(exact));
      }
    }
  });
  it("is additive along the ray: mass(0, r1) + mass(r1, r2) = mass(0, r2)", () => {
    // The segment [r1, r2] seen from z* equals the segment [0, r2 − r1] seen from z* + r1·w, whose
    // a' = a + r1 and q' = q; the polar weight t^{D−1} differs, so compare via the D = 1 case.
    fc.assert(
      fc.property(
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        (a, r1, dr) => {
          const m = gaussianRayMass(1);
          const whole = Math.exp(m.logMass(a, 0.3, r1 + dr));
          const parts = Math.exp(m.logMass(a, 0.3, r1)) + Math.exp(m.logMass(a + r1, 0.3, dr));
          expect(whole / parts).toBeCloseTo(1, 12);
        },
      ),
      { seed: 103, numRuns: 200 },
    );
  });
  it("is −∞ at r = 0 and rejects D < 1", () => {
    expect(gaussianRayMass(4).logMass(0.5, 1, 0)).toBe(-Infinity);
    expect(() => gaussianRayMass(0)).toThrow(RangeError);
  });
});
