/**
 * The n = 6 enumeration (≈ 11 s on the 2-core machine), in its own file so that it runs in
 * parallel with the rest of the suite.
 */
import { describe, expect, it } from "vitest";
import { enumerateThresholdFunctions } from "../../../src/arch/perceptron/thresholdEnumeration.js";
import {
  facetRowMask,
  facetRowsByAdjacency,
  facetRowsOfMask,
} from "../../../src/arch/perceptron/perceptronRegion.js";
import { walkThresholdClass } from "../../../src/arch/perceptron/walkThresholdClass.js";
import { wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { evaluateStrict } from "../_helpers/bruteForce.js";

const spec = { inputs: 6, bias: true, encoding: "binary" as const };

describe("enumerateThresholdFunctions(6)", () => {
  const e = enumerateThresholdFunctions(6);

  it("finds 15,028,134 threshold functions in 567 NPN classes (OEIS A000609, A001529)", () => {
    expect(e.count).toBe(15_028_134);
    expect(e.classOf.size).toBe(15_028_134);
    expect(e.classes).toHaveLength(567);
    expect(e.classes.reduce((s, c) => s + c.orbit, 0)).toBe(15_028_134);
  });

  it("certifies every class representative with an integer witness (checked in BigInt)", () => {
    e.classes.forEach((c, id) => {
      expect(evaluateStrict(spec, Array.from(c.witness))).toBe(wordsToBigInt(c.rep));
      expect(e.classOf.get(c.rep)).toBe(id);
      expect((46080 * 2) % c.orbit).toBe(0);
    });
  });

  it("walks some classes completely, each member with a witness that realises it and its facets carried from the representative", () => {
    const has = (t: Uint32Array) => e.classOf.get(t) >= 0;
    for (const id of [0, 1, 100, 300, 566]) {
      const seen = new Set<bigint>();
      let bad = 0;
      const repFacets = facetRowMask(spec, facetRowsByAdjacency(spec, has, e.classes[id].rep));
      walkThresholdClass(
        e,
        id,
        (t, w, mask) => {
          const bits = wordsToBigInt(t);
          seen.add(bits);
          if (evaluateStrict(spec, Array.from(w)) !== bits || e.classOf.get(t) !== id) bad++;
          if (facetRowsOfMask(spec, mask).join() !== facetRowsByAdjacency(spec, has, t).join()) bad++;
        },
        repFacets,
      );
      expect(seen.size).toBe(e.classes[id].orbit);
      expect(bad).toBe(0);
    }
  });
});
