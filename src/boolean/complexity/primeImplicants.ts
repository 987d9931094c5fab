/**
 * Prime implicants of a Boolean function as cubes. Every cube (3^n of them, 2187 for n = 7) is tested
 * for lying inside the on-set and kept when no cube one literal larger does: the same set
 * Quine–McCluskey's merging produces, found without its tables.
 */
import { type BooleanFunction } from "../truthTable.js";
import { inputMask } from "./_internals/tableValues.js";

/** A cube (product of literals): rows r with (r & care) === value. */
export interface Cube {
  /** Row bits the cube fixes (x_k is bit n − k). */
  readonly care: number;
  /** The fixed bits' values (a subset of care): set = positive literal, clear = negated. */
  readonly value: number;
  /** The rows the cube contains, as a table mask (bit r = row r). */
  readonly rows: bigint;
}

/** Rows of the cube (care, value) among 2^n rows, as a table mask. */
function cubeRows(n: number, care: number, value: number): bigint {
  let rows = 0n;
  for (let r = 0; r < 1 << n; r++) if ((r & care) === value) rows |= 1n << BigInt(r);
  return rows;
}

/**
 * All prime implicants of f (maximal cubes inside f's on-set), in order of care mask then value.
 * The constant 1 has the single prime with care 0; the constant 0 has none.
 */
export function primeImplicants(f: BooleanFunction): Cube[] {
  const implicants = new Map<number, Cube>();
  const key = (care: number, value: number) => care * 256 + value;
  const full = (1 << f.n) - 1;
  for (let care = 0; care <= full; care++)
    for (let value = care; ; value = (value - 1) & care) {
      const rows = cubeRows(f.n, care, value);
      if ((rows & ~f.bits) === 0n) implicants.set(key(care, value), { care, value, rows });
      if (value === 0) break;
    }
  const primes: Cube[] = [];
  for (const c of implicants.values()) {
    let prime = true;
    for (let k = 1; k <= f.n && prime; k++) {
      const bit = inputMask(f.n, k);
      if (c.care & bit && implicants.has(key(c.care & ~bit, c.value & ~bit))) prime = false;
    }
    if (prime) primes.push(c);
  }
  return primes.sort((a, b) => a.care - b.care || a.value - b.value);
}

/** Number of literals of a cube. */
export function literalCount(c: Cube): number {
  let k = 0;
  for (let m = c.care; m !== 0; m &= m - 1) k++;
  return k;
}

/** Number of positive (un-negated) literals of a cube. */
export function positiveLiteralCount(c: Cube): number {
  let k = 0;
  for (let m = c.value; m !== 0; m &= m - 1) k++;
  return k;
}
