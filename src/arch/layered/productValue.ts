/**
 * Arithmetic on probabilities that are sums of products of independent units' cone measures (the
 * step net's P(f) = Σ_tuples Π_j P(h_j) · P_out), in each prior family's own arithmetic:
 * - uniform: exact rationals, kept over common denominators (every term of one sum is a product of
 *   the same number of factors from each unit catalogue, whose fractions share a denominator), so
 *   sums are BigInt additions of numerators;
 * - gaussian: doubles with a rigorous propagation of the factors' error bounds,
 *   |Πp̂_i − Πp_i| ≤ Π(p̂_i + e_i) − Πp̂_i for p̂_i ≥ 0 with |p̂_i − p_i| ≤ e_i, plus rounding,
 *   compensated summation of p and plain summation of the errors; `converged` is the AND.
 * Other families have no product arithmetic here: asking for one throws.
 */
import { parse, type Rational, rat, toFraction, toNumber } from "../../geometry/rational.js";
import { CompensatedSum } from "../../measure/compensatedSum.js";
import type { GaussianColumn } from "../../measure/gaussianPrior.js";
import type { ConeMeasure } from "../../measure/prior.js";
import type { UniformColumn } from "../../measure/uniformPrior.js";

/** A uniform probability num/den (not reduced: dens of one sum are equal by construction). */
export interface UniformValue {
  readonly kind: "uniform";
  readonly num: bigint;
  readonly den: bigint;
}

/** A Gaussian probability with its absolute error bound and convergence flag. */
export interface GaussianValue {
  readonly kind: "gaussian";
  readonly p: number;
  readonly err: number;
  readonly converged: boolean;
}

/** A probability in one family's arithmetic. */
export type ProductValue = UniformValue | GaussianValue;

/** The prior kinds with a product arithmetic. */
export const PRODUCT_KINDS: readonly string[] = ["gaussian", "uniform"];

/**
 * A unit cone's measure (the family's `measureCone` result) as a value.
 * @throws RangeError for a family without product arithmetic.
 */
export function unitValue(kind: string, m: ConeMeasure): ProductValue {
  if (kind === "uniform") {
    const q = parse((m as UniformColumn).fraction);
    return { kind, num: q.num, den: q.den };
  }
  if (kind === "gaussian") {
    const g = m as GaussianColumn;
    return { kind, p: g.p, err: g.err, converged: g.converged };
  }
  throw new RangeError(`exact step-net probabilities multiply unit measures; implemented for ${PRODUCT_KINDS.join(", ")}, not '${kind}'`);
}

/** The value 1 of a kind. */
export function oneValue(kind: "uniform" | "gaussian"): ProductValue {
  return kind === "uniform" ? { kind, num: 1n, den: 1n } : { kind, p: 1, err: 0, converged: true };
}

/** Relative rounding of one double product or sum, with room to spare (4 ulps). */
const ROUNDING = 4 * Number.EPSILON;

/** a·b. */
export function mulValues(a: ProductValue, b: ProductValue): ProductValue {
  if (a.kind === "uniform" && b.kind === "uniform") return { kind: "uniform", num: a.num * b.num, den: a.den * b.den };
  if (a.kind === "gaussian" && b.kind === "gaussian") {
    const p = a.p * b.p;
    // (p_a + e_a)(p_b + e_b) − p_a·p_b, expanded so that no cancellation hides the bound.
    const err = a.p * b.err + a.err * b.p + a.err * b.err + ROUNDING * p;
    return { kind: "gaussian", p, err, converged: a.converged && b.converged };
  }
  throw new RangeError("cannot multiply values of different prior kinds");
}

/** k·a for a positive integer k (a multiplicity). */
export function timesValue(a: ProductValue, k: number): ProductValue {
  if (a.kind === "uniform") return { ...a, num: a.num * BigInt(k) };
  return { ...a, p: a.p * k, err: a.err * k + ROUNDING * a.p * k };
}

/**
 * Rewrites uniform values over their least common denominator (Gaussian values unchanged), so
 * that sums of products of them need no cross-multiplication.
 */
export function alignValues(values: readonly ProductValue[]): ProductValue[] {
  let lcm = 1n;
  for (const v of values) {
    if (v.kind !== "uniform") continue;
    let a = lcm;
    let b = v.den;
    while (b) [a, b] = [b, a % b];
    lcm = (lcm / a) * v.den;
  }
  return values.map((v) => (v.kind === "uniform" ? { kind: "uniform", num: v.num * (lcm / v.den), den: lcm } : v));
}

/** A running sum of values of one kind. */
export class ValueSum {
  private num = 0n;
  private den = 0n;
  private readonly p = new CompensatedSum();
  private err = 0;
  private converged = true;
  private terms = 0;

  constructor(private readonly kind: "uniform" | "gaussian") {}

  /** Adds v. */
  add(v: ProductValue): void {
    this.terms++;
    if (v.kind === "uniform") {
      if (this.den === 0n || this.den === v.den) {
        this.num += v.num;
        this.den = v.den;
      } else {
        this.num = this.num * v.den + v.num * this.den;
        this.den *= v.den;
      }
      return;
    }
    this.p.add(v.p);
    this.err += v.err;
    this.converged &&= v.converged;
  }

  /** The sum (0 for no terms). */
  value(): ProductValue {
    if (this.kind === "uniform") return { kind: "uniform", num: this.num, den: this.den === 0n ? 1n : this.den };
    const p = this.p.value();
    // Neumaier's bound for non-negative terms: 2ε·|s| + n·ε²·Σ|x_i|, and Σ|x_i| = s here.
    const rounding = (2 * Number.EPSILON + this.terms * Number.EPSILON ** 2) * Math.abs(p);
    return { kind: "gaussian", p, err: this.err + rounding, converged: this.converged };
  }
}

/** The exact rational of a uniform value, reduced. */
export function valueRational(v: UniformValue): Rational {
  return rat(v.num, v.den);
}

/**
 * A value as the family's table column: `{ fraction, p }` (uniform, exact) or
 * `{ p, err, method, converged }` (Gaussian; `method` names how the factors were measured).
 */
export function valueMeasure(v: ProductValue, method: string): ConeMeasure {
  if (v.kind === "uniform") {
    const q = valueRational(v);
    const out: UniformColumn = { fraction: toFraction(q), p: toNumber(q) };
    return out;
  }
  const out: GaussianColumn = {
    p: v.p,
    err: v.err,
    method,
    converged: v.converged,
    ...(v.converged ? {} : { warning: "a unit's Gaussian cone measure missed its tolerance; err says how far it got" }),
  };
  return out;
}
