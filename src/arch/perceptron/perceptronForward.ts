/**
 * The perceptron's batched forward pass: many parameter vectors to truth tables in word form.
 */
import { encodeRow } from "../../boolean/encoding.js";
import { rowCount } from "../../boolean/truthTable.js";
import { wordCount } from "../../boolean/tableWords.js";
import { type PerceptronSpec, parameterCount } from "./perceptronSpec.js";

/**
 * A forward pass for `spec`: `params` holds `count` vectors (w1 … wn[, b]) row-major; `out`
 * receives `count` tables of wordCount(n) words (bit r of word r>>5 = [⟨w, x_r⟩ + b > 0]).
 * @throws RangeError if a buffer is too short.
 */
export function perceptronForward(
  spec: PerceptronSpec,
): (params: Float64Array, count: number, out: Uint32Array) => void {
  const n = spec.inputs;
  const rows = rowCount(n);
  const d = parameterCount(spec);
  const words = wordCount(n);
  const x = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) x.set(encodeRow(n, r, spec.encoding), r * n);
  return (params, count, out) => {
    if (params.length < count * d) throw new RangeError(`params hold ${params.length} numbers, need ${count * d}`);
    if (out.length < count * words) throw new RangeError(`out holds ${out.length} words, need ${count * words}`);
    out.fill(0, 0, count * words);
    for (let s = 0; s < count; s++) {
      const o = s * d;
      const b = spec.bias ? params[o + n] : 0;
      for (let r = 0; r < rows; r++) {
        let pre = b;
        for (let i = 0; i < n; i++) pre += params[o + i] * x[r * n + i];
        if (pre > 0) out[s * words + (r >>> 5)] |= 1 << (r & 31);
      }
    }
  };
}
