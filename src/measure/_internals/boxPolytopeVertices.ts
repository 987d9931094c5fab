import { bigGcd } from "../../geometry/rational.js";

/** A vertex u = p / q of a polytope, with the set of rows tight at it. */
export interface Vertex {
  /** Integer numerators; u_k = p[k] / q. */
  readonly p: readonly bigint[];
  /** Positive common denominator. */
  readonly q: bigint;
  /** Bitset, 32 rows per word: bit i set ⇔ row i of the system holds with equality at u. */
  readonly tight: Uint32Array;
}

/** True when row `row` holds with equality at vertex `v`. */
export function isTight(v: Vertex, row: number): boolean {
  return ((v.tight[row >>> 5] >>> (row & 31)) & 1) === 1;
}

/**
 * Exact vertices of {u ∈ [−1, 1]^d : rows_i·u ≤ rhs_i, i < m} by the double-description method
 * started from the box.
 *
 * Row indices in `tight` follow the full system the caller builds: the m general rows first, then
 * the box rows of {@link unitBoxRows} (u_k ≤ 1 at index m + 2k, −u_k ≤ 1 at index m + 2k + 1).
 * Each general row is a cut: vertices on its negative side are dropped, and every edge joining a
 * kept vertex to a dropped one yields a new vertex. Edges are found with the combinatorial test
 * (vertices v, w are adjacent iff no third vertex is tight on every row tight at both), which is
 * exact also at degenerate vertices, where perceptron cones have many.
 */
export function boxPolytopeVertices(
  rows: readonly (readonly bigint[])[],
  rhs: readonly bigint[],
  d: number,
): Vertex[] {
  const m = rows.length;
  const words = (m + 2 * d + 31) >>> 5;
  let vertices: Vertex[] = [];
  for (let corner = 0; corner < 1 << d; corner++) {
    const tight = new Uint32Array(words);
    const p: bigint[] = [];
    for (let k = 0; k < d; k++) {
      const up = ((corner >> k) & 1) === 1;
      p.push(up ? 1n : -1n);
      setBit(tight, m + 2 * k + (up ? 0 : 1));
    }
    vertices.push({ p, q: 1n, tight });
  }
  for (let i = 0; i < m; i++) vertices = cut(vertices, rows[i], rhs[i], i, d);
  return vertices;
}

/**
 * The box [−1, 1]^d as 2d rows of a ≤-system with right-hand side 1, in the order whose indices
 * {@link boxPolytopeVertices} uses: u_k ≤ 1, then −u_k ≤ 1, for k = 0 … d − 1.
 */
export function unitBoxRows(d: number): bigint[][] {
  const out: bigint[][] = [];
  for (let k = 0; k < d; k++) {
    for (const s of [1n, -1n]) out.push(Array.from({ length: d }, (_, l) => (l === k ? s : 0n)));
  }
  return out;
}

function cut(vertices: Vertex[], row: readonly bigint[], c: bigint, index: number, d: number): Vertex[] {
  const slack = vertices.map((v) => {
    let s = c * v.q;
    for (let k = 0; k < d; k++) s -= row[k] * v.p[k];
    return s;
  });
  const kept: Vertex[] = [];
  const plus: number[] = [];
  const minus: number[] = [];
  for (let i = 0; i < vertices.length; i++) {
    const v = vertices[i];
    if (slack[i] > 0n) {
      kept.push(v);
      plus.push(i);
    } else if (slack[i] === 0n) {
      const tight = v.tight.slice();
      setBit(tight, index);
      kept.push({ p: v.p, q: v.q, tight });
    } else minus.push(i);
  }
  if (minus.length === 0 || plus.length === 0) return kept;
  for (const i of plus) {
    for (const j of minus) {
      if (commonCount(vertices[i].tight, vertices[j].tight) < d - 1) continue;
      const common = vertices[i].tight.map((x, w) => x & vertices[j].tight[w]);
      if (!adjacent(vertices, i, j, common)) continue;
      setBit(common, index);
      kept.push(between(vertices[i], slack[i], vertices[j], slack[j], common, d));
    }
  }
  return kept;
}

/** Combinatorial edge test: no third vertex is tight on every row in `common`. */
function adjacent(vertices: readonly Vertex[], i: number, j: number, common: Uint32Array): boolean {
  for (let w = 0; w < vertices.length; w++) {
    if (w === i || w === j) continue;
    const t = vertices[w].tight;
    let contains = true;
    for (let k = 0; k < common.length && contains; k++) contains = (t[k] & common[k]) >>> 0 === common[k];
    if (contains) return false;
  }
  return true;
}

/** The point where the slack, positive at a and negative at b, vanishes on the segment ab. */
function between(a: Vertex, sa: bigint, b: Vertex, sb: bigint, tight: Uint32Array, d: number): Vertex {
  // Homogeneous combination −sb·(a.p, a.q) + sa·(b.p, b.q): both weights positive, slack 0.
  const q = -sb * a.q + sa * b.q;
  const p: bigint[] = [];
  let g = q;
  for (let k = 0; k < d; k++) {
    const x = -sb * a.p[k] + sa * b.p[k];
    p.push(x);
    g = bigGcd(g, x);
  }
  return { p: p.map((x) => x / g), q: q / g, tight };
}

function setBit(bits: Uint32Array, i: number): void {
  bits[i >>> 5] |= 1 << (i & 31);
}

/** Number of rows tight at both vertices (popcount of the intersection). */
function commonCount(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let k = 0; k < a.length; k++) {
    let w = (a[k] & b[k]) >>> 0;
    w -= (w >>> 1) & 0x55555555;
    w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
    n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}
