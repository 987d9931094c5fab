/**
 * Truth tables of Boolean functions of n ≤ 8 inputs (256 rows; the perceptron measures single
 * functions of 8 inputs, while tables of every function and networks with hidden layers stop at 7).
 *
 * Convention (design.md): row i is the binary expansion of i written MSB-first as (x1, …, xn);
 * a function is printed as 2^n characters, character i = f(row i). As a value, a table is a
 * bigint whose bit i is f(row i).
 */

/** Largest number of inputs a truth table may have. */
export const MAX_INPUTS = 8;

/** A Boolean function of `n` inputs: bit i of `bits` is f(row i). */
export interface BooleanFunction {
  readonly n: number;
  readonly bits: bigint;
}

/**
 * Checks that n is an integer in 0..max.
 * @throws RangeError naming the allowed range.
 */
export function assertInputs(n: number, max = MAX_INPUTS): void {
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new RangeError(`inputs must be an integer from 0 to ${max}, got ${n}`);
  }
}

/** Number of rows 2^n. */
export function rowCount(n: number): number {
  return 1 << n;
}

/** Mask with the 2^n table bits set. */
export function fullMask(n: number): bigint {
  return (1n << BigInt(rowCount(n))) - 1n;
}

/**
 * Parses a bit string of length 2^n (character i = f(row i)), or a hex number `0x…` (bit i =
 * f(row i), see parseHexFunction). When n is omitted it is inferred from the length, which must
 * then be a power of two 1..128.
 * @throws RangeError on a wrong length or a character other than 0/1, naming the allowed values.
 */
export function parseFunction(text: string, n?: number): BooleanFunction {
  if (/^0x/i.test(text)) return parseHexFunction(text, n);
  if (!/^[01]*$/.test(text)) {
    const bad = [...text].find((c) => c !== "0" && c !== "1");
    throw new RangeError(`function '${text}' has the character '${bad}'; only 0 and 1 are allowed`);
  }
  let inputs = n;
  if (inputs === undefined) {
    inputs = Math.log2(text.length);
    if (!Number.isInteger(inputs) || inputs > MAX_INPUTS) {
      throw new RangeError(
        `function '${text}' has length ${text.length}; the length must be 2^n for n = 0..${MAX_INPUTS}`,
      );
    }
  }
  assertInputs(inputs);
  if (text.length !== rowCount(inputs)) {
    throw new RangeError(
      `function '${text}' has length ${text.length}; with ${inputs} inputs it must have 2^${inputs} = ${rowCount(inputs)} characters`,
    );
  }
  let bits = 0n;
  for (let i = text.length - 1; i >= 0; i--) bits = (bits << 1n) | (text[i] === "1" ? 1n : 0n);
  return { n: inputs, bits };
}

/** BYTE_BITS[v]: the 8 rows of byte v as characters, row 0 (bit 0) first. */
const BYTE_BITS = Array.from({ length: 256 }, (_, v) => {
  let s = "";
  for (let b = 0; b < 8; b++) s += (v >> b) & 1 ? "1" : "0";
  return s;
});

/** Prints a table in word form (32 rows a word) as its bit string, character i = f(row i). */
export function formatWords(words: Uint32Array, n: number): string {
  let s = "";
  const rows = rowCount(n);
  for (let j = 0; j < words.length; j++) {
    const w = words[j];
    s += BYTE_BITS[w & 255] + BYTE_BITS[(w >>> 8) & 255] + BYTE_BITS[(w >>> 16) & 255] + BYTE_BITS[w >>> 24];
  }
  return rows < 32 ? s.slice(0, rows) : s;
}

/** Prints f as its bit string, character i = f(row i). */
export function formatFunction(f: BooleanFunction): string {
  // Character i is bit i: the binary numeral read backwards.
  return [...f.bits.toString(2).padStart(rowCount(f.n), "0")].reverse().join("");
}

/** f(row i) as 0 or 1. */
export function valueAt(f: BooleanFunction, row: number): 0 | 1 {
  return (f.bits >> BigInt(row)) & 1n ? 1 : 0;
}

/** The bits (x1, …, xn) of row i, MSB-first, each 0 or 1. */
export function rowBits(n: number, row: number): number[] {
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = (row >> (n - 1 - k)) & 1;
  return out;
}

/** f with row i flipped. */
export function flipRow(f: BooleanFunction, row: number): BooleanFunction {
  return { n: f.n, bits: f.bits ^ (1n << BigInt(row)) };
}

/** ¬f. */
export function complement(f: BooleanFunction): BooleanFunction {
  return { n: f.n, bits: f.bits ^ fullMask(f.n) };
}

/** Number of ones in the truth table. */
export function onesCount(f: BooleanFunction): number {
  let c = 0;
  for (let b = f.bits; b !== 0n; b >>= 1n) c += Number(b & 1n);
  return c;
}

/**
 * Parses `0x…` as a function of n inputs, the convention of logic-synthesis tools: bit i of the
 * number is f(row i), so AND on 4 inputs is 0x8000. Without n, n is the smallest whose 2^n bits
 * hold the number (at least the digits' width, up to MAX_INPUTS).
 * @throws RangeError for non-hex digits or a number with more than 2^n bits.
 */
export function parseHexFunction(text: string, n?: number): BooleanFunction {
  const digits = text.slice(2);
  if (!/^[0-9a-fA-F]+$/.test(digits))
    throw new RangeError(`function '${text}' is not a hex number; after 0x only the digits 0-9 and a-f are allowed`);
  const bits = BigInt(`0x${digits}`);
  let inputs = n;
  if (inputs === undefined) {
    inputs = 0;
    while (inputs < MAX_INPUTS && rowCount(inputs) < digits.length * 4) inputs++;
  }
  assertInputs(inputs);
  if (bits >> BigInt(rowCount(inputs)) !== 0n)
    throw new RangeError(
      `function '${text}' has more than 2^${inputs} = ${rowCount(inputs)} bits; with ${inputs} inputs it must be below 2^${rowCount(inputs)}`,
    );
  return { n: inputs, bits };
}

/** Prints f as `0x…` (bit i = f(row i)) with ⌈2^n / 4⌉ digits. */
export function formatHexFunction(f: BooleanFunction): string {
  return `0x${f.bits.toString(16).padStart(Math.ceil(rowCount(f.n) / 4), "0")}`;
}
