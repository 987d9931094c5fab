/**
 * An independent oracle for perceptron realisability, written without any code from src/: every
 * integer parameter vector in a box is evaluated in plain integer arithmetic, and each function it
 * computes (with every pre-activation nonzero, i.e. inside an open cone) is recorded with that
 * parameter vector as its witness. Everything recorded is realisable (the witness proves it); the
 * set is complete when its size reaches the published count, which the tests check.
 *
 * Tables are numbers (bit r = f(row r)), so n ≤ 5.
 */

export interface Spec {
  readonly inputs: number;
  readonly bias: boolean;
  readonly encoding: "binary" | "signed";
}

/** Input vector (x1, …, xn) of row r, MSB-first, under the encoding. */
export function inputVector(n: number, r: number, encoding: "binary" | "signed"): number[] {
  const x: number[] = [];
  for (let i = 0; i < n; i++) {
    const bit = (r >> (n - 1 - i)) & 1;
    x.push(encoding === "binary" ? bit : 2 * bit - 1);
  }
  return x;
}

/**
 * Evaluates θ = (w1 … wn[, b]) on every row in BigInt arithmetic. Returns the table (bit r = f(row r))
 * as a bigint, or null if some pre-activation is zero on a row that constrains θ (the point is on a
 * boundary). Without bias in the binary encoding the zero input is always 0 (pre-activation 0, output
 * rule "1 iff > 0"), and constrains nothing.
 */
export function evaluateStrict(spec: Spec, theta: readonly (number | bigint)[]): bigint | null {
  const n = spec.inputs;
  const t = theta.map((v) => BigInt(v));
  let bits = 0n;
  for (let r = 0; r < 2 ** n; r++) {
    const x = inputVector(n, r, spec.encoding);
    let s = spec.bias ? t[n] : 0n;
    for (let i = 0; i < n; i++) s += BigInt(x[i]) * t[i];
    if (s === 0n) {
      if (!spec.bias && spec.encoding === "binary" && r === 0) continue;
      return null;
    }
    if (s > 0n) bits |= 1n << BigInt(r);
  }
  return bits;
}

/** Weight bound of the box that reaches every function (checked against the published counts). */
export function defaultBound(spec: Spec): number {
  const n = spec.inputs;
  if (spec.bias) return [0, 1, 1, 2, 3, 5][n];
  if (spec.encoding === "binary") return [0, 1, 2, 3, 5, 9][n];
  return [0, 1, 1, 1, 2, 3][n];
}

/**
 * Evaluates θ on every row in double arithmetic, exact because |θ| < 2^20 is required (every
 * pre-activation is then an integer below 2^27). Same contract as evaluateStrict, as a number table
 * (n ≤ 5); a faster twin for exhaustive loops, cross-checked against evaluateStrict in the tests.
 */
export function evaluateSmall(spec: Spec, theta: ArrayLike<number>): number | null {
  const n = spec.inputs;
  for (let i = 0; i < theta.length; i++) {
    if (!Number.isInteger(theta[i]) || Math.abs(theta[i]) >= 2 ** 20)
      throw new RangeError(`θ too large: ${theta[i]}`);
  }
  let bits = 0;
  for (let r = 0; r < 2 ** n; r++) {
    let s = spec.bias ? theta[n] : 0;
    for (let i = 0; i < n; i++) {
      const bit = (r >> (n - 1 - i)) & 1;
      s += (spec.encoding === "binary" ? bit : 2 * bit - 1) * theta[i];
    }
    if (s === 0) {
      if (!spec.bias && spec.encoding === "binary" && r === 0) continue;
      return null;
    }
    if (s > 0) bits = (bits | (1 << r)) >>> 0;
  }
  return bits;
}

/** Every function the box [−W, W]^n of integer weights computes, each with a witness. */
export function bruteForceFunctions(spec: Spec, W = defaultBound(spec)): Map<number, number[]> {
  const n = spec.inputs;
  if (n > 5) throw new RangeError("the brute-force oracle handles n ≤ 5");
  const rows = 2 ** n;
  const out = new Map<number, number[]>();
  const w = new Array<number>(n).fill(-W);
  const sums = new Int32Array(rows);
  const keys = new Int32Array(rows);
  // lowInput[r]: the input whose bit is the lowest set bit of r (row bit k is input n − 1 − k).
  const lowInput = Int32Array.from({ length: rows }, (_, r) => (r === 0 ? 0 : n - 1 - Math.log2(r & -r)));
  for (;;) {
    // Subset sums: s[r] = Σ_i w_i·x_i(r) with x_i(r) the MSB-first bit of r (binary), then
    // 2s − Σw for the signed encoding (x = 2·bit − 1).
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i];
    sums[0] = 0;
    for (let r = 1; r < rows; r++) sums[r] = sums[r & (r - 1)] + w[lowInput[r]];
    if (spec.encoding === "signed") for (let r = 0; r < rows; r++) sums[r] = 2 * sums[r] - total;
    if (spec.bias) {
      // Threshold sweep: rows by decreasing sum; a cut between distinct sums s_j > s_{j+1} gives the
      // witness (2w, −c) with c = s_j + s_{j+1} (2·max + 1, 2·min − 1 at the ends): 2s − c ≠ 0.
      // Sort keys (−s)·64 + r ascending = sums descending, row in the low 6 bits.
      for (let r = 0; r < rows; r++) keys[r] = -sums[r] * 64 + r;
      keys.sort();
      const rowAt = (j: number) => keys[j] & 63;
      let table = 0;
      const record = (c: number) => {
        if (!out.has(table)) out.set(table, [...w.map((v) => 2 * v), -c]);
      };
      record(2 * sums[rowAt(0)] + 1);
      for (let j = 0; j < rows; j++) {
        const sj = sums[rowAt(j)];
        table = (table | (1 << rowAt(j))) >>> 0;
        if (j + 1 === rows) record(2 * sj - 1);
        else if (sums[rowAt(j + 1)] !== sj) record(sj + sums[rowAt(j + 1)]);
      }
    } else {
      let table = 0;
      let ok = true;
      for (let r = 0; r < rows && ok; r++) {
        if (spec.encoding === "binary" && r === 0) continue;
        if (sums[r] === 0) ok = false;
        else if (sums[r] > 0) table = (table | (1 << r)) >>> 0;
      }
      if (ok && !out.has(table)) out.set(table, [...w]);
    }
    let i = 0;
    while (i < n && w[i] === W) w[i++] = -W;
    if (i === n) break;
    w[i]++;
  }
  return out;
}
