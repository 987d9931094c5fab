/**
 * The ziggurat kernel of ziggurat.ts in WebAssembly, drawing the same numbers bit for bit: the
 * same xoroshiro128+ outputs (one i64 addition and a few i64 shifts, rotations and xors per
 * output instead of about twenty 32-bit operations), the same words, tables and double arithmetic
 * (IEEE operations are the same in both; the wedge test's exp is JavaScript's Math.exp, imported).
 * The tail (layer 0, ≈ 0.06 % of words) returns to JavaScript, which draws it with the same
 * `tail` function and resumes the kernel. 2–3× fewer nanoseconds per normal than the JavaScript kernel.
 */
import { F64, f64, get, I32, i32, i64, I64, instantiate, mem, OP, set, tee, VOID, wasmBinary } from "../wasmModule.js";

// Memory layout (bytes).
const STATE = 0; // s0 (i64), s1 (i64)
const STATUS = 16; // i32: 0 done, else the sign (±1) of a pending tail draw
const PENDING = 20; // i32: 1 when a low word waits behind the tail (it came from the high word)
const PENDING_WORD = 24; // i32: that word
const ACCEPT = 64; // i32[256]: ⌈accept⌉ (u < a ⟺ u < ⌈a⌉ for an integer u)
const WIDTH = ACCEPT + 256 * 8; // f64[256]
const XS = WIDTH + 256 * 8; // f64[129]
const FS = XS + 129 * 8; // f64[129]
const OUT = 8192; // f64[m]
const PAGE = 65536;

// Locals of `normals(k, m, pending, word) → k`.
const K = 0;
const M = 1;
const PEND = 2;
const WORD = 3;
const S0 = 4;
const S1 = 5;
const O = 6;
const W = 7;
const IDX = 8;
const U = 9;
const Z = 10;
const LAYER = 11;
const LO = 12;
const UI = 13;
const LOCALS = [I64, I64, I64, I32, I32, F64, F64, I32, I32, I32];
/** Function index of the imported exp. */
const EXP = 0;

/** One xoroshiro128+ output into O (s0 + s1), then the state step, as in randomStream.ts. */
const NEXT = [
  ...get(S0), ...get(S1), OP.i64Add, ...set(O),
  ...get(S1), ...get(S0), OP.i64Xor, ...set(S1),
  ...get(S0), ...i64(24n), OP.i64Rotl, ...get(S1), OP.i64Xor, ...get(S1), ...i64(16n), OP.i64Shl, OP.i64Xor, ...set(S0),
  ...get(S1), ...i64(37n), OP.i64Rotl, ...set(S1),
];

/** Stores the state words back to memory. */
const SAVE = [...i32(0), ...get(S0), ...mem(OP.i64Store, 3, STATE), ...i32(0), ...get(S1), ...mem(OP.i64Store, 3, STATE + 8)];

/** out[k] = (value left by `value`); k++. */
const emit = (value: number[]) => [
  ...get(K), ...i32(3), OP.i32Shl, ...value, ...mem(OP.f64Store, 3, OUT),
  ...get(K), ...i32(1), OP.i32Add, ...set(K),
];

/** The sign of the word's layer byte as a double: 1 − 2·(i & 1). */
const SIGN_I32 = [...i32(1), ...get(IDX), ...i32(1), OP.i32And, ...i32(1), OP.i32Shl, OP.i32Sub];

/**
 * The sample of word W (ziggurat.ts's sampleSource): fast strip, or wedge test with one more
 * output, or a return to JavaScript for the tail (with the pending low word when `pendingLow`).
 */
function word(pendingLow: boolean): number[] {
  const load = (base: number, index: number[]) => [...index, ...i32(3), OP.i32Shl, ...mem(OP.f64Load, 3, base)];
  const tailExit = [
    ...SAVE,
    ...i32(0), ...SIGN_I32, ...mem(OP.i32Store, 2, STATUS),
    ...i32(0), ...i32(pendingLow ? 1 : 0), ...mem(OP.i32Store, 2, PENDING),
    ...i32(0), ...(pendingLow ? get(LO) : i32(0)), ...mem(OP.i32Store, 2, PENDING_WORD),
    ...get(K), OP.return,
  ];
  return [
    ...get(W), ...i32(24), OP.i32ShrU, ...set(IDX),
    ...get(W), ...i32(0xffffff), OP.i32And, ...tee(UI),
    ...get(IDX), ...i32(2), OP.i32Shl, ...mem(OP.i32Load, 2, ACCEPT), OP.i32LtS,
    OP.if, VOID,
    ...emit([...get(UI), OP.f64ConvertI32S, ...load(WIDTH, get(IDX)), OP.f64Mul]),
    OP.else,
    ...get(UI), OP.f64ConvertI32S, ...set(U),
    ...get(IDX), ...i32(1), OP.i32ShrU, ...tee(LAYER), OP.i32Eqz,
    OP.if, VOID, ...tailExit, OP.end,
    ...NEXT,
    // z = u · 2^-24 · X[layer]
    ...get(U), ...f64(2 ** -24), OP.f64Mul, ...load(XS, get(LAYER)), OP.f64Mul, ...set(Z),
    // y = F[layer] + (o >>> 11) · 2^-53 · (F[layer + 1] − F[layer]); (o >>> 11) is the 53-bit
    // integer that (hi >>> 0) · 2^21 + (lo >>> 11) forms exactly in the JavaScript kernel.
    ...load(FS, get(LAYER)),
    ...get(O), ...i64(11n), OP.i64ShrU, OP.f64ConvertI64U, ...f64(2 ** -53), OP.f64Mul,
    ...load(FS + 8, get(LAYER)), ...load(FS, get(LAYER)), OP.f64Sub, OP.f64Mul,
    OP.f64Add,
    // y < exp(-0.5 · z · z)
    ...f64(-0.5), ...get(Z), OP.f64Mul, ...get(Z), OP.f64Mul, OP.call, EXP,
    OP.f64Lt,
    OP.if, VOID,
    ...emit([...SIGN_I32, OP.f64ConvertI32S, ...get(Z), OP.f64Mul]),
    OP.end,
    OP.end,
  ];
}

const BODY = [
  ...i32(0), ...mem(OP.i64Load, 3, STATE), ...set(S0),
  ...i32(0), ...mem(OP.i64Load, 3, STATE + 8), ...set(S1),
  ...i32(0), ...i32(0), ...mem(OP.i32Store, 2, STATUS),
  // A low word left behind a tail draw comes first (dropped if the tail filled the buffer).
  ...get(PEND), ...get(K), ...get(M), OP.i32LtS, OP.i32And,
  OP.if, VOID, ...get(WORD), ...set(W), ...word(false), OP.end,
  OP.block, VOID,
  OP.loop, VOID,
  ...get(K), ...get(M), OP.i32GeS, OP.brIf, 1,
  ...NEXT,
  ...get(O), OP.i32WrapI64, ...set(LO),
  ...get(O), ...i64(32n), OP.i64ShrU, OP.i32WrapI64, ...set(W),
  ...word(true),
  ...get(K), ...get(M), OP.i32Eq, OP.brIf, 1,
  ...get(LO), ...set(W),
  ...word(false),
  OP.br, 0,
  OP.end,
  OP.end,
  ...SAVE,
  ...get(K),
];

/** The tables the kernel reads: signed acceptance bounds and widths by top byte, edges X and densities F. */
export interface ZigguratTables {
  readonly accept: Float64Array;
  readonly width: Float64Array;
  readonly x: Float64Array;
  readonly f: Float64Array;
  readonly r: number;
}

/**
 * A WebAssembly ziggurat over `tables`, or undefined where WebAssembly is unavailable. The
 * returned function fills out[0 … m) from the xoroshiro128+ state `s` (s01, s00, s11, s10) and
 * steps `s`, exactly as the JavaScript kernel does; `tail(s, r)` draws a tail sample.
 */
export function wasmZiggurat(
  tables: ZigguratTables,
  tail: (s: Int32Array, r: number) => number,
): ((s: Int32Array, out: Float64Array, m: number) => void) | undefined {
  const bytes = wasmBinary(
    [{ name: "exp", params: [F64], results: [F64] }],
    [{ name: "normals", params: [I32, I32, I32, I32], results: [I32], locals: LOCALS, body: BODY }],
    1,
  );
  const exports = instantiate(bytes, { exp: Math.exp });
  if (!exports) return undefined;
  const memory = exports.memory as { buffer: ArrayBuffer; grow(pages: number): number };
  const normals = exports.normals as (k: number, m: number, pending: number, word: number) => number;
  let words = new Int32Array(memory.buffer);
  let doubles = new Float64Array(memory.buffer);
  words.set(Int32Array.from(tables.accept, Math.ceil), ACCEPT / 4);
  doubles.set(tables.width, WIDTH / 8);
  doubles.set(tables.x, XS / 8);
  doubles.set(tables.f, FS / 8);
  return (s, out, m) => {
    const need = OUT + 8 * m;
    if (need > memory.buffer.byteLength) {
      memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
      words = new Int32Array(memory.buffer);
      doubles = new Float64Array(memory.buffer);
    }
    // i64 words are little-endian: s0 = s01·2^32 + s00, s1 = s11·2^32 + s10.
    words[0] = s[1];
    words[1] = s[0];
    words[2] = s[3];
    words[3] = s[2];
    let k = 0;
    let pending = 0;
    let word = 0;
    for (;;) {
      k = normals(k, m, pending, word);
      const sign = words[STATUS / 4];
      if (sign === 0) break;
      s[0] = words[1];
      s[1] = words[0];
      s[2] = words[3];
      s[3] = words[2];
      doubles[OUT / 8 + k++] = sign * tail(s, tables.r);
      words[0] = s[1];
      words[1] = s[0];
      words[2] = s[3];
      words[3] = s[2];
      pending = words[PENDING / 4];
      word = words[PENDING_WORD / 4];
    }
    s[0] = words[1];
    s[1] = words[0];
    s[2] = words[3];
    s[3] = words[2];
    out.set(doubles.subarray(OUT / 8, OUT / 8 + m));
  };
}
