/**
 * Fixed-size bitsets over 32-bit words, for the zero sets (which constraints are tight at a ray) and
 * ray sets (which rays lie on a face) that the double description method and the triangulation
 * intersect and compare millions of times.
 */

/** A set of small non-negative integers; all sets that are combined must have the same word count. */
export type Bitset = Uint32Array;

/** An empty bitset able to hold 0 … size−1. */
export function emptyBitset(size: number): Bitset {
  return new Uint32Array(Math.max(1, Math.ceil(size / 32)));
}

/** Adds i to s in place. */
export function setBit(s: Bitset, i: number): void {
  s[i >>> 5] |= 1 << (i & 31);
}

/** True when i ∈ s. */
export function hasBit(s: Bitset, i: number): boolean {
  return (s[i >>> 5] & (1 << (i & 31))) !== 0;
}

/** The bitset holding exactly the given indices. */
export function bitsetOf(size: number, indices: Iterable<number>): Bitset {
  const s = emptyBitset(size);
  for (const i of indices) setBit(s, i);
  return s;
}

/** a ∩ b, as a new bitset. */
export function intersect(a: Bitset, b: Bitset): Bitset {
  const r = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) r[w] = a[w] & b[w];
  return r;
}

/** True when a ⊆ b. */
export function isSubset(a: Bitset, b: Bitset): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w] & ~b[w]) !== 0) return false;
  return true;
}

/** True when a = b. */
export function bitsetEquals(a: Bitset, b: Bitset): boolean {
  for (let w = 0; w < a.length; w++) if (a[w] !== b[w]) return false;
  return true;
}

function bitCount32(x: number): number {
  let y = x - ((x >>> 1) & 0x55555555);
  y = (y & 0x33333333) + ((y >>> 2) & 0x33333333);
  return (((y + (y >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** |s|. */
export function popcount(s: Bitset): number {
  let c = 0;
  for (let w = 0; w < s.length; w++) c += bitCount32(s[w]);
  return c;
}

/** |a ∩ b|, without allocating (the double description asks this for every pair of rays). */
export function intersectionSize(a: Bitset, b: Bitset): number {
  let c = 0;
  for (let w = 0; w < a.length; w++) c += bitCount32(a[w] & b[w]);
  return c;
}

/** The members of s in increasing order. */
export function members(s: Bitset): number[] {
  const out: number[] = [];
  for (let w = 0; w < s.length; w++) {
    let x = s[w];
    while (x !== 0) {
      const low = x & -x;
      out.push(w * 32 + 31 - Math.clz32(low));
      x ^= low;
    }
  }
  return out;
}

/** A string usable as a Map key, equal for equal sets of the same word count. */
export function bitsetKey(s: Bitset): string {
  return s.join(",");
}
