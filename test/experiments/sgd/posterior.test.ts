import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priorFor } from "../../../src/arch/architecture.js";
import { createArchitecture } from "../../../src/arch/registry.js";
import { rowCount, valueAt } from "../../../src/boolean/truthTable.js";
import { bayesPosterior } from "../../../src/experiments/sgd/bayesPosterior.js";
import { priorSource } from "../../../src/experiments/sgd/priorSource.js";
import { functionAgreesWith, randomTrainingRows, trainingSet } from "../../../src/experiments/sgd/trainingSet.js";
import { add, div, eq, ONE, parse, ZERO } from "../../../src/geometry/rational.js";
import { priorFamily } from "../../../src/measure/priorFamilies.js";

const perceptron = createArchitecture("perceptron", { inputs: 3 });
const uniform = priorFor(perceptron, priorFamily("uniform"), { weight: ONE, bias: ONE });
const gaussian = priorFor(perceptron, priorFamily("gaussian"), { weight: ONE, bias: ONE });
const exactUniform = await priorSource(perceptron, uniform, { samples: 1, seed: 1 });
const exactGaussian = await priorSource(perceptron, gaussian, { samples: 1, seed: 1 });
const thresholdFunctions = [...exactUniform.measures.keys()];

describe("the Bayesian posterior P_B(f | S) of the 3-input perceptron", () => {
  it("exact P(f): all 104 threshold functions, uniform total exactly 1", () => {
    expect(exactUniform.method).toBe("exact");
    expect(exactUniform.measures.size).toBe(104);
    const total = [...exactUniform.measures.values()].reduce((s, m) => add(s, parse(m.fraction as string)), ZERO);
    expect(eq(total, ONE)).toBe(true);
  });

  it("sums to 1 (exactly for the uniform prior), agrees with S, and is P(f)/P(S) (property over targets and S)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 103 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 1000 }), (t, k, seed) => {
        const target = { n: 3, bits: thresholdFunctions[t] };
        const set = trainingSet(target, randomTrainingRows(3, k, seed));
        const post = bayesPosterior(exactUniform, 3, set);
        let total = ZERO;
        for (const [bits, e] of post.functions) {
          expect(functionAgreesWith({ n: 3, bits }, set)).toBe(true);
          total = add(total, parse(e.posterior.fraction as string));
          expect(eq(parse(e.posterior.fraction as string), div(parse(e.prior.fraction as string), parse(post.evidence.fraction as string)))).toBe(true);
        }
        expect(eq(total, ONE)).toBe(true);
        // Every agreeing threshold function is there (P(f) > 0 for each).
        const agreeing = thresholdFunctions.filter((bits) => functionAgreesWith({ n: 3, bits }, set));
        expect(post.functions.size).toBe(agreeing.length);
        const g = bayesPosterior(exactGaussian, 3, set);
        let sum = 0;
        let err = 0;
        for (const e of g.functions.values()) {
          sum += e.posterior.p;
          err += e.posterior.err ?? 0;
        }
        expect(Math.abs(sum - 1)).toBeLessThanOrEqual(err + 1e-12);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it("K = 2^n: the posterior is the target alone", () => {
    const target = { n: 3, bits: thresholdFunctions[17] };
    const post = bayesPosterior(exactUniform, 3, trainingSet(target, [0, 1, 2, 3, 4, 5, 6, 7]));
    expect([...post.functions.keys()]).toEqual([target.bits]);
    expect(post.functions.get(target.bits)!.posterior.fraction).toBe("1/1");
  });

  it("a non-threshold target with all rows: no function agrees, the posterior is undefined (RangeError)", () => {
    const xor3 = { n: 3, bits: 0b10010110n };
    expect(() => bayesPosterior(exactUniform, 3, trainingSet(xor3, [0, 1, 2, 3, 4, 5, 6, 7]))).toThrow(/posterior is undefined/);
  });

  // Monte Carlo P(f) conditioned on S against the exact posterior: each function's Wilson interval
  // (95%) must hold the exact value widened to 5 sigma; with ~20 functions the false-failure rate of
  // the 5-sigma check is below 1e-5 (fixed seed, so the run is deterministic anyway).
  it("Monte Carlo P(f) gives the exact posterior within sampling error (5 sigma)", async () => {
    const mc = await priorSource(perceptron, uniform, { method: "mc", samples: 200_000, seed: 5 });
    expect(mc.method).toBe("mc");
    const target = { n: 3, bits: 0b00010111n };
    const set = trainingSet(target, [0, 3, 5]);
    const exact = bayesPosterior(exactUniform, 3, set);
    const sampled = bayesPosterior(mc, 3, set);
    const hits = sampled.evidence.hits as number;
    expect(hits).toBeGreaterThan(1000);
    for (const [bits, e] of exact.functions) {
      const p = e.posterior.p;
      const q = sampled.functions.get(bits)?.posterior.p ?? 0;
      expect(Math.abs(q - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / hits) + 1e-12);
    }
    for (const bits of sampled.functions.keys()) expect(exact.functions.has(bits)).toBe(true);
  });

  it("training rows: K distinct rows, seeded, labels from the target", () => {
    const rows = randomTrainingRows(5, 12, 3);
    expect(rows).toEqual(randomTrainingRows(5, 12, 3));
    expect(new Set(rows).size).toBe(12);
    expect(rows.every((r, i) => r >= 0 && r < rowCount(5) && (i === 0 || rows[i - 1] < r))).toBe(true);
    const f = { n: 5, bits: 0xdeadbeefn };
    const set = trainingSet(f, rows);
    expect(Array.from(set.labels)).toEqual(rows.map((r) => valueAt(f, r)));
    expect(() => randomTrainingRows(3, 9, 1)).toThrow(RangeError);
    expect(() => randomTrainingRows(3, 0, 1)).toThrow(RangeError);
  });
});
