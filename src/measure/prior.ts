/**
 * The prior interface: a product prior over a parameter vector θ ∈ R^d, one family (Gaussian,
 * uniform box, …) with one exact positive scale per coordinate. Everything that samples weights or
 * measures a region asks a `Prior`; a new prior is one file implementing `PriorFamily` plus its
 * registration in `priorFamilies.ts`.
 */
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";
import type { Rational } from "../geometry/rational.js";

/** The seeded random stream priors draw from (pure-rand's xoroshiro128+). */
export type RandomStream = JumpableRandomGenerator;

/** A region's probability under one prior: `p` plus fields that say how it was obtained. */
export interface ConeMeasure {
  /** Probability that θ drawn from the prior lies in the region. */
  readonly p: number;
}

/**
 * A family of product priors whose coordinates are independent and symmetric about 0, so every
 * signed permutation of coordinates that maps equal scales onto equal scales preserves it.
 */
export interface PriorFamily<M extends ConeMeasure = ConeMeasure> {
  /** Registry key and JSON field name, e.g. `gaussian`. */
  readonly kind: string;
  /** What a scale means, for help and errors, e.g. `standard deviation`. */
  readonly scaleMeaning: string;
  /** How the exact measure is computed, for help texts. */
  readonly exactMethod: string;
  /**
   * Draws `count` vectors θ into `out` (row-major, count × scales.length).
   * @throws RangeError if `out` is too short.
   */
  sample(scales: Float64Array, count: number, rng: RandomStream, out: Float64Array): void;
  /**
   * Probability of the open polyhedral cone {θ : ⟨a, θ⟩ > 0 for every row a} (the rows are its
   * facets, or at least define it), by the family's exact method.
   * @throws RangeError if rows and scales differ in length or d exceeds `maxExactDimension`.
   */
  measureCone(rows: readonly (readonly bigint[])[], scales: readonly Rational[]): M;
  /** Largest dimension `measureCone` takes (its cost grows steeply with d). */
  readonly maxExactDimension: number;
  /**
   * Σ weight_i·measure_i in the family's own arithmetic (exact for rationals, errors added for
   * numerical values): a region's disjoint pieces (weights 1), or a table's classes times their
   * orbits. No parts: the measure of the empty set.
   */
  total(parts: readonly { readonly measure: M; readonly weight: number }[]): M;
  /** Fields a table summary shows for a total, e.g. `{ gaussianTotal, gaussianTotalErr }`. */
  summaryFields(total: M): Readonly<Record<string, unknown>>;
}

/** A prior: a family and one exact scale > 0 per coordinate. */
export interface Prior<M extends ConeMeasure = ConeMeasure> {
  readonly family: PriorFamily<M>;
  /** σ_k (Gaussian) or half-width h_k (uniform), exact and > 0, one per coordinate. */
  readonly scales: readonly Rational[];
}

/**
 * Checks a prior's scales against a dimension.
 * @throws RangeError naming the bad coordinate and the allowed values.
 */
export function checkPrior(prior: Prior, d: number): void {
  if (prior.scales.length !== d)
    throw new RangeError(`the ${prior.family.kind} prior has ${prior.scales.length} scales, expected ${d} (one per parameter)`);
  prior.scales.forEach((s, k) => {
    if (s.num <= 0n || s.den <= 0n)
      throw new RangeError(`${prior.family.kind} prior: ${prior.family.scaleMeaning} of coordinate ${k + 1} must be > 0`);
  });
}

/**
 * Whether the signed permutation θ'_k = ±θ_{perm[k]} preserves the prior (its scales are equal on
 * every coordinate it moves): the symmetry a prior respects, for computing once per class.
 */
export function preservesPrior(prior: Prior, perm: readonly number[]): boolean {
  return perm.every((j, k) => prior.scales[j].num * prior.scales[k].den === prior.scales[k].num * prior.scales[j].den);
}
