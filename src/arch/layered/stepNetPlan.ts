/**
 * What an exact step-net computation needs, checked up front: the unit catalogue of every layer
 * (hidden layers, then the output unit) under the requested priors, and a cost estimate that keeps
 * the enumeration of hidden-function tuples within seconds to a minute.
 */
import { toFraction, type Rational } from "../../geometry/rational.js";
import type { Prior } from "../../measure/prior.js";
import { THRESHOLD_COUNTS } from "../perceptron/thresholdEnumeration.js";
import { type LayerBlock, layerBlocks, type LayeredSpec, unitIndices } from "./layeredSpec.js";
import { PRODUCT_KINDS } from "./productValue.js";
import { MAX_CATALOGUE_INPUTS, type UnitCatalogue, unitCatalogue } from "./unitCatalogue.js";

/** The catalogues of a step net, one per layer (the output unit's last). */
export interface StepNetPlan {
  readonly spec: LayeredSpec;
  readonly priors: readonly Prior[];
  readonly blocks: readonly LayerBlock[];
  readonly catalogues: readonly UnitCatalogue[];
}

/** Most (tuple, output labelling) terms an exact table may enumerate (3-3-1 needs about 2e7). */
export const MAX_EXACT_TERMS = 5e7;

function binomial(a: number, b: number): number {
  let r = 1;
  for (let i = 1; i <= b; i++) r = (r * (a - b + i)) / i;
  return r;
}

/**
 * Upper bound on the terms the exact table enumerates: per layer the multisets of its units'
 * options (a unit with m inputs has at most min(#threshold functions of m inputs, 2^(points below))
 * labellings), times the output unit's options.
 */
export function stepNetTerms(spec: LayeredSpec): number {
  const L = spec.layers;
  const rows = 2 ** L[0];
  let terms = 1;
  for (let l = 1; l < L.length; l++) {
    const m = L[l - 1];
    const points = l === 1 ? rows : Math.min(2 ** m, rows);
    const options = Math.min(THRESHOLD_COUNTS[m] ?? Number.POSITIVE_INFINITY, 2 ** points);
    terms *= l === L.length - 1 ? options : binomial(options + L[l] - 1, L[l]);
  }
  return terms;
}

/**
 * Checks that a step net's exact computation is within reach.
 * @throws RangeError naming the limit and saying that Monte Carlo can do it.
 */
export function checkStepNetExact(spec: LayeredSpec, priors: readonly Prior[]): void {
  const text = spec.layers.join(",");
  if (spec.activation !== "step")
    throw new RangeError(`exact tables exist for step nets only; ${spec.activation} nets: use Monte Carlo (method mc)`);
  const fanIns = spec.layers.slice(0, -1);
  if (fanIns.some((m) => m > MAX_CATALOGUE_INPUTS))
    throw new RangeError(
      `layers ${text}: exact step-net tables take inputs and hidden widths up to ${MAX_CATALOGUE_INPUTS}; use Monte Carlo (method mc)`,
    );
  for (const p of priors) {
    if (!PRODUCT_KINDS.includes(p.family.kind))
      throw new RangeError(`exact step-net tables take the ${PRODUCT_KINDS.join(" and ")} priors, not ${p.family.kind}`);
    const widest = Math.max(...fanIns) + 1;
    if (widest > p.family.maxExactDimension)
      throw new RangeError(`exact ${p.family.kind} volumes take units of at most ${p.family.maxExactDimension} parameters; use Monte Carlo (method mc)`);
  }
  const terms = stepNetTerms(spec);
  if (terms > MAX_EXACT_TERMS)
    throw new RangeError(
      `layers ${text}: the exact table would enumerate up to ${terms.toExponential(1)} hidden tuples × output labellings (limit ${MAX_EXACT_TERMS.toExponential(0)}); use Monte Carlo (method mc)`,
    );
}

/** The scales of unit j of a block under a prior (its weights in input order, then its bias). */
function unitScales(prior: Prior, block: LayerBlock, j: number): Rational[] {
  return unitIndices(block, j).map((k) => prior.scales[k]);
}

/**
 * Builds the plan: checks feasibility and that every unit of a layer has the same scales (the
 * tables sum over multisets of hidden functions, which needs the priors to be symmetric under
 * permuting a layer's units and their outgoing weights), then measures every unit kind.
 * @throws RangeError for an infeasible net (see checkStepNetExact) or unequal scales within a layer.
 */
export function stepNetPlan(spec: LayeredSpec, priors: readonly Prior[]): StepNetPlan {
  checkStepNetExact(spec, priors);
  const blocks = layerBlocks(spec);
  const d = blocks[blocks.length - 1].biases + 1;
  for (const p of priors) {
    if (p.scales.length !== d) throw new RangeError(`the ${p.family.kind} prior has ${p.scales.length} scales, the net ${d} parameters`);
    for (const blk of blocks) {
      const first = unitScales(p, blk, 0).map(toFraction).join();
      const weights = new Set(unitScales(p, blk, 0).slice(0, -1).map(toFraction));
      const same = Array.from({ length: blk.units }, (_, j) => unitScales(p, blk, j).map(toFraction).join()).every((s) => s === first);
      if (!same || weights.size > 1)
        throw new RangeError(
          `exact step-net tables need one ${p.family.scaleMeaning} for all of ${blk.weightName} and one for all of ${blk.biasName}`,
        );
    }
  }
  const catalogues = blocks.map((blk, l) =>
    unitCatalogue(
      blk.fanIn,
      l === 0 ? spec.encoding : "binary",
      priors,
      priors.map((p) => unitScales(p, blk, 0)),
    ),
  );
  return { spec, priors, blocks, catalogues };
}
