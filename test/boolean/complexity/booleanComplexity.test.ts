import { describe, expect, it } from "vitest";
import { booleanComplexity } from "../../../src/boolean/complexity/booleanComplexity.js";
import { primeImplicants } from "../../../src/boolean/complexity/primeImplicants.js";
import { parseFunction, rowBits, rowCount } from "../../../src/boolean/truthTable.js";

/**
 * Brute force over every SOP (or POS) expression on n inputs, with no prime implicants: a shortest
 * path over (function so far, number of terms capped at 2), each step OR-ing in (AND-ing in) any
 * product term (clause) of literals, at its cost of one AND (OR) for ≥ 2 literals plus one NOT per
 * negated literal; one more operator when there are ≥ 2 terms. Returns the minimum per function.
 */
function bruteForce(n: number, pos: boolean): number[] {
  const rows = rowCount(n);
  const all = (1 << rows) - 1;
  const parts: { table: number; cost: number }[] = [];
  // Each input absent (0), positive (1) or negated (2): 3^n − 1 non-empty literal sets.
  for (let code = 1; code < 3 ** n; code++) {
    const kinds = Array.from({ length: n }, (_, i) => Math.floor(code / 3 ** i) % 3);
    const literals = kinds.filter((k) => k !== 0).length;
    const nots = kinds.filter((k) => k === 2).length;
    let table = 0;
    for (let r = 0; r < rows; r++) {
      const x = rowBits(n, r);
      const lit = (i: number) => (kinds[i] === 1 ? x[i] === 1 : x[i] === 0);
      const idx = kinds.map((k, i) => i).filter((i) => kinds[i] !== 0);
      const v = pos ? idx.some(lit) : idx.every(lit);
      if (v) table |= 1 << r;
    }
    parts.push({ table, cost: (literals >= 2 ? 1 : 0) + nots });
  }
  // dist[count][table], count = min(terms, 2).
  const dist = [0, 1, 2].map(() => new Array<number>(all + 1).fill(Infinity));
  const start = pos ? all : 0;
  dist[0][start] = 0;
  // Costs are small integers: relax in rounds until nothing changes (Bellman–Ford).
  for (let changed = true; changed; ) {
    changed = false;
    for (let c = 0; c <= 2; c++)
      for (let t = 0; t <= all; t++) {
        if (dist[c][t] === Infinity) continue;
        for (const p of parts) {
          const u = pos ? t & p.table : t | p.table;
          const c2 = Math.min(c + 1, 2);
          const d = dist[c][t] + p.cost;
          if (d < dist[c2][u]) {
            dist[c2][u] = d;
            changed = true;
          }
        }
      }
  }
  return Array.from({ length: all + 1 }, (_, t) =>
    t === 0 || t === all ? 0 : Math.min(dist[1][t], dist[2][t] + 1),
  );
}

describe("booleanComplexity", () => {
  it("SOP and POS minima equal brute force over all expressions, n ≤ 3", () => {
    for (let n = 1; n <= 3; n++) {
      const sop = bruteForce(n, false);
      const pos = bruteForce(n, true);
      for (let t = 0; t < 1 << rowCount(n); t++) {
        const r = booleanComplexity({ n, bits: BigInt(t) });
        if (!r.ok) throw new Error(r.reason);
        expect([t, r.value.sop, r.value.pos]).toEqual([t, sop[t], pos[t]]);
        expect(r.value.value).toBe(Math.min(sop[t], pos[t]));
      }
    }
  });

  it("prints a form attaining the count", () => {
    const r = booleanComplexity(parseFunction("0001"));
    expect(r).toEqual({ ok: true, value: { value: 1, sop: 1, pos: 1, form: "sop", expression: "x1 & x2" } });
    const nor = booleanComplexity(parseFunction("1000"));
    // ~x1 & ~x2 is 3 operators in SOP; as POS it is the same two single-literal clauses.
    expect(nor.ok && nor.value.value).toBe(3);
    const or3 = booleanComplexity(parseFunction("01111111"));
    expect(or3.ok && or3.value.expression).toBe("x1 | x2 | x3");
    expect(booleanComplexity(parseFunction("1111"))).toEqual({
      ok: true,
      value: { value: 0, sop: 0, pos: 0, form: "constant", expression: "1" },
    });
  });

  it("prime implicants of majority-3 are the three pairs", () => {
    expect(primeImplicants(parseFunction("00010111")).map((c) => [c.care, c.value])).toEqual([
      [3, 3],
      [5, 5],
      [6, 6],
    ]);
  });

  it("n = 5 parity is exact (16 minterms, no merging) and n = 7 reports a budget", () => {
    let bits = 0n;
    for (let r = 0; r < 32; r++) if (rowBits(5, r).reduce((a, b) => a + b, 0) % 2) bits |= 1n << BigInt(r);
    const r = booleanComplexity({ n: 5, bits });
    // 16 minterms of 5 literals: 16 ANDs, one OR, and NOTs Σ_{k odd} C(5,k)(5 − k) = 20 + 20 + 0.
    expect(r.ok && r.value.sop).toBe(16 + 1 + 40);
    const tiny = booleanComplexity({ n: 7, bits: 0x6996966996696996n * 3n }, 10);
    expect(tiny.ok).toBe(false);
  });
});
