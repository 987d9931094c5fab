/** Fourier L1 norm (spectral norm) of a Boolean function in the ±1 encoding. */
import { type BooleanFunction } from "../truthTable.js";
import { dyadic, type DyadicValue } from "./_internals/dyadic.js";
import { tableValues } from "./_internals/tableValues.js";

/**
 * Σ_S |f̂(S)| with F(x) = (−1)^{f(x)} = 1 − 2f(x), χ_S(x) = Π_{i∈S} (−1)^{x_i} and
 * f̂(S) = 2^−n Σ_x F(x) χ_S(x). The reference (`L1_Fourier_complexity`) uses 2f − 1 and inputs
 * 2x − 1; each coefficient differs only in sign, so the norm is the same. Exact (a fast
 * Walsh–Hadamard transform in integers, |coefficients| ≤ 2^7), as p/q and a double; 1 for
 * constants, dictators and parities, ≥ 1 always.
 */
export function fourierL1(f: BooleanFunction): DyadicValue {
  const a = Int32Array.from(tableValues(f), (b) => 1 - 2 * b);
  // In-place butterflies: after them a[S] = Σ_x F(x) χ_S(x) (S as a row mask).
  for (let h = 1; h < a.length; h <<= 1)
    for (let i = 0; i < a.length; i += h << 1)
      for (let j = i; j < i + h; j++) {
        const u = a[j];
        const v = a[j + h];
        a[j] = u + v;
        a[j + h] = u - v;
      }
  return dyadic(
    a.reduce((s, c) => s + Math.abs(c), 0),
    f.n,
  );
}
