import { lcgUniform } from "./lcgUniform.js";

/**
 * A seeded N(0, 1) sampler for tests, independent of the library's own streams and ziggurat (a
 * 32-bit LCG and Box–Muller), so that a bug in those cannot hide in a test that uses them.
 */
export function gaussianSampler(seed: number): () => number {
  const u = lcgUniform(seed);
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}
