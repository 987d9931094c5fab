import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gordanCertificate, verifyGordanCertificate } from "../../src/geometry/gordanCertificate.js";
import { idot, intVector, plantedCone } from "./support.js";

/** Independent check: y ≥ 0, y ≠ 0, Σ y_i a_i = 0 in plain BigInt loops. */
function isCertificate(A: readonly (readonly bigint[])[], y: readonly bigint[]): boolean {
  if (y.length !== A.length || y.some((v) => v < 0n) || y.every((v) => v === 0n)) return false;
  return A[0].every((_, k) => A.reduce((s, a, i) => s + y[i] * a[k], 0n) === 0n);
}

const XOR = [
  [0n, 0n, -1n],
  [0n, 1n, 1n],
  [1n, 0n, 1n],
  [-1n, -1n, -1n],
];

/**
 * Rows with entries in [−3, 3], plus one row −Σ c_i a_i (c_i ∈ 1..3) that no interior point can
 * satisfy: an open cone known to be empty (zero rows excluded, so every multiplier matters).
 */
const emptyCone = fc
  .integer({ min: 1, max: 5 })
  .chain((d) =>
    fc.tuple(
      fc.array(
        intVector(d, 3).filter((a) => a.some((x) => x !== 0n)),
        { minLength: 1, maxLength: 7 },
      ),
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 7, maxLength: 7 }),
    ),
  )
  .map(([rows, c]) => {
    const last = rows[0].map((_, k) => -rows.reduce((s, a, i) => s + BigInt(c[i]) * a[k], 0n));
    return [...rows, last];
  });

describe("gordanCertificate", () => {
  it("gives XOR's cone the all-ones multipliers and a realisable cone none", () => {
    expect(gordanCertificate(XOR)).toEqual([1n, 1n, 1n, 1n]);
    expect(gordanCertificate([[1, 0], [0, 1], [1, 1]])).toBeNull();
  });

  it("certifies every planted empty cone, and the certificate checks independently", () => {
    fc.assert(
      fc.property(emptyCone, (A) => {
        const y = gordanCertificate(A);
        expect(y).not.toBeNull();
        expect(isCertificate(A, y as bigint[])).toBe(true);
        expect(verifyGordanCertificate(A, y as bigint[])).toBe(true);
      }),
      { seed: 20240611, numRuns: 150 },
    );
  });

  it("returns null for every planted nonempty cone", () => {
    fc.assert(
      fc.property(plantedCone(1, 5, 10), (A) => {
        expect(gordanCertificate(A)).toBeNull();
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it("verifyGordanCertificate rejects tampered, negative, zero and short vectors", () => {
    expect(verifyGordanCertificate(XOR, [1, 1, 1, 1])).toBe(true);
    expect(verifyGordanCertificate(XOR, [2, 1, 1, 1])).toBe(false);
    expect(verifyGordanCertificate(XOR, [0, 0, 0, 0])).toBe(false);
    expect(verifyGordanCertificate(XOR, [1, 1, 1])).toBe(false);
    expect(verifyGordanCertificate([[1n], [-1n], [1n]], [1, 1, 0])).toBe(true);
    expect(verifyGordanCertificate([[1n], [-1n], [1n]], [2, 1, -1])).toBe(false);
    fc.assert(
      fc.property(emptyCone, fc.nat(), (A, pick) => {
        const y = gordanCertificate(A) as bigint[];
        const i = pick % y.length;
        // Adding one more copy of a nonzero row breaks Σ y_i a_i = 0.
        const bumped = y.map((v, k) => (k === i ? v + 1n : v));
        expect(idot(A[i], A[i]) > 0n).toBe(true);
        expect(verifyGordanCertificate(A, bumped)).toBe(false);
      }),
      { seed: 11, numRuns: 50 },
    );
  });

  it("names the argument on bad input", () => {
    expect(() => gordanCertificate([])).toThrow(/gordanCertificate: A must have at least 1 row/);
    expect(() => gordanCertificate([[1, 2], [3]])).toThrow(TypeError);
    expect(() => verifyGordanCertificate([[1]], [0.5])).toThrow(/y\[0\]/);
  });
});
