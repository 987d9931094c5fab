/**
 * Generators of the symmetry group of a layered network acting on θ (signed permutations that
 * preserve every product prior whose scales are equal within each parameter group) and on tables.
 *
 * - Swapping hidden units j, j+1 of a layer (their incoming weights and biases, and the outgoing
 *   weights of the layer above): the function is unchanged.
 * - Swapping inputs x_a, x_{a+1} (columns of W1): the table's inputs are swapped.
 * - Signed encoding only: negating input x_a (column a of W1). In the binary encoding x ↦ 1 − x
 *   is a shear (b1 absorbs W1's column), not a signed permutation.
 * - Output negation (v, c) ↦ (−v, −c): f ↦ ¬f up to the measure-zero set where the output's
 *   pre-activation is 0.
 *
 * Not in the list: negating a step unit (its weights and bias) turns h into 1 − h off a null set,
 * which the layer above can absorb only by (v_j, c) ↦ (−v_j, c + v_j), a shear; so no per-unit
 * sign flip preserves the priors, unlike odd activations such as tanh. ReLU units have the positive
 * rescaling relu(αz) = α·relu(z) (w ↦ αw, v ↦ v/α), a continuous symmetry that is not a signed
 * permutation and changes the prior density, so it is not listed either.
 */
import { applyStep } from "../../boolean/symmetryGroup.js";
import { complementWords } from "../../boolean/tableWords.js";
import type { ParameterSymmetry } from "../architecture.js";
import { layerBlocks, layeredParameterCount, type LayeredSpec } from "./layeredSpec.js";

function identity(d: number): number[] {
  return Array.from({ length: d }, (_, k) => k);
}

/** The generators for `spec` (see the file comment). */
export function layeredSymmetries(spec: LayeredSpec): ParameterSymmetry[] {
  const d = layeredParameterCount(spec);
  const n = spec.layers[0];
  const blocks = layerBlocks(spec);
  const out: ParameterSymmetry[] = [];
  const ones = () => identity(d).map((): 1 | -1 => 1);
  for (let l = 0; l + 1 < blocks.length; l++) {
    const blk = blocks[l];
    const above = blocks[l + 1];
    for (let j = 0; j + 1 < blk.units; j++) {
      const perm = identity(d);
      const swap = (x: number, y: number) => {
        perm[x] = y;
        perm[y] = x;
      };
      for (let i = 0; i < blk.fanIn; i++) swap(blk.weights + j * blk.fanIn + i, blk.weights + (j + 1) * blk.fanIn + i);
      swap(blk.biases + j, blk.biases + j + 1);
      for (let k = 0; k < above.units; k++) swap(above.weights + k * above.fanIn + j, above.weights + k * above.fanIn + j + 1);
      out.push({ name: `swap hidden units ${j + 1} ${j + 2} of layer ${l + 1}`, perm, sign: ones(), actOnTable: () => {} });
    }
  }
  const first = blocks[0];
  for (let a = 0; a + 1 < n; a++) {
    const perm = identity(d);
    for (let j = 0; j < first.units; j++) {
      const x = first.weights + j * n + a;
      perm[x] = x + 1;
      perm[x + 1] = x;
    }
    out.push({ name: `swap x${a + 1} x${a + 2}`, perm, sign: ones(), actOnTable: (t) => applyStep(t, n, { kind: "swap", arg: a, visit: false }) });
  }
  if (spec.encoding === "signed") {
    for (let a = 0; a < n; a++) {
      const sign = ones();
      for (let j = 0; j < first.units; j++) sign[first.weights + j * n + a] = -1;
      out.push({ name: `negate x${a + 1}`, perm: identity(d), sign, actOnTable: (t) => applyStep(t, n, { kind: "negate", arg: a, visit: false }) });
    }
  }
  const output = blocks[blocks.length - 1];
  const sign = ones();
  for (let k = output.weights; k < d; k++) sign[k] = -1;
  out.push({ name: "(v, c) ↦ (−v, −c)", perm: identity(d), sign, actOnTable: (t) => complementWords(t, n) });
  return out;
}
