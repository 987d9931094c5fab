/**
 * The perceptron's batched forward pass: many parameter vectors to truth tables in word form.
 * Rows are MSB-first, so row r's first k inputs are r's top k bits: the pre-activations of all
 * 2^n rows are built by doubling a table of prefix sums one input at a time (b, then b ± w1 or
 * b [+ w1], …), about two additions per row instead of n multiply-adds. Each row's sum is formed
 * in input order as in b + Σ w_i·x_i, so the outputs equal that plain loop's bit for bit.
 */
import { wordCount } from "../../boolean/tableWords.js";
import { rowCount } from "../../boolean/truthTable.js";
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
  const signed = spec.encoding === "signed";
  const bias = spec.bias;
  const pre = new Float64Array(rows);
  return (params, count, out) => {
    if (params.length < count * d) throw new RangeError(`params hold ${params.length} numbers, need ${count * d}`);
    if (out.length < count * words) throw new RangeError(`out holds ${out.length} words, need ${count * words}`);
    out.fill(0, 0, count * words);
    for (let s = 0; s < count; s++) {
      const o = s * d;
      pre[0] = bias ? params[o + n] : 0;
      // Doubling in place from the top, so that no prefix is overwritten before it is read.
      for (let i = 0, len = 1; i < n; i++, len *= 2) {
        const w = params[o + i];
        for (let j = len - 1; j >= 0; j--) {
          const v = pre[j];
          pre[2 * j + 1] = v + w;
          pre[2 * j] = signed ? v - w : v;
        }
      }
      const base = s * words;
      for (let k = 0; k < words; k++) {
        let word = 0;
        const end = Math.min(rows, 32 * (k + 1));
        for (let r = 32 * k; r < end; r++) if (pre[r] > 0) word |= 1 << (r & 31);
        out[base + k] = word;
      }
    }
  };
}
