/** Our xoroshiro128+ stream against pure-rand's: same outputs, same jump, same 64-bit outputs as word pairs. */
import fc from "fast-check";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { highWord, lowWord, randomStream, randomStreamFromState, stateOf, stepState } from "../../src/measure/randomStream.js";

describe("randomStream", () => {
  it("draws pure-rand's xoroshiro128+ outputs, also after jumps", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 3 }), (seed, jumps) => {
        const ours = randomStream(seed);
        const theirs = xoroshiro128plus(seed);
        for (let j = 0; j < jumps; j++) {
          ours.jump();
          theirs.jump();
        }
        for (let k = 0; k < 50; k++) expect(ours.next()).toBe(theirs.next());
        expect(ours.getState?.()).toEqual(theirs.getState());
      }),
      { numRuns: 50 },
    );
  });

  it("lowWord/highWord/stepState give each step's full 64-bit output (low word = next()), and a state round-trips", () => {
    const a = randomStream(9);
    const b = xoroshiro128plus(9);
    const words = new Int32Array(2000);
    const s = stateOf(a);
    for (let k = 0; k < words.length; k += 2) {
      words[k] = lowWord(s);
      words[k + 1] = highWord(s);
      stepState(s);
    }
    const u64 = (hi: number, lo: number) => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
    for (let k = 0; k < words.length; k += 2) {
      const [s01, s00, s11, s10] = b.getState();
      const sum = (u64(s01, s00) + u64(s11, s10)) & ((1n << 64n) - 1n);
      expect(words[k]).toBe(b.next());
      expect(words[k + 1]).toBe(Number(BigInt.asIntN(32, sum >> 32n)));
    }
    const c = randomStreamFromState(a.getState?.() ?? []);
    expect(c.next()).toBe(b.next());
  });

  it("stateOf a foreign stream seeds a fresh state with four of its outputs", () => {
    const foreign = xoroshiro128plus(4);
    const reference = xoroshiro128plus(4);
    const s = stateOf(foreign);
    expect([...s]).toEqual([reference.next(), reference.next(), reference.next(), reference.next()]);
    expect(foreign.next()).toBe(reference.next());
  });

  it("rejects malformed states and seeds", () => {
    expect(() => randomStreamFromState([1, 2, 3])).toThrow(RangeError);
    expect(() => randomStream(1.5)).toThrow(RangeError);
  });
});
