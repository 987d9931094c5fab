/**
 * balancedRange: the N ranges tile the items, none is empty, and each shard's cost is within one
 * item's cost of the ideal share (the bound a contiguous split can always reach); classCost counts
 * the simplices of a cone's triangulation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balancedRange, classCost } from "../../src/arch/shardRanges.js";

describe("balancedRange", () => {
  it("tiles the items into N non-empty contiguous ranges of near-equal cost", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (costs, wanted) => {
          const count = Math.min(wanted, costs.length);
          const total = costs.reduce((s, c) => s + c, 0);
          const biggest = Math.max(...costs);
          let next = 0;
          for (let i = 1; i <= count; i++) {
            const { start, end } = balancedRange(costs, i, count);
            expect(start).toBe(next);
            expect(end).toBeGreaterThan(start);
            next = end;
            const cost = costs.slice(start, end).reduce((s, c) => s + c, 0);
            // Forcing a non-empty shard can move at most one more item into it; this bound holds
            // whenever no shard had to be forced (then every cut is within half an item of ideal).
            if (count * biggest <= total) expect(Math.abs(cost - total / count)).toBeLessThanOrEqual(2 * biggest);
          }
          expect(next).toBe(costs.length);
        },
      ),
    );
  });

  it("splits by cost, not by count: one heavy item gets a shard of its own", () => {
    const costs = [100, ...new Array<number>(99).fill(1)];
    expect(balancedRange(costs, 1, 2)).toEqual({ start: 0, end: 1 });
    expect(balancedRange(costs, 2, 2)).toEqual({ start: 1, end: 100 });
  });

  it("rejects shards that do not exist and more shards than items", () => {
    expect(() => balancedRange([1, 2], 3, 2)).toThrow(/shard 3 of 2 does not exist/);
    expect(() => balancedRange([1, 2], 1, 3)).toThrow(/cannot split 2 items into 3 shards/);
  });
});

describe("classCost", () => {
  it("is 1 for a simplicial cone and grows with the triangulation", () => {
    const simplex = { rows: [[1n, 0n, 0n], [0n, 1n, 0n], [0n, 0n, 1n]], orbit: 1 };
    // A square-based cone (4 facets, 4 rays): two simplices.
    const square = { rows: [[1n, 0n, 1n], [-1n, 0n, 1n], [0n, 1n, 1n], [0n, -1n, 1n]], orbit: 1 };
    expect(classCost(simplex)).toBe(1);
    expect(classCost(square)).toBe(2);
  });
});
