/** Uniform doubles in [0, 1) from a random stream. */
import type { RandomStream } from "./prior.js";
import { stateOf, unitsFromState } from "./randomStream.js";

/**
 * Fills out[0 … m) with uniform doubles in [0, 1) on the grid of 2^-53, one 64-bit output each
 * (see `unitsFromState`). The generator is stepped on its state words, several times faster than
 * pure-rand's `uniformFloat64` (two boxed calls a double); a foreign stream seeds a fresh state
 * (see `stateOf`).
 */
export function uniformUnits(rng: RandomStream, out: Float64Array, m: number): void {
  unitsFromState(stateOf(rng), out, m);
}
