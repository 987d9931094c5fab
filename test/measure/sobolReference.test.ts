/**
 * The Sobol' direction numbers (typed in from Joe and Kuo's new-joe-kuo-6.21201) against an
 * independent implementation: scipy's unscrambled points (test/reference/sobolPoints.py), first
 * 1,024 points in all 64 dimensions, to scipy's 30 bits.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_SOBOL_DIMENSION, sobolStream } from "../../src/measure/sobol.js";

const ref = JSON.parse(readFileSync(new URL("../reference/sobolPoints.json", import.meta.url), "utf8")) as {
  bits: number;
  points: number[][];
};

describe("Sobol' points", () => {
  it("equal scipy's unscrambled points in every dimension", () => {
    expect(MAX_SOBOL_DIMENSION).toBe(64);
    const s = sobolStream(64);
    const out = new Float64Array(64);
    for (const row of ref.points) {
      s.next(out, 0);
      // Our coordinates are (k + 1/2)/2^32; scipy's k'/2^30 with k' = k >> 2.
      expect(Array.from(out, (x) => Math.floor(x * 2 ** ref.bits))).toEqual(row);
    }
  });
});
