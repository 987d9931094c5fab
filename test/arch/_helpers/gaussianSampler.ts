/**
 * A seeded N(0, 1) sampler for tests, independent of the library's own streams and ziggurat (a
 * 32-bit LCG and Box–Muller), so that a bug in those cannot hide in a test that uses them.
 */
export function gaussianSampler(seed: number): () => number {
  let s = seed >>> 0;
  const u = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}
