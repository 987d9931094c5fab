/**
 * A seeded random stream: pure-rand's xoroshiro128+ (same seeding, same 32-bit outputs, same
 * jump), with its state in an Int32Array, and its full 64-bit outputs as word pairs. pure-rand
 * keeps the four state words in object fields, where V8 boxes every int32 outside the 31-bit
 * small-integer range, so each draw allocates; here a draw is a few integer operations, which is
 * what sampling-bound Monte Carlo needs.
 */
import type { RandomStream } from "./prior.js";

/** pure-rand's jump polynomial: 2^64 draws ahead. */
const JUMP = [3639956645, 3750757012, 1261568508, 386426335];

/**
 * Source text of one xoroshiro128+ output and state transition on the locals (s01, s00, s11, s10),
 * the state words as pure-rand numbers them: declares `lo` = s00 + s10 and `hi` = s01 + s11 + the
 * carry of the low words' sum (xoroshiro128+'s best bits), then steps the locals. Kernels compiled
 * by `stateKernel` splice it into their loops, so the state lives in registers: a sampler that
 * loaded and stored an Int32Array on every step ran about twice as slow.
 */
export const NEXT_OUTPUT = `
const lo = (s00 + s10) | 0;
const hi = (s01 + s11 + (((s00 >>> 1) + (s10 >>> 1) + (s00 & s10 & 1)) >>> 31)) | 0;
{
  const a0 = s10 ^ s00;
  const a1 = s11 ^ s01;
  const t00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
  s01 = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
  s00 = t00;
  s10 = (a1 << 5) ^ (a0 >>> 27);
  s11 = (a0 << 5) ^ (a1 >>> 27);
}`;

/** Source that writes the locals back to the state array `s` (before a call that draws from it). */
export const SAVE_STATE = "s[0] = s01; s[1] = s00; s[2] = s11; s[3] = s10;";
/** Source that reloads the locals from the state array `s` (after such a call). */
export const LOAD_STATE = "s01 = s[0]; s00 = s[1]; s11 = s[2]; s10 = s[3];";

/**
 * Compiles `body` into a function of (s, ...params) that holds the state words of `s` in locals
 * while `body` runs (`body` uses NEXT_OUTPUT, and SAVE_STATE / LOAD_STATE around calls that draw
 * from `s`) and writes them back at its end. `body` must not return early.
 */
export function stateKernel<F extends (s: Int32Array, ...args: never[]) => unknown>(params: readonly string[], body: string): F {
  // Only fixed source from this package's own modules reaches here, never user text.
  return new Function("s", ...params, `let s01 = s[0], s00 = s[1], s11 = s[2], s10 = s[3];\n${body}\n${SAVE_STATE}`) as F;
}

/** Steps the state `s` once (the transition after an output). */
export const stepState = stateKernel<(s: Int32Array) => void>([], NEXT_OUTPUT);

const TWO_POW_21 = 2 ** 21;
const TWO_POW_MINUS_53 = 2 ** -53;

/**
 * Fills out[0 … m) with uniform doubles in [0, 1) on the grid of 2^-53, one output each: the high
 * word and the top 21 bits of the low word (xoroshiro128+'s best bits), stepping `s`.
 */
export const unitsFromState = stateKernel<(s: Int32Array, out: Float64Array, m: number) => void>(
  ["out", "m"],
  `for (let k = 0; k < m; k++) { ${NEXT_OUTPUT}
  out[k] = ((hi >>> 0) * ${TWO_POW_21} + (lo >>> 11)) * ${TWO_POW_MINUS_53}; }`,
);

const unitScratch = new Float64Array(1);

/** The next uniform double in [0, 1) of the state `s` (see unitsFromState), stepping it. */
export function nextUnit(s: Int32Array): number {
  unitsFromState(s, unitScratch, 1);
  return unitScratch[0];
}

/** xoroshiro128+ over the state words (s01, s00, s11, s10), as pure-rand numbers them. */
class Xoroshiro128Plus implements RandomStream {
  /** The live state (s01, s00, s11, s10); see stateOf. */
  readonly s: Int32Array;

  constructor(s01: number, s00: number, s11: number, s10: number) {
    this.s = Int32Array.of(s01, s00, s11, s10);
  }

  clone(): Xoroshiro128Plus {
    return new Xoroshiro128Plus(this.s[0], this.s[1], this.s[2], this.s[3]);
  }

  next(): number {
    const out = (this.s[1] + this.s[3]) | 0;
    stepState(this.s);
    return out;
  }

  jump(): void {
    const acc = new Int32Array(4);
    for (const word of JUMP) {
      for (let bit = 0; bit < 32; bit++) {
        if ((word >>> bit) & 1) for (let k = 0; k < 4; k++) acc[k] ^= this.s[k];
        this.next();
      }
    }
    this.s.set(acc);
  }

  getState(): readonly number[] {
    return [this.s[0], this.s[1], this.s[2], this.s[3]];
  }
}

/**
 * The xoroshiro128+ stream of `seed` (identical outputs to pure-rand's `xoroshiro128plus(seed)`).
 * @throws RangeError if the seed is not an integer.
 */
export function randomStream(seed: number): RandomStream {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  return new Xoroshiro128Plus(-1, ~seed, seed | 0, 0);
}

/**
 * The stream continuing from a state returned by `getState()` (to hand a stream to a worker).
 * @throws RangeError unless the state is four int32 words.
 */
export function randomStreamFromState(state: readonly number[]): RandomStream {
  if (state.length !== 4 || state.some((w) => (w | 0) !== w)) throw new RangeError("a xoroshiro128+ state is four int32 words");
  return new Xoroshiro128Plus(state[0], state[1], state[2], state[3]);
}

/**
 * The live state words of `rng` for samplers that step it in their own loop (stepState): the
 * stream's own state for a stream made here; a foreign stream, which offers only 32-bit outputs,
 * seeds a fresh xoroshiro128+ state with four of them (deterministic too, but other numbers).
 */
export function stateOf(rng: RandomStream): Int32Array {
  if (rng instanceof Xoroshiro128Plus) return rng.s;
  const s = Int32Array.of(rng.next(), rng.next(), rng.next(), rng.next());
  // The all-zero state is the one fixed point of the transition.
  if (s.every((w) => w === 0)) s[0] = 1;
  return s;
}
