/**
 * Building blocks of the forward kernels in WebAssembly SIMD (perceptronSimdKernel,
 * layeredSimdKernel): a generated function `run(count)` over the samples of a block whose
 * parameters were copied into the instance's memory, holding the 2^n rows as 2^(n−1) f64x2 row
 * pairs. Lane 0 of pair q is row q and lane 1 row q + 2^(n−1): rows are MSB-first, so the two
 * differ only in the first input, and a unit's prefix tree starts from (b, b + w1) (binary;
 * (b − w1, b + w1) signed) and doubles whole vectors over the other inputs — per lane exactly the
 * scalar kernels' additions, in input order. f64x2 operations round each lane as the scalar f64
 * operations do (there is no fused multiply-add outside the relaxed-SIMD proposal), so the lanes
 * hold the scalar kernels' doubles bit for bit; the binary first lane computes b + 0 where the
 * scalar kernels reuse b, which can only turn −0 into +0, and no decision (z > 0) sees a zero's sign.
 */
import { wordCount } from "../../boolean/tableWords.js";
import type { Encoding } from "../../boolean/encoding.js";
import { f64x2, get, I32, i32, instantiate, mem, OP, set, SIMD, simd, uleb, V128, VOID, wasmBinary } from "../../measure/wasmModule.js";

/** A batched forward pass: `count` parameter vectors in `params` → `count` tables in `out`. */
export type SimdForward = (params: Float64Array, count: number, out: Uint32Array) => void;

/** Samples per run of a kernel (its parameter and table buffers). */
const BLOCK = 512;
const PAGE = 65536;
/** Locals of `run(count)`: the count, the sample index, its parameter and table byte offsets. */
const COUNT = 0;
const S = 1;
const O = 2;
const BASE = 3;

/** Byte shuffle of two vectors taking i32 lanes 0 and 2 of each (lane 0 of both f64 lanes' masks). */
const EVEN_I32 = [0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27];

/** The body of one sample, built instruction by instruction; `finish` wraps it in the sample loop. */
export class RowPairCode {
  /** Instructions of one sample. */
  readonly code: number[] = [];
  /** Types of the locals after the parameter. */
  readonly locals: number[] = [I32, I32, I32];
  /** A local holding (0, 0). */
  readonly zero: number;

  constructor(
    /** Inputs n (2^(n−1) row pairs). */
    readonly n: number,
    /** Parameters per sample. */
    readonly d: number,
  ) {
    this.zero = this.keep(f64x2(0, 0));
  }

  /** A new local of `type`. */
  local(type: number): number {
    this.locals.push(type);
    return this.locals.length;
  }

  /** A new v128 local set from the value `value` leaves. */
  keep(value: number[]): number {
    const v = this.local(V128);
    this.code.push(...value, ...set(v));
    return v;
  }

  /** Parameter k of the sample as a double. */
  param(k: number): number[] {
    return [...get(O), ...mem(OP.f64Load, 3, 8 * k)];
  }

  /** Parameter k of the sample in both lanes. */
  splat(k: number): number[] {
    return [...get(O), ...simd(SIMD.v128Load64Splat, 3, ...uleb(8 * k))];
  }

  /**
   * The row pairs of b + Σ_i w_i·x_i over the n inputs (weights at parameters w0, w0 + 1, …),
   * b being the value `bias` leaves (both lanes): 2^(n−1) locals, pair q at index q.
   */
  prefixTree(bias: number[], w0: number, encoding: Encoding): number[] {
    const spread =
      encoding === "signed"
        ? [...this.splat(w0), ...f64x2(-1, 1), ...simd(SIMD.f64x2Mul)]
        : [...f64x2(0, 0), ...this.param(w0), ...simd(SIMD.f64x2ReplaceLane, 1)];
    let level = [this.keep([...bias, ...spread, ...simd(SIMD.f64x2Add)])];
    for (let i = 1; i < this.n; i++) {
      const w = this.keep(this.splat(w0 + i));
      level = level.flatMap((p) => [
        encoding === "signed" ? this.keep([...get(p), ...get(w), ...simd(SIMD.f64x2Sub)]) : p,
        this.keep([...get(p), ...get(w), ...simd(SIMD.f64x2Add)]),
      ]);
    }
    return level;
  }

  /**
   * Stores the table of output pre-activations `z` (row pairs, bit r = [row r's value > 0]) as
   * wordCount(n) words. From 16 pairs on, the comparison masks are narrowed (i32 → i16 → i8) into
   * byte vectors whose byte masks are 16 rows at once; fewer pairs take one mask each.
   */
  storeTable(z: readonly number[]): void {
    const half = z.length;
    const masks = z.map((v) => this.keep([...get(v), ...get(this.zero), ...simd(SIMD.f64x2Gt)]));
    /** 16-bit or 2-bit chunks of the table: [value local, first row]. */
    const chunks: [number, number, number][] = [];
    const bits = (value: number[], row: number, width: number) => {
      const c = this.local(I32);
      this.code.push(...value, ...set(c));
      chunks.push([c, row, width]);
    };
    if (half < 16) {
      masks.forEach((m, q) => {
        const b = this.local(I32);
        this.code.push(...get(m), ...simd(SIMD.i64x2Bitmask), ...set(b));
        bits([...get(b), ...i32(1), OP.i32And], q, 1);
        bits([...get(b), ...i32(1), OP.i32ShrU], q + half, 1);
      });
    } else {
      for (let g = 0; g < half; g += 16) {
        const m = masks.slice(g, g + 16);
        const pairs = Array.from({ length: 8 }, (_, k) => this.keep([...get(m[2 * k]), ...get(m[2 * k + 1]), ...simd(SIMD.i8x16Shuffle, ...EVEN_I32)]));
        const quads = Array.from({ length: 4 }, (_, k) =>
          this.keep([...get(pairs[2 * k]), ...get(pairs[2 * k + 1]), ...simd(SIMD.i16x8NarrowI32x4S)]),
        );
        // Bytes: lane 0, lane 1 of mask 0, then of mask 1, … (masks g … g + 7, then g + 8 … g + 15).
        const [lo, hi] = [0, 1].map((k) => this.keep([...get(quads[2 * k]), ...get(quads[2 * k + 1]), ...simd(SIMD.i8x16NarrowI16x8S)]));
        for (const lane of [0, 1]) {
          const take = Array.from({ length: 16 }, (_, t) => 2 * t + lane);
          bits([...get(lo), ...get(hi), ...simd(SIMD.i8x16Shuffle, ...take), ...simd(SIMD.i8x16Bitmask)], g + lane * half, 16);
        }
      }
    }
    for (let w = 0; w < wordCount(this.n); w++) {
      const terms = chunks.filter(([, row]) => row >> 5 === w).map(([c, row]) => [...get(c), ...i32(row & 31), OP.i32Shl]);
      this.code.push(...get(BASE), ...terms[0]);
      for (const t of terms.slice(1)) this.code.push(...t, OP.i32Or);
      this.code.push(...mem(OP.i32Store, 2, this.tablesAt() + 4 * w));
    }
  }

  /** Byte offset of the tables in memory (after the parameters of a block). */
  tablesAt(): number {
    return Math.ceil((BLOCK * this.d * 8) / 16) * 16;
  }

  /**
   * The forward pass running this code per sample, copying parameters in and tables out in blocks,
   * or undefined where WebAssembly (with SIMD) is unavailable. The pass assumes buffers of the right
   * size (callers check).
   */
  finish(): SimdForward | undefined {
    const { d } = this;
    const words = wordCount(this.n);
    const body = [
      OP.block, VOID,
      OP.loop, VOID,
      ...get(S), ...get(COUNT), OP.i32GeS, OP.brIf, 1,
      ...this.code,
      ...get(S), ...i32(1), OP.i32Add, ...set(S),
      ...get(O), ...i32(8 * d), OP.i32Add, ...set(O),
      ...get(BASE), ...i32(4 * words), OP.i32Add, ...set(BASE),
      OP.br, 0,
      OP.end,
      OP.end,
    ];
    const tables = this.tablesAt();
    const pages = Math.ceil((tables + 4 * BLOCK * words) / PAGE);
    const exports = instantiate(wasmBinary([], [{ name: "run", params: [I32], results: [], locals: this.locals, body }], pages), {});
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
}
