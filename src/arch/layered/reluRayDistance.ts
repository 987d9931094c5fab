/**
 * Exact ray–boundary distance of a function's region in a one-hidden-layer ReLU net.
 *
 * Along θ + t·u every hidden pre-activation is linear in t, z_j(x, t) = α_j + β_j·t, and so is every
 * output weight, v_j + t·δv_j. Between consecutive breakpoints t = −α_j/β_j of one input row x the
 * active units are fixed, and the output c + t·δc + Σ_active (v_j + t·δv_j)(α_j + β_j·t) is a
 * quadratic A·t² + B·t + C. The first exit is therefore the smallest t > 0 at which some row's
 * output leaves the side f(x) asks for: at a breakpoint where it is already on the wrong side, or at
 * the first simple root of a piece's quadratic (the sign is right at the piece's start, so the
 * first sign change is the exit; a double root only touches 0, a measure-zero set of directions).
 * Roots come from the cancellation-free quadratic formula q = −(B + sign(B)·√(B² − 4AC))/2,
 * t = q/A and C/q, so both roots keep full relative precision even when |A| is tiny.
 * Floating point throughout: the answer is exact up to the rounding of the data (no tolerance,
 * no bisection); it is checked against bisection on the forward pass in the tests.
 */
import { encodeRow } from "../../boolean/encoding.js";
import { rowValue, wordsFromBigInt } from "../../boolean/tableWords.js";
import { type BooleanFunction, rowCount } from "../../boolean/truthTable.js";
import { layerBlocks, type LayeredSpec } from "./layeredSpec.js";

/** Distance from θ along u to the boundary of a region (0 if θ is outside, Infinity if never). */
export type RayDistance = (theta: Float64Array, direction: Float64Array) => number;

/**
 * The smallest simple root of A·t² + B·t + C in the open interval (lo, hi), or Infinity.
 * A double root (B² = 4AC) is not a sign change and is skipped.
 */
export function firstSimpleRoot(A: number, B: number, C: number, lo: number, hi: number): number {
  if (A === 0) {
    if (B === 0) return Number.POSITIVE_INFINITY;
    const t = -C / B;
    return t > lo && t < hi ? t : Number.POSITIVE_INFINITY;
  }
  const disc = B * B - 4 * A * C;
  if (!(disc > 0)) return Number.POSITIVE_INFINITY;
  const q = -0.5 * (B + (B >= 0 ? Math.sqrt(disc) : -Math.sqrt(disc)));
  // q ≠ 0: disc > 0 makes |B + sign(B)·√disc| ≥ √disc > 0.
  const r1 = q / A;
  const r2 = C / q;
  const a = r1 < r2 ? r1 : r2;
  const b = r1 < r2 ? r2 : r1;
  if (a > lo && a < hi) return a;
  if (b > lo && b < hi) return b;
  return Number.POSITIVE_INFINITY;
}

/**
 * The exact ray distance of f's region for the one-hidden-layer ReLU net `spec` (see the file
 * comment). Allocation-free per call; the returned function is not re-entrant.
 * @throws RangeError if `spec` is not a ReLU net with one hidden layer, or f has the wrong inputs.
 */
export function reluRayDistance(spec: LayeredSpec, f: BooleanFunction): RayDistance {
  if (spec.activation !== "relu" || spec.layers.length !== 3)
    throw new RangeError(`reluRayDistance is for ReLU nets with one hidden layer, got ${spec.activation} ${spec.layers.join(",")}`);
  const n = spec.layers[0];
  if (f.n !== n) throw new RangeError(`function has ${f.n} inputs, the net ${n}`);
  const h = spec.layers[1];
  const [hidden, output] = layerBlocks(spec);
  const rows = rowCount(n);
  const words = wordsFromBigInt(f.bits, n);
  const want = Int8Array.from({ length: rows }, (_, r) => (rowValue(words, r) === 1 ? 1 : -1));
  const xs = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) xs.set(encodeRow(n, r, spec.encoding), r * n);
  const alpha = new Float64Array(h);
  const beta = new Float64Array(h);
  const active = new Uint8Array(h);
  // Breakpoints of the current row in (0, best), as unit indices sorted by their times.
  const times = new Float64Array(h);
  const order = new Int32Array(h);
  const W = hidden.weights;
  const b1 = hidden.biases;
  const V = output.weights;
  const c = output.biases;

  return (theta, u) => {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < rows && best > 0; r++) {
      const s = want[r];
      let breaks = 0;
      for (let j = 0; j < h; j++) {
        let a = theta[b1 + j];
        let d = u[b1 + j];
        for (let i = 0; i < n; i++) {
          const x = xs[r * n + i];
          a += theta[W + j * n + i] * x;
          d += u[W + j * n + i] * x;
        }
        alpha[j] = a;
        beta[j] = d;
        // Active just after t = 0 (at 0 itself when a ≠ 0: the sign there decides membership).
        active[j] = a > 0 || (a === 0 && d > 0) ? 1 : 0;
        if (d !== 0) {
          const t = -a / d;
          if (t > 0 && t < best) {
            // Insertion into the sorted list (h is small).
            let k = breaks++;
            while (k > 0 && times[k - 1] > t) {
              times[k] = times[k - 1];
              order[k] = order[k - 1];
              k--;
            }
            times[k] = t;
            order[k] = j;
          }
        }
      }
      let lo = 0;
      for (let k = 0; k <= breaks; k++) {
        const hi = k < breaks ? times[k] : best;
        let A = 0;
        let B = u[c];
        let C = theta[c];
        for (let j = 0; j < h; j++) {
          if (active[j] === 0) continue;
          const v = theta[V + j];
          const dv = u[V + j];
          A += dv * beta[j];
          B += v * beta[j] + dv * alpha[j];
          C += v * alpha[j];
        }
        // The output at lo, and its sign just after lo (first nonzero derivative).
        const value = (A * lo + B) * lo + C;
        const slope = 2 * A * lo + B;
        const after = value !== 0 ? Math.sign(value) : slope !== 0 ? Math.sign(slope) : Math.sign(A);
        // Output 1 needs a positive pre-activation; output 0 a non-positive one.
        const wrong = s > 0 ? value <= 0 || after <= 0 : value > 0 || after > 0;
        if (wrong) {
          best = lo;
          break;
        }
        // A pre-activation identically 0 on the piece is right for output 0 and has no root.
        const root = A === 0 && B === 0 ? Number.POSITIVE_INFINITY : firstSimpleRoot(A, B, C, lo, hi);
        if (root < best) {
          best = root;
          break;
        }
        if (k === breaks || hi >= best) break;
        // Crossing the breakpoint (and any other at the same time, so that no piece is evaluated
        // with half the units switched): a unit is active after it iff its slope is positive.
        active[order[k]] = beta[order[k]] > 0 ? 1 : 0;
        while (k + 1 < breaks && times[k + 1] === hi) {
          k++;
          active[order[k]] = beta[order[k]] > 0 ? 1 : 0;
        }
        lo = hi;
      }
    }
    return best;
  };
}
