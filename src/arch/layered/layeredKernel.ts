/**
 * Straight-line forward kernels for small layered nets, generated per spec (as the perceptron's
 * are): per sample, every parameter is read once into a local; each first-layer unit's
 * pre-activations on all 2^n rows come from a tree of prefix sums over the inputs (one addition per
 * row, as the perceptron kernel); every later layer keeps one accumulator per unit and row, started
 * at the bias, and each unit below adds W·a into it as soon as its activations are known (unit
 * order, so the sums are the loop's; only one unit's prefix sums are live at a time); the output bits are OR-ed into the table words.
 *
 * Nothing branches on data: a step unit contributes W·(z > 0 | 0), and a ReLU unit W·(z + |z|) =
 * W·2·relu(z) (z + |z| is 2z or 0, exactly). The factor 2 is not divided out (that multiply cost
 * 15% at 3-8-1): the next layer's biases are scaled by 2^l instead (layer l's sums are then 2^l
 * times the loop's, which leaves every sign unchanged). Max(z, 0) would be exact too, but V8
 * compiles Math.max to compare-and-branch, which mispredicts half the time on random weights (2.3×
 * slower at 3-8-1). Every sum is formed in the order of the loop (b + Σ_i W[j][i]·a_i, inputs and
 * units in order; adding w·0 or w·1 is adding 0 or w exactly) and scaling by 2 commutes with
 * rounding, so the tables equal the loop's bit for bit unless some product or bias leaves the
 * normal range (|x| < 2^-1022 or > 2^1021; no nonzero parameter of magnitude within 1e±60 does at
 * these sizes): then a product that the loop rounds to 0 may survive, and the tables can differ
 * only where the output pre-activation is within a few subnormals of 0.
 *
 * Where WebAssembly is available layeredForward runs layeredSimdKernel instead (the same sums two rows
 * at a time, 2–2.6× faster at 3-8-1); this kernel is the fallback.
 */
import { wordCount } from "../../boolean/tableWords.js";
import { rowCount } from "../../boolean/truthTable.js";
import type { LayeredForward } from "./layeredForward.js";
import { layerBlocks, layeredParameterCount, type LayeredSpec } from "./layeredSpec.js";

/**
 * Largest number of unrolled terms (row × unit multiply-adds and prefix sums) a generated kernel
 * may have: beyond a few thousand statements V8 stops optimising the function (its bytecode outgrows
 * TurboFan's limit) and the generated code falls far behind the loop.
 */
export const MAX_KERNEL_TERMS = 3000;

/** Unrolled terms of the kernel for `spec` (compared with MAX_KERNEL_TERMS). */
export function kernelTerms(spec: LayeredSpec): number {
  const rows = rowCount(spec.layers[0]);
  const [first, ...rest] = layerBlocks(spec);
  return first.units * (2 * rows - 1) + rest.reduce((s, b) => s + rows * b.units * (b.fanIn + 1), 0);
}

/** The kernel's source: the loop over samples s (parameters at o, table words at base). */
function kernelSource(spec: LayeredSpec): string {
  const n = spec.layers[0];
  const rows = rowCount(n);
  const words = wordCount(n);
  const d = layeredParameterCount(spec);
  const blocks = layerBlocks(spec);
  const step = spec.activation === "step";
  // relu(z)·2 = z + |z|: the factor 2 is carried into the next layer's bias (see the file comment).
  const act = (z: string) => (step ? `((${z} > 0) | 0)` : `(${z} + Math.abs(${z}))`);
  const lines = [`for (let s = 0, o = 0, base = 0; s < count; s++, o += ${d}, base += ${words}) {`];
  const pattern = (r: number) => r.toString(2).padStart(n, "0");
  /** Layer l's accumulators z{l}_{k}_{r}, each starting at its unit's bias. */
  const accumulators = (l: number) => {
    const blk = blocks[l];
    for (let k = 0; k < blk.units; k++) {
      lines.push(`const b${l}_${k} = params[o + ${blk.biases + k}]${step ? "" : ` * ${2 ** l}`};`);
      for (let r = 0; r < rows; r++) lines.push(`let z${l}_${k}_${r} = b${l}_${k};`);
    }
  };
  /** Adds unit j's activations (expressions per row) into layer l's accumulators. */
  const feed = (l: number, j: number, activation: (r: number) => string) => {
    const blk = blocks[l];
    for (let k = 0; k < blk.units; k++) lines.push(`const W${l}_${k}_${j} = params[o + ${blk.weights + k * blk.fanIn + j}];`);
    for (let r = 0; r < rows; r++) {
      lines.push(`const a${l}_${j}_${r} = ${activation(r)};`);
      for (let k = 0; k < blk.units; k++) lines.push(`z${l}_${k}_${r} += W${l}_${k}_${j} * a${l}_${j}_${r};`);
    }
  };
  accumulators(1);
  // Layer 1, unit by unit: prefix sums p{j}_{input bits} (the empty prefix is the bias), then the
  // unit's activations straight into the next layer's accumulators, so only one unit's sums live.
  const first = blocks[0];
  for (let j = 0; j < first.units; j++) {
    lines.push(`const p${j}_ = params[o + ${first.biases + j}];`);
    let level = [""];
    for (let i = 0; i < n; i++) {
      lines.push(`const w${j}_${i} = params[o + ${first.weights + j * n + i}];`);
      const next: string[] = [];
      for (const p of level) {
        lines.push(`const p${j}_${p}0 = p${j}_${p}${spec.encoding === "signed" ? ` - w${j}_${i}` : ""};`);
        lines.push(`const p${j}_${p}1 = p${j}_${p} + w${j}_${i};`);
        next.push(`${p}0`, `${p}1`);
      }
      level = next;
    }
    feed(1, j, (r) => act(`p${j}_${pattern(r)}`));
  }
  for (let l = 2; l < blocks.length; l++) {
    accumulators(l);
    for (let j = 0; j < blocks[l - 1].units; j++) feed(l, j, (r) => act(`z${l - 1}_${j}_${r}`));
  }
  const last = blocks.length - 1;
  for (let w = 0; w < words; w++) {
    const bits: string[] = [];
    for (let r = 32 * w; r < Math.min(rows, 32 * (w + 1)); r++) bits.push(`((z${last}_0_${r} > 0) << ${r - 32 * w})`);
    lines.push(`out[base + ${w}] = ${bits.join(" | ")};`);
  }
  lines.push("}");
  return lines.join("\n");
}

/**
 * The generated kernel for `spec`, or undefined when it would have more than MAX_KERNEL_TERMS terms
 * (the caller then uses the loop). The kernel assumes buffers of the right size (the caller checks).
 */
export function layeredKernel(spec: LayeredSpec): LayeredForward | undefined {
  if (kernelTerms(spec) > MAX_KERNEL_TERMS) return undefined;
  // The source is built from the spec's integers and fixed text only, never from user strings.
  return new Function("params", "count", "out", kernelSource(spec)) as LayeredForward;
}
