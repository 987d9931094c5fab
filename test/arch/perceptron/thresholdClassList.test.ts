import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseFunction } from "../../../src/arch/perceptron/analyseFunction.js";
import {
  chowParameters,
  dualTable,
  enumerateThresholdClasses,
  positiveSortedForm,
} from "../../../src/arch/perceptron/thresholdClassList.js";
import { thresholdClassRegions } from "../../../src/arch/perceptron/thresholdClassRegions.js";
import { enumerateThresholdFunctions } from "../../../src/arch/perceptron/thresholdEnumeration.js";
import { flipRowWord, wordCount, wordsFromBigInt, wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { NPN, walkGroup } from "../../../src/boolean/symmetryGroup.js";
import { parseFunction } from "../../../src/boolean/truthTable.js";
import { evaluateStrict } from "../_helpers/bruteForce.js";

const binary = (inputs: number) => ({ inputs, bias: true, encoding: "binary" as const });

const enumerations = new Map<number, ReturnType<typeof enumerateThresholdFunctions>>();
/** The stored enumeration of n inputs, computed once per file (n = 6 takes seconds). */
function stored(n: number) {
  let e = enumerations.get(n);
  if (!e) {
    e = enumerateThresholdFunctions(n);
    enumerations.set(n, e);
  }
  return e;
}

describe("enumerateThresholdClasses", () => {
  it("matches the stored enumeration for n ≤ 6: the same classes, each with the same orbit size", () => {
    for (let n = 0; n <= 6; n++) {
      const list = enumerateThresholdClasses(n);
      const e = stored(n);
      const ids = new Set<number>();
      for (const c of list.classes) {
        const id = e.classOf.get(c.rep);
        expect(id).toBeGreaterThanOrEqual(0);
        expect(c.orbit).toBe(e.classes[id].orbit);
        ids.add(id);
      }
      expect(ids.size).toBe(e.classes.length);
      expect(list.count).toBe(e.count);
    }
  });

  it("lists the 14,755 NPN classes of 7 inputs whose orbits add up to 8,378,070,864 (OEIS A001529, A000609)", () => {
    const list = enumerateThresholdClasses(7);
    expect(list.classes).toHaveLength(14755);
    expect(list.count).toBe(8378070864);
    // Every witness realises its representative (checked in BigInt) and orbits divide |NPN| = 1,290,240.
    list.classes.forEach((c, k) => {
      if (k % 7 === 0) expect(evaluateStrict(binary(7), Array.from(c.witness))).toBe(wordsToBigInt(c.rep));
      expect(1290240 % c.orbit).toBe(0);
    });
  });

  it("rejects sizes out of range", () => {
    expect(() => enumerateThresholdClasses(8)).toThrow(/from 0 to 7/);
    expect(() => enumerateThresholdClasses(-1)).toThrow(RangeError);
  });

  it("decides membership exactly: agrees with the enumeration on every function of n ≤ 4", () => {
    for (let n = 0; n <= 4; n++) {
      const list = enumerateThresholdClasses(n);
      const e = stored(n);
      for (let bits = 0n; bits < 1n << BigInt(1 << n); bits++) {
        const t = wordsFromBigInt(bits, n);
        expect(list.has(t)).toBe(e.classOf.get(t) >= 0);
      }
    }
  });

  it("decides membership exactly at n = 5 and 6: threshold functions and their one-row neighbours", () => {
    for (const n of [5, 6]) {
      const list = enumerateThresholdClasses(n);
      const e = stored(n);
      const rows = 1 << n;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: e.classes.length - 1 }), fc.integer({ min: 0, max: rows - 1 }), (id, r) => {
          const t = Uint32Array.from(e.classes[id].rep);
          expect(list.has(t)).toBe(true);
          flipRowWord(t, r);
          expect(list.has(t)).toBe(e.classOf.get(t) >= 0);
        }),
        { seed: 7, numRuns: 2000 },
      );
      // Random tables: almost never threshold, and the answers must agree.
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: (1n << BigInt(rows)) - 1n }), (bits) => {
          const t = wordsFromBigInt(bits, n);
          expect(list.has(t)).toBe(e.classOf.get(t) >= 0);
        }),
        { seed: 8, numRuns: 2000 },
      );
    }
  });
});

describe("positive sorted form", () => {
  it("is the same for every NPN image of a threshold function up to duality (n = 4, all classes)", () => {
    const n = 4;
    const e = stored(n);
    for (const c of e.classes) {
      const forms = new Set<bigint>();
      walkGroup(Uint32Array.from(c.rep), n, NPN, (t) => forms.add(wordsToBigInt(positiveSortedForm(t, n))));
      // f and ¬f have the forms f⁺ and its dual; both are the same when the class is self-dual.
      expect(forms.size).toBeLessThanOrEqual(2);
      const [first] = forms;
      const dual = wordsToBigInt(dualTable(wordsFromBigInt(first, n), n));
      expect(forms.has(dual)).toBe(true);
    }
  });

  it("has non-negative, non-increasing Chow parameters, and the dual keeps them", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.bigInt({ min: 0n }), (n, raw) => {
        const bits = raw & ((1n << BigInt(1 << n)) - 1n);
        const t = positiveSortedForm(wordsFromBigInt(bits, n), n);
        const chow = chowParameters(t, n);
        chow.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(0);
          if (i > 0) expect(v).toBeLessThanOrEqual(chow[i - 1]);
        });
        expect(chowParameters(dualTable(t, n), n)).toEqual(chow);
        expect(wordsToBigInt(dualTable(dualTable(t, n), n))).toBe(wordsToBigInt(t));
        expect(t.length).toBe(wordCount(n));
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe("thresholdClassRegions at 7 inputs", () => {
  const classes: { function: string; facets: number | null; orbit: number }[] = [];
  thresholdClassRegions({ inputs: 7, bias: true, encoding: "signed" }).forEach((row) => {
    classes.push({ function: row.function, facets: row.facets, orbit: row.orbit });
  });

  it("gives one certified row per class (witnesses checked by regionFromWitness)", () => {
    expect(classes).toHaveLength(14755);
    expect(classes.reduce((s, c) => s + c.orbit, 0)).toBe(8378070864);
  });

  it("has the facets that linear programming finds, on a sample of classes", () => {
    const spec = { inputs: 7, bias: true, encoding: "signed" as const };
    const sample = classes.filter((_, k) => k % 997 === 0 || k < 3);
    for (const c of sample) {
      expect(analyseFunction(spec, parseFunction(c.function, 7)).facets).toBe(c.facets);
    }
  });
});
