/**
 * Why a perceptron cannot compute a function, as data a reader can check by hand: non-negative
 * integer weights y_r on input rows with Σ y_r·s_r·x̃_r = 0 (s_r = +1 where f(r) = 1, else −1).
 * Any θ computing f would make every term y_r·s_r⟨θ, x̃_r⟩ positive, yet they sum to 0 (Gordan).
 * XOR with bias: rows 01 and 10 (output 1) minus rows 00 and 11 (output 0), weight 1 each.
 */

import { type BooleanFunction, formatFunction, rowBits, valueAt } from "../../boolean/truthTable.js";
import { gordanCertificate } from "../../geometry/gordanCertificate.js";
import { checkPerceptronSpec, constrainingRows, type PerceptronSpec, rowVector } from "./perceptronSpec.js";

/** One row of a certificate. Field names are a public interface (JSON output). */
export interface GordanMultiplier {
  /** The input row, `x=` and its bits x1 … xn, e.g. `x=01`. */
  readonly row: string;
  /** f on that row, fixing the sign s_r (+1 for output 1, −1 for output 0). */
  readonly output: 0 | 1;
  /** The multiplier y_r, a positive integer. */
  readonly weight: number;
}

/** A certificate that no weights compute a function; only rows with y_r > 0 are listed, in input order. */
export interface UnrealisableCertificate {
  readonly kind: "gordan";
  readonly multipliers: readonly GordanMultiplier[];
}

/**
 * Rows that constrain f: the spec's constraining rows, plus the all-zero input without bias in the
 * binary encoding when f(0) = 1 (its pre-activation is 0 for every θ, an unsatisfiable row 0 > 0).
 */
function certifiableRows(spec: PerceptronSpec, f: BooleanFunction): readonly number[] {
  const rows = constrainingRows(spec);
  return rows[0] !== 0 && valueAt(f, 0) === 1 ? [0, ...rows] : rows;
}

function checkFunction(spec: PerceptronSpec, f: BooleanFunction): void {
  checkPerceptronSpec(spec);
  if (f.n !== spec.inputs) {
    throw new RangeError(`function has ${f.n} inputs but the perceptron has ${spec.inputs}`);
  }
}

/** s_r·x̃_r as bigints. */
function signedRow(spec: PerceptronSpec, f: BooleanFunction, row: number): bigint[] {
  const s = valueAt(f, row) === 1 ? 1n : -1n;
  return rowVector(spec, row).map((c) => s * BigInt(c));
}

/**
 * The Gordan certificate that perceptron `spec` cannot compute f, or null when it can.
 * @throws RangeError for an invalid spec, a function whose input count differs from the spec's, or
 *   a multiplier beyond the safe-integer range (not met for n ≤ 7 in practice).
 */
export function unrealisableCertificate(spec: PerceptronSpec, f: BooleanFunction): UnrealisableCertificate | null {
  checkFunction(spec, f);
  const rows = certifiableRows(spec, f);
  const y = gordanCertificate(rows.map((r) => signedRow(spec, f, r)));
  if (y === null) return null;
  const multipliers: GordanMultiplier[] = [];
  rows.forEach((r, k) => {
    if (y[k] === 0n) return;
    if (y[k] > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`certificate weight ${y[k]} of ${formatFunction(f)} exceeds the safe-integer range`);
    }
    multipliers.push({ row: `x=${rowBits(spec.inputs, r).join("")}`, output: valueAt(f, r), weight: Number(y[k]) });
  });
  return { kind: "gordan", multipliers };
}

/**
 * Checks a certificate exactly against f: rows distinct and constraining, outputs those of f,
 * weights positive safe integers, and Σ weight·s_r·x̃_r = 0 in BigInt arithmetic.
 * @returns true iff the certificate proves that no weights compute f.
 * @throws RangeError for an invalid spec or a function whose input count differs from the spec's.
 */
export function verifyUnrealisableCertificate(
  spec: PerceptronSpec,
  f: BooleanFunction,
  certificate: UnrealisableCertificate,
): boolean {
  checkFunction(spec, f);
  if (certificate.kind !== "gordan" || certificate.multipliers.length === 0) return false;
  const allowed = new Set(certifiableRows(spec, f));
  const seen = new Set<number>();
  const total = new Array<bigint>(rowVector(spec, 0).length).fill(0n);
  for (const m of certificate.multipliers) {
    const bits = /^x=([01]*)$/.exec(m.row)?.[1];
    if (bits === undefined || bits.length !== spec.inputs) return false;
    const r = bits === "" ? 0 : parseInt(bits, 2);
    if (!allowed.has(r) || seen.has(r) || m.output !== valueAt(f, r)) return false;
    if (!Number.isSafeInteger(m.weight) || m.weight <= 0) return false;
    seen.add(r);
    signedRow(spec, f, r).forEach((c, i) => {
      total[i] += BigInt(m.weight) * c;
    });
  }
  return total.every((c) => c === 0n);
}
