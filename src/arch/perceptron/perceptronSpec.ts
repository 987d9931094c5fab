/**
 * A perceptron architecture: n Boolean inputs, an optional bias, an input encoding. Output 1 iff
 * ⟨w, x⟩ + b > 0. Parameters are named w1 … wn and b, in that order, in every printout.
 */
import { type Encoding, encodeRow } from "../../boolean/encoding.js";
import { rowCount } from "../../boolean/truthTable.js";
import { formatLinearForm } from "../../geometry/formatLinearForm.js";

/** The perceptron whose weight space is studied. */
export interface PerceptronSpec {
  /** Number of Boolean inputs n. */
  readonly inputs: number;
  /** Whether the unit has a bias b (default true). */
  readonly bias: boolean;
  /** Input encoding (default binary). */
  readonly encoding: Encoding;
}

/**
 * Largest n for which perceptron regions are built (single functions and class lists; tables of
 * every function stop at MAX_TABLE_INPUTS).
 */
export const MAX_PERCEPTRON_INPUTS = 8;

/**
 * Validates a spec.
 * @throws RangeError naming the problem and the allowed values.
 */
export function checkPerceptronSpec(spec: PerceptronSpec): void {
  const n = spec.inputs;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PERCEPTRON_INPUTS) {
    throw new RangeError(`inputs must be an integer from 0 to ${MAX_PERCEPTRON_INPUTS}, got ${n}`);
  }
  if (!spec.bias && n < 1) throw new RangeError(`a perceptron without bias needs inputs from 1 to ${MAX_PERCEPTRON_INPUTS}, got 0`);
}

/** Parameter names in order: w1 … wn, then b when there is a bias. */
export function parameterNames(spec: PerceptronSpec): string[] {
  const names = Array.from({ length: spec.inputs }, (_, i) => `w${i + 1}`);
  if (spec.bias) names.push("b");
  return names;
}

/** Dimension of weight space, n (+1 with a bias). */
export function parameterCount(spec: PerceptronSpec): number {
  return spec.inputs + (spec.bias ? 1 : 0);
}

/** The vector x̃ with ⟨θ, x̃⟩ = pre-activation on row r: (x, 1) with a bias, x without. */
export function rowVector(spec: PerceptronSpec, row: number): number[] {
  const x = encodeRow(spec.inputs, row, spec.encoding);
  if (spec.bias) x.push(1);
  return x;
}

/**
 * Rows whose constraint is a genuine half-space. Without bias in the binary encoding the all-zero
 * input has pre-activation 0 for every θ (its output is always 0), so it constrains nothing.
 */
export function constrainingRows(spec: PerceptronSpec): readonly number[] {
  const key = (spec.inputs << 2) | (spec.bias ? 2 : 0) | (spec.encoding === "binary" ? 1 : 0);
  let rows = constrainingCache.get(key);
  if (!rows) {
    const all = Array.from({ length: rowCount(spec.inputs) }, (_, r) => r);
    rows = !spec.bias && spec.encoding === "binary" ? all.slice(1) : all;
    constrainingCache.set(key, rows);
  }
  return rows;
}

const constrainingCache = new Map<number, number[]>();

/**
 * The open cone of f, {θ : s_r⟨θ, x̃_r⟩ > 0}, as integer rows s_r·x̃_r over `constrainingRows`;
 * `value(r)` is f(row r).
 */
export function coneRows(spec: PerceptronSpec, value: (row: number) => 0 | 1): number[][] {
  return constrainingRows(spec).map((r) => {
    const s = value(r) === 1 ? 1 : -1;
    return rowVector(spec, r).map((c) => s * c);
  });
}

/**
 * Prints the constraint of row r for output `value`, e.g. `w1+w2+b>0`, `-w1+w2+b<0`,
 * `2*w1-b>0`: coefficient 1 omitted, other integers as `k*name`, then `>0` for output 1 or `<0`.
 */
export function formatConstraint(spec: PerceptronSpec, row: number, value: 0 | 1): string {
  return `${formatLinearForm(rowVector(spec, row), parameterNames(spec))}${value === 1 ? ">0" : "<0"}`;
}
