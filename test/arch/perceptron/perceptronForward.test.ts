/**
 * The generated forward kernel against the plain loop, on random parameters: continuous ones, and
 * small integers, whose pre-activations are often exactly 0 (the strict output rule's edge).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { perceptronForward } from "../../../src/arch/perceptron/perceptronForward.js";
import { type PerceptronSpec, parameterCount } from "../../../src/arch/perceptron/perceptronSpec.js";
import { wordCount } from "../../../src/boolean/tableWords.js";
import { referenceForward } from "../_helpers/referenceForward.js";

const specs = fc
  .record({
    inputs: fc.integer({ min: 0, max: 7 }),
    bias: fc.boolean(),
    encoding: fc.constantFrom("binary" as const, "signed" as const),
  })
  .filter((s) => s.bias || s.inputs > 0);

/** The fast and the reference pass on the vectors in `params`. */
function bothPasses(spec: PerceptronSpec, params: number[]): [Uint32Array, Uint32Array] {
  const d = parameterCount(spec);
  const count = params.length / d;
  const theta = Float64Array.from(params);
  const fast = new Uint32Array(count * wordCount(spec.inputs)).fill(0xdeadbeef);
  const slow = new Uint32Array(count * wordCount(spec.inputs));
  perceptronForward(spec)(theta, count, fast);
  referenceForward(spec, theta, count, slow);
  return [fast, slow];
}

/** A spec with `count` parameter vectors whose entries come from `entry`. */
function cases(entry: fc.Arbitrary<number>) {
  return specs.chain((spec) =>
    fc.tuple(fc.constant(spec), fc.array(entry, { minLength: parameterCount(spec) * 5, maxLength: parameterCount(spec) * 5 })),
  );
}

describe("perceptronForward", () => {
  it("equals the plain loop on continuous parameters (every n, encoding, bias)", () => {
    fc.assert(
      fc.property(cases(fc.double({ min: -10, max: 10, noNaN: true })), ([spec, params]) => {
        const [fast, slow] = bothPasses(spec, params);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 300 },
    );
  });

  it("equals the plain loop on small integers, where pre-activations are often exactly 0", () => {
    fc.assert(
      fc.property(cases(fc.integer({ min: -2, max: 2 })), ([spec, params]) => {
        const [fast, slow] = bothPasses(spec, params);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 300 },
    );
  });

  // Finite doubles only: the plain loop's w·0 is NaN for an infinite w, where the kernel skips the term.
  it("equals the plain loop on any finite doubles: ±0, subnormals, huge values whose sums overflow", () => {
    const extreme = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(cases(extreme), ([spec, params]) => {
        const [fast, slow] = bothPasses(spec, params);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it("computes AND and x1 on two inputs (rows 00, 01, 10, 11)", () => {
    const forward = perceptronForward({ inputs: 2, bias: true, encoding: "binary" });
    const out = new Uint32Array(2);
    forward(Float64Array.of(1, 1, -1.5, 1, 0, -0.5), 2, out);
    expect([...out]).toEqual([0b1000, 0b1100]);
  });

  it("rejects short buffers", () => {
    const forward = perceptronForward({ inputs: 2, bias: true, encoding: "binary" });
    expect(() => forward(new Float64Array(5), 2, new Uint32Array(2))).toThrow(RangeError);
    expect(() => forward(new Float64Array(6), 2, new Uint32Array(1))).toThrow(RangeError);
  });
});
