/**
 * The perceptron's forward kernel in WebAssembly SIMD: the prefix tree of perceptronForward.ts on
 * row pairs (simdRowPairs.ts), two rows per f64x2 addition, and the output bits narrowed out of
 * the comparison masks 16 rows at a time instead of one compare, shift and OR per row. Same sums
 * per lane, so the same tables bit for bit.
 */
import { f64x2 } from "../../measure/wasmModule.js";
import { type PerceptronSpec, parameterCount } from "./perceptronSpec.js";
import { RowPairCode, type SimdForward } from "./simdRowPairs.js";

/**
 * The WebAssembly SIMD forward pass for `spec` (same contract and tables as perceptronForward's
 * JavaScript kernel), or undefined where WebAssembly or its SIMD is not available, or for n = 0
 * (one row, no pairs). It assumes buffers of the right size (the caller checks).
 */
export function perceptronSimdKernel(spec: PerceptronSpec): SimdForward | undefined {
  if (spec.inputs < 1) return undefined;
  // One instance per spec (perceptronForward runs once per architecture built, which some callers
  // do per function); a pass copies all its input and output, so sharing the memory is safe.
  const key = `${spec.inputs} ${spec.encoding} ${spec.bias}`;
  if (!kernels.has(key)) kernels.set(key, build(spec));
  return kernels.get(key);
}

const kernels = new Map<string, SimdForward | undefined>();

/** The kernel for `spec` (n ≥ 1), compiled. */
function build(spec: PerceptronSpec): SimdForward | undefined {
  const c = new RowPairCode(spec.inputs, parameterCount(spec));
  // Without a bias the tree starts at 0, as the scalar kernel's does.
  c.storeTable(c.prefixTree(spec.bias ? c.splat(spec.inputs) : f64x2(0, 0), 0, spec.encoding));
  return c.finish();
}
