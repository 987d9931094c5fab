/**
 * The region of a Boolean function f in an architecture's weight space, as a region for estimators.
 * Perceptron regions are cones (exact radius from the facet rows; the cost is the logistic loss of
 * the margin over the truth table). Step and ReLU regions are unions of pieces, probed through the
 * architecture's implicit region (membership by the forward pass, ray distances by its breakpoint
 * search); their cost is the cross-entropy of a smooth stand-in (step → sigmoid hidden units) on f's
 * labels, and their anchor the centre of the deepest piece (step) or a prior draw inside (ReLU).
 */
import type { Architecture } from "../arch/architecture.js";
import { type BooleanFunction, formatFunction, valueAt } from "../boolean/truthTable.js";
import type { ConeMeasure, Prior } from "../measure/prior.js";
import { randomStream } from "../measure/randomStream.js";
import { chebyshevAnchor } from "./chebyshevAnchor.js";
import { coneRegion, exactEntries, priorScales } from "./coneRegion.js";
import type { Anchor, ProbedRegion } from "./probedRegion.js";
import type { CostEngine } from "./costEngine.js";
import { crossEntropyCost } from "./regionCost.js";
import { denseNetOf } from "./_internals/denseNet.js";

/** f's labels as cross-entropy targets, one per truth-table row. */
function labels(f: BooleanFunction): Float64Array {
  return Float64Array.from({ length: 2 ** f.n }, (_, r) => valueAt(f, r));
}

/**
 * The region of f in `arch`, with exact probabilities for `priors` where the architecture has an
 * exact method (perceptrons up to 7 parameters per prior family; step nets by their factorisation).
 * `options.costEngine` differentiates a net's cost (default float64CostEngine, since loading tfjs is
 * asynchronous: `await loadCostEngine("tfjs")` for the tensor backend; the CLI's default).
 * @throws RangeError if f has the wrong number of inputs or no parameters compute it.
 */
export function functionRegion(
  arch: Architecture,
  f: BooleanFunction,
  priors: readonly Prior[] = [],
  options: { readonly costEngine?: CostEngine } = {},
): ProbedRegion {
  const bits = formatFunction(f);
  const label = `${arch.type} ${arch.type === "perceptron" ? `n=${arch.inputs}` : `layers ${(arch.description.layers as number[]).join(",")}`} f=${bits}`;
  if (arch.type === "perceptron") {
    const region = arch.region(f);
    if (!region.realizable) throw new RangeError(`${bits} is not computed by any perceptron with ${arch.inputs} inputs (not a threshold function)`);
    const piece = region.pieces[0];
    const cost = crossEntropyCost("logistic loss of the margin over the truth table", denseNetOf(arch), labels(f), true);
    // `arch` lets estimators that model the network (gp-ep: the NNGP kernel) read it.
    return { ...coneRegion(piece.rows, arch.parameters, { label, function: bits, priors, cost }), arch };
  }
  const implicit = arch.implicitRegion(f);
  let measures: Readonly<Record<string, ConeMeasure>> = {};
  let realizable: boolean | undefined;
  if (arch.measureFunction && priors.length > 0) {
    const m = arch.measureFunction(f, priors);
    realizable = m.realizable;
    measures = m.measures;
  }
  const anchor = netAnchor(arch, f, priors[0]);
  if (realizable === false || anchor === undefined)
    throw new RangeError(`${bits} is not computed by the ${arch.type} net ${(arch.description.layers as number[]).join(",")}`);
  const hidden = arch.type === "step" ? "sigmoid" : undefined;
  const cost = crossEntropyCost(
    `cross-entropy on f's labels of a smooth stand-in (${hidden === "sigmoid" ? "sigmoid hidden units, " : ""}sigmoid output)`,
    denseNetOf(arch, hidden),
    labels(f),
    false,
    options.costEngine,
  );
  return {
    label,
    function: bits,
    names: [...arch.parameters],
    contains: implicit.contains,
    rayDistance: implicit.rayDistance,
    radius: { method: "exact" },
    ...(Object.keys(measures).length > 0 ? { exact: exactEntries(measures) } : {}),
    anchor,
    convex: false,
    cost,
    arch,
  };
}

/** Most prior draws tried for an anchor when the region gives no witness. */
const ANCHOR_DRAWS = 100_000;

/**
 * An anchor for a net: for pieces in θ (step nets) the Chebyshev centre of the deepest of the first
 * 64 pieces (largest inscribed ball in the prior's whitened box), else the integer witness of f's
 * first piece, else (ReLU nets, whose region search is slow, and step nets too large to list) the
 * first of up to 100,000 prior draws (seed 1) that computes f; undefined when there is none.
 */
function netAnchor(arch: Architecture, f: BooleanFunction, prior: Prior | undefined): Anchor | undefined {
  let region;
  // ReLU regions take seconds to search (2-3-1: ~10 s); prior draws find an anchor far sooner.
  if (arch.type !== "relu") {
    try {
      region = arch.region(f);
    } catch (e) {
      // Regions with too many pieces to list (large step nets): sample instead.
      if (!(e instanceof RangeError)) throw e;
    }
  }
  if (region && !region.realizable) return undefined;
  const implicit = arch.implicitRegion(f);
  const scales = prior ? priorScales(prior) : undefined;
  // Pieces in θ (step nets): the deepest Chebyshev centre over the pieces (up to 64 LPs).
  let best: { theta: Float64Array; radius: number } | null = null;
  for (const p of region?.pieces.slice(0, 64) ?? []) {
    if (!p.inParameters) break;
    const c = chebyshevAnchor(p.rows, arch.parameters, scales);
    if (c && (!best || c.radius > best.radius) && implicit.contains(c.theta)) best = c;
  }
  if (best) return { theta: best.theta, method: "chebyshev" };
  const piece = region?.pieces[0] as { inParameters: boolean; witness: readonly bigint[]; parameters?: readonly bigint[] } | undefined;
  const integer = piece ? (piece.inParameters ? piece.witness : piece.parameters) : undefined;
  if (integer) {
    const theta = Float64Array.from(integer, Number);
    if (implicit.contains(theta)) return { theta, method: "witness" };
  }
  if (!prior) return undefined;
  const D = arch.parameters.length;
  const rng = randomStream(1);
  const batch = new Float64Array(1000 * D);
  for (let done = 0; done < ANCHOR_DRAWS; done += 1000) {
    prior.family.sample(Float64Array.from(scales ?? []), 1000, rng, batch);
    for (let s = 0; s < 1000; s++) {
      const theta = batch.slice(s * D, (s + 1) * D);
      if (implicit.contains(theta)) return { theta, method: "sampled" };
    }
  }
  return undefined;
}
