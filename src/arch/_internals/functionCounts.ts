/**
 * Hit counts per truth table, the histogram of a Monte Carlo table. Tables of at most 16 bits
 * (n ≤ 4) index an array of counts directly; other one-word tables (n = 5, up to 94,572 distinct
 * functions) are counted in a hash table of words (WordCounts); wider tables use the shared TableMap.
 */
import { TableMap } from "../../boolean/tableSet.js";
import { WordCounts } from "./wordCounts.js";

/** Counts in transferable form: `keys` (size × words) and their `hits`. */
export interface PackedCounts {
  readonly words: number;
  readonly keys: Uint32Array;
  readonly hits: Float64Array;
}

/** A histogram of truth tables of `words` words. */
export class FunctionCounts {
  readonly words: number;
  /** Tables of at most 16 bits: hits by table. */
  private readonly direct?: Float64Array;
  /** Other one-word tables. */
  private readonly hashed?: WordCounts;
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
    this.wideHits = new Float64Array(words === 1 ? 0 : 1024);
    this.scratch = new Uint32Array(words);
    if (words === 1 && keyBits <= 16) this.direct = new Float64Array(2 ** keyBits);
    else if (words === 1) this.hashed = new WordCounts();
    else this.wide = new TableMap(words, 1024);
  }

  /** Number of distinct tables. */
  get size(): number {
    if (this.wide) return this.wide.size;
    if (this.hashed) return this.hashed.size;
    return (this.direct as Float64Array).reduce((n, h) => (h > 0 ? n + 1 : n), 0);
  }

  /** Adds `hits` to the table at tables[offset … offset + words). */
  add(tables: Uint32Array, offset: number, hits: number): void {
    if (this.wide) this.addWide(tables, offset, hits);
    else if (this.hashed) this.hashed.add(tables[offset], hits);
    else (this.direct as Float64Array)[tables[offset]] += hits;
  }

  /** Counts every table of a batch (count × words). */
  addTables(tables: Uint32Array, count: number): void {
    if (this.wide) {
      for (let s = 0; s < count; s++) this.addWide(tables, s * this.words, 1);
      return;
    }
    if (this.hashed) {
      this.hashed.addEach(tables, count);
      return;
    }
    const direct = this.direct as Float64Array;
    for (let s = 0; s < count; s++) direct[tables[s]]++;
  }

  /** Adds counts from another histogram of the same width. */
  merge(packed: PackedCounts): void {
    if (packed.words !== this.words) throw new RangeError(`merging ${packed.words}-word counts into ${this.words}-word ones`);
    for (let k = 0; k < packed.hits.length; k++) this.add(packed.keys, k * this.words, packed.hits[k]);
  }

  /** Visits every table (a reused buffer; copy it to keep it) with its hits; one-word tables in increasing order. */
  forEach(visit: (table: Uint32Array, hits: number) => void): void {
    if (this.wide) {
      this.wide.forEach((t, k) => visit(t, this.wideHits[k]));
      return;
    }
    const t = this.scratch;
    const visitWord = (key: number, h: number) => {
      t[0] = key;
      visit(t, h);
    };
    if (this.hashed) this.hashed.forEach(visitWord);
    else (this.direct as Float64Array).forEach((h, key) => h > 0 && visitWord(key, h));
  }

  /** The counts as two flat arrays (to post to another thread). */
  pack(): PackedCounts {
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
