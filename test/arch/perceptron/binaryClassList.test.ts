import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binaryClassKey, deriveBinaryClasses } from "../../../src/arch/perceptron/binaryClassList.js";
import { symmetryClassKey } from "../../../src/arch/perceptron/classKeys.js";
import { perceptronTable } from "../../../src/arch/perceptron/perceptronTable.js";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { verifyWitnessWords } from "../../../src/arch/perceptron/perceptronRegion.js";
import { enumerateThresholdClasses } from "../../../src/arch/perceptron/thresholdClassList.js";
import { THRESHOLD_COUNTS } from "../../../src/arch/perceptron/thresholdEnumeration.js";
import { wordsFromBigInt, wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { act } from "../../boolean/_helpers/naiveBoolean.js";

const binary = (n: number): PerceptronSpec => ({ inputs: n, bias: true, encoding: "binary" });

/** class key (by walking the whole group) → orbit, from the existing binary class table. */
function tableClasses(n: number): Map<string, number> {
  const key = symmetryClassKey(binary(n));
  const out = new Map<string, number>();
  perceptronTable(binary(n), { priors: [], all: false, classes: "symmetry" }).forEachRow((row) => {
    const r = row as unknown as { function: string; orbit: number };
    out.set(key(wordsFromBigInt(BigInt(`0b${[...r.function].reverse().join("")}`), n)), r.orbit);
  });
  return out;
}

describe("deriveBinaryClasses", () => {
  it("equals the binary class table, class by class with orbits (n ≤ 5)", () => {
    for (let n = 1; n <= 5; n++) {
      const derived = deriveBinaryClasses(enumerateThresholdClasses(n));
      const key = symmetryClassKey(binary(n));
      const mine = new Map<string, number>();
      for (let k = 0; k < derived.classes; k++) mine.set(key(derived.rep(k)), derived.orbit(k));
      expect(mine.size).toBe(derived.classes);
      expect(mine).toEqual(tableClasses(n));
      expect(derived.count).toBe(THRESHOLD_COUNTS[n]);
    }
  });

  it("gives each representative a witness that realises it, and groups classes by NPN class (n = 6)", () => {
    const spec = binary(6);
    const derived = deriveBinaryClasses(enumerateThresholdClasses(6));
    expect(derived.classes).toBe(19_228);
    for (let k = 0; k < derived.classes; k++) {
      expect(verifyWitnessWords(spec, derived.rep(k), Array.from(derived.witness(k)))).toBe(true);
      const j = derived.npnClass(k);
      expect(derived.firstOfNpn(j) <= k && k < derived.firstOfNpn(j + 1)).toBe(true);
    }
  });
});

describe("binaryClassKey", () => {
  it("is invariant under input permutations and output negation of threshold functions (n = 7)", () => {
    const list = enumerateThresholdClasses(7);
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat({ max: 127 }),
        fc.shuffledSubarray([...Array(7).keys()], { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 1 }),
        (pick, mask, perm, out) => {
          const f = list.classes[pick % list.classes.length].rep;
          const neg = Array.from({ length: 7 }, (_, i) => (mask >> i) & 1);
          const g = act(wordsToBigInt(f), 7, { perm: [...Array(7).keys()], neg, out: 0 });
          const image = act(g, 7, { perm, neg: Array(7).fill(0), out });
          expect(binaryClassKey(wordsFromBigInt(image, 7), 7)).toEqual(binaryClassKey(wordsFromBigInt(g, 7), 7));
        },
      ),
      { seed: 12, numRuns: 100 },
    );
  });
});
