/**
 * An open-addressing hash map from truth tables (word arrays) to non-negative int32 values,
 * sized for the 15 million threshold functions of 6 inputs without per-entry objects.
 */
export class TableMap {
  private readonly width: number;
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;
  /** Number of entries. */
  size = 0;

  /** A map for tables of `width` words with room for about `expected` entries before growing. */
  constructor(width: number, expected = 1024) {
    this.width = width;
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Uint32Array(cap * width);
    this.values = new Int32Array(cap).fill(-1);
  }

  private slot(key: Uint32Array): number {
    let h = 0x9e3779b9;
    for (let j = 0; j < this.width; j++) {
      h = Math.imul(h ^ key[j], 0x85ebca6b);
      h ^= h >>> 13;
    }
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let i = h & this.mask;
    for (;;) {
      if (this.values[i] === -1) return i;
      let same = true;
      const base = i * this.width;
      for (let j = 0; j < this.width; j++) {
        if (this.keys[base + j] !== key[j]) {
          same = false;
          break;
        }
      }
      if (same) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** The value stored for key, or −1. */
  get(key: Uint32Array): number {
    return this.values[this.slot(key)];
  }

  /** Stores value (≥ 0) for key unless present; returns true when the key was new. */
  setIfAbsent(key: Uint32Array, value: number): boolean {
    const i = this.slot(key);
    if (this.values[i] !== -1) return false;
    this.keys.set(key, i * this.width);
    this.values[i] = value;
    this.size++;
    if (this.size * 2 > this.mask + 1) this.grow();
    return true;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.keys = new Uint32Array(cap * this.width);
    this.values = new Int32Array(cap).fill(-1);
    const key = new Uint32Array(this.width);
    for (let i = 0; i < oldValues.length; i++) {
      if (oldValues[i] === -1) continue;
      for (let j = 0; j < this.width; j++) key[j] = oldKeys[i * this.width + j];
      const s = this.slot(key);
      this.keys.set(key, s * this.width);
      this.values[s] = oldValues[i];
    }
  }

  /** Removes every entry, keeping the capacity (for a map reused batch after batch). */
  clear(): void {
    if (this.size === 0) return;
    this.values.fill(-1);
    this.size = 0;
  }

  /** Calls visit(key, value) for every entry (the key array is reused between calls). */
  forEach(visit: (key: Uint32Array, value: number) => void): void {
    const key = new Uint32Array(this.width);
    for (let i = 0; i < this.values.length; i++) {
      if (this.values[i] === -1) continue;
      for (let j = 0; j < this.width; j++) key[j] = this.keys[i * this.width + j];
      visit(key, this.values[i]);
    }
  }
}
