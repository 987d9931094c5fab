import { describe, expect, it } from "vitest";
import { enumerateThresholdFunctions } from "../../../src/arch/perceptron/thresholdEnumeration.js";
import {
  forEachThresholdFunction,
  walkThresholdClass,
} from "../../../src/arch/perceptron/walkThresholdClass.js";
import {
  facetRowMask,
  facetRowsByAdjacency,
  facetRowsOfMask,
} from "../../../src/arch/perceptron/perceptronRegion.js";
import { wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { evaluateSmall, evaluateStrict } from "../_helpers/bruteForce.js";

const spec = (inputs: number) => ({ inputs, bias: true, encoding: "binary" as const });

describe("walkThresholdClass", () => {
  it("visits each member of every class once, with a witness that realises it (n ≤ 4, BigInt check)", () => {
    for (let n = 0; n <= 4; n++) {
      const e = enumerateThresholdFunctions(n);
      e.classes.forEach((c, id) => {
        const seen = new Set<bigint>();
        walkThresholdClass(e, id, (t, w) => {
          const bits = wordsToBigInt(t);
          expect(seen.has(bits)).toBe(false);
          seen.add(bits);
          expect(e.classOf.get(t)).toBe(id);
          expect(evaluateStrict(spec(n), Array.from(w))).toBe(bits);
        });
        expect(seen.size).toBe(c.orbit);
      });
    }
  });

  it("forEachThresholdFunction visits all 94,572 functions of 5 inputs once, each with a valid witness", () => {
    const e = enumerateThresholdFunctions(5);
    const seen = new Set<number>();
    let wrong = 0;
    let visits = 0;
    forEachThresholdFunction(e, (t, w, id) => {
      visits++;
      seen.add(t[0]);
      if (e.classOf.get(t) !== id) wrong++;
      if (evaluateSmall(spec(5), w) !== t[0]) wrong++;
      if (visits % 97 === 0 && evaluateStrict(spec(5), Array.from(w)) !== BigInt(t[0])) wrong++;
    });
    expect(visits).toBe(94572);
    expect(seen.size).toBe(94572);
    expect(wrong).toBe(0);
  });

  it("carries facet rows along the walk: at 5 inputs every member's carried facets equal its adjacency facets", () => {
    for (const encoding of ["binary", "signed"] as const) {
      const sp = { inputs: 5, bias: true, encoding };
      const e = enumerateThresholdFunctions(5);
      const has = (t: Uint32Array) => e.classOf.get(t) >= 0;
      let visits = 0;
      let wrong = 0;
      forEachThresholdFunction(
        e,
        (t, _w, _id, mask) => {
          visits++;
          const carried = facetRowsOfMask(sp, mask);
          const direct = facetRowsByAdjacency(sp, has, t);
          if (carried.join() !== direct.join()) wrong++;
        },
        (id) => facetRowMask(sp, facetRowsByAdjacency(sp, has, e.classes[id].rep)),
      );
      expect(visits).toBe(94572);
      expect(wrong).toBe(0);
    }
  });
});
