/**
 * Standard normal samples by the ziggurat method (Marsaglia & Tsang 2000, in Doornik's 2005 form:
 * 128 layers of equal area), two samples from each 64-bit output: each 32-bit half gives 7 bits of
 * layer, 1 of sign and 24 of magnitude, as in GSL's gsl_ran_gaussian_ziggurat. It is rejection
 * sampling, so it is exact given exact uniforms; the layer table is computed here to double
 * precision (no rounded published constants), so the only approximations are the 2^-24 grid of
 * the magnitude within a layer (a relative rounding of at most 6e-8 of each sample) and the double
 * rounding of the table. The rare draws (tail, wedges; ≈ 2.8 %) use 53-bit uniforms.
 */
import type { RandomStream } from "../prior.js";
import { LOAD_STATE, NEXT_OUTPUT, nextUnit, SAVE_STATE, stateKernel, stateOf } from "../randomStream.js";
import { wasmZiggurat } from "./zigguratWasm.js";

/** Number of layers (a power of two: the layer index is 7 bits of a word). */
const LAYERS = 128;
const TWO_POW_24 = 2 ** 24;
const TWO_POW_MINUS_24 = 2 ** -24;

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
function buildTables(): { x: Float64Array; f: Float64Array; accept: Float64Array; width: Float64Array; r: number } {
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
  // On the 24-bit grid: magnitude m is accepted at once when m < accept[i], giving m·width[i].
  const accept = new Float64Array(LAYERS);
  const width = new Float64Array(LAYERS);
  for (let i = 0; i < LAYERS; i++) {
    accept[i] = (x[i + 1] / x[i]) * TWO_POW_24;
    width[i] = x[i] * TWO_POW_MINUS_24;
  }
  return { x, f, accept, width, r: hi };
}

const TABLES = buildTables();

/** One draw from the tail |x| > r (Marsaglia 1964), positive; loops until accepted, as exactness needs. */
function tail(s: Int32Array, r: number): number {
  for (;;) {
    // 1 − u keeps the logarithms finite.
    const x = -Math.log(1 - nextUnit(s)) / r;
    const y = -Math.log(1 - nextUnit(s));
    if (2 * y > x * x) return r + x;
  }
}

/**
 * Source of one sample from the 32-bit word `w` into out[k++] (skipped when the draw is rejected):
 * the top byte indexes the signed layer tables (7 bits of layer, 1 of sign), the low 24 bits are
 * the magnitude. The wedge test (≈ 2.8 % of words) draws its uniform inline from the locals, as
 * `rareDraw` does from the state; only the tail (layer 0, rarer still) saves the state for `tail`.
 */
function sampleSource(w: string): string {
  return `{
    const word = ${w};
    const i = word >>> 24;
    const u = word & 0xffffff;
    if (u < accept[i]) out[k++] = u * width[i];
    else {
      const layer = i >>> 1;
      const sign = 1 - ((i & 1) << 1);
      if (layer === 0) {
        ${SAVE_STATE}
        out[k++] = sign * tail(s, r);
        ${LOAD_STATE}
      } else {
        ${NEXT_OUTPUT}
        const z = u * ${TWO_POW_MINUS_24} * X[layer];
        const y = F[layer] + ((hi >>> 0) * ${2 ** 21} + (lo >>> 11)) * ${2 ** -53} * (F[layer + 1] - F[layer]);
        if (y < Math.exp(-0.5 * z * z)) out[k++] = sign * z;
      }
    }
  }`;
}

/** Acceptance bounds and signed widths by top byte (layer = byte >> 1, sign = byte & 1). */
const SIGNED = (() => {
  const accept = new Float64Array(2 * LAYERS);
  const width = new Float64Array(2 * LAYERS);
  for (let b = 0; b < 2 * LAYERS; b++) {
    accept[b] = TABLES.accept[b >> 1];
    width[b] = (b & 1 ? -1 : 1) * TABLES.width[b >> 1];
  }
  return { accept, width };
})();

const kernel = stateKernel<
  (
    s: Int32Array,
    out: Float64Array,
    m: number,
    accept: Float64Array,
    width: Float64Array,
    X: Float64Array,
    F: Float64Array,
    r: number,
    tail: (s: Int32Array, r: number) => number,
  ) => void
>(
  ["out", "m", "accept", "width", "X", "F", "r", "tail"],
  `for (let k = 0; k < m; ) {
    ${NEXT_OUTPUT}
    ${sampleSource("hi")}
    if (k === m) break;
    ${sampleSource("lo")}
  }`,
);

/**
 * Fills out[0 … m) with independent N(0, 1) samples, two from each 64-bit output (the high word's
 * first; a word whose draw is rejected is skipped, and an odd last one's partner dropped). A word
 * gives layer from bits 25–31, sign from bit 24 and magnitude from bits 0–23, so xoroshiro128+'s
 * weak lowest bits only touch the last bits of a magnitude. The kernel keeps the generator's state
 * in locals (see stateKernel) and looks the sign up with the layer, without a branch.
 */
export function zigguratNormals(rng: RandomStream, out: Float64Array, m: number): void {
  if (WASM) WASM(stateOf(rng), out, m);
  else zigguratNormalsJs(rng, out, m);
}

/** The JavaScript kernel (where WebAssembly is unavailable; tests compare the two). */
export function zigguratNormalsJs(rng: RandomStream, out: Float64Array, m: number): void {
  kernel(stateOf(rng), out, m, SIGNED.accept, SIGNED.width, TABLES.x, TABLES.f, TABLES.r, tail);
}

/** The same kernel in WebAssembly (same numbers, 2–3× fewer ns a normal), or undefined without WebAssembly. */
const WASM = wasmZiggurat({ accept: SIGNED.accept, width: SIGNED.width, x: TABLES.x, f: TABLES.f, r: TABLES.r }, tail);

/** Whether zigguratNormals runs the WebAssembly kernel. */
export const ZIGGURAT_WASM = WASM !== undefined;

/** The ziggurat's base-strip edge r and layer edges, for tests. */
export const ZIGGURAT_TABLES: { readonly x: Float64Array; readonly r: number } = TABLES;
