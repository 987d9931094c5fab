/**
 * The Rao-Blackwell integrand of a ReLU net with one or two hidden layers: for fixed hidden weights
 * (W1, b1[, W2, b2]) the last hidden layer's features φ(x) are fixed, and f is computed iff (v, c)
 * lies in the open cone {(v, c) : s_x·(c + ⟨v, φ(x)⟩) > 0 ∀x} (s_x = ±1 by f(x)) in R^{h+1}, h the
 * last hidden width. Its probability under the output prior (independent Gaussian N(0, σ²) or uniform
 * [−a, a] per coordinate) is the standard cone measure after scaling each coordinate by its σ or a,
 * in closed form for h ≤ 2 (smallConeMeasure; for h = 2 all cones of the arrangement at once:
 * Arrangement3 for the Gaussian prior, cubeArrangementFractions for the uniform one).
 * ¬f's cone is the negative of f's and both priors are symmetric, so P_out(¬f) = P_out(f) and only
 * half the functions are measured. Floating point throughout (the features are sampled reals).
 */
import { encodeRow } from "../../boolean/encoding.js";
import { rowCount } from "../../boolean/truthTable.js";
import { cubeArrangementFractions, squareArrangementFractions } from "../../measure/arrangementCube3.js";
import { Arrangement3 } from "../../measure/arrangementGaussian3.js";
import { MAX_SMALL_CONE_DIMENSION, smallConeCubeFraction, smallConeGaussian } from "../../measure/smallConeMeasure.js";
import { layerBlocks, type LayeredSpec } from "./layeredSpec.js";

/** Largest last-hidden-layer width the closed-form output measure takes (h + 1 ≤ 3). */
export const MAX_RAO_BLACKWELL_WIDTH = MAX_SMALL_CONE_DIMENSION - 1;

/** Per-sample output probabilities of every function, with scratch reused across calls. */
export interface ReluOutputMeasure {
  /** Number of functions (2^(2^n)); function index = its truth table as bits (bit r = f(row r)). */
  readonly functions: number;
  /**
   * Writes P_out(f | hidden) for every f into out[0 … functions) and returns their sum (1 up to
   * rounding). `hidden` holds the hidden layers' parameters in layeredSpec order (W1 row-major, b1,
   * then W2, b2 for a second layer) from `offset`.
   */
  measure(hidden: Float64Array, offset: number, out: Float64Array): number;
}

/**
 * The output measure of the ReLU net `spec` under the prior kind (`gaussian` or `uniform`) with output
 * scales `scales` (σ or half-width of v[1] … v[h], then c).
 * @throws RangeError for a step net, a last hidden width h > MAX_RAO_BLACKWELL_WIDTH, n > 4 or an
 *   unknown kind.
 */
export function reluOutputMeasure(spec: LayeredSpec, kind: string, scales: readonly number[]): ReluOutputMeasure {
  if (spec.activation !== "relu") throw new RangeError("the Rao-Blackwell output measure is for relu nets");
  const n = spec.layers[0];
  const blocks = layerBlocks(spec);
  const hiddenBlocks = blocks.slice(0, -1);
  const h = hiddenBlocks[hiddenBlocks.length - 1].units;
  if (h > MAX_RAO_BLACKWELL_WIDTH)
    throw new RangeError(`the Rao-Blackwell output measure is in closed form for up to ${MAX_RAO_BLACKWELL_WIDTH} units in the last hidden layer, got ${h}`);
  if (n > 4) throw new RangeError(`the Rao-Blackwell table lists every function: 1 to 4 inputs, got ${n}`);
  if (kind !== "gaussian" && kind !== "uniform") throw new RangeError(`no closed-form output measure for the ${kind} prior`);
  const cone = kind === "gaussian" ? smallConeGaussian : smallConeCubeFraction;
  const rows = rowCount(n);
  const xs = Array.from({ length: rows }, (_, r) => encodeRow(n, r, spec.encoding));
  const functions = 2 ** rows;
  const widest = Math.max(...spec.layers);
  const below = new Float64Array(widest);
  const above = new Float64Array(widest);
  /** The last hidden layer's activations on row r into `phi` (row-major, scaled by the v scales). */
  const features = (hidden: Float64Array, offset: number, r: number, phi: Float64Array) => {
    let a = below;
    let b = above;
    a.set(xs[r]);
    for (const blk of hiddenBlocks) {
      for (let j = 0; j < blk.units; j++) {
        let z = hidden[offset + blk.biases + j];
        const w = offset + blk.weights + j * blk.fanIn;
        for (let i = 0; i < blk.fanIn; i++) z += hidden[w + i] * a[i];
        b[j] = z > 0 ? z : 0;
      }
      const t = a;
      a = b;
      b = t;
    }
    for (let j = 0; j < h; j++) phi[r * h + j] = a[j] * scales[j];
  };
  // Feature rows (φ(x)·σ_v, σ_c) of the live units (some φ_j(x) > 0), and their negations, in
  // standard coordinates: a dead unit's v_j is unconstrained, and both priors factor over
  // coordinates, so it drops out (and the remaining cone is measured in one dimension less).
  const width = Array.from({ length: h + 2 }, (_, m) => m);
  const plus: number[][][] = width.map((m) => Array.from({ length: rows }, () => new Array<number>(m).fill(0)));
  const minus: number[][][] = width.map((m) => Array.from({ length: rows }, () => new Array<number>(m).fill(0)));
  const phi = new Float64Array(rows * h);
  const live: number[] = [];
  const picked: number[][] = new Array(rows);
  const arrangement = kind === "gaussian" && h === 2 ? new Arrangement3(rows) : undefined;
  const flat = new Float64Array(rows * 3);
  const cells = kind === "uniform" ? new Float64Array(functions) : undefined;
  return {
    functions,
    measure(hidden, offset, out) {
      live.length = 0;
      for (let r = 0; r < rows; r++) features(hidden, offset, r, phi);
      for (let j = 0; j < h; j++) {
        let alive = false;
        for (let r = 0; r < rows; r++) if (phi[r * h + j] > 0) alive = true;
        if (alive) live.push(j);
      }
      const m = live.length + 1;
      const P = plus[m];
      const M = minus[m];
      for (let r = 0; r < rows; r++) {
        live.forEach((j, k) => {
          P[r][k] = phi[r * h + j];
          M[r][k] = -phi[r * h + j];
        });
        P[r][m - 1] = scales[h];
        M[r][m - 1] = -scales[h];
      }
      if (m === 3) for (let r = 0; r < rows; r++) for (let k = 0; k < 3; k++) flat[3 * r + k] = P[r][k];
      if (cells !== undefined && m >= 2) {
        // Every cell of the arrangement at once (the uniform prior's cube or square, split facet by facet).
        if (m === 2) for (let r = 0; r < rows; r++) for (let k = 0; k < 2; k++) flat[2 * r + k] = P[r][k];
        const sum = (m === 3 ? cubeArrangementFractions : squareArrangementFractions)(flat, rows, cells);
        out.set(cells.subarray(0, functions));
        return sum;
      }
      const fast = arrangement !== undefined && m === 3 && arrangement.load(flat, rows);
      let total = 0;
      for (let f = 0; f < functions / 2; f++) {
        let p: number;
        if (fast && arrangement) p = arrangement.probability(f);
        else {
          for (let r = 0; r < rows; r++) picked[r] = (f >>> r) & 1 ? P[r] : M[r];
          p = cone(picked, m);
        }
        out[f] = p;
        out[functions - 1 - f] = p;
        total += 2 * p;
      }
      return total;
    },
  };
}
