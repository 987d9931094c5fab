/**
 * Standard normal samples by the ziggurat method (Marsaglia & Tsang 2000, in Doornik's 2005 form:
 * 128 layers of equal area, the magnitude a 53-bit uniform, layer and sign from a separate word).
 * It is rejection sampling, so it is exact given exact uniforms; the layer table is computed here
 * to double precision (no rounded published constants), so the only approximations are the
 * 2^-53 resolution of the uniforms and the double rounding of the table.
 */
import type { RandomStream } from "../prior.js";

/** Number of layers (a power of two: the layer index is the top bits of one word). */
const LAYERS = 128;
const TWO_POW_27 = 134217728;
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

/** A uniform double in [0, 1) with 53 random bits (the same bits as pure-rand's uniformFloat64). */
function unit(rng: RandomStream): number {
  const hi = rng.next() >>> 6;
  const lo = rng.next() >>> 5;
  return (hi * TWO_POW_27 + lo) * TWO_POW_MINUS_53;
}

/** One draw from the tail |x| > r (Marsaglia 1964), positive. */
function tail(rng: RandomStream, r: number): number {
  for (;;) {
    // 1 − u keeps the logarithms finite.
    const x = -Math.log(1 - unit(rng)) / r;
    const y = -Math.log(1 - unit(rng));
    if (2 * y > x * x) return r + x;
  }
}

/**
 * Fills out[0 … m) with independent N(0, 1) samples; three 32-bit words per sample in ≈ 99 % of
 * cases (magnitude 53 bits, then layer and sign from the top 8 bits of a third word, away from
 * xoroshiro128+'s weak low bits).
 */
export function zigguratNormals(rng: RandomStream, out: Float64Array, m: number): void {
  const { x: X, f: F, ratio, r } = TABLES;
  for (let k = 0; k < m; k++) {
    for (;;) {
      const u = unit(rng);
      const w = rng.next();
      const layer = w >>> 25;
      const negative = (w & 0x1000000) !== 0;
      let z: number;
      if (u < ratio[layer]) z = u * X[layer];
      else if (layer === 0) z = tail(rng, r);
      else {
        // The wedge: accept when a uniform height in the strip lies under the density.
        z = u * X[layer];
        const y = F[layer] + unit(rng) * (F[layer + 1] - F[layer]);
        if (y >= density(z)) continue;
      }
      out[k] = negative ? -z : z;
      break;
    }
  }
}

/** The ziggurat's base-strip edge r and layer edges, for tests. */
export const ZIGGURAT_TABLES: { readonly x: Float64Array; readonly r: number } = TABLES;
