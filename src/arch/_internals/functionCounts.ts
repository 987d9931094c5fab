/**
 * Hit counts per truth table, the histogram of a Monte Carlo table. Tables of at most 16 bits
 * (n ≤ 4) index an array of counts directly; other one-word tables (n = 5, up to 94,572 distinct
 * functions) are collected in a buffer, radix-sorted and merged into sorted arrays of keys and
 * hits; wider tables use the shared TableMap.
 */
import { TableMap } from "../../boolean/tableSet.js";
import { sortedRuns, radixSortWords } from "./radixSortWords.js";

/** Counts in transferable form: `keys` (size × words) and their `hits`. */
export interface PackedCounts {
  readonly words: number;
  readonly keys: Uint32Array;
  readonly hits: Float64Array;
}

/**
 * One-word tables waiting to be counted (2^20, a chunk: sorting them costs less than the sampling
 * that produced them, and a merge into ~10^5 counted keys is paid once per 2^20).
 */
const PENDING = 1 << 20;

/** A histogram of truth tables of `words` words. */
export class FunctionCounts {
  readonly words: number;
  /**
   * One-word tables: distinct keys in increasing order with their hits. A hash table was the
   * first design; at n = 5 its 94,572 keys outgrow the caches and each probe missed (≈ 100 ns a
   * sample), where sorting a batch touches memory in order.
   */
  private keys = new Uint32Array(0);
  private hits = new Float64Array(0);
  private count = 0;
  /** Tables counted once each, not yet merged. */
  private readonly pending: Uint32Array;
  private readonly sortScratch: Uint32Array;
  /** The sorted pending tables' distinct values and multiplicities. */
  private readonly runKeys: Uint32Array;
  private readonly runHits: Float64Array;
  private pendingCount = 0;
  /** Weighted one-word additions (from merges), not yet merged. */
  private weighted: { key: number; hits: number }[] = [];
  /** Tables of at most 16 bits: hits by table. */
  private readonly direct?: Float64Array;
  /** Wider tables: table → index into `wideHits`. */
  private readonly wide?: TableMap;
  private wideHits: Float64Array;
  private readonly scratch: Uint32Array;

  /**
   * A histogram of tables of `words` words whose set bits all lie below `keyBits` (2^n for n ≤ 5:
   * a table's rows).
   */
  constructor(words: number, keyBits = 32 * words) {
    this.words = words;
    const sorted = words === 1 && keyBits > 16;
    this.wideHits = new Float64Array(words === 1 ? 0 : 1024);
    this.scratch = new Uint32Array(words);
    this.pending = new Uint32Array(sorted ? PENDING : 0);
    this.sortScratch = new Uint32Array(sorted ? PENDING : 0);
    this.runKeys = new Uint32Array(sorted ? PENDING : 0);
    this.runHits = new Float64Array(sorted ? PENDING : 0);
    if (words === 1 && !sorted) this.direct = new Float64Array(2 ** keyBits);
    if (words !== 1) this.wide = new TableMap(words, 1024);
  }

  /** Number of distinct tables. */
  get size(): number {
    if (this.wide) return this.wide.size;
    if (this.direct) return this.direct.reduce((n, h) => (h > 0 ? n + 1 : n), 0);
    this.flush();
    return this.count;
  }

  /** Adds `hits` to the table at tables[offset … offset + words). */
  add(tables: Uint32Array, offset: number, hits: number): void {
    if (this.wide) {
      this.addWide(tables, offset, hits);
      return;
    }
    if (this.direct) {
      this.direct[tables[offset]] += hits;
      return;
    }
    this.weighted.push({ key: tables[offset], hits });
    if (this.weighted.length >= PENDING) this.flush();
  }

  /** Counts every table of a batch (count × words). */
  addTables(tables: Uint32Array, count: number): void {
    if (this.wide) {
      for (let s = 0; s < count; s++) this.addWide(tables, s * this.words, 1);
      return;
    }
    const direct = this.direct;
    if (direct) {
      for (let s = 0; s < count; s++) direct[tables[s]]++;
      return;
    }
    for (let s = 0; s < count; ) {
      const take = Math.min(count - s, PENDING - this.pendingCount);
      this.pending.set(tables.subarray(s, s + take), this.pendingCount);
      this.pendingCount += take;
      s += take;
      if (this.pendingCount === PENDING) this.flush();
    }
  }

  /** Adds counts from another histogram of the same width. */
  merge(packed: PackedCounts): void {
    if (packed.words !== this.words) throw new RangeError(`merging ${packed.words}-word counts into ${this.words}-word ones`);
    if (this.wide || this.direct) {
      for (let k = 0; k < packed.hits.length; k++) this.add(packed.keys, k * this.words, packed.hits[k]);
      return;
    }
    this.flush();
    this.mergeSorted(packed.keys, packed.hits, packed.hits.length);
  }

  /** Visits every table (a reused buffer; copy it to keep it) with its hits; one-word tables in increasing order. */
  forEach(visit: (table: Uint32Array, hits: number) => void): void {
    if (this.wide) {
      this.wide.forEach((t, k) => visit(t, this.wideHits[k]));
      return;
    }
    const t = this.scratch;
    if (this.direct) {
      this.direct.forEach((h, key) => {
        if (h === 0) return;
        t[0] = key;
        visit(t, h);
      });
      return;
    }
    this.flush();
    for (let i = 0; i < this.count; i++) {
      t[0] = this.keys[i];
      visit(t, this.hits[i]);
    }
  }

  /** The counts as two flat arrays (to post to another thread). */
  pack(): PackedCounts {
    if (!this.wide && !this.direct) {
      this.flush();
      return { words: 1, keys: this.keys.slice(0, this.count), hits: this.hits.slice(0, this.count) };
    }
    const size = this.size;
    const keys = new Uint32Array(size * this.words);
    const hits = new Float64Array(size);
    let k = 0;
    this.forEach((t, h) => {
      keys.set(t, k * this.words);
      hits[k++] = h;
    });
    return { words: this.words, keys, hits };
  }

  /** Sorts the pending tables and weighted additions and merges them into the counts. */
  private flush(): void {
    if (this.pendingCount > 0) {
      radixSortWords(this.pending, this.sortScratch, this.pendingCount);
      const count = sortedRuns(this.pending, this.pendingCount, this.runKeys, this.runHits);
      this.pendingCount = 0;
      this.mergeSorted(this.runKeys, this.runHits, count);
    }
    if (this.weighted.length > 0) {
      const w = this.weighted.sort((a, b) => a.key - b.key);
      this.weighted = [];
      const keys = Uint32Array.from(w, (e) => e.key);
      const hits = Float64Array.from(w, (e) => e.hits);
      // Equal keys side by side merge into one entry here, as mergeSorted expects distinct keys.
      let m = 0;
      for (let i = 0; i < keys.length; i++) {
        if (m > 0 && keys[m - 1] === keys[i]) hits[m - 1] += hits[i];
        else {
          keys[m] = keys[i];
          hits[m++] = hits[i];
        }
      }
      this.mergeSorted(keys, hits, m);
    }
  }

  /** Merges `n` distinct increasing keys with their hits into the counts. */
  private mergeSorted(keys: Uint32Array, hits: Float64Array, n: number): void {
    const outKeys = new Uint32Array(this.count + n);
    const outHits = new Float64Array(this.count + n);
    let i = 0;
    let j = 0;
    let m = 0;
    while (i < this.count && j < n) {
      const a = this.keys[i];
      const b = keys[j];
      if (a < b) {
        outKeys[m] = a;
        outHits[m++] = this.hits[i++];
      } else if (b < a) {
        outKeys[m] = b;
        outHits[m++] = hits[j++];
      } else {
        outKeys[m] = a;
        outHits[m++] = this.hits[i++] + hits[j++];
      }
    }
    for (; i < this.count; i++, m++) {
      outKeys[m] = this.keys[i];
      outHits[m] = this.hits[i];
    }
    for (; j < n; j++, m++) {
      outKeys[m] = keys[j];
      outHits[m] = hits[j];
    }
    this.keys = outKeys;
    this.hits = outHits;
    this.count = m;
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
    }
    this.wideHits[k] += hits;
  }
}
