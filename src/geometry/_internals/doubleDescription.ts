/**
 * The double description method (Motzkin et al.; Fukuda & Prodon 1996) for the extreme rays of a
 * pointed cone {θ : Wθ ≥ 0}, in exact integer arithmetic.
 *
 * Start from d linearly independent rows, whose cone is simplicial with known rays; add the other rows
 * one at a time. A row splits the current rays into R+, R0, R−; the new rays are, for every adjacent
 * pair (p ∈ R+, n ∈ R−), the point where the segment between them crosses the row's hyperplane. Two
 * rays are adjacent iff no third ray is tight on every processed row on which both are tight
 * (combinatorial test; valid because the current cone is pointed and its ray list is exact), after
 * the cheap necessary check that they share at least d − 2 tight rows.
 */

import { clearDenominators, type IntMatrix, primitive, rank, solve } from "../linalg.js";
import { type Bitset, emptyBitset, intersect, intersectionSize, isSubset, setBit } from "./bitset.js";

interface Ray {
  v: bigint[];
  /** Processed rows at which the ray is tight. */
  zero: Bitset;
}

/**
 * Extreme rays of {θ : Wθ ≥ 0}, each primitive. The rows of W must have rank d (so the cone is
 * pointed); the cone may be lower-dimensional, or {0} (then no rays are returned).
 * @throws RangeError if rank(W) < d.
 */
export function doubleDescription(W: IntMatrix, d: number): bigint[][] {
  const m = W.length;
  const basis: number[] = [];
  for (let i = 0; i < m && basis.length < d; i++) {
    if (rank([...basis.map((j) => W[j]), W[i]]) > basis.length) basis.push(i);
  }
  if (basis.length < d) {
    throw new RangeError(`doubleDescription: rows have rank ${basis.length} < d = ${d} (cone not pointed)`);
  }
  const B = basis.map((j) => W[j]);
  let rays: Ray[] = basis.map((_, k) => {
    const e = Array.from({ length: d }, (_, i) => (i === k ? 1n : 0n));
    const x = solve(B, e);
    if (x === null) throw new Error("doubleDescription: internal error (singular basis)");
    const zero = emptyBitset(m);
    basis.forEach((j, i) => {
      if (i !== k) setBit(zero, j);
    });
    return { v: primitive(clearDenominators(x)), zero };
  });

  const inBasis = new Set(basis);
  // Rows in their given order: cheaper here than lexicographic or max/min-cutoff orders, which were
  // measured on random and perceptron cones.
  for (let j = 0; j < m; j++) {
    if (inBasis.has(j)) continue;
    const a = W[j];
    const pos: Ray[] = [];
    const neg: Ray[] = [];
    const zer: Ray[] = [];
    const sp = new Map<Ray, bigint>();
    for (const r of rays) {
      let s = 0n;
      for (let k = 0; k < d; k++) s += a[k] * r.v[k];
      sp.set(r, s);
      if (s > 0n) pos.push(r);
      else if (s < 0n) neg.push(r);
      else zer.push(r);
    }
    for (const r of zer) setBit(r.zero, j);
    if (neg.length === 0) continue;
    const created: Ray[] = [];
    for (const p of pos) {
      for (const n of neg) {
        if (intersectionSize(p.zero, n.zero) < d - 2) continue;
        const common = intersect(p.zero, n.zero);
        if (!adjacent(rays, p, n, common)) continue;
        const s = sp.get(p) as bigint;
        const t = sp.get(n) as bigint;
        const v = primitive(n.v.map((x, k) => s * x - t * p.v[k]));
        setBit(common, j);
        created.push({ v, zero: common });
      }
    }
    rays = [...pos, ...zer, ...created];
  }
  return rays.map((r) => r.v);
}

function adjacent(rays: readonly Ray[], p: Ray, n: Ray, common: Bitset): boolean {
  for (const t of rays) {
    if (t !== p && t !== n && isSubset(common, t.zero)) return false;
  }
  return true;
}
