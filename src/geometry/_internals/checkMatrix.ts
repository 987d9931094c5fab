/**
 * Argument validation shared by the public cone functions: turns a `bigint[][]` or a `number[][]` of
 * safe integers into a fresh `bigint[][]`, or throws a message naming the function, the argument and
 * the offending entry.
 */

/** An integer matrix as callers may pass it: bigints, or numbers that are safe integers. */
export type IntMatrixInput = readonly (readonly (bigint | number)[])[];

/**
 * Copies `A` into a rectangular `bigint[][]`.
 * @param fn name of the public function, for the error message.
 * @param name name of the argument, for the error message.
 * @param minRows smallest number of rows allowed (default 1).
 * @throws TypeError if `A` is not an array of arrays, rows are ragged, or an entry is neither a bigint
 *   nor a safe integer; RangeError if there are fewer than `minRows` rows or no columns.
 */
export function toIntMatrix(A: IntMatrixInput, fn: string, name = "A", minRows = 1): bigint[][] {
  if (!Array.isArray(A)) throw new TypeError(`${fn}: ${name} must be an array of rows`);
  if (A.length < minRows) {
    throw new RangeError(`${fn}: ${name} must have at least ${minRows} row(s), got ${A.length}`);
  }
  if (A.length === 0) return [];
  const first = A[0];
  if (!Array.isArray(first)) throw new TypeError(`${fn}: ${name}[0] must be an array`);
  const d = first.length;
  if (d === 0) throw new RangeError(`${fn}: ${name} must have at least one column (dimension d ≥ 1)`);
  return A.map((row, i) => {
    if (!Array.isArray(row)) throw new TypeError(`${fn}: ${name}[${i}] must be an array`);
    if (row.length !== d) {
      throw new TypeError(`${fn}: ${name}[${i}] has length ${row.length}, expected ${d} (ragged rows)`);
    }
    return row.map((x, j) => toBigInt(x, fn, `${name}[${i}][${j}]`));
  });
}

/**
 * Copies an integer vector into `bigint[]`.
 * @throws TypeError if an entry is neither a bigint nor a safe integer.
 */
export function toIntVector(v: readonly (bigint | number)[], fn: string, name: string): bigint[] {
  if (!Array.isArray(v)) throw new TypeError(`${fn}: ${name} must be an array`);
  return v.map((x, j) => toBigInt(x, fn, `${name}[${j}]`));
}

function toBigInt(x: bigint | number, fn: string, where: string): bigint {
  if (typeof x === "bigint") return x;
  if (typeof x === "number" && Number.isSafeInteger(x)) return BigInt(x);
  throw new TypeError(`${fn}: ${where} = ${String(x)} is not a bigint or a safe integer`);
}
