/**
 * The perceptron's forward pass in its plainest form, the reference the fast kernel is checked
 * against: for every row, b + Σ w_i·x_i in input order, then the strict sign test.
 */
import { encodeRow } from "../../../src/boolean/encoding.js";
import { wordCount } from "../../../src/boolean/tableWords.js";
import { rowCount } from "../../../src/boolean/truthTable.js";
import { type PerceptronSpec, parameterCount } from "../../../src/arch/perceptron/perceptronSpec.js";

/** Writes `count` truth tables (wordCount(n) words each) for the parameter vectors in `params`. */
export function referenceForward(spec: PerceptronSpec, params: Float64Array, count: number, out: Uint32Array): void {
  const n = spec.inputs;
  const rows = rowCount(n);
  const d = parameterCount(spec);
  const words = wordCount(n);
  const x = Array.from({ length: rows }, (_, r) => encodeRow(n, r, spec.encoding));
  out.fill(0, 0, count * words);
  for (let s = 0; s < count; s++) {
    const o = s * d;
    for (let r = 0; r < rows; r++) {
      let pre = spec.bias ? params[o + n] : 0;
      for (let i = 0; i < n; i++) pre += params[o + i] * x[r][i];
      if (pre > 0) out[s * words + (r >>> 5)] |= 1 << (r & 31);
    }
  }
}
