/**
 * Hit counts of a given list of truth tables only, the tally of a Monte Carlo table restricted to
 * some functions: at n = 7 a full histogram holds every distinct function drawn (three in four
 * samples at 2^21), while the functions one wants compared may be a few million. Every sample is
 * looked up in a fixed open-addressing set of the listed tables (TableMap) and counted there, or
 * as outside the list.
 */
import { TableMap } from "../../boolean/tableSet.js";

/** A list's counts in transferable form: hits by list position, and samples outside the list. */
export interface PackedListedCounts {
  readonly hits: Float64Array;
  readonly outside: number;
}

let lists = 0;

/** The listed tables, each once: `keys` holds table k's words at [k·words, (k + 1)·words). */
export class ListedTables {
  /** Number of listed tables. */
  readonly count: number;
  /** Tells lists apart within this process (a worker keeps the set it built for one id). */
  readonly id = ++lists;
  private readonly index: TableMap;
  /**
   * One bit per hash value, set for the listed tables: most samples compute no listed function,
   * and a clear bit (16 bits a table, one hash: about 6% false positives) rejects them after one
   * read of a few MB instead of probes into the map's hundreds of MB (at n = 7, 3.5 million
   * listed tables: a sample rate about twice as high, bench/README.md).
   */
  private readonly filter: Int32Array;
  private readonly filterShift: number;
  private shared?: Uint32Array;

  /**
   * @throws RangeError if `keys` is not a whole number of tables or lists a table twice.
   */
  constructor(
    readonly words: number,
    readonly keys: Uint32Array,
  ) {
    if (!Number.isSafeInteger(words) || words < 1 || keys.length % words !== 0)
      throw new RangeError(`${keys.length} words are not a list of ${words}-word tables`);
    this.count = keys.length / words;
    this.index = new TableMap(words, this.count);
    let bits = 5;
    while (2 ** bits < 16 * this.count && bits < 31) bits++;
    this.filter = new Int32Array(2 ** (bits - 5));
    this.filterShift = 32 - bits;
    for (let k = 0; k < this.count; k++) {
      const key = keys.subarray(k * words, (k + 1) * words);
      if (!this.index.setIfAbsent(key, k)) throw new RangeError(`table ${k} of the list repeats table ${this.index.get(key)}`);
      const h = this.hash(keys, k * words);
      this.filter[h >>> 5] |= 1 << (h & 31);
    }
  }

  /** The filter bit of the table at tables[offset …). */
  private hash(tables: Uint32Array, offset: number): number {
    let h = 0x2545f491;
    for (let j = 0; j < this.words; j++) h = Math.imul(h ^ tables[offset + j], 0x9e3779b1) ^ (h >>> 15);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return (h ^ (h >>> 13)) >>> this.filterShift;
  }

  /** The keys in memory shared with worker threads (copied once): posting them then copies nothing. */
  sharedKeys(): Uint32Array {
    if (!this.shared) {
      this.shared = new Uint32Array(new SharedArrayBuffer(this.keys.byteLength));
      this.shared.set(this.keys);
    }
    return this.shared;
  }

  /** The list position of the table at tables[offset …), or −1 when it is not listed (`scratch`: words long). */
  find(tables: Uint32Array, offset: number, scratch: Uint32Array): number {
    const h = this.hash(tables, offset);
    if ((this.filter[h >>> 5] & (1 << (h & 31))) === 0) return -1;
    for (let j = 0; j < this.words; j++) scratch[j] = tables[offset + j];
    return this.index.get(scratch);
  }
}

/** Hits of each listed table, and the samples that computed no listed table. */
export class ListedCounts {
  readonly hits: Float64Array;
  outside = 0;
  private readonly scratch: Uint32Array;

  constructor(readonly listed: ListedTables) {
    this.hits = new Float64Array(listed.count);
    this.scratch = new Uint32Array(listed.words);
  }

  /** Counts every table of a batch (count × words). */
  addTables(tables: Uint32Array, count: number): void {
    const { listed, hits, scratch } = this;
    for (let s = 0; s < count; s++) {
      const k = listed.find(tables, s * listed.words, scratch);
      if (k < 0) this.outside++;
      else hits[k]++;
    }
  }

  /** The counts as plain arrays (to post to another thread). */
  pack(): PackedListedCounts {
    return { hits: this.hits, outside: this.outside };
  }

  /** Adds another tally's counts of the same list. */
  merge(packed: PackedListedCounts): void {
    if (packed.hits.length !== this.hits.length)
      throw new RangeError(`merging counts of ${packed.hits.length} listed tables into ${this.hits.length}`);
    for (let k = 0; k < packed.hits.length; k++) this.hits[k] += packed.hits[k];
    this.outside += packed.outside;
  }
}
