/**
 * The straight-line kernel of layeredKernel.ts in WebAssembly SIMD: the same sums in the same order,
 * two rows at a time. Lane 0 holds row q and lane 1 row q + 2^(n−1) (rows MSB-first, so the two
 * differ only in the first input): a first-layer unit starts from (b, b + w1) (binary; (b − w1,
 * b + w1) signed) and the prefix tree over the other inputs then doubles whole vectors, exactly the
 * scalar additions per lane; each unit's activations are added as W·a into the next layer's
 * accumulators (started at the biases) unit by unit, as the loop sums them. f64x2 operations round
 * each lane as the scalar ones do (no fused multiply-add), and ReLU is pmax(0, z) = (0 < z ? z : 0),
 * the loop's own relu, so every double is the loop's (layeredLoopForward) bit for bit, with no
 * exception for products outside the normal range (unlike the scalar kernel's z + |z|). Two
 * liberties, neither able to change a table: the binary first lane computes b + 0 where the loop
 * has b + w·0, and a step unit's W·(z > 0) is formed as W AND the comparison mask; both can only
 * turn a −0 into +0 or back, and a zero's sign never reaches a decision (z > 0 and relu treat ±0
 * alike, and x + ±0 = x for x ≠ 0).
 *
 * 2–2.6× the scalar kernel's samples per second at 3-8-1 (relu ≈ 29 against 11 M/s in one process,
 * step ≈ 30 against 15), including copying the parameters into the instance's memory in blocks and
 * the tables out.
 */
import { wordCount } from "../../boolean/tableWords.js";
import { rowCount } from "../../boolean/truthTable.js";
import {
  f64x2,
  get,
  I32,
  i32,
  instantiate,
  mem,
  OP,
  set,
  SIMD,
  simd,
  uleb,
  V128,
  VOID,
  wasmBinary,
} from "../../measure/wasmModule.js";
import type { LayeredForward } from "./layeredForward.js";
import { layerBlocks, layeredParameterCount, type LayeredSpec } from "./layeredSpec.js";

/** Samples per run of the WebAssembly kernel (its parameter and table buffers). */
const BLOCK = 512;
const PAGE = 65536;

/** Locals of `run(count)`: the sample index, its parameter and table byte offsets. */
const COUNT = 0;
const S = 1;
const O = 2;
const BASE = 3;

/** The body of `run(count)` for `spec`, its locals after the parameter, and where the tables start. */
function kernelCode(spec: LayeredSpec): { body: number[]; locals: number[]; tables: number } {
  const n = spec.layers[0];
  const rows = rowCount(n);
  const half = rows / 2;
  const words = wordCount(n);
  const d = layeredParameterCount(spec);
  const tables = Math.ceil((BLOCK * d * 8) / 16) * 16;
  const blocks = layerBlocks(spec);
  const step = spec.activation === "step";
  const locals: number[] = [I32, I32, I32];
  const local = (type: number) => {
    locals.push(type);
    return locals.length;
  };
  const zero = local(V128);
  const code: number[] = [...f64x2(0, 0), ...set(zero)];
  /** Parameter k of the current sample: as a double, or splat into both lanes. */
  const param = (k: number) => [...get(O), ...mem(OP.f64Load, 3, 8 * k)];
  const splat = (k: number) => [...get(O), ...simd(SIMD.v128Load64Splat, 3, ...uleb(8 * k))];
  /** A new v128 local set from the code's value. */
  const keep = (value: number[]) => {
    const v = local(V128);
    code.push(...value, ...set(v));
    return v;
  };
  const add = (a: number, b: number) => [...get(a), ...get(b), ...simd(SIMD.f64x2Add)];

  /** Layer l's accumulators (per unit, per row pair), each starting at its unit's bias (× 2^l for ReLU). */
  const accumulators = (l: number) => {
    const blk = blocks[l];
    return Array.from({ length: blk.units }, (_, k) => {
      const b = keep(splat(blk.biases + k));
      return Array.from({ length: half }, () => keep(get(b)));
    });
  };
  /** Adds unit j's pre-activations (row-pair locals) into layer l's accumulators, through its activation. */
  const feed = (l: number, j: number, pre: number[], acc: number[][]) => {
    const blk = blocks[l];
    const W = Array.from({ length: blk.units }, (_, k) => keep(splat(blk.weights + k * blk.fanIn + j)));
    for (let q = 0; q < half; q++) {
      if (step) {
        const mask = keep([...get(pre[q]), ...get(zero), ...simd(SIMD.f64x2Gt)]);
        for (let k = 0; k < blk.units; k++)
          code.push(...get(acc[k][q]), ...get(mask), ...get(W[k]), ...simd(SIMD.v128And), ...simd(SIMD.f64x2Add), ...set(acc[k][q]));
      } else {
        // pmax(0, z) = 0 < z ? z : 0, the loop's relu exactly (a NaN gives 0 as there).
        const a = keep([...get(zero), ...get(pre[q]), ...simd(SIMD.f64x2Pmax)]);
        for (let k = 0; k < blk.units; k++)
          code.push(...get(acc[k][q]), ...get(W[k]), ...get(a), ...simd(SIMD.f64x2Mul), ...simd(SIMD.f64x2Add), ...set(acc[k][q]));
      }
    }
  };

  let acc = accumulators(1);
  const first = blocks[0];
  for (let j = 0; j < first.units; j++) {
    const w0 = first.weights + j * n;
    // (0, w1) or (−w1, w1), added to (b, b): the first input's two values across the lanes.
    const spread =
      spec.encoding === "signed"
        ? [...splat(w0), ...f64x2(-1, 1), ...simd(SIMD.f64x2Mul)]
        : [...f64x2(0, 0), ...param(w0), ...simd(SIMD.f64x2ReplaceLane, 1)];
    let level = [keep([...splat(first.biases + j), ...spread, ...simd(SIMD.f64x2Add)])];
    for (let i = 1; i < n; i++) {
      const w = keep(splat(w0 + i));
      level = level.flatMap((p) => [
        spec.encoding === "signed" ? keep([...get(p), ...get(w), ...simd(SIMD.f64x2Sub)]) : p,
        keep(add(p, w)),
      ]);
    }
    feed(1, j, level, acc);
  }
  for (let l = 2; l < blocks.length; l++) {
    const next = accumulators(l);
    for (let j = 0; j < blocks[l - 1].units; j++) feed(l, j, acc[j], next);
    acc = next;
  }
  // Output bits: lane 0 of pair q is row q, lane 1 row q + half.
  const bits = acc[0].map((z) => {
    const m = local(I32);
    code.push(...get(z), ...get(zero), ...simd(SIMD.f64x2Gt), ...simd(SIMD.i64x2Bitmask), ...set(m));
    return m;
  });
  for (let w = 0; w < words; w++) {
    const terms: number[][] = [];
    for (let r = 32 * w; r < Math.min(rows, 32 * (w + 1)); r++) {
      const m = bits[r % half];
      const lane = r < half ? 0 : 1;
      const shift = (r % 32) - lane;
      const bit = [...get(m), ...i32(1 << lane), OP.i32And];
      terms.push(shift >= 0 ? [...bit, ...i32(shift), OP.i32Shl] : [...bit, ...i32(-shift), OP.i32ShrU]);
    }
    code.push(...get(BASE), ...terms[0]);
    for (const t of terms.slice(1)) code.push(...t, OP.i32Or);
    code.push(...mem(OP.i32Store, 2, tables + 4 * w));
  }
  const body = [
    OP.block, VOID,
    OP.loop, VOID,
    ...get(S), ...get(COUNT), OP.i32GeS, OP.brIf, 1,
    ...code,
    ...get(S), ...i32(1), OP.i32Add, ...set(S),
    ...get(O), ...i32(8 * d), OP.i32Add, ...set(O),
    ...get(BASE), ...i32(4 * words), OP.i32Add, ...set(BASE),
    OP.br, 0,
    OP.end,
    OP.end,
  ];
  return { body, locals, tables };
}

/**
 * The WebAssembly SIMD kernel for `spec` (same contract and tables as layeredKernel's, which it
 * replaces where WebAssembly is available), or undefined where WebAssembly or its SIMD is not.
 * The kernel assumes buffers of the right size (the caller checks).
 */
export function layeredSimdKernel(spec: LayeredSpec): LayeredForward | undefined {
  const d = layeredParameterCount(spec);
  const words = wordCount(spec.layers[0]);
  const { body, locals, tables } = kernelCode(spec);
  const pages = Math.ceil((tables + 4 * BLOCK * words) / PAGE);
  const exports = instantiate(wasmBinary([], [{ name: "run", params: [I32], results: [], locals, body }], pages), {});
  if (!exports) return undefined;
  const run = exports.run as (count: number) => void;
  const memory = exports.memory as { buffer: ArrayBuffer };
  const input = new Float64Array(memory.buffer, 0, BLOCK * d);
  const output = new Uint32Array(memory.buffer, tables, BLOCK * words);
  return (params, count, out) => {
    for (let done = 0; done < count; ) {
      const m = Math.min(BLOCK, count - done);
      input.set(params.subarray(done * d, (done + m) * d));
      run(m);
      out.set(output.subarray(0, m * words), done * words);
      done += m;
    }
  };
}
