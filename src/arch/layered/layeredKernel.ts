/**
 * Straight-line forward kernels for small layered nets, generated per spec (as the perceptron's
 * are): per sample, every parameter is read once into a local; each first-layer unit's
 * pre-activations on all 2^n rows come from a tree of prefix sums over the inputs (one addition per
 * row, as the perceptron kernel); a second layer and the output are unrolled multiply-adds over the
 * activations of each row; the output bits are OR-ed into the table words.
 *
 * Nothing branches on data: relu(z) is computed as 0.5·(z + |z|), which equals max(z, 0) exactly
 * (z + z = 2z and 0.5·2z = z are exact for |z| < 2^1023; z + |z| = 0 for z ≤ 0), and a step unit contributes
 * v·(z > 0 | 0). A conditional per unit and row mispredicts half the time on random weights and
 * made such kernels 3–5× slower. Every sum is formed in the order of the loop kernel
 * (b + Σ_i W[j][i]·a_i, inputs in order; adding w·0 or w·1 is adding 0 or w exactly), so the
 * tables equal the loop's bit for bit.
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
  const lines = [`for (let s = 0, o = 0, base = 0; s < count; s++, o += ${d}, base += ${words}) {`];
  const pattern = (r: number) => r.toString(2).padStart(n, "0");
  // Layer 1: prefix sums p{j}_{input bits}; the empty prefix is the bias.
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
  }
  /** Activation of layer l's unit j on row r as an expression (layer 1: from the prefix sums). */
  let act = (j: number, r: number) => {
    const z = `p${j}_${pattern(r)}`;
    return step ? `((${z} > 0) | 0)` : `(0.5 * (${z} + Math.abs(${z})))`;
  };
  for (let l = 1; l < blocks.length; l++) {
    const blk = blocks[l];
    for (let k = 0; k < blk.units; k++) {
      lines.push(`const b${l}_${k} = params[o + ${blk.biases + k}];`);
      for (let j = 0; j < blk.fanIn; j++) lines.push(`const W${l}_${k}_${j} = params[o + ${blk.weights + k * blk.fanIn + j}];`);
    }
    const below = act;
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < blk.fanIn; j++) lines.push(`const a${l}_${j}_${r} = ${below(j, r)};`);
      for (let k = 0; k < blk.units; k++) {
        const terms = Array.from({ length: blk.fanIn }, (_, j) => `W${l}_${k}_${j} * a${l}_${j}_${r}`);
        lines.push(`const z${l}_${k}_${r} = b${l}_${k} + ${terms.join(" + ")};`);
      }
    }
    act = (k: number, r: number) => {
      const z = `z${l}_${k}_${r}`;
      return step ? `((${z} > 0) | 0)` : `(0.5 * (${z} + Math.abs(${z})))`;
    };
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
