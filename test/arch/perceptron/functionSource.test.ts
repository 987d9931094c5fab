import { describe, expect, it } from "vitest";
import { functionSource } from "../../../src/arch/perceptron/functionSource.js";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { publishedCount } from "../../../src/arch/perceptron/publishedCounts.js";
import { wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { formatFunction } from "../../../src/boolean/truthTable.js";
import { evaluateSmall, evaluateStrict } from "../_helpers/bruteForce.js";
import { VARIANTS } from "../_helpers/variants.js";


describe("functionSource (n ≤ 5)", () => {
  it("has the published count, in truth-table string order, each function once with a valid witness", () => {
    for (let n = 0; n <= 5; n++) {
      for (const v of VARIANTS) {
        if (!v.bias && n === 0) continue;
        const spec: PerceptronSpec = { inputs: n, ...v };
        const source = functionSource(spec);
        expect(source.count).toBe(publishedCount(spec)?.count);
        expect(source.sorted).toBe(true);
        let previous = "";
        let visits = 0;
        let bad = 0;
        source.forEach((t, w) => {
          const f = wordsToBigInt(t);
          // Bit string of the table (character r = f(row r)); formatFunction is checked on n ≤ 2.
          let text = "";
          for (let r = 0; r < 2 ** n; r++) text += (t[0] >>> r) & 1 ? "1" : "0";
          if (n <= 2 && text !== formatFunction({ n, bits: f })) bad++;
          if (!(text > previous)) bad++;
          previous = text;
          if (!source.has(t)) bad++;
          if (n <= 3 ? evaluateStrict(spec, Array.from(w)) !== f : evaluateSmall(spec, w) !== Number(f))
            bad++;
          visits++;
        });
        expect(visits).toBe(source.count);
        expect(bad, `n=${n} ${v.encoding} ${v.bias}`).toBe(0);
      }
    }
  });

  it("has() rejects XOR and accepts AND", () => {
    const source = functionSource({ inputs: 2, bias: true, encoding: "binary" });
    expect(source.has(Uint32Array.of(0b0110))).toBe(false);
    expect(source.has(Uint32Array.of(0b1000))).toBe(true);
  });

  it("rejects an invalid spec", () => {
    expect(() => functionSource({ inputs: 7, bias: true, encoding: "binary" })).toThrow(/from 0 to 6 to list every function/);
    expect(() => functionSource({ inputs: 0, bias: false, encoding: "binary" })).toThrow(RangeError);
  });
});
