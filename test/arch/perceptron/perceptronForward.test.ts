/**
 * The generated forward kernels (WebAssembly SIMD, what perceptronForward runs here, and the
 * JavaScript fallback) against the plain loop, on random parameters: continuous ones, small
 * integers, whose pre-activations are often exactly 0 (the strict output rule's edge), values a few
 * ulps apart (pre-activations of a few ulps either side of 0), and extreme doubles.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { perceptronForward, perceptronJsForward } from "../../../src/arch/perceptron/perceptronForward.js";
import { type PerceptronSpec, parameterCount } from "../../../src/arch/perceptron/perceptronSpec.js";
import { wordCount } from "../../../src/boolean/tableWords.js";
import { referenceForward } from "../_helpers/referenceForward.js";

const specs = fc
  .record({
    inputs: fc.integer({ min: 0, max: 8 }),
    bias: fc.boolean(),
    encoding: fc.constantFrom("binary" as const, "signed" as const),
  })
  .filter((s) => s.bias || s.inputs > 0);

const KERNELS = [
  { kernel: "perceptronForward (WebAssembly SIMD)", forward: perceptronForward },
  { kernel: "perceptronJsForward", forward: perceptronJsForward },
];

/** The fast and the reference pass on the vectors in `params`. */
function bothPasses(
  spec: PerceptronSpec,
  params: number[],
  forward: typeof perceptronForward = perceptronForward,
): [Uint32Array, Uint32Array] {
  const d = parameterCount(spec);
  const count = params.length / d;
  const theta = Float64Array.from(params);
  const fast = new Uint32Array(count * wordCount(spec.inputs)).fill(0xdeadbeef);
  const slow = new Uint32Array(count * wordCount(spec.inputs));
  forward(spec)(theta, count, fast);
  referenceForward(spec, theta, count, slow);
  return [fast, slow];
}

/** A spec with `count` parameter vectors whose entries come from `entry`. */
function cases(entry: fc.Arbitrary<number>) {
  return specs.chain((spec) =>
    fc.tuple(fc.constant(spec), fc.array(entry, { minLength: parameterCount(spec) * 5, maxLength: parameterCount(spec) * 5 })),
  );
}

describe.each(KERNELS)("$kernel", ({ forward }) => {
  it("equals the plain loop on continuous parameters (every n, encoding, bias)", () => {
    fc.assert(
      fc.property(cases(fc.double({ min: -10, max: 10, noNaN: true })), ([spec, params]) => {
        const [fast, slow] = bothPasses(spec, params, forward);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 300 },
    );
  });

  it("equals the plain loop on small integers, where pre-activations are often exactly 0", () => {
    fc.assert(
      fc.property(cases(fc.integer({ min: -2, max: 2 })), ([spec, params]) => {
        const [fast, slow] = bothPasses(spec, params, forward);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 300 },
    );
  });

  it("equals the plain loop near ties: parameters ±1 and ±1 a few ulps off, sums within ulps of 0", () => {
    const e = Number.EPSILON;
    const nearOne = fc.constantFrom(1, 1 + e, 1 - e / 2, 1 + 2 * e, 0.5, 0.5 + e / 2, 0, -0);
    const entry = fc.tuple(fc.boolean(), nearOne).map(([negative, x]) => (negative ? -x : x));
    fc.assert(
      fc.property(cases(entry), ([spec, params]) => {
        const [fast, slow] = bothPasses(spec, params, forward);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it("equals the plain loop over batches longer than the SIMD kernel's block of 512", () => {
    const spec: PerceptronSpec = { inputs: 5, bias: true, encoding: "binary" };
    const params = Array.from({ length: 1300 * 6 }, (_, i) => ((Math.sin(12.9898 * i + 1) * 43758.5453) % 1) * 2);
    const [fast, slow] = bothPasses(spec, params, forward);
    expect(fast).toEqual(slow);
    expect(new Set(fast).size).toBeGreaterThan(100);
  });

  // Finite doubles only: the plain loop's w·0 is NaN for an infinite w, where the kernel skips the term.
  it("equals the plain loop on any finite doubles: ±0, subnormals, huge values whose sums overflow", () => {
    const extreme = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(cases(extreme), ([spec, params]) => {
        const [fast, slow] = bothPasses(spec, params, forward);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it("computes AND and x1 on two inputs (rows 00, 01, 10, 11)", () => {
    const pass = forward({ inputs: 2, bias: true, encoding: "binary" });
    const out = new Uint32Array(2);
    pass(Float64Array.of(1, 1, -1.5, 1, 0, -0.5), 2, out);
    expect([...out]).toEqual([0b1000, 0b1100]);
  });

  it("rejects short buffers", () => {
    const pass = forward({ inputs: 2, bias: true, encoding: "binary" });
    expect(() => pass(new Float64Array(5), 2, new Uint32Array(2))).toThrow(RangeError);
    expect(() => pass(new Float64Array(6), 2, new Uint32Array(1))).toThrow(RangeError);
  });
});
