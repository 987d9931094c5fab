/**
 * Hit counts of 32-bit words (one-word truth tables, n = 5): an open-addressing hash table whose
 * slots hold key and count side by side, so a probe touches one cache line. It replaced a radix
 * sort of each 2^20 samples merged into sorted counts (≈ 35 against ≈ 25 ns a sample at n = 5,
 * where 94,572 functions occur and the 4,096 commonest take only 63 % of the samples). The slots
 * live in WebAssembly memory and batches are counted by a WebAssembly loop (wordCountsWasm.ts):
 * the same probes without typed-array bounds checks, ≈ 1.5× faster per word.
 */
import { GOLDEN, WORD_BLOCK, type WordKernel, wordKernel } from "./wordCountsWasm.js";
/** Adds between spills of the 32-bit counts into the float ones (no count can wrap before). */
const SPILL_EVERY = 2 ** 31;

/** Counts of 32-bit words. */
export class WordCounts {
  /**
   * Slot i: key at [2i], count + 1 at [2i + 1] (0 = empty slot), the count being the hits since
   * the last spill; `spilled[i]` holds the hits before it (and weighted additions).
   */
  private slots: Uint32Array;
  private spilled: Float64Array;
  /** The WebAssembly batch loop and memory holding `slots` (absent without WebAssembly). */
  private readonly wasm: WordKernel | undefined;
  private shift: number;
  private mask: number;
  private addsSinceSpill = 0;
  /** Number of distinct words. */
  size = 0;

  /**
   * Counts with room for `expected` words before the table grows; `webAssembly` false keeps the
   * JavaScript loop (the fallback where WebAssembly is unavailable; tests compare the two).
   */
  constructor(expected = 1 << 15, webAssembly = true) {
    this.wasm = webAssembly ? wordKernel() : undefined;
    let bits = 4;
    while (1 << bits < 2 * expected) bits++;
    this.slots = this.newSlots(bits);
    this.spilled = new Float64Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  /** Zeroed slots for 2^bits words (in WebAssembly memory when there is a kernel). */
  private newSlots(bits: number): Uint32Array {
    return this.wasm ? this.wasm.slots(2 << bits) : new Uint32Array(2 << bits);
  }

  /** Counts words[0 … count) once each. */
  addEach(words: Uint32Array, count: number): void {
    if (this.addsSinceSpill + count > SPILL_EVERY) this.spill();
    this.addsSinceSpill += count;
    if (this.wasm) {
      this.addEachWasm(this.wasm, words, count);
      return;
    }
    let { shift, mask, slots } = this;
    for (let s = 0; s < count; s++) {
      const key = words[s];
      let i = Math.imul(key, GOLDEN) >>> shift;
      for (;;) {
        const c = slots[2 * i + 1];
        if (c === 0) {
          slots[2 * i] = key;
          slots[2 * i + 1] = 2;
          // Half full: grow, and continue in the new table.
          if (++this.size > mask >>> 1) ({ shift, mask, slots } = this.grow());
          break;
        }
        if (slots[2 * i] === key) {
          slots[2 * i + 1] = c + 1;
          break;
        }
        i = (i + 1) & mask;
      }
    }
  }

  /** addEach through the WebAssembly loop, in blocks of its word buffer, growing between its runs. */
  private addEachWasm(wasm: WordKernel, words: Uint32Array, count: number): void {
    for (let done = 0; done < count; ) {
      const n = Math.min(WORD_BLOCK, count - done);
      wasm.words().set(words.subarray(done, done + n));
      for (let s = 0; s < n; ) {
        // It stops after the insertion that fills the table to half (then grow) or at n.
        const room = (this.mask >>> 1) - this.size;
        s = wasm.add(s, n, this.shift, this.mask, room);
        this.size += wasm.added();
        if (this.size > this.mask >>> 1) this.grow();
      }
      done += n;
    }
  }

  /** Adds `hits` (any non-negative number) to `key`. */
  add(key: number, hits: number): void {
    // slotOf may grow the table and replace `spilled`: find the slot first.
    const i = this.slotOf(key);
    this.spilled[i] += hits;
  }

  /** Visits the words in increasing order with their hits. */
  forEach(visit: (key: number, hits: number) => void): void {
    const keys = new Uint32Array(this.size);
    let m = 0;
    for (let i = 0; i <= this.mask; i++) if (this.slots[2 * i + 1] !== 0) keys[m++] = this.slots[2 * i];
    keys.sort();
    for (const key of keys) {
      const i = this.slotOf(key);
      visit(key, this.slots[2 * i + 1] - 1 + this.spilled[i]);
    }
  }

  /** The slot of `key`, inserted with no hits when absent. */
  private slotOf(key: number): number {
    for (;;) {
      let i = Math.imul(key, GOLDEN) >>> this.shift;
      for (;;) {
        const c = this.slots[2 * i + 1];
        if (c !== 0 && this.slots[2 * i] === key) return i;
        if (c === 0) break;
        i = (i + 1) & this.mask;
      }
      if (this.size + 1 > this.mask >>> 1) {
        this.grow();
        continue;
      }
      this.slots[2 * i] = key;
      this.slots[2 * i + 1] = 1;
      this.size++;
      return i;
    }
  }

  /** Moves every count since the last spill into `spilled`. */
  private spill(): void {
    for (let i = 0; i <= this.mask; i++) {
      const c = this.slots[2 * i + 1];
      if (c > 1) {
        this.spilled[i] += c - 1;
        this.slots[2 * i + 1] = 1;
      }
    }
    this.addsSinceSpill = 0;
  }

  /** Doubles the table, rehashing every word; returns the new table's fields. */
  private grow(): { shift: number; mask: number; slots: Uint32Array } {
    this.spill();
    const oldSpilled = this.spilled;
    const bits = 33 - this.shift;
    // A copy: new WebAssembly slots may reuse (and grow) the memory the old ones are in.
    const old = this.wasm ? this.slots.slice() : this.slots;
    this.slots = this.newSlots(bits);
    this.spilled = new Float64Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    for (let j = 0; j < old.length >>> 1; j++) {
      if (old[2 * j + 1] === 0) continue;
      const key = old[2 * j];
      let i = Math.imul(key, GOLDEN) >>> this.shift;
      while (this.slots[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = key;
      this.slots[2 * i + 1] = 1;
      this.spilled[i] = oldSpilled[j];
    }
    return { shift: this.shift, mask: this.mask, slots: this.slots };
  }
}
