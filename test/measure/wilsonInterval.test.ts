import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wilsonInterval, Z95 } from "../../src/measure/wilsonInterval.js";

describe("wilsonInterval", () => {
  it("uses the two-sided 95% normal quantile", () => {
    expect(Z95).toBeCloseTo(1.959963984540054, 15);
  });

  it("matches hand-computed values", () => {
    // 5/10: centre (p + z²/2n)/(1 + z²/n) = 0.5; half-width z·√(p(1−p)/n + z²/4n²)/(1 + z²/n)
    //     = 1.95996·√(0.025 + 0.0096036)/1.384146 = 0.263407 → [0.236593, 0.763407].
    const [lo, hi] = wilsonInterval(5, 10);
    expect(lo).toBeCloseTo(0.236593, 6);
    expect(hi).toBeCloseTo(0.763407, 6);
    // 0/n: [0, z²/(n + z²)]; n/n: [n/(n + z²), 1].
    const z2 = Z95 * Z95;
    expect(wilsonInterval(0, 10)[1]).toBeCloseTo(z2 / (10 + z2), 14);
    expect(wilsonInterval(10, 10)[0]).toBeCloseTo(10 / (10 + z2), 14);
    // 1/1 at z = 1: [1/2, 1].
    expect(wilsonInterval(1, 1, 1)[0]).toBeCloseTo(0.5, 14);
  });

  it("contains p̂, lies in [0, 1], and is symmetric under hits ↦ trials − hits", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1e9 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([h, n]) => {
          const [lo, hi] = wilsonInterval(h, n);
          const p = h / n;
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeLessThanOrEqual(1);
          expect(lo).toBeLessThanOrEqual(p);
          expect(hi).toBeGreaterThanOrEqual(p);
          const [lo2, hi2] = wilsonInterval(n - h, n);
          expect(lo2).toBeCloseTo(1 - hi, 12);
          expect(hi2).toBeCloseTo(1 - lo, 12);
        },
      ),
      { seed: 701, numRuns: 500 },
    );
  });

  // At 0 hits the interval must start at exactly 0 and at n hits end at exactly 1, or it excludes
  // p̂ itself (a CLI user sees p = 1 with ci [.., 0.9999999999999999]).
  it("starts at exactly 0 for 0 hits and ends at exactly 1 for trials hits (n = 1..2000)", () => {
    const upperBelow1: number[] = [];
    const lowerAbove0: number[] = [];
    for (let n = 1; n <= 2000; n++) {
      if (wilsonInterval(n, n)[1] !== 1) upperBelow1.push(n);
      if (wilsonInterval(0, n)[0] !== 0) lowerAbove0.push(n);
    }
    expect(upperBelow1).toEqual([]);
    expect(lowerAbove0).toEqual([]);
  });

  it("narrows as the number of trials grows at fixed p̂, roughly as 1/√n", () => {
    const widths = [10, 100, 1000, 10000, 100000].map((n) => {
      const [lo, hi] = wilsonInterval(n / 5, n);
      return hi - lo;
    });
    for (let i = 1; i < widths.length; i++) {
      expect(widths[i]).toBeLessThan(widths[i - 1]);
      if (i >= 2) expect(widths[i - 1] / widths[i]).toBeCloseTo(Math.sqrt(10), 1);
    }
    // Large n: half-width ≈ z·√(p(1−p)/n).
    expect(widths[4] / 2).toBeCloseTo(Z95 * Math.sqrt(0.16 / 100000), 5);
  });

  it("collapses to p̂ at z = 0 and widens with z", () => {
    expect(wilsonInterval(3, 12, 0)).toEqual([0.25, 0.25]);
    const w1 = wilsonInterval(3, 12, 1);
    const w2 = wilsonInterval(3, 12, 2);
    expect(w2[1] - w2[0]).toBeGreaterThan(w1[1] - w1[0]);
  });

  it("throws RangeError unless 0 ≤ hits ≤ trials and trials ≥ 1", () => {
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(/0 ≤ hits ≤ trials/);
    expect(() => wilsonInterval(11, 10)).toThrow(/got 11\/10/);
    expect(() => wilsonInterval(Number.NaN, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, Number.NaN)).toThrow(RangeError);
  });
});
