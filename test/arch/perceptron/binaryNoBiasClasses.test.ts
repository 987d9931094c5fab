import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  binaryNoBiasClasses,
  forEachNoBiasMember,
  noBiasClassKey,
} from "../../../src/arch/perceptron/binaryNoBiasClasses.js";
import { symmetryClassKey } from "../../../src/arch/perceptron/classKeys.js";
import { certifyFacetFlipClosure } from "../../../src/arch/perceptron/facetFlipClosure.js";
import { verifyWitnessWords } from "../../../src/arch/perceptron/perceptronRegion.js";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { publishedCount } from "../../../src/arch/perceptron/publishedCounts.js";
import { realisableFunctions } from "../../../src/arch/perceptron/realisableFunctions.js";
import { enumerateThresholdClasses } from "../../../src/arch/perceptron/thresholdClassList.js";
import { formatWords } from "../../../src/boolean/truthTable.js";
import { flipRowWord, rowValue, wordCount, wordsFromBigInt } from "../../../src/boolean/tableWords.js";
import { tableFrom } from "../../boolean/_helpers/naiveBoolean.js";

const noBias = (n: number): PerceptronSpec => ({ inputs: n, bias: false, encoding: "binary" });

/**
 * The functions without bias by the adjacency characterisation, from the catalogue of all threshold
 * functions: f(0) = 0 and f with row 0 flipped is a threshold function too.
 */
function viaThresholdCatalogue(n: number): Set<string> {
  const all = realisableFunctions({ inputs: n, bias: true, encoding: "binary" });
  const width = wordCount(n);
  const out = new Set<string>();
  for (let k = 0; k < all.count; k++) {
    const t = all.tables.slice(k * width, (k + 1) * width);
    if (rowValue(t, 0) !== 0) continue;
    const other = Uint32Array.from(t);
    flipRowWord(other, 0);
    if (all.indexOf(other) >= 0) out.add(formatWords(t, n));
  }
  return out;
}

describe("binaryNoBiasClasses", () => {
  it("covers exactly the functions with f(0) = 0 whose row-0 flip is a threshold function, class by class (n ≤ 5)", () => {
    const classCounts: number[] = [];
    for (let n = 1; n <= 5; n++) {
      const spec = noBias(n);
      const expected = viaThresholdCatalogue(n);
      const classes = binaryNoBiasClasses(enumerateThresholdClasses(n));
      const walkedKey = symmetryClassKey(spec);
      const seen = new Set<string>();
      const repKeys = new Set<string>();
      let bad = 0;
      for (const c of classes) {
        repKeys.add(walkedKey(c.rep));
        const key = formatWords(noBiasClassKey(c.rep, n), n);
        let visits = 0;
        forEachNoBiasMember(n, c, (t, w) => {
          visits++;
          const s = formatWords(t, n);
          if (seen.has(s) || !expected.has(s) || !verifyWitnessWords(spec, t, Array.from(w))) bad++;
          if (formatWords(noBiasClassKey(t, n), n) !== key) bad++;
          seen.add(s);
        });
        expect(visits, `n=${n} class ${formatWords(c.rep, n)}`).toBe(c.orbit);
      }
      expect(bad, `n=${n}`).toBe(0);
      expect(seen.size, `n=${n}`).toBe(expected.size);
      // Distinct classes under the group walked element by element, not only by the Chow key.
      expect(repKeys.size, `n=${n}`).toBe(classes.length);
      classCounts.push(classes.length);
    }
    expect(classCounts).toEqual([1, 2, 5, 18, 112]);
  });

  it("keys are invariant under input permutations and w ↦ −w (property, n = 5)", () => {
    const n = 5;
    const set = realisableFunctions(noBias(n));
    const width = wordCount(n);
    fc.assert(
      fc.property(
        fc.nat({ max: set.count - 1 }),
        fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        fc.boolean(),
        (k, perm, negate) => {
          const t = set.tables.slice(k * width, (k + 1) * width);
          const w = Array.from(set.witnesses.subarray(k * n, (k + 1) * n));
          // The image computed by the image weights: w_perm[i] at input i, negated or not.
          const image = w.map((_, i) => (negate ? -1 : 1) * w[perm[i]]);
          const bits = tableFrom(n, (x) => x.reduce((s, v, i) => s + image[i] * v, 0) > 0);
          expect(formatWords(noBiasClassKey(wordsFromBigInt(bits, n), n), n)).toBe(formatWords(noBiasClassKey(t, n), n));
        },
      ),
      { seed: 6, numRuns: 200 },
    );
  });

  it("facet-flip closure proves the classes complete, and finds a class left out (n = 4)", () => {
    const n = 4;
    const spec = noBias(n);
    const classes = binaryNoBiasClasses(enumerateThresholdClasses(n));
    const key = (t: Uint32Array) => formatWords(noBiasClassKey(t, n), n);
    const reps = classes.map((c) => ({ table: c.rep, witness: c.witness }));
    expect(certifyFacetFlipClosure(spec, reps, key).closed).toBe(true);
    const dropped = classes[7];
    const partial = certifyFacetFlipClosure(spec, reps.filter((_, k) => k !== 7), key);
    expect(partial.closed).toBe(false);
    expect(key(wordsFromBigInt(BigInt(`0b${[...(partial.missing ?? "")].reverse().join("")}`), n))).toBe(key(dropped.rep));
  });

  it("n = 6: 1,512 classes holding 1,066,044 functions, the count of OEIS A034997 (about 3 CPU s)", () => {
    const classes = binaryNoBiasClasses(enumerateThresholdClasses(6));
    expect(classes.length).toBe(1512);
    expect(classes.reduce((s, c) => s + c.orbit, 0)).toBe(publishedCount(noBias(6))?.count);
    expect(publishedCount(noBias(6))?.count).toBe(1066044);
  });
});
