import { describe, expect, it } from "vitest";
import { certifyFunctionSource, certifyThresholdClassList } from "../../../src/arch/perceptron/completenessCertificate.js";
import { functionSource } from "../../../src/arch/perceptron/functionSource.js";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { publishedCount } from "../../../src/arch/perceptron/publishedCounts.js";
import { enumerateThresholdClasses } from "../../../src/arch/perceptron/thresholdClassList.js";
import { VARIANTS } from "../_helpers/variants.js";

const specOf = (inputs: number, v: (typeof VARIANTS)[number]): PerceptronSpec => ({ inputs, ...v });
const COMPLETE = /^complete: closed under facet flips \(\d+ classes, \d+ facet flips, every facet certified by an exact witness and every other row redundant by exact Farkas multipliers\); the published count \(.+\) is a cross-check$/;

describe("certifyFunctionSource", () => {
  it("proves the listed functions complete for n ≤ 5, every variant", () => {
    for (const v of VARIANTS) {
      for (let n = v.bias ? 0 : 1; n <= 5; n++) {
        const spec = specOf(n, v);
        const r = certifyFunctionSource(functionSource(spec));
        expect(r.closed).toBe(true);
        expect(r.fallbacks).toBe(0);
        expect(r.functions).toBe(publishedCount(spec)?.count);
        expect(r.certification).toMatch(COMPLETE);
      }
    }
  });

  it("certifies NPN classes with a bias: as many as the enumeration has", () => {
    const source = functionSource({ inputs: 4, bias: true, encoding: "signed" });
    expect(certifyFunctionSource(source).classes).toBe(source.enumeration?.classes.length);
  });
});

describe("certifyThresholdClassList", () => {
  it("proves the class list complete for n ≤ 5 in both encodings, counting the same flips", () => {
    for (let n = 0; n <= 5; n++) {
      const binary = certifyThresholdClassList({ inputs: n, bias: true, encoding: "binary" });
      const signed = certifyThresholdClassList({ inputs: n, bias: true, encoding: "signed" });
      expect(binary.closed && signed.closed).toBe(true);
      expect(binary.certification).toMatch(COMPLETE);
      // The encodings differ by a linear map of θ, so facets and flips are the same.
      expect(signed.flipsChecked).toBe(binary.flipsChecked);
      expect(binary.classes).toBe(enumerateThresholdClasses(n).classes.length);
    }
  });

  it("reports a class list with a class removed as incomplete", () => {
    const list = enumerateThresholdClasses(4);
    const cut = { ...list, classes: list.classes.slice(1) };
    const r = certifyThresholdClassList({ inputs: 4, bias: true, encoding: "binary" }, { list: cut });
    expect(r.closed).toBe(false);
    expect(r.certification).toMatch(/^incomplete: /);
  });

  it("rejects specs without bias or of another size", () => {
    expect(() => certifyThresholdClassList({ inputs: 3, bias: false, encoding: "binary" })).toThrow(/with bias/);
    expect(() =>
      certifyThresholdClassList({ inputs: 3, bias: true, encoding: "binary" }, { list: enumerateThresholdClasses(2) }),
    ).toThrow(/class list has 2 inputs, the spec 3/);
  });
});
