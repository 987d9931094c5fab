/** Our xoroshiro128+ stream against pure-rand's: same outputs, same jump, same 64-bit outputs as word pairs. */
import fc from "fast-check";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import {
  NEXT_OUTPUT,
  nextUnit,
  randomStream,
  randomStreamFromState,
  stateKernel,
  stateOf,
  stepState,
  unitsFromState,
} from "../../src/measure/randomStream.js";

/** Each step's (low, high) output words of a state, through the spliced source as kernels use it. */
const outputWords = stateKernel<(s: Int32Array, out: Int32Array, m: number) => void>(
  ["out", "m"],
  `for (let k = 0; k < m; k += 2) { ${NEXT_OUTPUT}
  out[k] = lo; out[k + 1] = hi; }`,
);

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

  it("NEXT_OUTPUT gives each step's full 64-bit output (low word = next()), and a state round-trips", () => {
    const a = randomStream(9);
    const b = xoroshiro128plus(9);
    const words = new Int32Array(2000);
    const s = stateOf(a);
    outputWords(s, words, 1000);
    outputWords(s, words.subarray(1000), 1000);
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

  it("stepState steps like next(); nextUnit and unitsFromState give the 53-bit uniforms of the outputs", () => {
    const s = stateOf(randomStream(3));
    const reference = xoroshiro128plus(3);
    const words = new Int32Array(2);
    for (let k = 0; k < 20; k++) {
      expect(reference.next()).toBe((s[1] + s[3]) | 0);
      stepState(s);
    }
    const t = Int32Array.from(s);
    const units = new Float64Array(20);
    unitsFromState(s, units, 20);
    for (let k = 0; k < 20; k++) {
      outputWords(t, words, 2);
      expect(units[k]).toBe(((words[1] >>> 0) * 2 ** 21 + (words[0] >>> 11)) * 2 ** -53);
    }
    const u = stateOf(randomStream(3));
    for (let k = 0; k < 20; k++) stepState(u);
    expect(nextUnit(u)).toBe(units[0]);
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
