/**
 * The batched forward pass of a network with hidden layers: many parameter vectors to truth tables
 * in word form.
 *
 * Every pre-activation is summed as b + Σ_i W[j][i]·a_i in input order (the order a plain scalar
 * evaluation uses), so the outputs equal such an evaluation bit for bit. Small nets (2-2-1, 3-8-1,
 * …) run a generated straight-line kernel, in WebAssembly SIMD (layeredSimdKernel, two rows per
 * instruction; its tables equal the loop's bit for bit) or, without WebAssembly, in JavaScript
 * (layeredKernel: 12–21× faster than the loop, which pays a mispredicted branch per unit and row on
 * random weights; equal to it bit for bit while no product leaves the normal range, see there);
 * larger ones the loop over a scratch array.
 */
import { encodeRow } from "../../boolean/encoding.js";
import { rowCount } from "../../boolean/truthTable.js";
import { wordCount } from "../../boolean/tableWords.js";
import { kernelTerms, layeredKernel, MAX_KERNEL_TERMS } from "./layeredKernel.js";
import { layeredSimdKernel } from "./layeredSimdKernel.js";
import { layerBlocks, layeredParameterCount, type LayeredSpec } from "./layeredSpec.js";

/** A batched forward pass: `count` parameter vectors in `params` → `count` tables in `out`. */
export type LayeredForward = (params: Float64Array, count: number, out: Uint32Array) => void;

/**
 * A forward pass for `spec`: `params` holds `count` vectors in the parameter order of layeredSpec
 * (row-major); `out` receives `count` tables of wordCount(n) words (bit r of word r>>5 = output
 * on row r), zeroed here.
 * @throws RangeError if a buffer is too short.
 */
export function layeredForward(spec: LayeredSpec): LayeredForward {
  // The WebAssembly SIMD kernel where the engine has it (2–2.6× the scalar one at 3-8-1).
  const kernel = kernelTerms(spec) > MAX_KERNEL_TERMS ? undefined : (layeredSimdKernel(spec) ?? layeredKernel(spec));
  if (!kernel) return layeredLoopForward(spec);
  const d = layeredParameterCount(spec);
  const words = wordCount(spec.layers[0]);
  return (params, count, out) => {
    if (params.length < count * d) throw new RangeError(`params hold ${params.length} numbers, need ${count * d}`);
    if (out.length < count * words) throw new RangeError(`out holds ${out.length} words, need ${count * words}`);
    kernel(params, count, out);
  };
}

/**
 * The loop form of layeredForward (any size; layeredForward uses it when no kernel is generated,
 * tests compare the two): same contract, same tables bit for bit.
 * @throws RangeError if a buffer is too short.
 */
export function layeredLoopForward(spec: LayeredSpec): LayeredForward {
  const n = spec.layers[0];
  const rows = rowCount(n);
  const words = wordCount(n);
  const d = layeredParameterCount(spec);
  const blocks = layerBlocks(spec);
  const inputs = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) inputs.set(encodeRow(n, r, spec.encoding), r * n);
  const widest = Math.max(...spec.layers);
  // Two activation buffers, swapped layer by layer (the input row is copied into the first).
  let a = new Float64Array(widest);
  let b = new Float64Array(widest);
  const step = spec.activation === "step";
  const hidden = blocks.slice(0, -1);
  const output = blocks[blocks.length - 1];
  return (params, count, out) => {
    if (params.length < count * d) throw new RangeError(`params hold ${params.length} numbers, need ${count * d}`);
    if (out.length < count * words) throw new RangeError(`out holds ${out.length} words, need ${count * words}`);
    out.fill(0, 0, count * words);
    for (let s = 0, o = 0, base = 0; s < count; s++, o += d, base += words) {
      for (let r = 0; r < rows; r++) {
        for (let i = 0; i < n; i++) a[i] = inputs[r * n + i];
        for (const blk of hidden) {
          const wo = o + blk.weights;
          const bo = o + blk.biases;
          for (let j = 0; j < blk.units; j++) {
            let z = params[bo + j];
            const row = wo + j * blk.fanIn;
            for (let i = 0; i < blk.fanIn; i++) z += params[row + i] * a[i];
            b[j] = z > 0 ? (step ? 1 : z) : 0;
          }
          const t = a;
          a = b;
          b = t;
        }
        let z = params[o + output.biases];
        const wo = o + output.weights;
        for (let i = 0; i < output.fanIn; i++) z += params[wo + i] * a[i];
        if (z > 0) out[base + (r >>> 5)] |= 1 << (r & 31);
      }
    }
  };
}
