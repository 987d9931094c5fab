/**
 * Hit counts per truth table, the histogram of a Monte Carlo table. One-word tables (n ≤ 5, the
 * common case, up to 94,572 distinct functions) go into an open-addressing table of plain
 * integers, with no per-sample allocation; wider tables use the shared TableMap.
 */
import { TableMap } from "../../boolean/tableSet.js";

/** Counts in transferable form: `keys` (size × words) and their `hits`. */
export interface PackedCounts {
  readonly words: number;
  readonly keys: Uint32Array;
  readonly hits: Float64Array;
}

/** A histogram of truth tables of `words` words. */
export class FunctionCounts {
  readonly words: number;
  /**
   * One-word tables: slot i holds its key at 2i and its hits at 2i + 1 (0 hits marks an empty
   * slot: a stored key has ≥ 1). Side by side, a probe touches one cache line, not two: at n = 5
   * the table outgrows the caches and the misses were most of the counting time.
   */
  private slots: Float64Array;
  private shift: number;
  /** Wider tables: table → index into `wideHits`. */
  private readonly wide?: TableMap;
  private wideHits: Float64Array;
  private readonly scratch: Uint32Array;
  /** Number of distinct tables. */
  size = 0;

  constructor(words: number) {
    this.words = words;
    this.shift = 32 - 12;
    this.slots = new Float64Array(2 << 12);
    this.wideHits = new Float64Array(words === 1 ? 0 : 1024);
    this.scratch = new Uint32Array(words);
    if (words !== 1) this.wide = new TableMap(words, 1024);
  }

  /** Adds `hits` to the table at tables[offset … offset + words). */
  add(tables: Uint32Array, offset: number, hits: number): void {
    if (this.wide) {
      this.addWide(tables, offset, hits);
      return;
    }
    const key = tables[offset];
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1;
    // Fibonacci hashing: the top bits of key × 2^32/φ spread nearby tables apart.
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (slots[2 * slot + 1] !== 0 && slots[2 * slot] !== key) slot = (slot + 1) & mask;
    if (slots[2 * slot + 1] === 0) {
      slots[2 * slot] = key;
      if (++this.size * 4 > slots.length) {
        slots[2 * slot + 1] = hits;
        this.grow();
        return;
      }
    }
    slots[2 * slot + 1] += hits;
  }

  /** Counts every table of a batch (count × words). */
  addTables(tables: Uint32Array, count: number): void {
    for (let s = 0; s < count; s++) this.add(tables, s * this.words, 1);
  }

  /** Adds counts from another histogram of the same width. */
  merge(packed: PackedCounts): void {
    if (packed.words !== this.words) throw new RangeError(`merging ${packed.words}-word counts into ${this.words}-word ones`);
    for (let k = 0; k < packed.hits.length; k++) this.add(packed.keys, k * this.words, packed.hits[k]);
  }

  /** Visits every table (a reused buffer; copy it to keep it) with its hits. */
  forEach(visit: (table: Uint32Array, hits: number) => void): void {
    if (this.wide) {
      this.wide.forEach((t, k) => visit(t, this.wideHits[k]));
      return;
    }
    const t = this.scratch;
    for (let i = 0; i < this.slots.length; i += 2) {
      if (this.slots[i + 1] === 0) continue;
      t[0] = this.slots[i];
      visit(t, this.slots[i + 1]);
    }
  }

  /** The counts as two flat arrays (to post to another thread). */
  pack(): PackedCounts {
    const keys = new Uint32Array(this.size * this.words);
    const hits = new Float64Array(this.size);
    let k = 0;
    this.forEach((t, h) => {
      keys.set(t, k * this.words);
      hits[k++] = h;
    });
    return { words: this.words, keys, hits };
  }

  private addWide(tables: Uint32Array, offset: number, hits: number): void {
    const map = this.wide as TableMap;
    const key = this.scratch;
    for (let j = 0; j < this.words; j++) key[j] = tables[offset + j];
    let k = map.get(key);
    if (k < 0) {
      k = map.size;
      map.setIfAbsent(key, k);
      if (k >= this.wideHits.length) {
        const grown = new Float64Array(this.wideHits.length * 2);
        grown.set(this.wideHits);
        this.wideHits = grown;
      }
      this.size = map.size;
    }
    this.wideHits[k] += hits;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.shift--;
    this.size = 0;
    const key = new Uint32Array(1);
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      key[0] = old[i];
      this.add(key, 0, old[i + 1]);
    }
  }
}
