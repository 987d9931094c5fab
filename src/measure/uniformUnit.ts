/** Uniform doubles in [0, 1) from a pure-rand stream. */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import type { RandomStream } from "./prior.js";

/** A uniform double in [0, 1) with 53 random bits. */
export function uniformUnit(rng: RandomStream): number {
  return uniformFloat64(rng);
}
