/**
 * Independent-looking seeds from one: the murmur3 finaliser of (seed, k), so that repeat k of a
 * validation run, the bootstrap and the Adam run of one estimate each get a stream of their own
 * (xoroshiro128+ states seeded with nearby integers start out correlated).
 */

/** A 32-bit seed derived from `seed` and the stream index `k`. */
export function mixSeed(seed: number, k: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(k | 0, 0x85ebca77)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
