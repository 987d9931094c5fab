/**
 * The three methods of the Gaussian ray mass's radial integral J = ∫₀^r t^k e^{−(t+a)²/2} dt: each
 * against mpmath where it accepts, and pairwise on random inputs; the fast methods must accept
 * most of the rays a D = 6 estimate draws.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { logGamma } from "../../../src/measure/logGamma.js";
import { closedFormLogJ, quadratureLogJ, taylorLogJ } from "../../../src/measure/_internals/radialIntegrals.js";
import { readReference } from "../../reference/readReference.js";

interface Reference {
  rayMass: { D: number; a: string; q: string; r: string; logMass: string }[];
}
const ref = readReference<Reference>("gaussianRayMass.json");

function binomials(k: number): Float64Array {
  const b = new Float64Array(k + 1);
  b[0] = 1;
  for (let j = 1; j <= k; j++) b[j] = (b[j - 1] * (k - j + 1)) / j;
  return b;
}

const methods = {
  taylor: (k: number, a: number, r: number) => taylorLogJ(k, a, r),
  closed: (k: number, a: number, r: number) => closedFormLogJ(k, a, r, binomials(k), new Float64Array(k + 1)),
  quadrature: (k: number, a: number, r: number) => quadratureLogJ(k, a, r),
};

describe("radial integral methods", () => {
  it.each(Object.keys(methods))("%s matches mpmath wherever it accepts (|Δ ln J| ≤ 1e-12 + 1e-15·|ln J|)", (name) => {
    const method = methods[name as keyof typeof methods];
    let accepted = 0;
    for (const e of ref.rayMass) {
      if (e.D > 31 && name !== "quadrature") continue;
      const D = e.D;
      const logConst = (1 - D / 2) * Math.LN2 - logGamma(D / 2);
      const want = Number(e.logMass) - logConst + Number(e.q) / 2;
      const got = method(D - 1, Number(e.a), e.r === "inf" ? Infinity : Number(e.r));
      if (Number.isNaN(got)) continue;
      accepted++;
      const tol = (D <= 100 ? 1e-12 : 2e-11) + 1e-15 * Math.abs(want);
      expect(Math.abs(got - want), `D = ${D}, a = ${e.a}, r = ${e.r}`).toBeLessThanOrEqual(tol);
    }
    expect(accepted).toBeGreaterThan(name === "quadrature" ? 600 : 40);
  });
  it("agree pairwise on random rays (k ≤ 30, |a| ≤ 6)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: -6, max: 6, noNaN: true }),
        fc.oneof(fc.double({ min: 1e-4, max: 12, noNaN: true }), fc.constant(Infinity)),
        (k, a, r) => {
          const q = methods.quadrature(k, a, r);
          for (const name of ["taylor", "closed"] as const) {
            const v = methods[name](k, a, r);
            if (!Number.isNaN(v)) expect(Math.abs(v - q), `${name} k = ${k} a = ${a} r = ${r}`).toBeLessThanOrEqual(3e-13 * Math.max(1, Math.abs(q)));
          }
        },
      ),
      { seed: 701, numRuns: 3000 },
    );
  });
  it("leave few rays of a D = 6 estimate to quadrature (|a| ≤ 1.5, r ≤ 6: 90%; measured 92%)", () => {
    let fast = 0;
    const N = 2000;
    for (let i = 0; i < N; i++) {
      const a = -1.5 + (3 * ((i * 7919) % N)) / N;
      const r = (6 * ((i * 104729) % N + 0.5)) / N;
      if (!Number.isNaN(methods.taylor(5, a, r)) || !Number.isNaN(methods.closed(5, a, r))) fast++;
    }
    expect(fast / N).toBeGreaterThan(0.9);
  });
});
