import { describe, expect, it } from "vitest";
import { COMPLEXITY_MEASURES } from "../../src/arch/complexityOfFunction.js";
import { createArchitecture } from "../../src/arch/registry.js";
import { measureNumber } from "../../src/experiments/measurePoints.js";
import { classConstant, MEASURE_SYMMETRY } from "../../src/experiments/measureSymmetry.js";
import { walkGroup } from "../../src/boolean/symmetryGroup.js";
import { wordsFromBigInt, wordsToBigInt } from "../../src/boolean/tableWords.js";

describe("measure symmetries", () => {
  // Every function of 3 inputs; the LP-based threshold measures on a few (threshold and not).
  it("each measure is invariant under its declared group (3 inputs)", () => {
    const arch = createArchitecture("perceptron", { inputs: 3 });
    const all = Array.from({ length: 256 }, (_, i) => BigInt(i));
    const few = [0x00n, 0x01n, 0x17n, 0x03n, 0x7fn, 0x69n, 0x1en];
    for (const m of COMPLEXITY_MEASURES) {
      for (const bits of m === "facets" || m === "minWeight" ? few : all) {
        const v = measureNumber({ n: 3, bits }, m, arch);
        const images = new Set<bigint>();
        walkGroup(wordsFromBigInt(bits, 3), 3, MEASURE_SYMMETRY[m], (t) => void images.add(wordsToBigInt(t)));
        images.forEach((image) => {
          const w = measureNumber({ n: 3, bits: image }, m, arch);
          if (!Object.is(v, w)) expect.fail(`${m} of ${bits} is ${v}, of its image ${image} ${w}`);
        });
      }
    }
  }, 60_000);

  it("class-constant: perceptron symmetries within NPN, not within permutations only; no-bias negation is outside NPN", () => {
    const withBias = createArchitecture("perceptron", { inputs: 4 });
    expect(classConstant(withBias, MEASURE_SYMMETRY.entropy)).toBe(true);
    expect(classConstant(withBias, MEASURE_SYMMETRY.boolean)).toBe(false);
    expect(classConstant(withBias, MEASURE_SYMMETRY.lz)).toBe(false);
    expect(classConstant(createArchitecture("perceptron", { inputs: 4, encoding: "signed" }), MEASURE_SYMMETRY.csr)).toBe(true);
    expect(classConstant(createArchitecture("perceptron", { inputs: 4, bias: false }), MEASURE_SYMMETRY.entropy)).toBe(false);
  });
});
