import { describe, expect, it } from "vitest";
import { priorFor } from "../../src/arch/architecture.js";
import { createArchitecture } from "../../src/arch/registry.js";
import { formatFunction } from "../../src/boolean/truthTable.js";
import { functionPopulation } from "../../src/experiments/functionPopulation.js";
import { rankProbability } from "../../src/experiments/rankProbability.js";
import { topFunctions } from "../../src/experiments/topFunctions.js";
import { ONE } from "../../src/geometry/rational.js";
import { priorFamily } from "../../src/measure/priorFamilies.js";

describe("topFunctions", () => {
  const arch = createArchitecture("perceptron", { inputs: 3 });
  const priors = ["gaussian", "uniform"].map((k) => priorFor(arch, priorFamily(k), { weight: ONE, bias: ONE }));
  const pop = functionPopulation(arch, priors);
  const ranking = rankProbability(pop, priors[0]);

  it("the first rows of the ranking, each with every prior's measure of its table row", () => {
    const top = topFunctions(pop, ranking, 5);
    expect(top.map((r) => [r.rank, r.function, r.functions])).toEqual(ranking.slice(0, 5).map((e) => [e.rank, e.function, e.functions]));
    for (const r of top) {
      const row = pop.classes.find((c) => formatFunction(c.function) === r.function);
      expect(r.measures).toEqual(row?.measures);
      expect(r.measures.gaussian.p).toBe(ranking.find((e) => e.function === r.function)?.p);
    }
    // The constant functions fill the largest Gaussian region at n = 3: 73/384 of the box under the uniform prior.
    expect(top[0]).toMatchObject({ rank: 1, function: "00000000", functions: 2, measures: { uniform: { fraction: "73/384" } } });
    expect(top[0].measures.gaussian).toHaveProperty("err");
  });

  it("all rows when count exceeds them; a bad count or a function outside the table throws", () => {
    expect(topFunctions(pop, ranking, 1000)).toHaveLength(pop.classes.length);
    expect(() => topFunctions(pop, ranking, 0)).toThrow(RangeError);
    expect(() => topFunctions(pop, [{ rank: 1, functions: 1, p: 0.5, function: "01101001" }], 1)).toThrow(/not a row/);
  });
});
