/**
 * A layered forward kernel against the loop form (layeredLoopForward) on random batches of 1 to 8
 * parameter vectors drawn from `parameter`: equal tables bit for bit (fast-check, seeded).
 */
import fc from "fast-check";
import { expect } from "vitest";
import { type LayeredForward, layeredLoopForward } from "../../../src/arch/layered/layeredForward.js";
import { layeredParameterCount, type LayeredSpec } from "../../../src/arch/layered/layeredSpec.js";
import { wordCount } from "../../../src/boolean/tableWords.js";

/** Asserts that `kernel` (for `spec`) and the loop give the same tables. */
export function expectKernelEqualsLoop(spec: LayeredSpec, kernel: LayeredForward, parameter: fc.Arbitrary<number>, seed: number): void {
  const loop = layeredLoopForward(spec);
  const d = layeredParameterCount(spec);
  const words = wordCount(spec.layers[0]);
  fc.assert(
    fc.property(fc.array(fc.array(parameter, { minLength: d, maxLength: d }), { minLength: 1, maxLength: 8 }), (batch) => {
      const params = Float64Array.from(batch.flat());
      const fromKernel = new Uint32Array(batch.length * words).fill(0xdeadbeef);
      const fromLoop = new Uint32Array(batch.length * words).fill(0x12345678);
      kernel(params, batch.length, fromKernel);
      loop(params, batch.length, fromLoop);
      expect(Array.from(fromKernel)).toEqual(Array.from(fromLoop));
    }),
    { seed, numRuns: 150 },
  );
}
