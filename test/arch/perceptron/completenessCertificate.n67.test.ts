import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { certifyThresholdClassList } from "../../../src/arch/perceptron/completenessCertificate.js";
import { enumerateThresholdClasses } from "../../../src/arch/perceptron/thresholdClassList.js";

/** `count` distinct class indices below `size`, the same on every run. */
function seededSample(seed: number, size: number, count: number): number[] {
  const rng = xoroshiro128plus(seed);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(uniformInt(rng, 0, size - 1));
  return [...picked].sort((a, b) => a - b);
}

// The full checks take ~4 s (n = 6) and ~7 min (n = 7, see bench/completeness.mjs); the tests run a
// seeded sample of classes, which proves nothing alone but exercises every step at full size.
describe("certifyThresholdClassList at n = 6 and 7 (seeded samples)", () => {
  for (const [n, count] of [
    [6, 40],
    [7, 12],
  ] as const) {
    it(`every sampled class's facet flips lie in the class list, n = ${n}`, () => {
      const list = enumerateThresholdClasses(n);
      const only = seededSample(2026 + n, list.classes.length, count);
      const r = certifyThresholdClassList({ inputs: n, bias: true, encoding: "signed" }, { list, only });
      expect(r.missing).toBeUndefined();
      expect(r.classes).toBe(count);
      expect(r.fallbacks).toBe(0);
      expect(r.flipsChecked).toBeGreaterThanOrEqual(count * (n + 1));
      expect(r.certification).toMatch(new RegExp(`^partial: ${count} of ${list.classes.length} classes`));
    });
  }

  it("finds a class removed from the n = 6 list when one of its neighbours is checked", () => {
    const list = enumerateThresholdClasses(6);
    // Class 1 is adjacent to class 0 (the sweep's second function differs from the first in one row).
    const cut = { ...list, classes: list.classes.filter((_, k) => k !== 1) };
    const r = certifyThresholdClassList({ inputs: 6, bias: true, encoding: "binary" }, { list: cut, only: [0] });
    expect(r.closed).toBe(false);
    expect(r.missing).toBeDefined();
  });
});
