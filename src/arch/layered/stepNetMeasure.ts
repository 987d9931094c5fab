/**
 * One function's exact probability in a step net, P(f) = Σ_{hidden tuples} Π_j P(h_j) · P_out, by
 * the table's enumeration restricted to f (each multiset of hidden functions either admits the one
 * output labelling f induces on its feature points, or contributes nothing).
 */
import type { BooleanFunction } from "../../boolean/truthTable.js";
import type { Prior } from "../../measure/prior.js";
import type { FunctionMeasure } from "../architecture.js";
import type { LayeredSpec } from "./layeredSpec.js";
import { ValueSum, valueMeasure } from "./productValue.js";
import { stepNetPlan } from "./stepNetPlan.js";
import { stepNetMethod } from "./stepNetTable.js";
import { forEachStepNetTerm } from "./stepNetTuples.js";

/**
 * f's realisability, number of region pieces (ordered hidden tuples) and probability under each prior.
 * @throws RangeError if f has the wrong number of inputs or the net is beyond the exact method.
 */
export function stepNetMeasure(spec: LayeredSpec, f: BooleanFunction, priors: readonly Prior[]): FunctionMeasure {
  if (f.n !== spec.layers[0]) throw new RangeError(`function has ${f.n} inputs, the net ${spec.layers[0]}`);
  const plan = stepNetPlan(spec, priors);
  const sums = priors.map((p) => new ValueSum(p.family.kind as "uniform" | "gaussian"));
  let pieces = 0;
  forEachStepNetTerm(plan, { mode: "multisets", target: Number(f.bits) }, (term) => {
    pieces += term.orderings;
    term.values.forEach((v, i) => sums[i].add(v));
  });
  const methods = new Set<string>();
  for (const c of plan.catalogues) for (const m of c.methods) methods.add(m);
  const measures = Object.fromEntries(priors.map((p, i) => [p.family.kind, valueMeasure(sums[i].value(), stepNetMethod(methods))]));
  return { realizable: pieces > 0, pieces, measures };
}
