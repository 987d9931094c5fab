/**
 * The straight-line kernel of layeredKernel.ts in WebAssembly SIMD, two rows per f64x2 (the row
 * pairs of simdRowPairs.ts): each first-layer unit's prefix tree gives its pre-activations, and its
 * activations are added as W·a into the next layer's accumulators (started at the biases) unit by
 * unit, as the loop sums them. ReLU is pmax(0, z) = (0 < z ? z : 0), the loop's own relu, so every
 * double is the loop's (layeredLoopForward) bit for bit, with no exception for products outside
 * the normal range (unlike the scalar kernel's z + |z|). A step unit's W·(z > 0) is formed as W AND
 * the comparison mask: W or +0 where the loop has W·1 or W·0 = ±0, and a zero's sign never reaches
 * a decision (z > 0 and relu treat ±0 alike, and x + ±0 = x for x ≠ 0).
 *
 * 2–2.6× the scalar kernel's samples per second at 3-8-1 (relu ≈ 29 against 11 M/s in one process,
 * step ≈ 30 against 15), including copying the parameters into the instance's memory in blocks and
 * the tables out.
 */
import { get, set, SIMD, simd } from "../../measure/wasmModule.js";
import { RowPairCode } from "../perceptron/simdRowPairs.js";
import type { LayeredForward } from "./layeredForward.js";
import { layerBlocks, layeredParameterCount, type LayeredSpec } from "./layeredSpec.js";

/**
 * The WebAssembly SIMD kernel for `spec` (same contract and tables as layeredKernel's, which it
 * replaces where WebAssembly is available), or undefined where WebAssembly or its SIMD is not.
 * The kernel assumes buffers of the right size (the caller checks).
 */
export function layeredSimdKernel(spec: LayeredSpec): LayeredForward | undefined {
  // One instance per spec: callers build forward passes per call (e.g. per function searched for
  // a witness), and a pass copies all its input and output, so sharing the memory is safe.
  const key = `${spec.activation} ${spec.layers.join(",")} ${spec.encoding}`;
  if (!kernels.has(key)) kernels.set(key, build(spec));
  return kernels.get(key);
}

const kernels = new Map<string, LayeredForward | undefined>();

/** The kernel for `spec`, compiled. */
function build(spec: LayeredSpec): LayeredForward | undefined {
  const n = spec.layers[0];
  const c = new RowPairCode(n, layeredParameterCount(spec));
  const half = 2 ** (n - 1);
  const blocks = layerBlocks(spec);
  const step = spec.activation === "step";
  /** Layer l's accumulators (per unit, per row pair), each starting at its unit's bias. */
  const accumulators = (l: number) =>
    Array.from({ length: blocks[l].units }, (_, k) => {
      const b = c.keep(c.splat(blocks[l].biases + k));
      return Array.from({ length: half }, () => c.keep(get(b)));
    });
  /** Adds unit j's pre-activations (row pairs) into layer l's accumulators, through its activation. */
  const feed = (l: number, j: number, pre: readonly number[], acc: number[][]) => {
    const blk = blocks[l];
    const W = Array.from({ length: blk.units }, (_, k) => c.keep(c.splat(blk.weights + k * blk.fanIn + j)));
    pre.forEach((z, q) => {
      if (step) {
        const mask = c.keep([...get(z), ...get(c.zero), ...simd(SIMD.f64x2Gt)]);
        for (let k = 0; k < blk.units; k++)
          c.code.push(...get(acc[k][q]), ...get(mask), ...get(W[k]), ...simd(SIMD.v128And), ...simd(SIMD.f64x2Add), ...set(acc[k][q]));
      } else {
        // pmax(0, z) = 0 < z ? z : 0, the loop's relu exactly (a NaN gives 0 as there).
        const a = c.keep([...get(c.zero), ...get(z), ...simd(SIMD.f64x2Pmax)]);
        for (let k = 0; k < blk.units; k++)
          c.code.push(...get(acc[k][q]), ...get(W[k]), ...get(a), ...simd(SIMD.f64x2Mul), ...simd(SIMD.f64x2Add), ...set(acc[k][q]));
      }
    });
  };
  let acc = accumulators(1);
  const first = blocks[0];
  for (let j = 0; j < first.units; j++) feed(1, j, c.prefixTree(c.splat(first.biases + j), first.weights + j * n, spec.encoding), acc);
  for (let l = 2; l < blocks.length; l++) {
    const next = accumulators(l);
    for (let j = 0; j < blocks[l - 1].units; j++) feed(l, j, acc[j], next);
    acc = next;
  }
  c.storeTable(acc[0]);
  return c.finish();
}
