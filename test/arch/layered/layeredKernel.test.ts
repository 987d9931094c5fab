/**
 * The generated straight-line kernel against the loop form of the layered forward pass: equal
 * tables bit for bit on random parameters (doubles over many magnitudes, and small integers that
 * put pre-activations exactly on 0 — the boundary where the kernel's branch-free z + |z| and z > 0
 * must agree with the loop's branch), for step and relu, one and two hidden layers, both encodings;
 * and the size limit above which no kernel is generated.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layeredForward, layeredLoopForward } from "../../../src/arch/layered/layeredForward.js";
import { kernelTerms, layeredKernel, MAX_KERNEL_TERMS } from "../../../src/arch/layered/layeredKernel.js";
import { layeredParameterCount, type Activation, type LayeredSpec } from "../../../src/arch/layered/layeredSpec.js";
import { expectKernelEqualsLoop } from "../_helpers/kernelAgreement.js";

const SPECS: LayeredSpec[] = (["step", "relu"] as Activation[]).flatMap((activation) =>
  [[1, 1, 1], [2, 2, 1], [2, 3, 1], [3, 2, 1], [3, 8, 1], [2, 2, 2, 1], [3, 3, 2, 1], [5, 2, 1]].flatMap((layers) =>
    (["binary", "signed"] as const).map((encoding) => ({ activation, layers, encoding })),
  ),
);

/**
 * Parameters: small integers (exact ties at 0, including −0 from negative products with 0) mixed
 * with doubles of either sign and magnitude from 1e-60 to 1e60 — the range in which the kernel's
 * factor 2 per ReLU layer (relu(z)·2 = z + |z|) is exact: no product underflows or overflows.
 */
const magnitude = (min: number, max: number) =>
  fc.tuple(fc.boolean(), fc.double({ min, max, noNaN: true })).map(([negative, x]) => (negative ? -x : x));
const parameter = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constantFrom(0, -0), magnitude(1e-60, 1e60), magnitude(0.25, 4));

describe("layeredKernel", () => {
  it.each(SPECS)("$activation $layers $encoding: kernel tables equal the loop's bit for bit", (spec) => {
    const kernel = layeredKernel(spec);
    expect(kernel).toBeDefined();
    expectKernelEqualsLoop(spec, kernel!, parameter, 9);
  });

  it("is generated only up to MAX_KERNEL_TERMS terms; beyond, layeredForward runs the loop", () => {
    const small: LayeredSpec = { activation: "relu", layers: [3, 8, 1], encoding: "binary" };
    const large: LayeredSpec = { activation: "relu", layers: [6, 64, 1], encoding: "binary" };
    expect(kernelTerms(small)).toBeLessThanOrEqual(MAX_KERNEL_TERMS);
    expect(kernelTerms(large)).toBeGreaterThan(MAX_KERNEL_TERMS);
    expect(layeredKernel(large)).toBeUndefined();
    // The large spec still computes: its layeredForward (the loop) agrees with layeredLoopForward.
    const d = layeredParameterCount(large);
    // A deterministic spread of signs and sizes (fractional parts of a sine hash, centred).
    const params = Float64Array.from({ length: 3 * d }, (_, i) => ((Math.sin(12.9898 * i + 1) * 43758.5453) % 1) * 2);
    const a = new Uint32Array(6);
    const b = new Uint32Array(6);
    layeredForward(large)(params, 3, a);
    layeredLoopForward(large)(params, 3, b);
    expect(a).toEqual(b);
    expect(a.some((w) => w !== 0 && w !== 0xffffffff)).toBe(true);
  });

  it("the kernel path rejects short buffers like the loop", () => {
    const forward = layeredForward({ activation: "step", layers: [2, 2, 1], encoding: "signed" });
    expect(() => forward(new Float64Array(8), 1, new Uint32Array(1))).toThrow(/need 9/);
    expect(() => forward(new Float64Array(18), 2, new Uint32Array(1))).toThrow(/need 2/);
  });
});
