/**
 * The membership / ray-distance view of a function's region in a layered network's weight space.
 *
 * Membership runs the forward pass. The ray distance of a step net is found exactly by breakpoints:
 * along θ + t·u each first-layer pre-activation is linear in t, so it changes sign at most once;
 * between consecutive sign changes the first layer's outputs are constant, so every second-layer
 * (or output) pre-activation is again linear in t there, and so on up to the output. The answer is
 * the first t at which some row's output leaves f(row). (Floating-point arithmetic throughout: the
 * breakpoints are the roots of the linear forms in doubles.)
 */
import { encodeRow } from "../../boolean/encoding.js";
import { rowCount, type BooleanFunction } from "../../boolean/truthTable.js";
import { rowValue, wordCount, wordsFromBigInt } from "../../boolean/tableWords.js";
import type { ImplicitRegion } from "../architecture.js";
import type { LayeredForward } from "./layeredForward.js";
import { type LayerBlock, layerBlocks, type LayeredSpec } from "./layeredSpec.js";
import { reluRayDistance } from "./reluRayDistance.js";

/** Sign of α + β·t just after t = lo (the sign of β where the form vanishes at lo). */
function signAfter(alpha: number, beta: number, lo: number): number {
  const v = alpha + beta * lo;
  return v !== 0 ? Math.sign(v) : Math.sign(beta);
}

/**
 * The implicit region of f for `spec`, membership through `forward`.
 * ReLU nets with one hidden layer take their exact distance from reluRayDistance.
 * @throws RangeError (from rayDistance) for ReLU nets with two hidden layers.
 */
export function layeredImplicitRegion(spec: LayeredSpec, forward: LayeredForward, f: BooleanFunction): ImplicitRegion {
  const n = spec.layers[0];
  const rows = rowCount(n);
  const target = wordsFromBigInt(f.bits, n);
  const table = new Uint32Array(wordCount(n));
  const blocks = layerBlocks(spec);
  const inputs = Array.from({ length: rows }, (_, r) => encodeRow(n, r, spec.encoding));
  const contains = (theta: Float64Array) => {
    forward(theta, 1, table);
    return table.every((w, k) => w === target[k]);
  };
  /** α and β of unit j of `blk` on activations `a`, along θ + t·u. */
  const form = (blk: LayerBlock, j: number, a: readonly number[], theta: Float64Array, u: Float64Array) => {
    let alpha = theta[blk.biases + j];
    let beta = u[blk.biases + j];
    for (let i = 0; i < blk.fanIn; i++) {
      alpha += theta[blk.weights + j * blk.fanIn + i] * a[i];
      beta += u[blk.weights + j * blk.fanIn + i] * a[i];
    }
    return [alpha, beta] as const;
  };
  /** First exit time in (lo, hi) given layer l's inputs `acts` (constant there), or Infinity. */
  const explore = (l: number, lo: number, hi: number, acts: readonly (readonly number[])[], theta: Float64Array, u: Float64Array): number => {
    const blk = blocks[l];
    if (l === blocks.length - 1) {
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < rows; r++) {
        const [alpha, beta] = form(blk, 0, acts[r], theta, u);
        const want = rowValue(target, r) === 1 ? 1 : -1;
        if (signAfter(alpha, beta, lo) !== want) return lo;
        if (beta !== 0) {
          const t = -alpha / beta;
          // After its root the form has the sign of β; it leaves f(row) iff that sign is wrong.
          if (t > lo && t < hi && Math.sign(beta) !== want) best = Math.min(best, t);
        }
      }
      return best;
    }
    const cuts = new Set<number>();
    const forms = acts.map((a) => Array.from({ length: blk.units }, (_, j) => form(blk, j, a, theta, u)));
    for (const fr of forms)
      for (const [alpha, beta] of fr) {
        if (beta === 0) continue;
        const t = -alpha / beta;
        if (t > lo && t < hi) cuts.add(t);
      }
    const points = [lo, ...[...cuts].sort((x, y) => x - y), hi];
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      // No form has a root inside (a, b), so its sign there is its sign at any inner point.
      const mid = Number.isFinite(b) ? (a + b) / 2 : a + 1;
      const next = forms.map((fr) => fr.map(([alpha, beta]) => (alpha + beta * mid > 0 ? 1 : 0)));
      const t = explore(l + 1, a, b, next, theta, u);
      if (t < Number.POSITIVE_INFINITY) return t;
    }
    return Number.POSITIVE_INFINITY;
  };
  if (spec.activation === "relu") {
    const oneLayer = spec.layers.length === 3 ? reluRayDistance(spec, f) : undefined;
    return {
      contains,
      rayDistance(theta, direction) {
        if (oneLayer === undefined)
          throw new RangeError("ray distances of ReLU nets are implemented for one hidden layer; membership (contains) works for two");
        return oneLayer(theta, direction);
      },
    };
  }
  return {
    contains,
    rayDistance(theta, direction) {
      if (!contains(theta)) return 0;
      return explore(0, 0, Number.POSITIVE_INFINITY, inputs, theta, direction);
    },
  };
}
