/**
 * The lean n = 6 path, checked where the stored one still runs (n ≤ 5): the streamed function source
 * (NPN class list, no function stored) against the stored enumeration, and the grouped class
 * partition (one NPN class at a time) against the one that keeps every function.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { symmetryClassKey } from "../../../src/arch/perceptron/classKeys.js";
import { streamedFunctionSource } from "../../../src/arch/perceptron/functionSource.js";
import { facetRowMask, facetRowsByAdjacency } from "../../../src/arch/perceptron/perceptronRegion.js";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { toSignedWitness } from "../../../src/arch/perceptron/realisableFunctions.js";
import { ClassPartition } from "../../../src/arch/perceptron/symmetryClasses.js";
import { enumerateThresholdClasses } from "../../../src/arch/perceptron/thresholdClassList.js";
import { enumerateThresholdFunctions } from "../../../src/arch/perceptron/thresholdEnumeration.js";
import { forEachThresholdFunction } from "../../../src/arch/perceptron/walkThresholdClass.js";
import { wordCount, wordMask } from "../../../src/boolean/tableWords.js";

const ENCODINGS = ["binary", "signed"] as const;

/** One visit of a stream, as text (arrays are reused by the streams). */
const visitText = (t: Uint32Array, w: ArrayLike<number>, mask: Uint32Array | undefined, id: number) =>
  `${Array.from(t).join(",")}|${Array.from(w).join(",")}|${mask ? Array.from(mask).join(",") : "-"}|${id}`;

describe("enumerateThresholdClasses with the first witnesses", () => {
  it("is the stored enumeration's class list: same order, representatives, witnesses and orbits (n ≤ 5)", () => {
    for (let n = 0; n <= 5; n++) {
      const list = enumerateThresholdClasses(n, undefined, { witness: "first" });
      const e = enumerateThresholdFunctions(n);
      expect(list.classes.map((c) => [Array.from(c.rep), Array.from(c.witness), c.orbit])).toEqual(
        e.classes.map((c) => [Array.from(c.rep), Array.from(c.witness), c.orbit]),
      );
      expect(list.count).toBe(e.count);
    }
  });

  it("classOf.get is the stored class index for every threshold function and −1 for other tables (n = 5, seeded)", () => {
    const n = 5;
    const list = enumerateThresholdClasses(n, undefined, { witness: "first" });
    const e = enumerateThresholdFunctions(n);
    let wrong = 0;
    e.classOf.forEach((t, id) => {
      if (list.classOf.get(t) !== id) wrong++;
    });
    expect(wrong).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (bits) => {
        const t = Uint32Array.of(bits >>> 0 & wordMask(n));
        expect(list.classOf.get(t)).toBe(e.classOf.get(t));
      }),
      { seed: 61, numRuns: 3000 },
    );
  });
});

describe("streamedFunctionSource", () => {
  it("yields what the stored enumeration's walk yields, visit for visit: table, witness, carried facets, NPN class (n ≤ 5, both encodings)", () => {
    for (let n = 0; n <= 5; n++) {
      const e = enumerateThresholdFunctions(n);
      const has = (t: Uint32Array) => e.classOf.get(t) >= 0;
      for (const encoding of ENCODINGS) {
        const spec: PerceptronSpec = { inputs: n, bias: true, encoding };
        const source = streamedFunctionSource(spec);
        expect(source.sorted).toBe(false);
        expect(source.count).toBe(e.count);
        const expected: string[] = [];
        forEachThresholdFunction(
          e,
          (t, w, id, mask) => expected.push(visitText(t, encoding === "signed" ? toSignedWitness(w) : w, mask, id)),
          (id) => facetRowMask(spec, facetRowsByAdjacency(spec, has, e.classes[id].rep)),
        );
        let k = 0;
        let wrong = 0;
        source.forEach((t, w, mask, id) => {
          if (visitText(t, w, mask, id) !== expected[k++]) wrong++;
          if (!source.has(t)) wrong++;
        });
        expect(k, `n=${n} ${encoding}`).toBe(expected.length);
        expect(wrong, `n=${n} ${encoding}`).toBe(0);
      }
    }
  });

  it("rejects a perceptron without bias", () => {
    expect(() => streamedFunctionSource({ inputs: 3, bias: false, encoding: "binary" })).toThrow(/with bias/);
  });
});

describe("ClassPartition, grouped by NPN class", () => {
  it("numbers the same classes with the same orbits as the partition that keeps every function, and classOf agrees (n = 4, 5, both encodings)", () => {
    for (const n of [4, 5]) {
      for (const encoding of ENCODINGS) {
        const spec: PerceptronSpec = { inputs: n, bias: true, encoding };
        const source = streamedFunctionSource(spec);
        const maxOrbit = Math.max(...source.enumeration.classes.map((c) => c.orbit));
        const whole = new ClassPartition(spec, wordCount(n), source.count);
        const grouped = new ClassPartition(spec, wordCount(n), maxOrbit, source.enumeration, true);
        let wrong = 0;
        source.forEach((t, _w, _m, id) => {
          if (grouped.visit(t, id) !== whole.visit(t)) wrong++;
          if (grouped.classOf(t, id) !== whole.classOf(t)) wrong++;
        });
        expect(wrong, `n=${n} ${encoding}`).toBe(0);
        expect(grouped.classes).toBe(whole.classes);
      }
    }
  });

  it("its classes are the orbits of the prior's group, as a set, with their sizes (n = 5 binary: 860 classes of 94,572 functions)", () => {
    const spec: PerceptronSpec = { inputs: 5, bias: true, encoding: "binary" };
    const source = streamedFunctionSource(spec);
    const maxOrbit = Math.max(...source.enumeration.classes.map((c) => c.orbit));
    const grouped = new ClassPartition(spec, 1, maxOrbit, source.enumeration, true);
    const key = symmetryClassKey(spec);
    const byPartition = new Map<string, number>();
    const byKey = new Map<string, number>();
    source.forEach((t, _w, _m, id) => {
      const orbit = grouped.visit(t, id);
      const k = key(t);
      byKey.set(k, (byKey.get(k) ?? 0) + 1);
      if (orbit > 0) {
        expect(byPartition.has(k)).toBe(false);
        byPartition.set(k, orbit);
      }
    });
    expect(byPartition.size).toBe(860);
    expect(byPartition).toEqual(byKey);
  });

  it("needs each table's NPN class and a bias", () => {
    const spec: PerceptronSpec = { inputs: 3, bias: true, encoding: "binary" };
    const grouped = new ClassPartition(spec, 1, 100, undefined, true);
    expect(() => grouped.visit(Uint32Array.of(0))).toThrow(/NPN class/);
    expect(() => new ClassPartition({ ...spec, bias: false }, 1, 100, undefined, true)).toThrow(/with bias/);
  });
});
