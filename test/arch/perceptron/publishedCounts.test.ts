import { describe, expect, it } from "vitest";
import { publishedCount } from "../../../src/arch/perceptron/publishedCounts.js";
import { NPN_CLASS_COUNTS, THRESHOLD_COUNTS } from "../../../src/arch/perceptron/thresholdEnumeration.js";

describe("published counts (design.md)", () => {
  it("threshold functions with bias are OEIS A000609", () => {
    expect(THRESHOLD_COUNTS).toEqual([2, 4, 14, 104, 1882, 94572, 15028134, 8378070864]);
    for (let n = 0; n <= 6; n++) {
      for (const encoding of ["binary", "signed"] as const) {
        const p = publishedCount({ inputs: n, bias: true, encoding });
        expect(p?.count).toBe(THRESHOLD_COUNTS[n]);
        expect(p?.source).toMatch(/A000609/);
      }
    }
  });

  it("NPN classes are OEIS A001529", () => {
    expect(NPN_CLASS_COUNTS).toEqual([1, 2, 3, 6, 15, 63, 567, 14755]);
  });

  it("without bias: binary 2, 6, 32, 370, 11292, 1066044 (A034997); signed = self-dual = A000609 at n − 1", () => {
    expect(
      [1, 2, 3, 4, 5, 6].map((n) => publishedCount({ inputs: n, bias: false, encoding: "binary" })?.count),
    ).toEqual([2, 6, 32, 370, 11292, 1066044]);
    expect(publishedCount({ inputs: 6, bias: false, encoding: "binary" })?.source).toMatch(/A034997/);
    expect(
      [1, 2, 3, 4, 5, 6].map((n) => publishedCount({ inputs: n, bias: false, encoding: "signed" })?.count),
    ).toEqual([2, 4, 14, 104, 1882, 94572]);
    expect(publishedCount({ inputs: 7, bias: false, encoding: "binary" })).toBeUndefined();
  });
});
