/**
 * Exact perceptron volumes: invariance under the prior's symmetries (each image measured from its
 * own LP-certified facets, independently of the class bookkeeping), monotonicity, scale invariance,
 * and agreement with seeded Monte Carlo.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseFunction } from "../../../src/arch/perceptron/analyseFunction.js";
import { coneRows, type PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { realisableFunctions } from "../../../src/arch/perceptron/realisableFunctions.js";
import { perceptronArchitecture } from "../../../src/arch/perceptron/perceptronArchitecture.js";
import { priorFor } from "../../../src/arch/architecture.js";
import type { GaussianColumn } from "../../../src/measure/gaussianPrior.js";
import type { UniformColumn } from "../../../src/measure/uniformPrior.js";
import { volumeSymmetry } from "../../../src/arch/perceptron/symmetryClasses.js";
import { wordsFromBigInt, wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { applyStep, walkSteps } from "../../../src/boolean/symmetryGroup.js";
import { valueAt } from "../../../src/boolean/truthTable.js";
import { fromNumber, ONE, type Rational, rat, toNumber } from "../../../src/geometry/rational.js";
import { gaussianPrior } from "../../../src/measure/gaussianPrior.js";
import { monteCarloCone } from "../../../src/measure/monteCarlo.js";
import { uniformPrior } from "../../../src/measure/uniformPrior.js";

/** Prior scales (weight, bias) per family; a family left out is not measured. */
interface VolumeSettings {
  readonly gaussian?: readonly [Rational, Rational];
  readonly uniform?: readonly [Rational, Rational];
}
const BOTH: VolumeSettings = { gaussian: [ONE, ONE], uniform: [ONE, ONE] };

/** The measures of the cone with these rows under the requested priors, through the prior interface. */
function regionVolumes(spec: PerceptronSpec, rows: readonly (readonly bigint[])[], settings: VolumeSettings) {
  const arch = perceptronArchitecture(spec);
  const out: { gaussian?: GaussianColumn; uniform?: UniformColumn } = {};
  if (settings.gaussian) {
    const p = priorFor(arch, gaussianPrior, { weight: settings.gaussian[0], bias: settings.gaussian[1] });
    out.gaussian = p.family.measureCone(rows, p.scales);
  }
  if (settings.uniform) {
    const p = priorFor(arch, uniformPrior, { weight: settings.uniform[0], bias: settings.uniform[1] });
    out.uniform = p.family.measureCone(rows, p.scales);
  }
  return out;
}
const SPECS: PerceptronSpec[] = [
  { inputs: 3, bias: true, encoding: "binary" },
  { inputs: 3, bias: true, encoding: "signed" },
  { inputs: 4, bias: true, encoding: "signed" },
  { inputs: 3, bias: false, encoding: "binary" },
  { inputs: 4, bias: false, encoding: "signed" },
];

function volumesOf(spec: PerceptronSpec, bits: bigint, settings = BOTH) {
  const region = perceptronArchitecture(spec).region({ n: spec.inputs, bits });
  expect(region.realizable).toBe(true);
  expect(region.pieces).toHaveLength(1);
  return regionVolumes(spec, region.pieces[0].rows, settings);
}

/** A random element of the prior's symmetry group applied to a table. */
function randomImage(spec: PerceptronSpec, bits: bigint, stepsTaken: number, negate: boolean): bigint {
  const sym = volumeSymmetry(spec);
  const w = wordsFromBigInt(bits, spec.inputs);
  const steps = walkSteps(spec.inputs, sym.group);
  for (let i = 0; i < stepsTaken && i < steps.length; i++) applyStep(w, spec.inputs, steps[i]);
  if (negate) sym.negateOutput(w);
  return wordsToBigInt(w);
}

describe("perceptron region volumes through the prior interface", () => {
  it("is invariant under the prior's symmetries (gaussian within error, uniform exactly)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SPECS),
        fc.nat(),
        fc.nat({ max: 400 }),
        fc.boolean(),
        (spec, pick, steps, negate) => {
          const set = realisableFunctions(spec);
          const k = pick % set.count;
          const width = set.tables.length / set.count;
          const bits = wordsToBigInt(set.tables.subarray(k * width, (k + 1) * width));
          const a = volumesOf(spec, bits);
          const b = volumesOf(spec, randomImage(spec, bits, steps, negate));
          expect(b.uniform).toEqual(a.uniform);
          const ga = a.gaussian!;
          const gb = b.gaussian!;
          expect(Math.abs(ga.p - gb.p)).toBeLessThanOrEqual(ga.err + gb.err + 1e-15);
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });

  it("does not depend on a common scale of the prior, only on σ_b/σ_w and a_b/a_w", () => {
    const spec: PerceptronSpec = { inputs: 3, bias: true, encoding: "binary" };
    const bits = 0b00010111n; // MAJ
    const base = volumesOf(spec, bits, { gaussian: [ONE, rat(1, 2)], uniform: [ONE, rat(1, 2)] });
    const scaled = volumesOf(spec, bits, { gaussian: [rat(3), rat(3, 2)], uniform: [rat(3), rat(3, 2)] });
    expect(scaled.uniform).toEqual(base.uniform);
    expect(Math.abs(scaled.gaussian!.p - base.gaussian!.p)).toBeLessThanOrEqual(1e-14);
    const wider = volumesOf(spec, bits, { gaussian: [ONE, rat(2)] });
    expect(wider.gaussian!.p).not.toBeCloseTo(base.gaussian!.p, 3);
  });

  it("agrees with seeded Monte Carlo within 5 standard errors for unequal scales (false-failure rate ≈ 5.7e-7 per value)", () => {
    const spec: PerceptronSpec = { inputs: 3, bias: true, encoding: "binary" };
    const settings: VolumeSettings = { gaussian: [rat(1), rat(5, 2)], uniform: [rat(1), rat(3, 2)] };
    for (const bits of [0b00010111n, 0b00000001n, 0b01111111n, 0b00001011n]) {
      const exact = volumesOf(spec, bits, settings);
      const rows = coneRows(spec, (r) => valueAt({ n: 3, bits }, r));
      const samples = 200_000;
      const g = monteCarloCone(rows, { family: gaussianPrior, scales: [1, 1, 1, 2.5].map(fromNumber) }, samples, 3);
      const u = monteCarloCone(rows, { family: uniformPrior, scales: [1, 1, 1, 1.5].map(fromNumber) }, samples, 4);
      const pg = exact.gaussian!.p;
      const pu = toNumber(
        rat(BigInt(exact.uniform!.fraction.split("/")[0]), BigInt(exact.uniform!.fraction.split("/")[1])),
      );
      expect(Math.abs(g.p - pg)).toBeLessThanOrEqual(5 * Math.sqrt((pg * (1 - pg)) / samples));
      expect(Math.abs(u.p - pu)).toBeLessThanOrEqual(5 * Math.sqrt((pu * (1 - pu)) / samples));
    }
  });

  it("never grows when a constraint is added: a function's region is inside the region of its sub-constraints", () => {
    const spec: PerceptronSpec = { inputs: 3, bias: true, encoding: "signed" };
    const region = analyseFunction(spec, { n: 3, bits: 0b00010111n });
    const all = regionVolumes(spec, region.facetVectors, BOTH);
    for (let drop = 0; drop < region.facetVectors.length; drop++) {
      const fewer = regionVolumes(
        spec,
        region.facetVectors.filter((_, i) => i !== drop),
        BOTH,
      );
      expect(fewer.gaussian!.p).toBeGreaterThan(all.gaussian!.p);
      expect(fewer.uniform!.p).toBeGreaterThan(all.uniform!.p);
    }
  });
});
