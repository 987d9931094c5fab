/**
 * The batch loop of WordCounts in WebAssembly: linear probing of 32-bit words into slots of (key,
 * count + 1) in the instance's memory, exactly the probes of the JavaScript loop in wordCounts.ts.
 * At n = 5 this loop is the histogram's whole cost; without typed-array bounds checks and reloads
 * of the array it takes ≈ 8–11 against ≈ 13–19 ns a word (a table of 2^18 slots, 94,572 keys).
 */
import { compileWasm, get, I32, i32, instantiateWasm, mem, OP, set, tee, VOID, wasmBinary } from "../../measure/wasmModule.js";

/** Fibonacci hashing: the top bits of key · 2^32/φ. */
export const GOLDEN = 0x9e3779b1;
/** Words per run of the kernel (its word buffer). */
export const WORD_BLOCK = 4096;

// Memory layout (bytes): the number of keys the last run inserted, the word buffer, the slots.
const ADDED = 0;
const WORDS = 64;
const SLOTS = WORDS + 4 * WORD_BLOCK;
const PAGE = 65536;

// add(s, n, shift, mask, room) → the index reached; locals after the parameters.
const S = 0;
const N = 1;
const SHIFT = 2;
const MASK = 3;
const ROOM = 4;
const KEY = 5;
const I = 6;
const C = 7;
const ADDED_LOCAL = 8;

/** Byte address of slot I's key (its count is 4 bytes further). */
const SLOT = [...get(I), ...i32(3), OP.i32Shl];

/**
 * Counts words[s … n): each word's slot from its hash, probing on to the next while another key
 * holds it; an empty slot takes the word with count 1 (stored as 2). Stops after the `room`-th
 * insertion (the caller grows the table) and returns how far it got, with the insertions at ADDED.
 */
const BODY = [
  OP.block, VOID,
  OP.loop, VOID,
  ...get(S), ...get(N), OP.i32GeS, OP.brIf, 1,
  ...get(S), ...i32(2), OP.i32Shl, ...mem(OP.i32Load, 2, WORDS), ...tee(KEY),
  ...i32(GOLDEN), OP.i32Mul, ...get(SHIFT), OP.i32ShrU, ...set(I),
  ...get(S), ...i32(1), OP.i32Add, ...set(S),
  OP.block, VOID,
  OP.loop, VOID,
  ...SLOT, ...mem(OP.i32Load, 2, SLOTS + 4), ...tee(C), OP.i32Eqz,
  OP.if, VOID,
  ...SLOT, ...get(KEY), ...mem(OP.i32Store, 2, SLOTS),
  ...SLOT, ...i32(2), ...mem(OP.i32Store, 2, SLOTS + 4),
  ...get(ADDED_LOCAL), ...i32(1), OP.i32Add, ...tee(ADDED_LOCAL), ...get(ROOM), OP.i32GeS, OP.brIf, 4,
  OP.br, 2,
  OP.end,
  ...SLOT, ...mem(OP.i32Load, 2, SLOTS), ...get(KEY), OP.i32Eq,
  OP.if, VOID,
  ...SLOT, ...get(C), ...i32(1), OP.i32Add, ...mem(OP.i32Store, 2, SLOTS + 4),
  OP.br, 2,
  OP.end,
  ...get(I), ...i32(1), OP.i32Add, ...get(MASK), OP.i32And, ...set(I),
  OP.br, 0,
  OP.end,
  OP.end,
  OP.br, 0,
  OP.end,
  OP.end,
  ...i32(ADDED), ...get(ADDED_LOCAL), ...mem(OP.i32Store, 2, 0),
  ...get(S),
];

let compiled: object | undefined | null = null;

/** One WordCounts' kernel and memory. */
export interface WordKernel {
  /** Runs the loop on the word buffer from index s to n (see BODY); returns the index reached. */
  add(s: number, n: number, shift: number, mask: number, room: number): number;
  /** Keys inserted by the last `add`. */
  added(): number;
  /** The word buffer (WORD_BLOCK words); valid until the next `slots`. */
  words(): Uint32Array;
  /** Zeroed slots of `length` words (2 per slot), replacing the previous ones (whose view is then invalid). */
  slots(length: number): Uint32Array;
}

/** A new kernel with its own memory, or undefined where WebAssembly is unavailable. */
export function wordKernel(): WordKernel | undefined {
  if (compiled === null) {
    compiled = compileWasm(
      wasmBinary([], [{ name: "add", params: [I32, I32, I32, I32, I32], results: [I32], locals: [I32, I32, I32, I32], body: BODY }], 1),
    );
  }
  if (!compiled) return undefined;
  const exports = instantiateWasm(compiled, {});
  const memory = exports.memory as { buffer: ArrayBuffer; grow(pages: number): number };
  const add = exports.add as WordKernel["add"];
  let header = new Int32Array(memory.buffer, 0, 1);
  let words = new Uint32Array(memory.buffer, WORDS, WORD_BLOCK);
  return {
    add,
    added: () => header[0],
    words: () => words,
    slots(length) {
      const need = SLOTS + 4 * length;
      if (need > memory.buffer.byteLength) {
        memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
        header = new Int32Array(memory.buffer, 0, 1);
        words = new Uint32Array(memory.buffer, WORDS, WORD_BLOCK);
      }
      const slots = new Uint32Array(memory.buffer, SLOTS, length);
      slots.fill(0);
      return slots;
    },
  };
}
