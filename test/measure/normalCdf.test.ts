import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logNormalCdf, normalHazard } from "../../src/measure/normalCdf.js";
import { readReference } from "../reference/readReference.js";

interface Ref {
  z: number;
  logCdf: number;
  hazard: number;
}

const relErr = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

describe("logNormalCdf and normalHazard", () => {
  const refs = readReference<Ref[]>("normalCdf.json");

  it("match 50-digit mpmath values from z = -1e8 to 37", () => {
    for (const r of refs) {
      // Near z = 0+ log Φ is ~ -0.69 and the series' rounding is absolute, so allow 1e-15 absolute there.
      expect(Math.abs(logNormalCdf(r.z) - r.logCdf), `logCdf at ${r.z}`).toBeLessThanOrEqual(Math.max(1e-15, 4e-15 * Math.abs(r.logCdf)));
      expect(relErr(normalHazard(r.z), r.hazard), `hazard at ${r.z}`).toBeLessThan(1e-13);
    }
  });

  it("Φ(z) + Φ(−z) = 1 and the hazard exceeds −z (a truncated mean lies above the cut)", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        expect(Math.exp(logNormalCdf(z)) + Math.exp(logNormalCdf(-z))).toBeCloseTo(1, 14);
        expect(normalHazard(z)).toBeGreaterThan(-z);
      }),
      { seed: 10, numRuns: 500 },
    );
  });

  it("rejects NaN", () => {
    expect(() => logNormalCdf(Number.NaN)).toThrow(RangeError);
    expect(() => normalHazard(Number.NaN)).toThrow(RangeError);
  });
});
