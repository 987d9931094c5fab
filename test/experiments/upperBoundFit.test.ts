import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { topEnvelope, upperBoundFit } from "../../src/experiments/upperBoundFit.js";

describe("upper-bound fit", () => {
  it("synthetic points: every point on or below the line, two envelope points on it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.double({ min: -40, max: 0, noNaN: true })), { minLength: 1, maxLength: 60 }),
        (raw) => {
          const pts = raw.map(([k, log2p]) => ({ k, log2p }));
          const fit = upperBoundFit(pts);
          const line = (k: number) => fit.b - fit.a * k;
          const tol = 1e-9 * (1 + Math.abs(fit.a) * 30 + Math.abs(fit.b));
          for (const p of pts) if (p.log2p > line(p.k) + tol) return false;
          const distinct = new Set(pts.map((p) => p.k)).size;
          if (fit.touching.length !== Math.min(2, distinct)) return false;
          return fit.touching.every((p) => Math.abs(line(p.k) - p.log2p) <= tol) && fit.gap >= -tol;
        },
      ),
    );
  });

  it("the line minimises the total gap: no line through two envelope points above all does better", () => {
    const pts = [
      { k: 1, log2p: -1 }, { k: 2, log2p: -1.5 }, { k: 3, log2p: -4 }, { k: 4, log2p: -4.5 }, { k: 6, log2p: -9 }, { k: 2, log2p: -7 },
    ];
    const fit = upperBoundFit(pts);
    const env = topEnvelope(pts);
    expect(env.map((p) => p.k)).toEqual([1, 2, 3, 4, 6]);
    for (const p of env)
      for (const q of env) {
        if (p.k >= q.k) continue;
        const slope = (q.log2p - p.log2p) / (q.k - p.k);
        const b = p.log2p - slope * p.k;
        if (env.some((v) => v.log2p > b + slope * v.k + 1e-12)) continue;
        const gap = env.reduce((s, v) => s + b + slope * v.k - v.log2p, 0);
        expect(gap).toBeGreaterThanOrEqual(fit.gap - 1e-12);
      }
  });

  it("one complexity value: a horizontal line through its best point", () => {
    expect(upperBoundFit([{ k: 3, log2p: -2 }, { k: 3, log2p: -5 }])).toMatchObject({ a: 0, b: -2, gap: 0 });
    expect(() => upperBoundFit([{ k: 1, log2p: -Infinity }])).toThrow(RangeError);
  });
});
