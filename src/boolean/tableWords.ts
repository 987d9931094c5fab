/**
 * Truth tables as arrays of 32-bit words, for the hot loops of enumeration and symmetry walks.
 * Word j holds rows 32j … 32j+31 (bit b = row 32j+b). Row bit k (k = 0 least significant)
 * is input x_{n−k} under the MSB-first convention.
 */

/** Words needed for a table of n inputs. */
export function wordCount(n: number): number {
  return n <= 5 ? 1 : 1 << (n - 5);
}

/** Table as words from its bigint form. */
export function wordsFromBigInt(bits: bigint, n: number): Uint32Array {
  const w = new Uint32Array(wordCount(n));
  for (let j = 0; j < w.length; j++) w[j] = Number((bits >> BigInt(32 * j)) & 0xffffffffn);
  return w;
}

/** Table as a bigint from its words. */
export function wordsToBigInt(w: Uint32Array): bigint {
  let bits = 0n;
  for (let j = w.length - 1; j >= 0; j--) bits = (bits << 32n) | BigInt(w[j]);
  return bits;
}

/** Mask of the used bits of each word. */
export function wordMask(n: number): number {
  return n >= 5 ? 0xffffffff : 2 ** (1 << n) - 1;
}

const NEGATE_MASKS = [0x55555555, 0x33333333, 0x0f0f0f0f, 0x00ff00ff, 0x0000ffff];

function positionsMask(pred: (p: number) => boolean): number {
  let m = 0;
  for (let p = 0; p < 32; p++) if (pred(p)) m |= 1 << p;
  return m >>> 0;
}

const SWAP_MASKS = [0, 1, 2, 3].map((k) =>
  positionsMask((p) => ((p >> k) & 1) === 1 && ((p >> (k + 1)) & 1) === 0),
);

/** Replaces f by x ↦ f(x with row bit k flipped), in place. */
export function negateRowBit(w: Uint32Array, k: number): void {
  if (k < 5) {
    const s = 1 << k;
    const m = NEGATE_MASKS[k];
    for (let j = 0; j < w.length; j++) {
      const v = w[j];
      w[j] = ((v & m) << s) | ((v >>> s) & m);
    }
    return;
  }
  const step = 1 << (k - 5);
  for (let j = 0; j < w.length; j++) {
    if (j & step) continue;
    const t = w[j];
    w[j] = w[j + step];
    w[j + step] = t;
  }
}

/** Replaces f by x ↦ f(x with row bits k and k+1 exchanged), in place. */
export function swapRowBits(w: Uint32Array, k: number): void {
  if (k < 4) {
    const s = 1 << k;
    const m = SWAP_MASKS[k];
    for (let j = 0; j < w.length; j++) {
      const v = w[j];
      const t = ((v >>> s) ^ v) & m;
      w[j] = v ^ t ^ (t << s);
    }
    return;
  }
  if (k === 4) {
    for (let j = 0; j < w.length; j += 2) {
      const a = w[j];
      const b = w[j + 1];
      w[j] = (a & 0xffff) | (b << 16);
      w[j + 1] = (b & 0xffff0000) | (a >>> 16);
    }
    return;
  }
  const step = 1 << (k - 5);
  for (let j = 0; j < w.length; j++) {
    if ((j & step) === 0 || j & (step << 1)) continue;
    const t = w[j];
    w[j] = w[j + step];
    w[j + step] = t;
  }
}

/** Replaces f by ¬f, in place. */
export function complementWords(w: Uint32Array, n: number): void {
  const m = wordMask(n);
  for (let j = 0; j < w.length; j++) w[j] = ~w[j] & m;
}

/** f(row r) as 0 or 1. */
export function rowValue(w: Uint32Array, r: number): number {
  return (w[r >>> 5] >>> (r & 31)) & 1;
}

/** Flips f(row r), in place. */
export function flipRowWord(w: Uint32Array, r: number): void {
  w[r >>> 5] ^= 1 << (r & 31);
}

/** Compares two tables as numbers (most significant word first). */
export function compareWords(a: Uint32Array, b: Uint32Array): number {
  for (let j = a.length - 1; j >= 0; j--) if (a[j] !== b[j]) return a[j] < b[j] ? -1 : 1;
  return 0;
}

/** A 32-bit word with its bit order reversed (bit 0 ↔ bit 31), as an unsigned number. */
export function reverseBits(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return ((x >>> 16) | (x << 16)) >>> 0;
}
