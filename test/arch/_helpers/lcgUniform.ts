/**
 * A seeded uniform sampler on (0, 1) for tests (a 32-bit LCG), independent of the library's own
 * generators, so that a bug in those cannot hide in a test that uses them.
 */
export function lcgUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}
