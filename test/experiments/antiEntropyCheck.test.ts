import { describe, expect, it } from "vitest";
import { priorFor } from "../../src/arch/architecture.js";
import { createArchitecture } from "../../src/arch/registry.js";
import { antiEntropyCheck } from "../../src/experiments/antiEntropyCheck.js";
import { entropyBias } from "../../src/experiments/entropyBias.js";
import { functionPopulation } from "../../src/experiments/functionPopulation.js";
import { ONE } from "../../src/geometry/rational.js";
import { priorFamily } from "../../src/measure/priorFamilies.js";

const priorsOf = (arch: ReturnType<typeof createArchitecture>) =>
  ["gaussian", "uniform"].map((k) => priorFor(arch, priorFamily(k), { weight: ONE, bias: ONE }));

// What is tested: for t = 0 … 2^n − 1, |P(T = t) − 2^−n| ≤ 1e−9 (and exact equality of the rational for
// the uniform prior), and P(T = 2^n) = 0, the all-ones function needing f(0) = 1, which the zero input forbids.
describe("anti-entropy theorem (Mingard et al. 2019): perceptron without bias, binary inputs", () => {
  for (let n = 1; n <= 5; n++) {
    it(`n = ${n}: P(T = t) = 2^-${n} for t < 2^${n}, both priors`, () => {
      const arch = createArchitecture("perceptron", { inputs: n, bias: false });
      const priors = priorsOf(arch);
      const pop = functionPopulation(arch, priors);
      for (const prior of priors) {
        const bias = entropyBias(arch, pop, prior);
        expect(bias).toHaveLength(2 ** n + 1);
        for (const e of bias) expect(Math.abs(e.p - (e.t < 2 ** n ? 2 ** -n : 0))).toBeLessThanOrEqual(1e-9);
        const check = antiEntropyCheck(bias, n);
        expect(check.holds).toBe(true);
        expect(check.maxDeviation).toBeLessThanOrEqual(1e-9);
        if (prior.family.kind === "uniform") {
          expect(check.exactEquality).toBe(true);
          expect(bias.slice(0, -1).every((e) => e.fraction === `1/${2 ** n}`)).toBe(true);
        }
      }
    }, 60_000);
  }
});

describe("entropy bias of a perceptron with bias", () => {
  it("n = 3: sums to 1 (uniform exactly 1/1, Gaussian within err), symmetric in t ↔ 2^n − t", () => {
    const arch = createArchitecture("perceptron", { inputs: 3 });
    const priors = priorsOf(arch);
    const pop = functionPopulation(arch, priors);
    expect(pop.functions).toBe(104);
    for (const prior of priors) {
      const bias = entropyBias(arch, pop, prior);
      const total = prior.family.total(bias.map((e) => ({ measure: e, weight: 1 }))) as { p: number; fraction?: string; err?: number };
      if (prior.family.kind === "uniform") expect(total.fraction).toBe("1/1");
      else expect(Math.abs(total.p - 1)).toBeLessThanOrEqual(total.err! + 1e-15);
      for (const e of bias) expect(e.p).toBeCloseTo(bias[8 - e.t].p, 14);
      expect(bias.reduce((s, e) => s + e.functions, 0)).toBe(104);
    }
    const check = antiEntropyCheck(entropyBias(arch, pop, priors[1]), 3);
    expect(check.holds).toBe(false);
  });
});
