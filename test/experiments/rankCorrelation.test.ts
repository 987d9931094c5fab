import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kendallTauB, rankPairs, spearman, withWeights } from "../../src/experiments/rankCorrelation.js";

const pairs = (x: number[], y: number[], w?: number[]) =>
  rankPairs({ x: Float64Array.from(x), y: Float64Array.from(y), weight: Float64Array.from(w ?? x.map(() => 1)) });

describe("rank correlations", () => {
  it("perfect monotone is 1, reversed is −1", () => {
    const x = [1, 2, 3, 4, 5];
    expect(spearman(pairs(x, [2, 4, 8, 16, 32]))).toBeCloseTo(1, 15);
    expect(kendallTauB(pairs(x, [2, 4, 8, 16, 32]))).toBeCloseTo(1, 15);
    expect(spearman(pairs(x, [5, 4, 3, 2, 1]))).toBeCloseTo(-1, 15);
    expect(kendallTauB(pairs(x, [5, 4, 3, 2, 1]))).toBeCloseTo(-1, 15);
  });

  it("ties by hand: x = 1,2,2,3, y = 1,3,2,3", () => {
    // Kendall: C = 4, D = 0, n0 = 6, one pair tied in x, one in y: τ-b = 4/√(5·5) = 0.8.
    expect(kendallTauB(pairs([1, 2, 2, 3], [1, 3, 2, 3]))).toBeCloseTo(0.8, 15);
    // Mid-ranks x = 1, 2.5, 2.5, 4 and y = 1, 3.5, 2, 3.5: ρ = 3.75/4.5.
    expect(spearman(pairs([1, 2, 2, 3], [1, 3, 2, 3]))).toBeCloseTo(3.75 / 4.5, 15);
  });

  it("a weight is the same as repeating the point", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3 })), { minLength: 2, maxLength: 12 }),
        (pts) => {
          const weighted = pairs(pts.map((p) => p[0]), pts.map((p) => p[1]), pts.map((p) => p[2]));
          const expanded = pts.flatMap((p) => Array.from({ length: p[2] }, () => p));
          const plain = pairs(expanded.map((p) => p[0]), expanded.map((p) => p[1]));
          const close = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && Math.abs(a - b) < 1e-12);
          return close(spearman(weighted), spearman(plain)) && close(kendallTauB(weighted), kendallTauB(plain));
        },
      ),
    );
  });

  it("Kendall τ-b matches the O(n²) definition", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 2, maxLength: 20 }), (pts) => {
        let s = 0;
        let tx = 0;
        let ty = 0;
        for (let i = 0; i < pts.length; i++)
          for (let j = i + 1; j < pts.length; j++) {
            const dx = Math.sign(pts[i][0] - pts[j][0]);
            const dy = Math.sign(pts[i][1] - pts[j][1]);
            s += dx * dy;
            if (dx === 0) tx++;
            if (dy === 0) ty++;
          }
        const n0 = (pts.length * (pts.length - 1)) / 2;
        const want = n0 === tx || n0 === ty ? null : s / Math.sqrt((n0 - tx) * (n0 - ty));
        const got = kendallTauB(pairs(pts.map((p) => p[0]), pts.map((p) => p[1])));
        return want === null ? got === null : got !== null && Math.abs(got - want) < 1e-12;
      }),
    );
  });

  it("constant variable or one observation: undefined (null); zero weights take no part", () => {
    expect(spearman(pairs([1, 1, 1], [1, 2, 3]))).toBeNull();
    expect(kendallTauB(pairs([1, 2, 3], [4, 4, 4]))).toBeNull();
    const r = pairs([1, 2, 3, 4], [1, 2, 3, 0]);
    expect(kendallTauB(withWeights(r, Float64Array.of(1, 1, 1, 0)))).toBeCloseTo(1, 15);
    expect(spearman(withWeights(r, Float64Array.of(1, 0, 0, 0)))).toBeNull();
  });
});
