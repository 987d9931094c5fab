import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orthantProbability } from "../../src/measure/orthantProbability.js";
import { readReference } from "../reference/readReference.js";

const SEED = 20240611;

function equicorrelated(d: number, rho: number): number[][] {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : rho)));
}

/** D_s R D_s for the sign vector s given as the bits of `mask`. */
function flipSigns(r: number[][], mask: number): number[][] {
  const s = r.map((_, i) => ((mask >> i) & 1 ? -1 : 1));
  return r.map((row, i) => row.map((x, j) => s[i] * s[j] * x));
}

/** Correlation matrix of the rows of g (a random full-rank g gives a random positive definite R). */
function correlationOfRows(g: number[][]): number[][] {
  const gram = g.map((a) => g.map((b) => a.reduce((s, x, k) => s + x * b[k], 0)));
  return gram.map((row, i) => row.map((x, j) => (i === j ? 1 : x / Math.sqrt(gram[i][i] * gram[j][j]))));
}

/** Rows of small integers, kept only when the Gram matrix is comfortably positive definite. */
const wellConditionedRows = (d: number) =>
  fc
    .array(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: d, maxLength: d }), {
      minLength: d,
      maxLength: d,
    })
    .filter((g) => {
      const r = correlationOfRows(g);
      // Cheap definiteness margin: a Cholesky pivot ≥ 0.05 everywhere.
      const l: number[][] = r.map(() => new Array(d).fill(0));
      for (let i = 0; i < d; i++) {
        for (let j = 0; j <= i; j++) {
          let s = r[i][j];
          for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
          if (i === j) {
            if (!(s > 0.05)) return false;
            l[i][i] = Math.sqrt(s);
          } else l[i][j] = s / l[j][j];
        }
      }
      return true;
    });

describe("orthantProbability: closed forms", () => {
  it("is 1/2 in one dimension and 2^−d for independent coordinates", () => {
    expect(orthantProbability([[1]])).toEqual({ p: 0.5, err: 0 });
    for (let d = 1; d <= 8; d++) {
      const { p, err } = orthantProbability(equicorrelated(d, 0));
      expect(p).toBe(2 ** -d);
      expect(err).toBeLessThan(1e-14);
    }
  });

  it("gives 1/(d + 1) for equicorrelation 1/2, d = 2..8, within 1e-13", () => {
    for (let d = 2; d <= 8; d++) {
      const { p, err } = orthantProbability(equicorrelated(d, 0.5));
      expect(Math.abs(p - 1 / (d + 1))).toBeLessThan(1e-13);
      expect(Math.abs(p - 1 / (d + 1))).toBeLessThanOrEqual(err + 1e-16);
    }
  });

  it("matches 1/4 + asin ρ/(2π) in d = 2, and P(ρ) + P(−ρ) = 1/2", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.999, max: 0.999, noNaN: true }), (rho) => {
        const a = orthantProbability([
          [1, rho],
          [rho, 1],
        ]);
        const b = orthantProbability([
          [1, -rho],
          [-rho, 1],
        ]);
        expect(Math.abs(a.p - (0.25 + Math.asin(rho) / (2 * Math.PI)))).toBeLessThan(1e-16);
        expect(Math.abs(a.p + b.p - 0.5)).toBeLessThan(1e-15);
      }),
      { seed: SEED, numRuns: 200 },
    );
    // ρ = −1/2: 1/4 − 1/12 = 1/6.
    expect(orthantProbability(equicorrelated(2, -0.5)).p).toBeCloseTo(1 / 6, 15);
  });

  it("matches 1/8 + Σ asin ρ_ij/(4π) in d = 3 and its eight sign patterns sum to 1", () => {
    fc.assert(
      fc.property(wellConditionedRows(3), (g) => {
        const r = correlationOfRows(g);
        const expected =
          0.125 + (Math.asin(r[0][1]) + Math.asin(r[0][2]) + Math.asin(r[1][2])) / (4 * Math.PI);
        expect(Math.abs(orthantProbability(r).p - expected)).toBeLessThan(1e-15);
        let total = 0;
        for (let mask = 0; mask < 8; mask++) total += orthantProbability(flipSigns(r, mask)).p;
        expect(Math.abs(total - 1)).toBeLessThan(1e-14);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe("orthantProbability: Plackett reduction against high-precision references", () => {
  // test/reference/orthantReferences.py (mpmath): equicorrelated R by the 1-D integral
  // ∫ φ(x) Φ(√(ρ/(1−ρ)) x)^d dx (imaginary √ for ρ < 0), the mixed-sign R by Plackett's identity.
  const stored = readReference<{
    equicorrelated: { d: number; rho: string; p: string }[];
    correlation: { R: string[][]; p: string }[];
  }>("orthantReferences.json");
  const refs: [string, number[][], number][] = [
    ...stored.equicorrelated.map(
      ({ d, rho, p }): [string, number[][], number] => [`d=${d} ρ=${rho}`, equicorrelated(d, Number(rho)), Number(p)],
    ),
    ...stored.correlation.map(({ R, p }): [string, number[][], number] => [
      `d=${R.length} mixed signs`,
      R.map((row) => row.map(Number)),
      Number(p),
    ]),
  ];
  it("has the stored references (11 equicorrelated, 1 mixed)", () => expect(refs).toHaveLength(12));
  for (const [name, r, ref] of refs) {
    it(`${name}: within 1e-14 and within its error estimate`, () => {
      const { p, err } = orthantProbability(r);
      expect(Math.abs(p - ref)).toBeLessThan(1e-14);
      expect(Math.abs(p - ref)).toBeLessThanOrEqual(err + 2e-16);
      expect(err).toBeLessThan(1e-13);
    });
  }
});

describe("orthantProbability: identities for random correlation matrices", () => {
  it("the 2^d sign patterns of a random R sum to 1 within 1e-13 (d = 4, 5, 6)", () => {
    for (const d of [4, 5, 6]) {
      fc.assert(
        fc.property(wellConditionedRows(d), (g) => {
          const r = correlationOfRows(g);
          let total = 0;
          let err = 0;
          for (let mask = 0; mask < 1 << d; mask++) {
            const o = orthantProbability(flipSigns(r, mask));
            total += o.p;
            err += o.err;
          }
          expect(Math.abs(total - 1)).toBeLessThan(1e-13);
          expect(Math.abs(total - 1)).toBeLessThanOrEqual(err + 1e-15);
        }),
        { seed: SEED, numRuns: d === 6 ? 3 : 10 },
      );
    }
  });

  it("does not depend on the order of the coordinates", () => {
    fc.assert(
      fc.property(
        wellConditionedRows(5),
        fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
        (g, perm) => {
          const r = correlationOfRows(g);
          const permuted = perm.map((i) => perm.map((j) => r[i][j]));
          expect(Math.abs(orthantProbability(r).p - orthantProbability(permuted).p)).toBeLessThan(1e-15);
        },
      ),
      { seed: SEED, numRuns: 20 },
    );
  });
});

describe("orthantProbability: argument checks", () => {
  it("rejects shapes, entries and matrices that are not positive definite correlation matrices", () => {
    expect(() => orthantProbability([])).toThrow(RangeError);
    expect(() => orthantProbability(equicorrelated(10, 0))).toThrow(/1 to 9 rows/);
    expect(() => orthantProbability([[1, 0], [0]])).toThrow(/square/);
    expect(() => orthantProbability([[2]])).toThrow(/must be 1/);
    expect(() =>
      orthantProbability([
        [1, 1.5],
        [1.5, 1],
      ]),
    ).toThrow(/outside/);
    expect(() =>
      orthantProbability([
        [1, 0.2],
        [0.3, 1],
      ]),
    ).toThrow(/symmetric/);
    expect(() => orthantProbability(equicorrelated(3, -0.6))).toThrow(/positive definite/);
    expect(() =>
      orthantProbability([
        [1, Number.NaN],
        [Number.NaN, 1],
      ]),
    ).toThrow(/finite/);
  });
});
