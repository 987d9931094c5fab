import { describe, expect, it } from "vitest";
import { priorFor } from "../../src/arch/architecture.js";
import { createArchitecture } from "../../src/arch/registry.js";
import { formatFunction } from "../../src/boolean/truthTable.js";
import { antiEntropyCheck } from "../../src/experiments/antiEntropyCheck.js";
import { forEachFunction, functionPopulation } from "../../src/experiments/functionPopulation.js";
import { sampledSimplicityBias } from "../../src/experiments/monteCarloBias.js";
import { simplicityBias } from "../../src/experiments/simplicityBias.js";
import { ONE } from "../../src/geometry/rational.js";
import { monteCarloEstimate } from "../../src/measure/monteCarlo.js";
import { priorFamily } from "../../src/measure/priorFamilies.js";

const SAMPLES = 400_000;
/** |sampled − exact| ≤ 5 binomial standard deviations at the exact p (false-failure rate < 6e-7 per value). */
const within5Sigma = (sampled: number, exact: number) => Math.abs(sampled - exact) <= 5 * Math.sqrt((exact * (1 - exact)) / SAMPLES) + 1e-12;

// The analyses of a Monte Carlo table of the 3-input perceptron against those of its exact table:
// every sampled probability (P(f), P(T = t), the ranks' P) within 5 sigma of the exact value (about
// 230 values: false-failure rate below 2e-4; the seeds are fixed, so the run is repeatable), every
// realisable function seen, and the correlations within their bootstrap intervals' half-width.
describe("bias --method mc on n = 3 against the exact analysis", async () => {
  const arch = createArchitecture("perceptron", { inputs: 3 });
  const priors = ["gaussian", "uniform"].map((k) => priorFor(arch, priorFamily(k), { weight: ONE, bias: ONE }));
  const options = { measures: ["lz", "entropy", "sensitivity"] as const, bootstrap: 100, seed: 3 };
  const pop = functionPopulation(arch, priors);
  const exact = simplicityBias(arch, pop, priors, { ...options, measures: [...options.measures] });
  const sampled = await sampledSimplicityBias(arch, priors, { ...options, measures: [...options.measures], samples: SAMPLES, seed: 3 });
  const exactP = new Map<string, Record<string, number>>();
  forEachFunction(arch, pop, (f, c) => exactP.set(formatFunction(f), Object.fromEntries(priors.map((p) => [p.family.kind, pop.classes[c].measures[p.family.kind].p]))));

  it("sees all 104 functions under both priors and says what it left out", () => {
    expect(sampled.sampled.functionsSeen).toEqual({ gaussian: 104, uniform: 104 });
    expect(sampled.sampled.realisable).toBe(104);
    expect(sampled.sampled.note).toMatch(/left out of the correlations.*104 seen of 104 realisable/);
  });

  for (const kind of ["gaussian", "uniform"]) {
    it(`${kind}: P(T = t) and the ranks' P within 5 sigma of the exact values`, () => {
      const e = exact.entropyBias[kind];
      const s = sampled.entropyBias[kind];
      expect(s).toHaveLength(9);
      s.forEach((entry, t) => {
        expect(entry.t).toBe(t);
        expect(entry.method).toBe("mc");
        expect(entry.samples).toBe(SAMPLES);
        expect(within5Sigma(entry.p, e[t].p)).toBe(true);
      });
      const ranks = sampled.rankProbability[kind];
      expect(ranks).toHaveLength(104);
      for (const r of ranks) {
        expect(r.ci?.[0]).toBeLessThanOrEqual(r.p);
        expect(within5Sigma(r.p, exactP.get(r.function)![kind])).toBe(true);
      }
    });

    it(`${kind}: Spearman and Kendall within the bootstrap interval's half-width of the exact values`, () => {
      for (const m of options.measures) {
        const a = exact.measures[m][kind];
        const b = sampled.measures[m][kind];
        expect(b.functions).toBe(104);
        for (const stat of ["spearman", "kendall"] as const) {
          const ci = b[stat].ci!;
          expect(Math.abs(b[stat].value! - a[stat].value!)).toBeLessThanOrEqual((ci.high - ci.low) / 2);
        }
      }
    });
  }

  it("the anti-entropy check of a sampled table: holds for the no-bias perceptron, fails for a sample off by 6 sigma", async () => {
    const noBias = createArchitecture("perceptron", { inputs: 3, bias: false });
    const prior = priorFor(noBias, priorFamily("gaussian"), { weight: ONE, bias: ONE });
    const r = await sampledSimplicityBias(noBias, [prior], { measures: ["entropy"], bootstrap: 10, seed: 4, samples: SAMPLES });
    const check = r.antiEntropy!.gaussian;
    expect(check.holds).toBe(true);
    expect(check.maxSigma).toBeLessThanOrEqual(5);
    const sd = Math.sqrt((1 / 8) * (7 / 8) * SAMPLES);
    const entries = r.entropyBias.gaussian.map((e, t) =>
      t === 2 ? { ...e, ...monteCarloEstimate(Math.round(SAMPLES / 8 + 6 * sd), SAMPLES, 4) } : e,
    );
    const off = antiEntropyCheck(entries, 3);
    expect(off.holds).toBe(false);
    expect(off.maxSigma).toBeGreaterThan(5.9);
    const hitAtAllOnes = r.entropyBias.gaussian.map((e, t) => (t === 8 ? { ...e, ...monteCarloEstimate(1, SAMPLES, 4) } : e));
    expect(antiEntropyCheck(hitAtAllOnes, 3).holds).toBe(false);
  });
});
