/** Our xoroshiro128+ stream against pure-rand's: same outputs, same jump, same words in bulk. */
import fc from "fast-check";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { drawWords, randomStream, randomStreamFromState } from "../../src/measure/randomStream.js";

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

  it("drawWords gives the words next() would, and a state round-trips", () => {
    const a = randomStream(9);
    const b = randomStream(9);
    const words = new Int32Array(1000);
    drawWords(a, words);
    for (const w of words) expect(w).toBe(b.next());
    const c = randomStreamFromState(a.getState?.() ?? []);
    expect(c.next()).toBe(b.next());
  });

  it("rejects malformed states and seeds", () => {
    expect(() => randomStreamFromState([1, 2, 3])).toThrow(RangeError);
    expect(() => randomStream(1.5)).toThrow(RangeError);
  });
});
