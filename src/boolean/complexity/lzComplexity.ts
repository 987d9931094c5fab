/**
 * Lempel–Ziv (1976) complexity of a bit string as the simplicity-bias papers compute it
 * (Dingle et al. 2018, Valle-Pérez et al. 2019; reference code guillefix/simpbias-tools, `KC_LZ.py`).
 *
 * The reference applies its counter to the function's bit string exactly as printed (character i =
 * f(row i)), with no padding or re-ordering; its leading `'0'+string` only shifts indices to 1-based
 * and takes no part in the count. This module does the same.
 */
import { rowValue } from "../tableWords.js";
import { type BooleanFunction, formatFunction, rowCount } from "../truthTable.js";

/**
 * LZ76 phrase count N(x) by the Kaspar–Schuster (1987) algorithm: each phrase is the longest prefix
 * of the rest that already occurs starting earlier (overlap allowed) plus one new symbol; a final
 * incomplete phrase is counted. N("") = 0; N(x) = 1 for |x| = 1 (where the reference indexes past
 * its string and fails, this is the count the definition gives).
 * @param x any string (symbols compared as characters) or array of symbols (compared as numbers).
 */
export function lzPhraseCount(x: string | ArrayLike<number>): number {
  const n = x.length;
  if (n <= 1) return n;
  // Kaspar–Schuster state: `l` symbols are parsed, the current phrase is matched against the copy
  // starting at `i` (< l) for `k` symbols; `kMax` is the longest such match + 1.
  let c = 1;
  let l = 1;
  let i = 0;
  let k = 1;
  let kMax = 1;
  for (;;) {
    if (x[i + k - 1] !== x[l + k - 1]) {
      if (k > kMax) kMax = k;
      i++;
      if (i === l) {
        c++;
        l += kMax;
        if (l + 1 > n) return c;
        i = 0;
        k = 1;
        kMax = 1;
      } else k = 1;
    } else {
      k++;
      if (l + k > n) return c + 1;
    }
  }
}

/** LZ complexity of a bit string: the phrase counts both ways and C_LZ. */
export interface LzComplexity {
  /** N(x), Kaspar–Schuster phrase count of the string as printed. */
  readonly phrases: number;
  /** N(reverse x). */
  readonly phrasesReversed: number;
  /**
   * C_LZ(x) in bits-like units: log2(L) if x is constant, else log2(L)·(N(x) + N(reverse x))/2,
   * L = |x| (the reference's `calc_KC`). A double: log2 of a power of two is exact, so C_LZ is
   * exact for truth tables.
   */
  readonly cLz: number;
}

/**
 * C_LZ and the phrase counts of a string (calc_KC of the reference).
 * @throws RangeError for the empty string (log2 0 is undefined).
 */
export function lzComplexityOfString(x: string): LzComplexity {
  if (x.length === 0) throw new RangeError("lzComplexity: the string is empty; C_LZ needs length ≥ 1");
  const reversed = [...x].reverse().join("");
  const phrases = lzPhraseCount(x);
  const phrasesReversed = lzPhraseCount(reversed);
  const log2L = Math.log2(x.length);
  // As the reference: only all-0 and all-1 strings take the constant branch.
  const constant = /^0+$/.test(x) || /^1+$/.test(x);
  return { phrases, phrasesReversed, cLz: constant ? log2L : (log2L * (phrases + phrasesReversed)) / 2 };
}

/** C_LZ of f's printed bit string (character i = f(row i)). */
export function lzComplexity(f: BooleanFunction): LzComplexity {
  return lzComplexityOfString(formatFunction(f));
}

let forward = new Uint8Array(0);
let backward = new Uint8Array(0);

/**
 * C_LZ of the function whose truth table is `w` (word form, n inputs): the same number as
 * lzComplexity, without building strings (the bias analyses evaluate it on every function of a
 * class, 15 million at n = 6).
 */
export function lzComplexityOfTable(w: Uint32Array, n: number): number {
  const rows = rowCount(n);
  if (forward.length !== rows) [forward, backward] = [new Uint8Array(rows), new Uint8Array(rows)];
  let ones = 0;
  for (let r = 0; r < rows; r++) {
    const v = rowValue(w, r);
    forward[r] = v;
    backward[rows - 1 - r] = v;
    ones += v;
  }
  if (ones === 0 || ones === rows) return n;
  return (n * (lzPhraseCount(forward) + lzPhraseCount(backward))) / 2;
}
