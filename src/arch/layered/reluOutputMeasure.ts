/**
 * The Rao-Blackwell integrand of a one-hidden-layer ReLU net: for fixed hidden weights (W1, b1) the
 * features φ(x) = relu(W1·x + b1) are fixed, and f is computed iff (v, c) lies in the open cone
 * {(v, c) : s_x·(c + ⟨v, φ(x)⟩) > 0 ∀x} (s_x = ±1 by f(x)) in R^{h+1}. Its probability under the
 * output prior (independent Gaussian N(0, σ²) or uniform [−a, a] per coordinate) is the
 * standard cone measure after scaling each coordinate by its σ or a, in closed form for h ≤ 2
 * (smallConeMeasure; for h = 2 under the Gaussian prior all cones at once, Arrangement3).
 * ¬f's cone is the negative of f's and both priors are symmetric, so P_out(¬f) = P_out(f) and only
 * half the functions are measured. Floating point throughout (the features are sampled reals).
 */
import { encodeRow } from "../../boolean/encoding.js";
import { rowCount } from "../../boolean/truthTable.js";
import { Arrangement3 } from "../../measure/arrangementGaussian3.js";
import { MAX_SMALL_CONE_DIMENSION, smallConeCubeFraction, smallConeGaussian } from "../../measure/smallConeMeasure.js";
import type { ReluShape } from "./reluPatternCone.js";

/** Largest hidden width the closed-form output measure takes (h + 1 ≤ 3). */
export const MAX_RAO_BLACKWELL_WIDTH = MAX_SMALL_CONE_DIMENSION - 1;

/** Per-sample output probabilities of every function, with scratch reused across calls. */
export interface ReluOutputMeasure {
  /** Number of functions (2^(2^n)); function index = its truth table as bits (bit r = f(row r)). */
  readonly functions: number;
  /**
   * Writes P_out(f | hidden) for every f into out[0 … functions) and returns their sum (1 up to
   * rounding). `hidden` holds W1 (row-major) then b1, from `offset`.
   */
  measure(hidden: Float64Array, offset: number, out: Float64Array): number;
}

/**
 * The output measure of `shape` under the prior kind (`gaussian` or `uniform`) with output scales
 * `scales` (σ or half-width of v[1] … v[h], then c).
 * @throws RangeError if h > MAX_RAO_BLACKWELL_WIDTH, n > 4 or the kind is unknown.
 */
export function reluOutputMeasure(shape: ReluShape, kind: string, scales: readonly number[]): ReluOutputMeasure {
  const { inputs: n, hidden: h } = shape;
  if (h > MAX_RAO_BLACKWELL_WIDTH)
    throw new RangeError(`the Rao-Blackwell output measure is in closed form for up to ${MAX_RAO_BLACKWELL_WIDTH} hidden units, got ${h}`);
  if (n > 4) throw new RangeError(`the Rao-Blackwell table lists every function: 1 to 4 inputs, got ${n}`);
  if (kind !== "gaussian" && kind !== "uniform") throw new RangeError(`no closed-form output measure for the ${kind} prior`);
  const cone = kind === "gaussian" ? smallConeGaussian : smallConeCubeFraction;
  const rows = rowCount(n);
  const xs = Array.from({ length: rows }, (_, r) => encodeRow(n, r, shape.encoding));
  const functions = 2 ** rows;
  const m = h + 1;
  // Feature rows (φ(x)·σ_v, σ_c), and their negations, scaled into standard coordinates.
  const plus: number[][] = Array.from({ length: rows }, () => new Array<number>(m).fill(0));
  const minus: number[][] = Array.from({ length: rows }, () => new Array<number>(m).fill(0));
  const picked: number[][] = new Array(rows);
  const arrangement = kind === "gaussian" && m === 3 ? new Arrangement3(rows) : undefined;
  const flat = new Float64Array(rows * 3);
  const loadArrangement = (a: Arrangement3) => {
    for (let r = 0; r < rows; r++) for (let k = 0; k < 3; k++) flat[3 * r + k] = plus[r][k];
    return a.load(flat, rows);
  };
  return {
    functions,
    measure(hidden, offset, out) {
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < h; j++) {
          let z = hidden[offset + h * n + j];
          for (let i = 0; i < n; i++) z += hidden[offset + j * n + i] * xs[r][i];
          const phi = z > 0 ? z * scales[j] : 0;
          plus[r][j] = phi;
          minus[r][j] = -phi;
        }
        plus[r][h] = scales[h];
        minus[r][h] = -scales[h];
      }
      const fast = arrangement !== undefined && loadArrangement(arrangement);
      let total = 0;
      for (let f = 0; f < functions / 2; f++) {
        let p: number;
        if (fast) p = arrangement.probability(f);
        else {
          for (let r = 0; r < rows; r++) picked[r] = (f >>> r) & 1 ? plus[r] : minus[r];
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
