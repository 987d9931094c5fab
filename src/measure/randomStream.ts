/**
 * A seeded random stream: pure-rand's xoroshiro128+ (same seeding, same 32-bit outputs, same
 * jump), with its state in an Int32Array, and its full 64-bit outputs in bulk. pure-rand keeps the four state words in object fields,
 * where V8 boxes every int32 outside the 31-bit small-integer range, so each draw allocates; here
 * a draw is a few integer operations, which is what sampling-bound Monte Carlo needs.
 */
import type { RandomStream } from "./prior.js";

/** pure-rand's jump polynomial: 2^64 draws ahead. */
const JUMP = [3639956645, 3750757012, 1261568508, 386426335];

/** xoroshiro128+ over the state words (s01, s00, s11, s10), as pure-rand numbers them. */
class Xoroshiro128Plus implements RandomStream {
  private readonly s: Int32Array;

  constructor(s01: number, s00: number, s11: number, s10: number) {
    this.s = Int32Array.of(s01, s00, s11, s10);
  }

  clone(): Xoroshiro128Plus {
    return new Xoroshiro128Plus(this.s[0], this.s[1], this.s[2], this.s[3]);
  }

  next(): number {
    const s = this.s;
    const s01 = s[0];
    const s00 = s[1];
    const s11 = s[2];
    const s10 = s[3];
    const out = (s00 + s10) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    s[1] = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    s[0] = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s[3] = (a1 << 5) ^ (a0 >>> 27);
    s[2] = (a0 << 5) ^ (a1 >>> 27);
    return out;
  }

  /**
   * Fills `out` with the next out.length / 2 full 64-bit outputs as (low, high) word pairs; the
   * low words are what `next()` returns, the high words (xoroshiro128+'s best bits) come with
   * them for one addition and a carry. State kept in locals meanwhile.
   */
  fill64(out: Int32Array): void {
    const s = this.s;
    let s01 = s[0];
    let s00 = s[1];
    let s11 = s[2];
    let s10 = s[3];
    for (let k = 0; k + 1 < out.length; k += 2) {
      // The carry out of the low words' sum, from their halves (integer operations only).
      const carry = ((s00 >>> 1) + (s10 >>> 1) + (s00 & s10 & 1)) >>> 31;
      out[k] = (s00 + s10) | 0;
      out[k + 1] = (s01 + s11 + carry) | 0;
      const a0 = s10 ^ s00;
      const a1 = s11 ^ s01;
      const t00 = s00;
      const t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
    }
    s[0] = s01;
    s[1] = s00;
    s[2] = s11;
    s[3] = s10;
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
 * Fills `out` (even length) with (low, high) word pairs of the stream's next out.length / 2
 * 64-bit outputs: one generator step per pair for the streams made here, several times faster
 * than `next()` calls. A foreign stream, which offers only 32-bit outputs, gives two `next()`
 * outputs per pair instead (deterministic too, but other numbers).
 * @throws RangeError for an odd length.
 */
export function drawPairs(rng: RandomStream, out: Int32Array): void {
  if (out.length % 2 !== 0) throw new RangeError(`word pairs need an even length, got ${out.length}`);
  if (rng instanceof Xoroshiro128Plus) rng.fill64(out);
  else for (let k = 0; k < out.length; k++) out[k] = rng.next();
}
