/**
 * The WebAssembly ziggurat draws exactly the JavaScript kernel's numbers and leaves the stream in
 * the same state: every double identical (Object.is, so the sign of zero too), for many seeds and
 * buffer lengths (odd ones drop a word's partner), across tail draws (layer 0, ≈ 6e-4 of words,
 * which the wasm kernel hands back to JavaScript) and wedge tests (which draw one more output).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZIGGURAT_WASM, zigguratNormals, zigguratNormalsJs } from "../../../src/measure/_internals/ziggurat.js";
import { randomStream } from "../../../src/measure/randomStream.js";

/** The first index where a and b differ (Object.is), or -1. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

describe("WebAssembly ziggurat", () => {
  it("runs on Node (WebAssembly is available)", () => {
    expect(ZIGGURAT_WASM).toBe(true);
  });

  it("equals the JavaScript kernel on about 500,000 normals in buffers of random sizes, with tails", () => {
    const wasm = randomStream(7);
    const js = randomStream(7);
    let tails = 0;
    let drawn = 0;
    const sizes = fc.sample(fc.integer({ min: 0, max: 5000 }), { seed: 3, numRuns: 200 });
    for (const m of sizes) {
      const a = new Float64Array(m);
      const b = new Float64Array(m);
      zigguratNormals(wasm, a, m);
      zigguratNormalsJs(js, b, m);
      expect(firstDifference(a, b)).toBe(-1);
      expect(wasm.getState()).toEqual(js.getState());
      // Beyond the base strip's edge r ≈ 3.44 only tail draws land.
      for (const x of a) if (Math.abs(x) > 3.4426) tails++;
      drawn += m;
    }
    expect(drawn).toBeGreaterThan(400_000);
    // ≈ 6e-4 of words are tail draws: about 240 here; at least 100 makes sure both resume paths ran.
    expect(tails).toBeGreaterThan(100);
  });

  it("equals it for every seed and length tried (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 3000 }), (seed, m) => {
        const wasm = randomStream(seed);
        const js = randomStream(seed);
        const a = new Float64Array(m + 1);
        const b = new Float64Array(m + 1);
        zigguratNormals(wasm, a, m);
        zigguratNormalsJs(js, b, m);
        expect(firstDifference(a, b)).toBe(-1);
        expect(wasm.getState()).toEqual(js.getState());
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
