/**
 * A step or ReLU net evaluated exactly on integer parameters (BigInt arithmetic): what certifies a
 * region witness. Every pre-activation is kept, so a caller can check that the point is strictly inside
 * (no unit at 0 on any input row), not merely on the right side of a boundary.
 */
import { encodeRow } from "../../boolean/encoding.js";
import { rowCount } from "../../boolean/truthTable.js";
import { layerBlocks, layeredParameterCount, type LayeredSpec } from "./layeredSpec.js";

/** The exact evaluation of one integer parameter vector on every input row. */
export interface IntegerEvaluation {
  /** f as a bit mask over rows (bit r = output on row r). */
  readonly table: bigint;
  /** Pre-activations `[row][layer][unit]` (the output unit last). */
  readonly pre: readonly (readonly (readonly bigint[])[])[];
  /** Whether every pre-activation on every row is nonzero (θ is off every boundary). */
  readonly strict: boolean;
}

/**
 * Evaluates the net `spec` (step or ReLU hidden units) at integer θ (parameter order of layeredSpec).
 * @throws RangeError if θ has the wrong length.
 */
export function integerForward(spec: LayeredSpec, theta: readonly bigint[]): IntegerEvaluation {
  const step = spec.activation === "step";
  const d = layeredParameterCount(spec);
  if (theta.length !== d) throw new RangeError(`θ has ${theta.length} entries, the net ${d} parameters`);
  const n = spec.layers[0];
  const blocks = layerBlocks(spec);
  let table = 0n;
  let strict = true;
  const pre: bigint[][][] = [];
  for (let r = 0; r < rowCount(n); r++) {
    let a = encodeRow(n, r, spec.encoding).map(BigInt);
    const rowPre: bigint[][] = [];
    for (const blk of blocks) {
      const z = Array.from({ length: blk.units }, (_, j) => {
        let s = theta[blk.biases + j];
        for (let i = 0; i < blk.fanIn; i++) s += theta[blk.weights + j * blk.fanIn + i] * a[i];
        return s;
      });
      if (z.some((x) => x === 0n)) strict = false;
      rowPre.push(z);
      a = z.map((x) => (x > 0n ? (step ? 1n : x) : 0n));
    }
    pre.push(rowPre);
    if (rowPre[rowPre.length - 1][0] > 0n) table |= 1n << BigInt(r);
  }
  return { table, pre, strict };
}
