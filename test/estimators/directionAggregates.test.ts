/** The random-direction estimator's aggregates: mean, CLT and bootstrap intervals, log-mean-exp, max, ESS. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { directionAggregates } from "../../src/estimators/directionAggregates.js";

describe("directionAggregates", () => {
  it("computes the mean, sd, CLT interval, max and ESS of known values", () => {
    const xs = [0.1, 0.2, 0.3, 0.4];
    const a = directionAggregates(Float64Array.from(xs, Math.log), 0, 1);
    expect(a.mean).toBeCloseTo(0.25, 15);
    expect(a.sd).toBeCloseTo(Math.sqrt(((0.15 ** 2 + 0.05 ** 2) * 2) / 3), 15);
    expect(a.ci[0]).toBeCloseTo(0.25 - 1.959963984540054 * (a.sd / 2), 12);
    expect(a.ci[1]).toBeCloseTo(0.25 + 1.959963984540054 * (a.sd / 2), 12);
    expect(a.max).toBeCloseTo(0.4, 15);
    expect(a.logMeanExp).toBeCloseTo(Math.log(0.25), 14);
    expect(a.effectiveSampleSize).toBeCloseTo(1 / 0.3, 12);
    expect(a.bootstrapCi).toBeNull();
  });
  it("keeps log-mean-exp where every value underflows a double", () => {
    const a = directionAggregates(Float64Array.of(-2000, -2000 + Math.log(3)), 0, 1);
    expect(a.mean).toBe(0);
    expect(a.logMeanExp).toBeCloseTo(-2000 + Math.log(2), 12);
    expect(a.logMax).toBeCloseTo(-2000 + Math.log(3), 12);
  });
  it("clips the CLT interval to [0, 1] and handles all-zero values", () => {
    const a = directionAggregates(Float64Array.of(0, -50, -50, -50), 0, 1);
    expect(a.ci[0]).toBe(0);
    const z = directionAggregates(Float64Array.of(-Infinity, -Infinity), 10, 1);
    expect([z.mean, z.ci, z.bootstrapCi, z.logMeanExp]).toEqual([0, [0, 0], [0, 0], -Infinity]);
  });
  it("gives a deterministic bootstrap interval around the mean", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -30, max: 0, noNaN: true }), { minLength: 20, maxLength: 60 }), fc.integer(), (logs, seed) => {
        const v = Float64Array.from(logs);
        const a = directionAggregates(v, 300, seed);
        const b = directionAggregates(v, 300, seed);
        expect(a.bootstrapCi).toEqual(b.bootstrapCi);
        const [lo, hi] = a.bootstrapCi!;
        expect(lo).toBeLessThanOrEqual(hi);
        expect(lo).toBeLessThanOrEqual(a.mean * (1 + 1e-12));
        expect(hi).toBeGreaterThanOrEqual(a.mean * (1 - 1e-12));
      }),
      { seed: 501, numRuns: 50 },
    );
  });
  it("rejects fewer than two values", () => {
    expect(() => directionAggregates(Float64Array.of(0), 0, 1)).toThrow(/at least 2/);
  });
});
