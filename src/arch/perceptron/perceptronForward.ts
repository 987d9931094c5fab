/**
 * The perceptron's batched forward pass: many parameter vectors to truth tables in word form.
 *
 * Rows are MSB-first, so the first k inputs of row r are r's top k bits: the pre-activations of
 * all 2^n rows come from doubling a tree of prefix sums one input at a time (b; b [± w1], b + w1;
 * …), one addition per row instead of n multiply-adds. Each row's sum is still formed in input
 * order, as b + Σ w_i·x_i is, so the outputs equal that plain loop's bit for bit.
 *
 * The kernel is generated as straight-line code for the spec (one local per prefix sum, output
 * bits OR-ed without branches). A loop over a scratch array was 5–10× slower: every row paid a
 * store and a reload, and a data-dependent branch mispredicted half the time on random weights.
 * Where WebAssembly is available the same sums run two rows per SIMD instruction
 * (perceptronSimdKernel); `perceptronJsForward` keeps the JavaScript kernel (tests compare them).
 */
import { wordCount } from "../../boolean/tableWords.js";
import { type PerceptronSpec, parameterCount } from "./perceptronSpec.js";
import { perceptronSimdKernel } from "./perceptronSimdKernel.js";

/** A batched forward pass: `count` parameter vectors in `params` → `count` tables in `out`. */
type Forward = (params: Float64Array, count: number, out: Uint32Array) => void;

/** Source of the loop body over samples s for `spec` (params offset o, output offset base). */
function kernelSource(spec: PerceptronSpec): string {
  const n = spec.inputs;
  const d = parameterCount(spec);
  const words = wordCount(n);
  const lines = [`for (let s = 0, o = 0, base = 0; s < count; s++, o += ${d}, base += ${words}) {`];
  for (let i = 0; i < n; i++) lines.push(`const w${i} = params[o + ${i}];`);
  // A prefix is named by its input bits; the empty prefix is the bias.
  lines.push(`const p_ = ${spec.bias ? `params[o + ${n}]` : "0"};`);
  let level = [""];
  for (let i = 0; i < n; i++) {
    const next: string[] = [];
    for (const p of level) {
      lines.push(`const p_${p}0 = p_${p}${spec.encoding === "signed" ? ` - w${i}` : ""};`);
      lines.push(`const p_${p}1 = p_${p} + w${i};`);
      next.push(`${p}0`, `${p}1`);
    }
    level = next;
  }
  for (let k = 0; k < words; k++) {
    const bits = level.slice(32 * k, 32 * (k + 1)).map((p, r) => `((p_${p} > 0) << ${r})`);
    lines.push(`out[base + ${k}] = ${bits.join(" | ")};`);
  }
  lines.push("}");
  return lines.join("\n");
}

/**
 * A forward pass for `spec`: `params` holds `count` vectors (w1 … wn[, b]) row-major; `out`
 * receives `count` tables of wordCount(n) words (bit r of word r>>5 = [⟨w, x_r⟩ + b > 0]).
 * @throws RangeError if a buffer is too short.
 */
export function perceptronForward(spec: PerceptronSpec): Forward {
  return checked(spec, perceptronSimdKernel(spec) ?? jsKernel(spec));
}

/**
 * perceptronForward with the JavaScript kernel (the fallback without WebAssembly): same contract,
 * same tables bit for bit.
 * @throws RangeError if a buffer is too short.
 */
export function perceptronJsForward(spec: PerceptronSpec): Forward {
  return checked(spec, jsKernel(spec));
}

/** The generated JavaScript kernel for `spec`. */
function jsKernel(spec: PerceptronSpec): Forward {
  // The source is built from the spec's integers and fixed text only, never from user strings.
  return new Function("params", "count", "out", kernelSource(spec)) as Forward;
}

/** `kernel` behind the buffer-size checks. */
function checked(spec: PerceptronSpec, kernel: Forward): Forward {
  const d = parameterCount(spec);
  const words = wordCount(spec.inputs);
  return (params, count, out) => {
    if (params.length < count * d) throw new RangeError(`params hold ${params.length} numbers, need ${count * d}`);
    if (out.length < count * words) throw new RangeError(`out holds ${out.length} words, need ${count * words}`);
    kernel(params, count, out);
  };
}
