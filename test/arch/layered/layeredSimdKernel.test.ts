/**
 * The WebAssembly SIMD kernel against the loop form of the layered forward pass: equal tables bit
 * for bit on random parameters, for step and relu, one and two hidden layers, 1 to 7 inputs (one
 * to four table words, lanes split across words), both encodings. Parameters mix small integers
 * (pre-activations exactly 0, and −0 from negative products with 0: the ties where the kernel's
 * mask and pmax must agree with the loop's branch), values near a tie (a bias minus a weight that
 * differs from it in the last bit), and doubles of every magnitude down to subnormals and up to
 * 1e300 (the SIMD kernel has no range exception, unlike the scalar kernel's z + |z|).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layeredForward, layeredLoopForward } from "../../../src/arch/layered/layeredForward.js";
import { layeredSimdKernel } from "../../../src/arch/layered/layeredSimdKernel.js";
import { layeredParameterCount, type Activation, type LayeredSpec } from "../../../src/arch/layered/layeredSpec.js";
import { expectKernelEqualsLoop } from "../_helpers/kernelAgreement.js";

const SPECS: LayeredSpec[] = (["step", "relu"] as Activation[]).flatMap((activation) =>
  [[1, 1, 1], [2, 2, 1], [3, 8, 1], [2, 2, 2, 1], [3, 3, 2, 1], [5, 2, 1], [6, 3, 1], [7, 2, 2, 1]].flatMap((layers) =>
    (["binary", "signed"] as const).map((encoding) => ({ activation, layers, encoding })),
  ),
);

const signed = (x: fc.Arbitrary<number>) => fc.tuple(fc.boolean(), x).map(([negative, v]) => (negative ? -v : v));
const parameter = fc.oneof(
  fc.integer({ min: -2, max: 2 }),
  fc.constantFrom(0, -0, 1 + Number.EPSILON, 1 - Number.EPSILON / 2, Number.MIN_VALUE, -Number.MIN_VALUE),
  signed(fc.double({ min: 0, max: 1e300, noNaN: true })),
  signed(fc.double({ min: 0.25, max: 4, noNaN: true })),
);

describe("layeredSimdKernel", () => {
  it.each(SPECS)("$activation $layers $encoding: tables equal the loop's bit for bit", (spec) => {
    const kernel = layeredSimdKernel(spec);
    expect(kernel).toBeDefined();
    expectKernelEqualsLoop(spec, kernel!, parameter, 17);
  });

  it("batches longer than its block (512) and Gaussian parameters: layeredForward equals the loop", () => {
    for (const activation of ["step", "relu"] as const) {
      const spec: LayeredSpec = { activation, layers: [3, 8, 1], encoding: "binary" };
      const d = layeredParameterCount(spec);
      const count = 1300;
      // Box–Muller on a fixed linear congruential stream: N(0, 1) parameters, as the Monte Carlo table draws.
      let s = 7;
      const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
      const params = Float64Array.from({ length: count * d }, () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
      const a = new Uint32Array(count);
      const b = new Uint32Array(count);
      layeredForward(spec)(params, count, a);
      layeredLoopForward(spec)(params, count, b);
      expect(a).toEqual(b);
      expect(new Set(a).size).toBeGreaterThan(20);
    }
  });
});
