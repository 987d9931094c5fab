/**
 * Fractions of the cube [−1, 1]³ (and of the square [−1, 1]²) in every cell of a central arrangement: for rows p_0 … p_{R−1},
 * the cone of sign mask s (bit r set: ⟨p_r, x⟩ > 0, else < 0) gets
 *   vol(cone_s ∩ cube) / 8 = (1/24) Σ_facets area(facet ∩ cone_s)
 * (pyramids from the centre over the cube's facets, as smallConeCubeFraction). Each facet square is
 * split by the R lines it meets, polygon by polygon, so every cell's area is found in one pass
 * instead of clipping the square once per mask. The uniform Rao-Blackwell integrand of 2-hidden-unit
 * ReLU nets; floating point.
 */
import { clipPolygon, polygonArea } from "./convexPolygon.js";

/** The two sides a·s + b·t + c ≥ 0 and ≤ 0 of a polygon (flat x, y pairs). */
function split(poly: number[], a: number, b: number, c: number): [number[], number[]] {
  const pos: number[] = [];
  const neg: number[] = [];
  clipPolygon(poly, poly.length / 2, a, b, c, pos);
  clipPolygon(poly, poly.length / 2, -a, -b, -c, neg);
  return [pos, neg];
}

/**
 * Writes the cube fraction of every sign mask's cone into out[0 … 2^R) (zeros for empty cells) and
 * returns their sum (1 up to rounding). `rows` holds R rows of 3 numbers.
 * @throws RangeError if R > 16 or `out` is too short.
 */
export function cubeArrangementFractions(rows: Float64Array, R: number, out: Float64Array): number {
  if (R > 16) throw new RangeError(`at most 16 rows, got ${R}`);
  const cells = 2 ** R;
  if (out.length < cells) throw new RangeError(`out holds ${out.length} numbers, need ${cells}`);
  out.fill(0, 0, cells);
  for (let axis = 0; axis < 3; axis++) {
    const u = axis === 0 ? 1 : 0;
    const v = axis === 2 ? 1 : 2;
    for (const side of [1, -1]) {
      // Depth-first over the rows: each stack entry is a polygon and the mask of the sides so far.
      const stack: { poly: number[]; mask: number; r: number }[] = [{ poly: [-1, -1, 1, -1, 1, 1, -1, 1], mask: 0, r: 0 }];
      while (stack.length > 0) {
        const top = stack.pop() as { poly: number[]; mask: number; r: number };
        if (top.r === R) {
          out[top.mask] += polygonArea(top.poly, top.poly.length / 2);
          continue;
        }
        const r = top.r;
        const [pos, neg] = split(top.poly, rows[3 * r + u], rows[3 * r + v], side * rows[3 * r + axis]);
        if (pos.length >= 6) stack.push({ poly: pos, mask: top.mask | (1 << r), r: r + 1 });
        if (neg.length >= 6) stack.push({ poly: neg, mask: top.mask, r: r + 1 });
      }
    }
  }
  let total = 0;
  for (let s = 0; s < cells; s++) {
    out[s] /= 24;
    total += out[s];
  }
  return total;
}

/**
 * The same in the plane: the fraction of the square [−1, 1]² in every cell of the arrangement of
 * R rows of 2 numbers, (1/8) Σ_edges length(edge ∩ cone_s), each edge split by the R lines.
 * @throws RangeError if R > 16 or `out` is too short.
 */
export function squareArrangementFractions(rows: Float64Array, R: number, out: Float64Array): number {
  if (R > 16) throw new RangeError(`at most 16 rows, got ${R}`);
  const cells = 2 ** R;
  if (out.length < cells) throw new RangeError(`out holds ${out.length} numbers, need ${cells}`);
  out.fill(0, 0, cells);
  for (let axis = 0; axis < 2; axis++) {
    const other = 1 - axis;
    for (const side of [1, -1]) {
      // On the edge x_axis = side, row r is α·t + β with t the other coordinate in [−1, 1].
      const stack: number[] = [-1, 1, 0, 0];
      while (stack.length > 0) {
        const r = stack.pop() as number;
        const mask = stack.pop() as number;
        const hi = stack.pop() as number;
        const lo = stack.pop() as number;
        if (r === R) {
          out[mask] += hi - lo;
          continue;
        }
        const alpha = rows[2 * r + other];
        const beta = side * rows[2 * r + axis];
        if (alpha === 0) {
          if (beta > 0) stack.push(lo, hi, mask | (1 << r), r + 1);
          else if (beta < 0) stack.push(lo, hi, mask, r + 1);
          continue;
        }
        const root = -beta / alpha;
        const cut = Math.min(hi, Math.max(lo, root));
        // Positive side: t > root when α > 0, t < root when α < 0.
        const [pLo, pHi, nLo, nHi] = alpha > 0 ? [cut, hi, lo, cut] : [lo, cut, cut, hi];
        if (pHi > pLo) stack.push(pLo, pHi, mask | (1 << r), r + 1);
        if (nHi > nLo) stack.push(nLo, nHi, mask, r + 1);
      }
    }
  }
  let total = 0;
  for (let s = 0; s < cells; s++) {
    out[s] /= 8;
    total += out[s];
  }
  return total;
}
