/**
 * A polyhedral cone {θ : Aθ > 0} (integer rows) as a region for estimators: exact membership and
 * ray distance (min over rows the ray moves towards of ⟨a, θ⟩/(−⟨a, u⟩)), its exact probability under
 * each requested prior, a Chebyshev-centre (or witness) anchor and a logistic cost over its rows.
 * Perceptron function regions and a user's own cone (`weightspace cone`'s format) are both this.
 */
import { coneImplicitRegion } from "../arch/coneImplicitRegion.js";
import { describeOpenCone } from "../geometry/describeOpenCone.js";
import { toNumber } from "../geometry/rational.js";
import { measureOpenCone } from "../measure/measureOpenCone.js";
import type { ConeMeasure, Prior } from "../measure/prior.js";
import { chebyshevAnchor } from "./chebyshevAnchor.js";
import type { EstimatorRegion } from "./estimator.js";
import { type Anchor, type ProbedRegion, violatedConstraint } from "./probedRegion.js";
import { crossEntropyCost, type RegionCost } from "./regionCost.js";
import { linearRowsNet } from "./_internals/denseNet.js";

/** The `exact` entry of a region from measures by prior kind. */
export function exactEntries(measures: Readonly<Record<string, ConeMeasure>>): NonNullable<EstimatorRegion["exact"]> {
  const out: Record<string, { p: number; err?: number; fraction?: string }> = {};
  for (const [kind, m] of Object.entries(measures)) {
    const extra = m as { err?: number; fraction?: string };
    out[kind] = { p: m.p, ...(extra.err === undefined ? {} : { err: extra.err }), ...(extra.fraction === undefined ? {} : { fraction: extra.fraction }) };
  }
  return out;
}

/** The prior's scales as doubles. */
export function priorScales(prior: Prior): number[] {
  return prior.scales.map(toNumber);
}

/** Options of {@link coneRegion}. */
export interface ConeRegionOptions {
  /** What the region is, e.g. `cone from cone.txt`. */
  readonly label: string;
  /** The truth table, for function regions. */
  readonly function?: string;
  /** Priors to compute the exact probability for (each needs D ≤ its family's maxExactDimension). */
  readonly priors?: readonly Prior[];
  /** Exact measures already known (by prior kind), instead of computing them. */
  readonly measures?: Readonly<Record<string, ConeMeasure>>;
  /** Cost for preconditioners (default: the logistic loss over the rows). */
  readonly cost?: RegionCost;
  /** Scales of the box the Chebyshev centre is sought in (default: the first prior's, else 1). */
  readonly anchorScales?: readonly number[];
}

/**
 * The cone {θ : ⟨a, θ⟩ > 0 for every row a} as a region.
 * @throws RangeError if the rows are ragged or not of length names.length, or the cone is empty.
 */
export function coneRegion(rows: readonly (readonly bigint[])[], names: readonly string[], options: ConeRegionOptions): ProbedRegion {
  const D = names.length;
  const shape = describeOpenCone(rows, D);
  if (shape.empty) throw new RangeError(`${options.label}: the cone is empty (no θ satisfies every constraint), so there is nothing to estimate`);
  const implicit = coneImplicitRegion(rows.map((r) => r.map(Number)));
  const measures: Record<string, ConeMeasure> = { ...(options.measures ?? {}) };
  for (const prior of options.priors ?? []) {
    if (D <= prior.family.maxExactDimension && !(prior.family.kind in measures)) measures[prior.family.kind] = measureOpenCone(rows, prior);
  }
  const scales = options.anchorScales ?? (options.priors?.[0] ? priorScales(options.priors[0]) : undefined);
  const anchor = coneAnchor(rows, names, scales, shape.witness);
  const cost =
    options.cost ??
    (rows.length > 0
      ? crossEntropyCost("logistic loss over the cone's rows", linearRowsNet(rows.map((r) => r.map(Number))), new Float64Array(rows.length).fill(1), true)
      : undefined);
  return {
    label: options.label,
    ...(options.function === undefined ? {} : { function: options.function }),
    names: [...names],
    contains: implicit.contains,
    rayDistance: implicit.rayDistance,
    radius: { method: "exact" },
    rows: rows.map((r) => [...r]),
    ...(Object.keys(measures).length > 0 ? { exact: exactEntries(measures) } : {}),
    ...(anchor ? { anchor } : {}),
    convex: true,
    ...(cost ? { cost } : {}),
  };
}

/** The Chebyshev centre when glpk.js is loaded, else the certified witness (if it survives rounding). */
function coneAnchor(rows: readonly (readonly bigint[])[], names: readonly string[], scales: readonly number[] | undefined, witness: readonly bigint[]): Anchor | undefined {
  const centre = chebyshevAnchor(rows, names, scales);
  if (centre) return { theta: centre.theta, method: "chebyshev" };
  const w = Float64Array.from(witness, Number);
  return violatedConstraint(rows, names, w) === undefined ? { theta: w, method: "witness" } : undefined;
}
