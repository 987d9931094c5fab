import { describe, expect, it } from "vitest";
import { type Architecture, priorFor } from "../../src/arch/architecture.js";
import type { ComplexityMeasureName } from "../../src/arch/complexityOfFunction.js";
import { createArchitecture } from "../../src/arch/registry.js";
import { lzComplexity, lzComplexityOfTable } from "../../src/boolean/complexity/lzComplexity.js";
import { wordsFromBigInt } from "../../src/boolean/tableWords.js";
import { forEachFunction, type FunctionPopulation, functionPopulation, type PopulationClass } from "../../src/experiments/functionPopulation.js";
import type { RankProbabilityEntry } from "../../src/experiments/rankProbability.js";
import { simplicityBias, type SimplicityBiasResult } from "../../src/experiments/simplicityBias.js";
import { ONE } from "../../src/geometry/rational.js";
import type { Prior } from "../../src/measure/prior.js";
import { priorFamily } from "../../src/measure/priorFamilies.js";
import { randomStream } from "../../src/measure/randomStream.js";

// The analyses of a table by class (each row counted over its orbit by value, never listed) against
// the same analyses of its expansion: every function its own row of orbit 1, listed by closing the
// row under the architecture's symmetries (orbitMembers), measured one by one.

function expanded(arch: Architecture, pop: FunctionPopulation): FunctionPopulation {
  const classes: PopulationClass[] = [];
  forEachFunction(arch, pop, (f, c) => {
    const row = pop.classes[c];
    classes.push({ function: f, orbit: 1, measures: row.measures, ...(row.facets !== undefined ? { facets: row.facets } : {}) });
  });
  return { inputs: pop.inputs, classes, functions: classes.length, summary: pop.summary };
}

/** P by rank, one entry per function. */
const perRank = (entries: readonly RankProbabilityEntry[]) => entries.flatMap((e) => new Array<number>(e.functions).fill(e.p));

function expectSameAnalyses(a: SimplicityBiasResult, b: SimplicityBiasResult, kinds: readonly string[]): void {
  expect(a.functions).toBe(b.functions);
  for (const [m, byKind] of Object.entries(a.measures)) {
    for (const kind of kinds) {
      const x = byKind[kind];
      const y = b.measures[m][kind];
      expect(x.functions, m).toBe(y.functions);
      // Kendall's counts are exact integers either way; Spearman's sums run in another order.
      expect(x.kendall.value, `${m} ${kind} tau`).toBe(y.kendall.value);
      if (x.spearman.value === null) expect(y.spearman.value).toBeNull();
      else expect(Math.abs(x.spearman.value - y.spearman.value!), `${m} ${kind} rho`).toBeLessThanOrEqual(1e-12);
      expect(x.upperBound, `${m} ${kind} bound`).toEqual(y.upperBound);
      // The bootstrap resamples the same functions (equal in law, other draws): the intervals agree
      // within their sampling spread.
      for (const s of ["spearman", "kendall"] as const) {
        const [ci, cj] = [x[s].ci, y[s].ci];
        if (ci === null || cj === null) {
          expect(ci).toBe(cj);
          continue;
        }
        const width = Math.max(ci.high - ci.low, cj.high - cj.low, 1e-9);
        expect(Math.abs(ci.low - cj.low), `${m} ${kind} ${s} low`).toBeLessThanOrEqual(width);
        expect(Math.abs(ci.high - cj.high), `${m} ${kind} ${s} high`).toBeLessThanOrEqual(width);
      }
    }
  }
  for (const kind of kinds) {
    const [ea, eb] = [a.entropyBias[kind], b.entropyBias[kind]];
    expect(ea.map((e) => [e.t, e.functions, e.fraction])).toEqual(eb.map((e) => [e.t, e.functions, e.fraction]));
    ea.forEach((e, t) => expect(Math.abs(e.p - eb[t].p)).toBeLessThanOrEqual(1e-15));
    expect(perRank(a.rankProbability[kind])).toEqual(perRank(b.rankProbability[kind]));
  }
  for (const kind of Object.keys(b.antiEntropy ?? {})) {
    const [x, y] = [a.antiEntropy![kind], b.antiEntropy![kind]];
    expect([x.holds, x.exactEquality, x.expected]).toEqual([y.holds, y.exactEquality, y.expected]);
    expect(Math.abs(x.maxDeviation - y.maxDeviation)).toBeLessThanOrEqual(1e-15);
  }
  expect(Object.keys(a.antiEntropy ?? {})).toEqual(Object.keys(b.antiEntropy ?? {}));
}

function priorsOf(arch: Architecture, kinds: readonly string[]): Prior[] {
  return kinds.map((k) => priorFor(arch, priorFamily(k), { weight: ONE, bias: ONE }));
}

describe("class-weighted analyses equal the expanded ones", () => {
  const all: ComplexityMeasureName[] = ["lz", "entropy", "boolean", "csr", "sensitivity", "fourierL1", "facets", "minWeight"];
  const n4 = [
    { encoding: "binary", bias: true },
    { encoding: "signed", bias: true },
    { encoding: "binary", bias: false }, // its symmetries lie in no NPN-type group: members listed
    { encoding: "signed", bias: false },
  ] as const;
  // Without bias minWeight is an LP per function on both sides (no class-constant group): left out.
  it.each(n4)("n = 4, %o, every measure (minWeight with bias), both priors", (d) => {
    const arch = createArchitecture("perceptron", { inputs: 4, ...d });
    const kinds = ["gaussian", "uniform"];
    const priors = priorsOf(arch, kinds);
    const pop = functionPopulation(arch, priors);
    const options = { measures: d.bias ? all : all.filter((m) => m !== "minWeight"), bootstrap: 40, seed: 2 };
    expectSameAnalyses(simplicityBias(arch, pop, priors, options), simplicityBias(arch, expanded(arch, pop), priors, options), kinds);
  }, 300_000);

  it("n = 5, binary with bias, uniform prior (exact P): LZ, entropy, facets", () => {
    const arch = createArchitecture("perceptron", { inputs: 5 });
    const priors = priorsOf(arch, ["uniform"]);
    const pop = functionPopulation(arch, priors);
    expect([pop.classes.length, pop.functions]).toEqual([860, 94_572]);
    const options = { measures: ["lz", "entropy", "facets"] as ComplexityMeasureName[], bootstrap: 10, seed: 1 };
    const byClass = simplicityBias(arch, pop, priors, options);
    expectSameAnalyses(byClass, simplicityBias(arch, expanded(arch, pop), priors, options), ["uniform"]);
    // Σ_t P(T = t) = 1 exactly.
    expect(byClass.entropyBias.uniform.reduce((s, e) => s + e.functions, 0)).toBe(94_572);
  }, 300_000);
});

describe("lzComplexityOfTable", () => {
  it("is lzComplexity's C_LZ on every function of 3 inputs and on random ones of 6 and 7", () => {
    for (let b = 0; b < 256; b++) {
      const f = { n: 3, bits: BigInt(b) };
      expect(lzComplexityOfTable(wordsFromBigInt(f.bits, 3), 3)).toBe(lzComplexity(f).cLz);
    }
    const rng = randomStream(4);
    for (const n of [6, 7]) {
      for (let i = 0; i < 200; i++) {
        let bits = 0n;
        for (let w = 0; w < 2 ** (n - 5); w++) bits |= BigInt(rng.next() >>> 0) << BigInt(32 * w);
        const f = { n, bits };
        expect(lzComplexityOfTable(wordsFromBigInt(bits, n), n)).toBe(lzComplexity(f).cLz);
      }
    }
  });
});
