/**
 * Input encodings: how a truth-table row becomes the numeric input vector of a network.
 * `binary`: xi ∈ {0, 1} (default). `signed`: xi ∈ {−1, +1}, bit 0 ↦ −1.
 */
import { rowBits } from "./truthTable.js";

/** The input encodings a network can use. */
export type Encoding = "binary" | "signed";

/** All encodings, in the order options list them. */
export const ENCODINGS: readonly Encoding[] = ["binary", "signed"];

/**
 * Checks an encoding name.
 * @throws RangeError naming the allowed values.
 */
export function parseEncoding(text: string): Encoding {
  if (text === "binary" || text === "signed") return text;
  throw new RangeError(`encoding '${text}' is unknown; allowed: binary, signed`);
}

/** The numeric input vector (x1, …, xn) of row i under an encoding. */
export function encodeRow(n: number, row: number, encoding: Encoding): number[] {
  const bits = rowBits(n, row);
  return encoding === "binary" ? bits : bits.map((b) => (b === 1 ? 1 : -1));
}
