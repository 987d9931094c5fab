/**
 * The set of functions a perceptron can compute, for each architecture variant, with an integer
 * witness per function in the architecture's own parameters.
 *
 * - With a bias (either encoding): all threshold functions (the encodings differ by an affine map
 *   that the bias absorbs).
 * - Binary, no bias: f is realisable iff f(0) = 0 and row 0 is a facet of f's cone with bias; its
 *   symmetry classes are derived from the NPN class list (binaryNoBiasClasses) and expanded.
 * - Signed, no bias: f is self-dual and its restriction to xn = +1 is a threshold function g of
 *   n − 1 inputs whose bias becomes wn.
 */
import { TableMap } from "../../boolean/tableSet.js";
import { flipRowWord, rowValue, wordCount, wordMask } from "../../boolean/tableWords.js";
import { binaryNoBiasClasses, forEachNoBiasMember } from "./binaryNoBiasClasses.js";
import { checkPerceptronSpec, type PerceptronSpec } from "./perceptronSpec.js";
import { enumerateThresholdClasses } from "./thresholdClassList.js";
import { enumerateThresholdFunctions, type ThresholdEnumeration } from "./thresholdEnumeration.js";
import { forEachThresholdFunction } from "./walkThresholdClass.js";

/** Every realisable function of one architecture, each with a witness. */
export interface RealisableFunctions {
  readonly spec: PerceptronSpec;
  /** Number of realisable functions. */
  readonly count: number;
  /** Table words of function k at [k·width, (k+1)·width). */
  readonly tables: Uint32Array;
  /** Witness of function k at [k·d, (k+1)·d), in the spec's parameters (w1 … wn[, b]). */
  readonly witnesses: Int32Array;
  /**
   * NPN class of function k in the underlying threshold enumeration (of n, or n−1 inputs); binary
   * without bias: index of its symmetry class (binaryNoBiasClasses).
   */
  readonly classIds: Int32Array;
  /** Index of a table, or −1 when it is not realisable. */
  indexOf(table: Uint32Array): number;
  /** The threshold enumeration the set was derived from (absent: binary without bias, from the class list). */
  readonly enumeration?: ThresholdEnumeration;
}

class Collector {
  readonly map: TableMap;
  tables: Uint32Array;
  witnesses: Int32Array;
  classIds: Int32Array;
  count = 0;
  constructor(
    readonly width: number,
    readonly d: number,
    capacity: number,
  ) {
    this.map = new TableMap(width, capacity);
    this.tables = new Uint32Array(capacity * width);
    this.witnesses = new Int32Array(capacity * d);
    this.classIds = new Int32Array(capacity);
  }
  add(table: Uint32Array, witness: ArrayLike<number>, classId: number): void {
    if (!this.map.setIfAbsent(table, this.count)) return;
    if (this.count === this.classIds.length) this.growTo(this.count * 2 + 16);
    this.tables.set(table, this.count * this.width);
    for (let i = 0; i < this.d; i++) this.witnesses[this.count * this.d + i] = witness[i];
    this.classIds[this.count] = classId;
    this.count++;
  }
  private growTo(cap: number): void {
    const t = new Uint32Array(cap * this.width);
    t.set(this.tables);
    const w = new Int32Array(cap * this.d);
    w.set(this.witnesses);
    const c = new Int32Array(cap);
    c.set(this.classIds);
    this.tables = t;
    this.witnesses = w;
    this.classIds = c;
  }
  result(spec: PerceptronSpec, enumeration?: ThresholdEnumeration): RealisableFunctions {
    const map = this.map;
    return {
      spec,
      count: this.count,
      tables: this.tables.subarray(0, this.count * this.width),
      witnesses: this.witnesses.subarray(0, this.count * this.d),
      classIds: this.classIds.subarray(0, this.count),
      indexOf: (table) => map.get(table),
      enumeration,
    };
  }
}

function gcdNormalise(w: Int32Array): Int32Array {
  let g = 0;
  for (const v of w) {
    let a = Math.abs(v);
    let b = g;
    while (b) [a, b] = [b, a % b];
    g = a;
  }
  if (g > 1) for (let i = 0; i < w.length; i++) w[i] /= g;
  return w;
}

/** Binary witness (w, b) ↦ signed witness (w, Σw + 2b): ⟨w, u⟩ + b = (⟨w, x⟩ + Σw + 2b)/2 for x = 2u − 1. */
export function toSignedWitness(binary: ArrayLike<number>): Int32Array {
  const n = binary.length - 1;
  const out = new Int32Array(n + 1);
  let s = 2 * binary[n];
  for (let i = 0; i < n; i++) {
    out[i] = binary[i];
    s += binary[i];
  }
  out[n] = s;
  return gcdNormalise(out);
}

/**
 * Largest n for the binary no-bias catalogue (1,066,044 functions at n = 6, about 100 MB; at n = 7
 * there are 347,326,352).
 */
export const MAX_BINARY_NO_BIAS_INPUTS = 6;

/** Largest n for which every function is listed (above it: NPN class lists only). */
export const MAX_TABLE_INPUTS = 6;

/**
 * Validates a spec for listing every function.
 * @throws RangeError for an invalid spec or more than MAX_TABLE_INPUTS inputs.
 */
export function checkTableSpec(spec: PerceptronSpec): void {
  checkPerceptronSpec(spec);
  if (spec.inputs > MAX_TABLE_INPUTS) {
    throw new RangeError(
      `inputs must be an integer from 0 to ${MAX_TABLE_INPUTS} to list every function, got ${spec.inputs} (use enumerateThresholdClasses)`,
    );
  }
}

const cache = new Map<string, RealisableFunctions>();

/**
 * All functions the perceptron `spec` can compute, with witnesses. Results are cached per spec.
 * @throws RangeError for an invalid spec.
 */
export function realisableFunctions(
  spec: PerceptronSpec,
  onProgress?: (done: number, total: number) => void,
): RealisableFunctions {
  checkTableSpec(spec);
  const key = `${spec.inputs}:${spec.bias}:${spec.encoding}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = spec.bias
    ? withBias(spec, onProgress)
    : spec.encoding === "binary"
      ? binaryWithoutBias(spec, onProgress)
      : signedWithoutBias(spec, onProgress);
  cache.set(key, result);
  return result;
}

function withBias(
  spec: PerceptronSpec,
  onProgress?: (done: number, total: number) => void,
): RealisableFunctions {
  const n = spec.inputs;
  const e = enumerateThresholdFunctions(n, onProgress);
  const c = new Collector(wordCount(n), n + 1, e.count);
  forEachThresholdFunction(e, (table, witness, id) => {
    c.add(table, spec.encoding === "signed" ? toSignedWitness(witness) : witness, id);
  });
  return c.result(spec, e);
}

function binaryWithoutBias(
  spec: PerceptronSpec,
  onProgress?: (done: number, total: number) => void,
): RealisableFunctions {
  const n = spec.inputs;
  if (n > MAX_BINARY_NO_BIAS_INPUTS) {
    throw new RangeError(
      `a full table without bias in the binary encoding is built for inputs 1 to ${MAX_BINARY_NO_BIAS_INPUTS}, got ${n}`,
    );
  }
  const classes = binaryNoBiasClasses(enumerateThresholdClasses(n, onProgress));
  const c = new Collector(wordCount(n), n, classes.reduce((s, k) => s + k.orbit, 0));
  classes.forEach((k, id) => forEachNoBiasMember(n, k, (table, w) => c.add(table, w, id)));
  return c.result(spec);
}

function signedWithoutBias(
  spec: PerceptronSpec,
  onProgress?: (done: number, total: number) => void,
): RealisableFunctions {
  const n = spec.inputs;
  const smaller = realisableFunctions({ inputs: n - 1, bias: true, encoding: "signed" }, onProgress);
  const gWidth = wordCount(n - 1);
  const half = 1 << (n - 1);
  const c = new Collector(wordCount(n), n, smaller.count);
  const table = new Uint32Array(wordCount(n));
  const mask = wordMask(n);
  for (let k = 0; k < smaller.count; k++) {
    const g = smaller.tables.subarray(k * gWidth, (k + 1) * gWidth);
    table.fill(0);
    for (let q = 0; q < half; q++) {
      if (rowValue(g, q)) flipRowWord(table, 2 * q + 1);
      if (!rowValue(g, half - 1 - q)) flipRowWord(table, 2 * q);
    }
    for (let j = 0; j < table.length; j++) table[j] &= mask;
    c.add(table, smaller.witnesses.subarray(k * n, (k + 1) * n), smaller.classIds[k]);
  }
  return c.result(spec, smaller.enumeration);
}
