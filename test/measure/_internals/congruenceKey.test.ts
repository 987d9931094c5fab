/**
 * The congruence key of simplicial cones: equal for congruent cones (generators reordered, rescaled,
 * mapped by signed permutations of the coordinates), different when the Gram matrices differ, and
 * never a reason for a different Gaussian probability.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { congruenceKey } from "../../../src/measure/_internals/congruenceKey.js";
import { simplicialConeGaussian } from "../../../src/measure/simplicialConeGaussian.js";

const vector = (d: number) => fc.array(fc.integer({ min: -3, max: 3 }).map(BigInt), { minLength: d, maxLength: d });
const cone = (d: number) =>
  fc.array(vector(d), { minLength: d, maxLength: d }).filter((rows) => rows.every((r) => r.some((x) => x !== 0n)));

/** The image of the rows under a signed permutation of the coordinates (an orthogonal map). */
function signedPermutation(rows: bigint[][], perm: number[], signs: bigint[]): bigint[][] {
  return rows.map((r) => perm.map((j, k) => signs[k] * r[j]));
}

describe("congruenceKey", () => {
  it("is equal for reordered, rescaled and orthogonally mapped generators", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((d) =>
          fc.tuple(
            cone(d),
            fc.shuffledSubarray([...Array(d).keys()], { minLength: d, maxLength: d }),
            fc.shuffledSubarray([...Array(d).keys()], { minLength: d, maxLength: d }),
            fc.array(fc.constantFrom(1n, -1n), { minLength: d, maxLength: d }),
            fc.array(fc.integer({ min: 1, max: 5 }).map(BigInt), { minLength: d, maxLength: d }),
          ),
        ),
        ([rows, order, perm, signs, scale]) => {
          const key = congruenceKey(rows);
          const image = signedPermutation(order.map((i) => rows[i].map((x) => x * scale[i])), perm, signs);
          expect(congruenceKey(image)).toBe(key);
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });

  it("separates cones whose unit Gram matrices differ", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }).chain((d) => fc.tuple(cone(d), cone(d))), ([a, b]) => {
        const ka = congruenceKey(a);
        const kb = congruenceKey(b);
        if (ka === undefined || ka !== kb) return;
        // Equal keys: the multisets of exact squared cosines (with signs) agree.
        const cosines = (rows: bigint[][]) => {
          const out: number[] = [];
          for (let i = 0; i < rows.length; i++) {
            for (let j = 0; j < i; j++) {
              const dot = (u: bigint[], v: bigint[]) => u.reduce((s, x, k) => s + x * v[k], 0n);
              const c = Number(dot(rows[i], rows[j])) / Math.sqrt(Number(dot(rows[i], rows[i]) * dot(rows[j], rows[j])));
              out.push(Math.round(c * 1e9));
            }
          }
          return out.sort((x, y) => x - y);
        };
        expect(cosines(b)).toEqual(cosines(a));
      }),
      { numRuns: 300, seed: 13 },
    );
    expect(congruenceKey([[1n, 0n], [0n, 1n]])).not.toBe(congruenceKey([[1n, 0n], [1n, 1n]]));
    expect(congruenceKey([[1n, 0n, 0n], [1n, 1n, 0n], [0n, 0n, 1n]])).not.toBe(
      congruenceKey([[1n, 0n, 0n], [-1n, 1n, 0n], [0n, 0n, 1n]]),
    );
  });

  it("gives the same Gaussian probability to cones with equal keys", () => {
    const a = [[2n, 1n, 0n, 0n], [0n, 1n, 1n, 0n], [1n, 0n, 0n, 3n], [0n, 0n, 1n, 1n]];
    const b = signedPermutation([a[2], a[0], a[3], a[1]], [3, 1, 0, 2], [-1n, 1n, 1n, -1n]);
    expect(congruenceKey(b)).toBe(congruenceKey(a));
    const pa = simplicialConeGaussian(a);
    const pb = simplicialConeGaussian(b);
    expect(Math.abs(pa.p - pb.p)).toBeLessThanOrEqual(pa.err + pb.err);
  });

  it("keys symmetric simplices (interchangeable generators) and gives up only on large tied groups", () => {
    // Seven generators at equal angles to each other and to an eighth: interchangeable, so a key
    // without trying 7! orders.
    const equal = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, k) => (k === i || k === 7 ? 1n : 0n)));
    equal[7] = [0n, 0n, 0n, 0n, 0n, 0n, 0n, 1n];
    expect(congruenceKey(equal)).toBeDefined();
    // A tied group of 7 that is not interchangeable (a 7-cycle of angles): 7! orders, no key.
    const cycle = Array.from({ length: 7 }, (_, i) =>
      Array.from({ length: 7 }, (_, k) => (k === i ? 2n : k === (i + 1) % 7 ? 1n : 0n)),
    );
    expect(congruenceKey(cycle)).toBeUndefined();
  });
});
