/**
 * A minimal WebAssembly binary encoder: one module with its own exported memory, imported host
 * functions and exported functions, assembled from opcode bytes. Enough for the Monte Carlo hot
 * loops (the ziggurat here, the word histogram in arch/): 64-bit integers (a xoroshiro128+ step
 * is a handful of i64 instructions, against about twenty 32-bit JavaScript operations) and memory
 * access without bounds checks, without a toolchain or a build step. Not part of the measure API.
 */

/** Value types. */
export const I32 = 0x7f;
export const I64 = 0x7e;
export const F64 = 0x7c;
/** The 128-bit vector type (SIMD proposal, in every engine since 2021). */
export const V128 = 0x7b;

/** Opcodes used by the kernels (WebAssembly 1.0 core, with their immediates added by the helpers below). */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i64Load: 0x29,
  f64Load: 0x2b,
  i32Store: 0x36,
  i64Store: 0x37,
  f64Store: 0x39,
  i32Const: 0x41,
  i64Const: 0x42,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32LtS: 0x48,
  i32GeS: 0x4e,
  f64Lt: 0x63,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32Or: 0x72,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  i64Add: 0x7c,
  i64Xor: 0x85,
  i64Shl: 0x86,
  i64ShrU: 0x88,
  i64Rotl: 0x89,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  i32WrapI64: 0xa7,
  f64ConvertI32S: 0xb7,
  f64ConvertI64U: 0xba,
} as const;

/**
 * SIMD opcodes (after the 0xfd prefix, see `simd`). Every f64x2 operation rounds each lane as the
 * scalar f64 operation does (no fused multiply-add outside the relaxed-SIMD proposal), so a
 * vectorised kernel gives the scalar one's doubles bit for bit.
 */
export const SIMD = {
  v128Load64Splat: 0x0a,
  v128Const: 0x0c,
  i8x16Shuffle: 0x0d,
  f64x2Splat: 0x14,
  f64x2ReplaceLane: 0x22,
  f64x2Gt: 0x4a,
  v128And: 0x4e,
  i8x16Bitmask: 0x64,
  i8x16NarrowI16x8S: 0x65,
  i16x8NarrowI32x4S: 0x85,
  i64x2Bitmask: 0xc4,
  f64x2Abs: 0xec,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
  f64x2Pmax: 0xf7,
} as const;

/** A SIMD instruction: the prefix, the opcode and its immediates. */
export const simd = (op: number, ...immediates: number[]): number[] => [0xfd, ...uleb(op), ...immediates];
/** `v128.const` of two doubles (lane 0 first). */
export const f64x2 = (lane0: number, lane1: number): number[] =>
  simd(SIMD.v128Const, ...new Uint8Array(Float64Array.of(lane0, lane1).buffer));

/** Block type of a block without results. */
export const VOID = 0x40;

/** Unsigned LEB128. */
export function uleb(x: number): number[] {
  const out: number[] = [];
  do {
    let byte = x & 0x7f;
    x = Math.floor(x / 128);
    if (x !== 0) byte |= 0x80;
    out.push(byte);
  } while (x !== 0);
  return out;
}

/** Signed LEB128 of a safe integer (or a bigint, for i64 constants). */
export function sleb(x: number | bigint): number[] {
  let v = BigInt(x);
  const out: number[] = [];
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** `i32.const x`. */
export const i32 = (x: number): number[] => [OP.i32Const, ...sleb(x | 0)];
/** `i64.const x`. */
export const i64 = (x: bigint): number[] => [OP.i64Const, ...sleb(BigInt.asIntN(64, x))];
/** `f64.const x` (the double's bytes, so the constant is exact). */
export function f64(x: number): number[] {
  return [OP.f64Const, ...new Uint8Array(Float64Array.of(x).buffer)];
}
/** `local.get k`, `local.set k`, `local.tee k`. */
export const get = (k: number): number[] => [OP.localGet, ...uleb(k)];
export const set = (k: number): number[] => [OP.localSet, ...uleb(k)];
export const tee = (k: number): number[] => [OP.localTee, ...uleb(k)];
/** A load or store with its alignment (log2 bytes) and constant offset. */
export const mem = (op: number, align: number, offset: number): number[] => [op, ...uleb(align), ...uleb(offset)];

const name = (s: string): number[] => [...uleb(s.length), ...Buffer.from(s, "utf8")];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** A function type: parameter and result value types. */
export interface FunctionType {
  readonly params: readonly number[];
  readonly results: readonly number[];
}

/** A function defined in the module. */
export interface ModuleFunction extends FunctionType {
  /** Export name. */
  readonly name: string;
  /** Types of the locals after the parameters. */
  readonly locals: readonly number[];
  /** Instructions, without the final `end`. */
  readonly body: readonly number[];
}

/** A host function the module imports from `env` (called by index: imports first, in order). */
export interface ModuleImport extends FunctionType {
  readonly name: string;
}

/**
 * The binary of a module with `pages` pages of memory exported as `memory`, the imports (from
 * module `env`) and the functions (exported under their names). Function index i is imports[i],
 * then functions in order.
 */
export function wasmBinary(imports: readonly ModuleImport[], functions: readonly ModuleFunction[], pages: number): Uint8Array {
  const types = [...imports, ...functions].map((f) => [0x60, ...vec(f.params.map((p) => [p])), ...vec(f.results.map((r) => [r]))]);
  const body = (f: ModuleFunction) => {
    const locals = vec(f.locals.map((t) => [1, t]));
    const code = [...locals, ...f.body, OP.end];
    return [...uleb(code.length), ...code];
  };
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec(imports.map((f, k) => [...name("env"), ...name(f.name), 0x00, ...uleb(k)]))),
    ...section(3, vec(functions.map((_, k) => uleb(imports.length + k)))),
    ...section(5, vec([[0x00, ...uleb(pages)]])),
    ...section(
      7,
      vec([[...name("memory"), 0x02, 0x00], ...functions.map((f, k) => [...name(f.name), 0x00, ...uleb(imports.length + k)])]),
    ),
    ...section(10, vec(functions.map(body))),
  ]);
}

/** The WebAssembly API as far as used here (not in the ES2022 library types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** A compiled module, or undefined where WebAssembly is unavailable or refuses it (callers keep a JavaScript kernel for that). */
export function compileWasm(bytes: Uint8Array): object | undefined {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return undefined;
  try {
    return new api.Module(bytes);
  } catch {
    return undefined;
  }
}

/** The exports of a new instance of a module from compileWasm (synchronous: small modules only). */
export function instantiateWasm(module: object, env: Record<string, unknown>): Record<string, unknown> {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly as WasmApi;
  return new api.Instance(module, { env }).exports;
}

/** Compiles and instantiates `bytes`, or returns undefined where compileWasm does. */
export function instantiate(bytes: Uint8Array, env: Record<string, unknown>): Record<string, unknown> | undefined {
  const module = compileWasm(bytes);
  return module && instantiateWasm(module, env);
}
