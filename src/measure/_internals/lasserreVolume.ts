import { add, div, mul, type Rational, rat, sub, ZERO } from "../../geometry/rational.js";
import { isTight, type Vertex } from "./boxPolytopeVertices.js";
import { cleanSystem } from "./cleanSystem.js";
import { eliminateCoordinate } from "./eliminateCoordinate.js";
import type { InequalitySystem } from "./inequalitySystem.js";

/**
 * Exact k-volume of a bounded polytope P = {x : rows·x ≤ rhs} by Lasserre's recursion in
 * coordinate-projection form, memoised on faces and pruned with P's vertices.
 *
 * Lasserre: k·vol_k(P) = Σ_j h_j·vol_{k−1}(F_j)/‖b_j‖ over the facets F_j, where h_j = rhs_j − b_j·x0
 * is the slack of row j at any point x0 of P's affine hull. Projecting F_j along a coordinate c with
 * b_jc ≠ 0 turns vol(F_j)/‖b_j‖ into vol(π_c F_j)/|b_jc|, which is rational.
 *
 * Memoisation: a face F_S (S = the original rows made tight) is reached along many paths, each
 * eliminating different coordinates E, and its projected volume depends on E. The quantity
 * W(S) = vol(π_E F_S) / |det B[S, E]| does not (both are proportional to the intrinsic volume of
 * F_S through the same Gram factor), so W is memoised on S alone. In the fraction-free system of a
 * face (see InequalitySystem) |det B[S, E]| is exactly `scale`, the slack of a Schur-complement row
 * at a point of aff F_S equals the slack of the original row there, and the recursion becomes
 * W(S) = Σ_j slack_j(x0)·W(S ∪ {j}) / k, with W = (interval length) / scale when k = 1.
 *
 * Pruning: x0 is taken at the vertex of F_S on the most candidate facets, whose terms then vanish
 * (at the degenerate vertices of perceptron cones that removes dozens of rows at once). A row on
 * fewer than k of F_S's vertices cannot carry a (k−1)-dimensional facet, so its term is 0 and is
 * skipped; without this, rows that miss F_S lead to whole subtrees of empty faces.
 *
 * @param sys - the polytope at top level: `scale` 1, `ids` = 0, 1, … indexing `sys.rows`.
 * @param vertices - all vertices of the polytope, with tight sets over the rows of `sys`.
 * @returns vol_k(P), exact.
 */
export function lasserreVolume(sys: InequalitySystem, vertices: readonly Vertex[]): Rational {
  const ctx: Context = {
    top: sys,
    vertices,
    tight: vertices.map((v) => Uint8Array.from(sys.rows, (_, i) => (isTight(v, i) ? 1 : 0))),
    memo: new Map(),
  };
  return normalisedVolume(
    sys,
    [],
    vertices.map((_, i) => i),
    ctx,
  );
}

interface Context {
  readonly top: InequalitySystem;
  readonly vertices: readonly Vertex[];
  /** tight[v][i] ⇔ row i is tight at vertex v. */
  readonly tight: readonly Uint8Array[];
  readonly memo: Map<string, Rational>;
}

function normalisedVolume(
  raw: InequalitySystem,
  face: readonly number[],
  faceVertices: readonly number[],
  ctx: Context,
): Rational {
  const sys = cleanSystem(raw);
  if (sys === null || faceVertices.length === 0) return ZERO;
  if (sys.dim === 1) return div(intervalLength(sys), rat(sys.scale));
  const k = sys.dim;
  const candidates: number[] = [];
  for (let j = 0; j < sys.ids.length; j++) {
    const id = sys.ids[j];
    let on = 0;
    for (const v of faceVertices) if (ctx.tight[v][id] === 1) on++;
    if (on >= k) candidates.push(j);
  }
  const origin = bestOrigin(faceVertices, candidates, sys.ids, ctx);
  let total = ZERO;
  for (const j of candidates) {
    const id = sys.ids[j];
    if (ctx.tight[origin][id] === 1) continue;
    const child = withMember(face, id);
    const key = child.join(",");
    let w = ctx.memo.get(key);
    if (w === undefined) {
      const childVertices = faceVertices.filter((v) => ctx.tight[v][id] === 1);
      w = normalisedVolume(eliminateCoordinate(sys, j, pivotColumn(sys, j)), child, childVertices, ctx);
      ctx.memo.set(key, w);
    }
    if (w.num !== 0n) total = add(total, mul(slackAt(ctx, id, origin), w));
  }
  return div(total, rat(k));
}

/** The vertex of the face on which the most candidate rows are tight. */
function bestOrigin(
  faceVertices: readonly number[],
  candidates: readonly number[],
  ids: readonly number[],
  ctx: Context,
): number {
  let best = faceVertices[0];
  let bestCount = -1;
  for (const v of faceVertices) {
    let count = 0;
    for (const j of candidates) count += ctx.tight[v][ids[j]];
    if (count > bestCount) {
      best = v;
      bestCount = count;
    }
  }
  return best;
}

/** rhs_i − row_i·u for the original row i at vertex u = p/q. */
function slackAt(ctx: Context, id: number, vertex: number): Rational {
  const { p, q } = ctx.vertices[vertex];
  const row = ctx.top.rows[id];
  let s = ctx.top.rhs[id] * q;
  for (let l = 0; l < row.length; l++) s -= row[l] * p[l];
  return rat(s, q);
}

/**
 * Coordinate to eliminate with row j: among its nonzero entries, the column that is nonzero in the
 * fewest other rows (those rows are left merely rescaled, keeping entries small), then the
 * smallest pivot.
 */
function pivotColumn(sys: InequalitySystem, j: number): number {
  const row = sys.rows[j];
  let best = -1;
  let bestFill = Number.POSITIVE_INFINITY;
  let bestAbs = 0n;
  for (let c = 0; c < sys.dim; c++) {
    const v = row[c] < 0n ? -row[c] : row[c];
    if (v === 0n) continue;
    let fill = 0;
    for (const other of sys.rows) if (other[c] !== 0n) fill++;
    if (fill < bestFill || (fill === bestFill && v < bestAbs)) {
      best = c;
      bestFill = fill;
      bestAbs = v;
    }
  }
  return best;
}

/** Length of {x ∈ R : rows_j·x ≤ rhs_j} for a cleaned one-dimensional system (bounded). */
function intervalLength(sys: InequalitySystem): Rational {
  let lo: Rational | undefined;
  let hi: Rational | undefined;
  for (let j = 0; j < sys.rows.length; j++) {
    const b = sys.rows[j][0];
    const bound = rat(sys.rhs[j], b);
    if (b > 0n) {
      if (hi === undefined || bound.num * hi.den < hi.num * bound.den) hi = bound;
    } else if (lo === undefined || bound.num * lo.den > lo.num * bound.den) lo = bound;
  }
  if (lo === undefined || hi === undefined) throw new Error("lasserreVolume: unbounded interval");
  const len = sub(hi, lo);
  return len.num > 0n ? len : ZERO;
}

function withMember(sorted: readonly number[], id: number): number[] {
  const out: number[] = [];
  let placed = false;
  for (const v of sorted) {
    if (!placed && id < v) {
      out.push(id);
      placed = true;
    }
    out.push(v);
  }
  if (!placed) out.push(id);
  return out;
}
