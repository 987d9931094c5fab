/**
 * Hidden-unit permutations leave every probability unchanged: the sum over every ordered tuple of
 * hidden functions equals the table's sum over multisets weighted by their orderings (exactly for
 * the uniform prior, within the error bounds for the Gaussian one), function by function. Also:
 * tuples that permute each other's units contribute equal products, and the plan refuses priors
 * that are not symmetric under the permutations.
 */
import { describe, expect, it } from "vitest";
import { priorFor } from "../../../src/arch/architecture.js";
import { layeredArchitecture } from "../../../src/arch/layered/layeredArchitecture.js";
import type { LayeredSpec } from "../../../src/arch/layered/layeredSpec.js";
import { type ProductValue, ValueSum, valueRational } from "../../../src/arch/layered/productValue.js";
import { stepNetPlan } from "../../../src/arch/layered/stepNetPlan.js";
import { forEachStepNetTerm } from "../../../src/arch/layered/stepNetTuples.js";
import { ONE, rat, toFraction } from "../../../src/geometry/rational.js";
import { gaussianPrior } from "../../../src/measure/gaussianPrior.js";
import type { PriorFamily } from "../../../src/measure/prior.js";
import { uniformPrior } from "../../../src/measure/uniformPrior.js";

const SPECS: LayeredSpec[] = [
  { activation: "step", layers: [2, 2, 1], encoding: "binary" },
  { activation: "step", layers: [2, 3, 1], encoding: "signed" },
  { activation: "step", layers: [2, 2, 2, 1], encoding: "binary" },
  { activation: "step", layers: [2, 1, 2, 1], encoding: "signed" },
];

function sums(spec: LayeredSpec, mode: "multisets" | "ordered") {
  const arch = layeredArchitecture(spec);
  const priors = ([uniformPrior, gaussianPrior] as PriorFamily[]).map((f) => priorFor(arch, f, { weight: rat(3, 2), bias: ONE }));
  const plan = stepNetPlan(spec, priors);
  const out = new Map<number, { u: ValueSum; g: ValueSum; pieces: number }>();
  forEachStepNetTerm(plan, { mode }, (t) => {
    const acc = out.get(t.f) ?? { u: new ValueSum("uniform"), g: new ValueSum("gaussian"), pieces: 0 };
    acc.u.add(t.values[0]);
    acc.g.add(t.values[1]);
    acc.pieces += t.orderings;
    out.set(t.f, acc);
  });
  return out;
}

describe("hidden-unit permutation invariance", () => {
  it.each(SPECS)("$layers $encoding: ordered tuples and weighted multisets give the same P(f) and piece counts", (spec) => {
    const ordered = sums(spec, "ordered");
    const multisets = sums(spec, "multisets");
    expect([...multisets.keys()].sort()).toEqual([...ordered.keys()].sort());
    for (const [f, a] of ordered) {
      const b = multisets.get(f)!;
      expect(b.pieces).toBe(a.pieces);
      expect(toFraction(valueRational(b.u.value() as Extract<ProductValue, { kind: "uniform" }>))).toBe(
        toFraction(valueRational(a.u.value() as Extract<ProductValue, { kind: "uniform" }>)),
      );
      const ga = a.g.value() as Extract<ProductValue, { kind: "gaussian" }>;
      const gb = b.g.value() as Extract<ProductValue, { kind: "gaussian" }>;
      expect(Math.abs(ga.p - gb.p)).toBeLessThanOrEqual(ga.err + gb.err);
    }
  });

  it("swapping the two hidden units of a 2-2-1 tuple keeps its product and its function", () => {
    const spec: LayeredSpec = { activation: "step", layers: [2, 2, 1], encoding: "binary" };
    const arch = layeredArchitecture(spec);
    const plan = stepNetPlan(spec, [priorFor(arch, uniformPrior, { weight: ONE, bias: rat(1, 2) })]);
    const byTuple = new Map<string, { f: number; p: string }[]>();
    forEachStepNetTerm(plan, { mode: "ordered" }, (t) => {
      const [h1, h2] = t.options[0].map((o) => o.g);
      // Swapping units swaps the feature bits, so the output labelling's points are relabelled too.
      const swapped = (g: number) => [0, 2, 1, 3].reduce((acc, p, i) => acc | (((g >>> p) & 1) << i), 0);
      const entry = { f: t.f, p: toFraction(valueRational(t.values[0] as Extract<ProductValue, { kind: "uniform" }>)) };
      const k = `${h1},${h2},${t.options[1][0].g}`;
      const mirror = `${h2},${h1},${swapped(t.options[1][0].g)}`;
      byTuple.set(k, [entry]);
      const other = byTuple.get(mirror);
      if (other) expect(other[0]).toEqual(entry);
    });
    expect(byTuple.size).toBeGreaterThan(100);
  });

  it("refuses priors whose scales differ between the units of a layer", () => {
    const spec: LayeredSpec = { activation: "step", layers: [2, 2, 1], encoding: "binary" };
    const scales = Array.from({ length: 9 }, (_, k) => (k === 0 ? rat(2) : ONE));
    expect(() => stepNetPlan(spec, [{ family: uniformPrior, scales }])).toThrow(/one half-width for all of W1/);
  });
});
