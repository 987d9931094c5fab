import { describe, expect, it } from "vitest";
import { priorFor } from "../../../src/arch/architecture.js";
import { createArchitecture } from "../../../src/arch/registry.js";
import { COMPLEXITY_MEASURES } from "../../../src/arch/complexityOfFunction.js";
import { type BooleanFunction, formatFunction } from "../../../src/boolean/truthTable.js";
import { forEachFunction, functionPopulation } from "../../../src/experiments/functionPopulation.js";
import { measureNumber } from "../../../src/experiments/measurePoints.js";
import { populationPoints, simplicityBias } from "../../../src/experiments/simplicityBias.js";
import { biasPlots } from "../../../src/experiments/plots/biasPlots.js";
import { complexitySpec } from "../../../src/experiments/plots/complexitySpec.js";
import { renderVegaLiteSvg } from "../../../src/experiments/plots/renderSvg.js";
import { ONE } from "../../../src/geometry/rational.js";
import { priorFamily } from "../../../src/measure/priorFamilies.js";
import { wellFormedXml } from "./_helpers/wellFormedXml.js";

type Datum = Record<string, number | string>;
type Channel = { field?: string; type?: string; title?: string; scale?: { type?: string; domain?: number[] } };
type Layer = { data: { values: Datum[] }; mark: { type: string }; encoding: Record<string, Channel> };
type Spec = {
  title: { text: string; subtitle: string | string[] };
  hconcat?: { title: string; layer: Layer[] }[];
  layer?: Layer[];
  data?: { values: Datum[] };
  mark?: { type: string };
  encoding?: Record<string, Channel>;
};

for (const bias of [true, false]) {
  describe(`bias plots of the 3-input perceptron${bias ? "" : " without bias"}`, () => {
    const arch = createArchitecture("perceptron", { inputs: 3, encoding: "binary", bias });
    const priors = ["gaussian", "uniform"].map((k) => priorFor(arch, priorFamily(k), { weight: ONE, bias: ONE }));
    const pop = functionPopulation(arch, priors);
    const measures = [...COMPLEXITY_MEASURES];
    const points = populationPoints(arch, pop, measures);
    const result = simplicityBias(arch, pop, priors, { measures, bootstrap: 5, points });
    const plots = biasPlots(arch, pop, priors, result, measures, points);
    // Every function with its row, listed independently of the analyses' counting by value.
    const members: { f: BooleanFunction; c: number }[] = [];
    forEachFunction(arch, pop, (f, c) => members.push({ f, c }));
    const spec = (name: string) => plots.find((p) => p.name === name)!.spec as unknown as Spec;
    const archTitle = `perceptron, 3 inputs (binary), ${bias ? "with bias" : "no bias"}`;
    const priorTitles = ["Gaussian prior (standard deviation w 1", "Uniform prior (half-width w 1"];

    it("one plot per measure, then rank–probability and entropy bias", () => {
      expect(plots.map((p) => p.name)).toEqual([...measures.map((m) => `complexity-${m}`), "rank-probability", "entropy-bias"]);
    });

    it.each(measures)("complexity-%s: a log-P panel per prior, every function counted once at its K and P", (m) => {
      const s = spec(`complexity-${m}`);
      expect(s.title.text).toContain(archTitle);
      expect(s.hconcat).toHaveLength(2);
      const k = members.map(({ f }) => measureNumber(f, m, arch));
      s.hconcat!.forEach((panel, j) => {
        const kind = priors[j].family.kind;
        expect(panel.title.startsWith(priorTitles[j])).toBe(true);
        const [points, line] = panel.layer;
        expect(points.encoding.x.field).toBe("k");
        expect(points.encoding.y).toMatchObject({ field: "p", scale: { type: "log" } });
        // Classes of the prior's symmetries have orbits > 1: points are classes, sized by their functions.
        expect(points.encoding.size?.field).toBe("functions");
        // Each function's (K, P) occurs in the data, and the points' counts add up to the functions with a K.
        const counted = new Map<string, number>();
        members.forEach(({ c }, i) => {
          if (Number.isNaN(k[i])) return;
          const key = `${formatFunction(pop.classes[c].function)}|${k[i]}|${pop.classes[c].measures[kind].p}`;
          counted.set(key, (counted.get(key) ?? 0) + 1);
        });
        const drawn = new Map(points.data.values.map((d) => [`${d.function}|${d.k}|${d.p}`, d.functions as number]));
        expect(drawn).toEqual(counted);
        // The dashed bound is the fit's: P = 2^(b − a·K) at the smallest and largest K.
        const fit = result.measures[m][kind].upperBound;
        const ks = points.data.values.map((d) => d.k as number);
        expect(line.mark.type).toBe("line");
        expect(line.data.values.map((d) => d.k)).toEqual([Math.min(...ks), Math.max(...ks)]);
        for (const d of line.data.values) expect(Math.log2(d.p as number)).toBeCloseTo(fit.b - fit.a * (d.k as number), 9);
      });
    });

    it("rank-probability: log–log, each class from its first to its last rank, ranks up to the number of functions", () => {
      const s = spec("rank-probability");
      expect(s.title.text).toBe(`P(f) by rank: ${archTitle}`);
      expect(s.encoding!.x).toMatchObject({ field: "rank", scale: { type: "log" } });
      expect(s.encoding!.y).toMatchObject({ field: "p", scale: { type: "log" } });
      expect(s.encoding!.color.field).toBe("prior");
      priors.forEach((prior, j) => {
        const mine = s.data!.values.filter((d) => (d.prior as string).startsWith(priorTitles[j]));
        expect(Math.max(...mine.map((d) => d.rank as number))).toBe(pop.functions);
        for (const e of result.rankProbability[prior.family.kind]) {
          const at = mine.filter((d) => d.function === e.function && d.p === e.p).map((d) => d.rank);
          expect(at).toEqual(e.functions === 1 ? [e.rank] : [e.rank, e.rank + e.functions - 1]);
        }
      });
    });

    it("entropy-bias: P(T = t) for t = 0 … 8 per prior (exact fractions kept), the 2^−n rule", () => {
      const s = spec("entropy-bias");
      expect(s.title.text).toBe(`Entropy bias P(T = t): ${archTitle}`);
      const [lines, rule] = s.layer!;
      expect(lines.encoding.x).toMatchObject({ field: "t", scale: { domain: [0, 8] } });
      expect(lines.encoding.y.field).toBe("p");
      priors.forEach((prior, j) => {
        const mine = lines.data.values.filter((d) => (d.prior as string).startsWith(priorTitles[j]));
        const want = result.entropyBias[prior.family.kind];
        expect(mine.map((d) => [d.t, d.p, d.functions])).toEqual(want.map((e) => [e.t, e.p, e.functions]));
        if (prior.family.kind === "uniform") expect(mine.map((d) => d.fraction)).toEqual(want.map((e) => e.fraction));
      });
      expect(rule.mark.type).toBe("rule");
      expect(rule.data.values).toEqual([{ p: 1 / 8, label: "2^−3" }]);
      // Without a bias, the theorem: the drawn uniform P(T = t) is 1/8 for every t < 8.
      if (!bias) for (const d of lines.data.values) expect(d.p).toBeCloseTo(d.t === 8 ? 0 : 1 / 8, 12);
    });

    it("every plot renders to a well-formed SVG", async () => {
      for (const p of plots.filter((q) => ["complexity-lz", "rank-probability", "entropy-bias"].includes(q.name))) {
        expect(wellFormedXml(await renderVegaLiteSvg(p.spec))[0]).toBe("svg");
      }
    });
  });
}

describe("complexitySpec", () => {
  it("function points (no classes): no size channel; no bound line without a fit", () => {
    const s = complexitySpec({
      measure: "entropy",
      architecture: "a net",
      classes: false,
      panels: [{ prior: "P", points: [{ k: 0, p: 0.5, functions: 1, function: "00" }, { k: 1, p: 0.5, functions: 1, function: "01" }] }],
    }) as unknown as Spec;
    expect(s.hconcat![0].layer).toHaveLength(1);
    expect(s.hconcat![0].layer[0].encoding.size).toBeUndefined();
    expect(s.title.subtitle).toMatch(/^each point a function;/);
  });
});
