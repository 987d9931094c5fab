/**
 * Standard normal samples by the ziggurat method (Marsaglia & Tsang 2000, in Doornik's 2005 form:
 * 128 layers of equal area; magnitude, layer and sign from one 64-bit output, drawn in blocks).
 * It is rejection sampling, so it is exact given exact uniforms; the layer table is computed here
 * to double precision (no rounded published constants), so the only approximations are the
 * 2^-52 resolution of the uniforms and the double rounding of the table.
 */
import type { RandomStream } from "../prior.js";
import { drawPairs } from "../randomStream.js";

/** Number of layers (a power of two: the layer index is 7 bits of a word). */
const LAYERS = 128;
const TWO_POW_20 = 2 ** 20;
const TWO_POW_21 = 2 ** 21;
const TWO_POW_MINUS_52 = 2 ** -52;
const TWO_POW_MINUS_53 = 2 ** -53;

/** The unnormalised density e^{−x²/2}. */
function density(x: number): number {
  return Math.exp(-0.5 * x * x);
}

/** ∫_x^∞ e^{−t²/2} dt / e^{−x²/2} (Mills' ratio), by its continued fraction; accurate for x ≥ 2. */
function millsRatio(x: number): number {
  let t = x;
  for (let k = 400; k >= 1; k--) t = x + k / t;
  return 1 / t;
}

/**
 * The layer edges for base-strip edge r: x[0] = V/f(r) (the base strip's width), x[1] = r, each
 * next edge where the strip above has area V; returns the top strip's area minus V (increasing in
 * r), or −Infinity when the strips reach the mode too early (r too small).
 */
function layerEdges(r: number, x: Float64Array): number {
  const f = density(r);
  const v = r * f + f * millsRatio(r);
  x[0] = v / f;
  x[1] = r;
  for (let i = 2; i < LAYERS; i++) {
    const y = v / x[i - 1] + density(x[i - 1]);
    if (y >= 1) return -Infinity;
    x[i] = Math.sqrt(-2 * Math.log(y));
  }
  return x[LAYERS - 1] * (1 - density(x[LAYERS - 1])) - v;
}

/** Edges X[0 … LAYERS] (X[LAYERS] = 0), densities F[i] = f(X[i]) and acceptance ratios X[i+1]/X[i]. */
function buildTables(): { x: Float64Array; f: Float64Array; ratio: Float64Array; r: number } {
  const x = new Float64Array(LAYERS + 1);
  // Bisection to the last representable step: equal-area strips to double precision.
  let lo = 3;
  let hi = 4;
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (layerEdges(mid, x) < 0) lo = mid;
    else hi = mid;
  }
  layerEdges(hi, x);
  x[LAYERS] = 0;
  const f = Float64Array.from(x, density);
  const ratio = new Float64Array(LAYERS);
  for (let i = 0; i < LAYERS; i++) ratio[i] = x[i + 1] / x[i];
  return { x, f, ratio, r: hi };
}

const TABLES = buildTables();

/** Words (2 per 64-bit output) drawn at a time (unused words of a call are dropped, deterministically). */
const BLOCK = 4096;

/** A uniform double in [0, 1) with 53 bits: the high word and the top 21 bits of the low word. */
function unitFromPair(lo: number, hi: number): number {
  return ((hi >>> 0) * TWO_POW_21 + (lo >>> 11)) * TWO_POW_MINUS_53;
}

/**
 * The magnitude of a fast-path draw, uniform in [0, 1) on a grid of 2^-52 (the high word and the
 * top 20 bits of the low word): with the separate sign bit as fine as Doornik's 2U − 1 from a
 * 53-bit U.
 */
function magnitudeFromPair(lo: number, hi: number): number {
  return ((hi >>> 0) * TWO_POW_20 + (lo >>> 12)) * TWO_POW_MINUS_52;
}

/** The block buffer, shared by calls (each starts with a fresh block; a thread runs one call at a time). */
const BLOCK_WORDS = new Int32Array(BLOCK);

/** Words of a stream read one block at a time. */
class WordCursor {
  /** Read position and end of the current block (both even). */
  pos = 0;
  end = 0;

  constructor(
    readonly rng: RandomStream,
    readonly words: Int32Array,
  ) {}

  /**
   * Draws a new block sized for about `normals` more samples (plus room for rejections), so that
   * a call does not draw, and drop, much more than it uses.
   */
  refill(normals: number): void {
    this.end = Math.min(BLOCK, 2 * normals + 64);
    drawPairs(this.rng, this.words.subarray(0, this.end));
    this.pos = 0;
  }

  /** A uniform double in [0, 1) from the next 64-bit output. */
  unit(): number {
    if (this.pos > this.end - 2) this.refill(16);
    const u = unitFromPair(this.words[this.pos], this.words[this.pos + 1]);
    this.pos += 2;
    return u;
  }
}

/** One draw from the tail |x| > r (Marsaglia 1964), positive; loops until accepted, as exactness needs. */
function tail(words: WordCursor, r: number): number {
  for (;;) {
    // 1 − u keeps the logarithms finite.
    const x = -Math.log(1 - words.unit()) / r;
    const y = -Math.log(1 - words.unit());
    if (2 * y > x * x) return r + x;
  }
}

/**
 * The rare outcome of a ziggurat draw (≈ 1 %): the tail below layer 0, or the wedge of another
 * layer. Returns the magnitude, or −1 when the wedge rejects (then the whole draw starts over).
 */
function rareDraw(words: WordCursor, layer: number, u: number): number {
  const { x: X, f: F, r } = TABLES;
  if (layer === 0) return tail(words, r);
  const z = u * X[layer];
  // Accept when a uniform height in the strip lies under the density.
  const y = F[layer] + words.unit() * (F[layer + 1] - F[layer]);
  return y < density(z) ? z : -1;
}

/**
 * Fills out[0 … m) with independent N(0, 1) samples. In ≈ 99 % of cases a sample takes one
 * 64-bit output: 52 bits of magnitude, 7 of layer, 1 of sign.
 */
export function zigguratNormals(rng: RandomStream, out: Float64Array, m: number): void {
  const { x: X, ratio } = TABLES;
  const cursor = new WordCursor(rng, BLOCK_WORDS);
  const words = cursor.words;
  // The hot loop keeps the read position in a local and hands it to the cursor for rare draws.
  let pos = 0;
  let end = 0;
  for (let k = 0; k < m; ) {
    if (pos > end - 2) {
      cursor.refill(m - k);
      pos = 0;
      end = cursor.end;
    }
    const lo = words[pos];
    const hi = words[pos + 1];
    pos += 2;
    const u = magnitudeFromPair(lo, hi);
    // Layer and sign from bits 4–11 of the low word (xoroshiro128+'s lowest bits are its weak ones).
    const layer = (lo >>> 4) & 127;
    // ±1 from bit 11, without a branch (half of them would be mispredicted).
    const sign = 1 - ((lo >>> 10) & 2);
    if (u < ratio[layer]) {
      out[k++] = sign * u * X[layer];
      continue;
    }
    cursor.pos = pos;
    const z = rareDraw(cursor, layer, u);
    pos = cursor.pos;
    end = cursor.end;
    if (z >= 0) out[k++] = sign * z;
  }
}

/** The ziggurat's base-strip edge r and layer edges, for tests. */
export const ZIGGURAT_TABLES: { readonly x: Float64Array; readonly r: number } = TABLES;
