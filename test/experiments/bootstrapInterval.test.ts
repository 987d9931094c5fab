import { describe, expect, it } from "vitest";
import { bootstrapIntervals } from "../../src/experiments/bootstrapInterval.js";

const mean = (values: number[]) => (counts: Float64Array) => {
  let s = 0;
  let w = 0;
  counts.forEach((c, i) => {
    s += c * values[i];
    w += c;
  });
  return s / w;
};

describe("bootstrap intervals", () => {
  const values = Array.from({ length: 50 }, (_, i) => (i * 37) % 11);
  it("deterministic for a seed, different for another", () => {
    const a = bootstrapIntervals(values.length, 300, 7, [mean(values)]);
    const b = bootstrapIntervals(values.length, 300, 7, [mean(values)]);
    const c = bootstrapIntervals(values.length, 300, 8, [mean(values)]);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("the interval brackets the sample mean and each replicate resamples every atom", () => {
    const m = values.reduce((s, v) => s + v, 0) / values.length;
    const [ci] = bootstrapIntervals(values.length, 500, 1, [mean(values)]);
    expect(ci!.low).toBeLessThan(m);
    expect(ci!.high).toBeGreaterThan(m);
    expect(ci!.replicates).toBe(500);
    bootstrapIntervals(values.length, 3, 1, [(c) => (expect(c.reduce((s, x) => s + x, 0)).toBe(values.length), 0)]);
  });

  it("undefined statistics are left out; bad settings throw", () => {
    expect(bootstrapIntervals(5, 10, 1, [() => null])).toEqual([null]);
    expect(() => bootstrapIntervals(0, 10, 1, [])).toThrow(RangeError);
    expect(() => bootstrapIntervals(5, 0, 1, [])).toThrow(RangeError);
  });
});
