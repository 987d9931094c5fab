/**
 * Exact step-net tables: the five target nets (2-2-1, 2-3-1, 3-2-1, 3-3-1, 2-2-2-1), checked
 * against facts computed here by other means:
 * - uniform totals exactly 1, Gaussian totals within their summed error of 1;
 * - the realisable functions equal the set of compositions G(h_1(x), …, h_k(x)) of full threshold
 *   functions (no partial labellings, no multisets), and for 3-3-1 the set hit by random integer
 *   parameters through the forward pass;
 * - every probability within 5 standard errors of plain Monte Carlo (seeded, 10^6 samples per
 *   prior). With the exact p in the standard error each comparison fails by chance with
 *   probability ≈ 6e-7 (normal tail; the Poisson tail is of the same order for the rare functions),
 *   so about 1e-3 for the ~1,100 comparisons here; the seeds are fixed, so a failure is a real one.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { priorFor } from "../../../src/arch/architecture.js";
import { layeredArchitecture } from "../../../src/arch/layered/layeredArchitecture.js";
import type { LayeredSpec } from "../../../src/arch/layered/layeredSpec.js";
import { sampleFunctions } from "../../../src/arch/monteCarloTable.js";
import { realisableFunctions } from "../../../src/arch/perceptron/realisableFunctions.js";
import { formatFunction, formatWords } from "../../../src/boolean/truthTable.js";
import { ONE } from "../../../src/geometry/rational.js";
import { gaussianPrior } from "../../../src/measure/gaussianPrior.js";
import type { Prior } from "../../../src/measure/prior.js";
import type { PriorFamily } from "../../../src/measure/prior.js";
import { uniformPrior } from "../../../src/measure/uniformPrior.js";

interface Row {
  function: string;
  realizable: boolean;
  gaussian: { p: number; err: number; converged: boolean };
  uniform: { fraction: string; p: number };
  pieces: number;
}

const TARGETS: LayeredSpec[] = [
  { activation: "step", layers: [2, 2, 1], encoding: "binary" },
  { activation: "step", layers: [2, 2, 1], encoding: "signed" },
  { activation: "step", layers: [2, 3, 1], encoding: "binary" },
  { activation: "step", layers: [3, 2, 1], encoding: "binary" },
  { activation: "step", layers: [3, 3, 1], encoding: "binary" },
  { activation: "step", layers: [2, 2, 2, 1], encoding: "binary" },
];

const key = (spec: LayeredSpec) => `${spec.layers.join("-")} ${spec.encoding}`;
const tables = new Map<string, { rows: Row[]; summary: Record<string, unknown>; priors: Prior[] }>();

beforeAll(() => {
  for (const spec of TARGETS) {
    const arch = layeredArchitecture(spec);
    const priors = ([gaussianPrior, uniformPrior] as PriorFamily[]).map((family) => priorFor(arch, family, { weight: ONE, bias: ONE }));
    const table = arch.exactTable!({ priors, all: false, classes: "none" });
    const rows: Row[] = [];
    table.forEachRow((r) => rows.push(r as unknown as Row));
    tables.set(key(spec), { rows, summary: table.summary(), priors });
  }
});

/** Truth tables (strings) of G(h_1(x), …, h_k(x)) over all threshold h_j and threshold G (one hidden layer). */
function compositions(n: number, widths: readonly number[]): Set<string> {
  let maps: number[][] = [Array.from({ length: 2 ** n }, (_, r) => r)];
  let m = n;
  for (const h of widths) {
    const set = realisableFunctions({ inputs: m, bias: true, encoding: "binary" });
    const fns = Array.from(set.tables);
    const next = new Map<string, number[]>();
    for (const phi of maps) {
      const extend = (k: number, acc: number[]) => {
        if (k === h) {
          next.set(acc.join(), acc);
          return;
        }
        for (const t of fns) extend(k + 1, acc.map((x, r) => (x << 1) | ((t >>> phi[r]) & 1)));
      };
      extend(0, phi.map(() => 0));
    }
    maps = [...next.values()];
    m = h;
  }
  const outs = Array.from(realisableFunctions({ inputs: m, bias: true, encoding: "binary" }).tables);
  const found = new Set<string>();
  for (const phi of maps)
    for (const g of outs) {
      let f = 0n;
      phi.forEach((p, r) => ((g >>> p) & 1 ? (f |= 1n << BigInt(r)) : 0));
      found.add(formatFunction({ n, bits: f }));
    }
  return found;
}

describe("exact step-net tables", () => {
  it.each(TARGETS)("$layers $encoding: uniform total exactly 1, Gaussian total within its error of 1", (spec) => {
    const { rows, summary } = tables.get(key(spec))!;
    expect(summary.uniformTotal).toBe("1/1");
    expect(summary.gaussianConverged).toBe(true);
    expect(Math.abs((summary.gaussianTotal as number) - 1)).toBeLessThanOrEqual(summary.gaussianTotalErr as number);
    expect(summary.functions).toBe(rows.length);
    for (const r of rows) {
      expect(r.realizable).toBe(true);
      expect(r.pieces).toBeGreaterThan(0);
      expect(r.gaussian.p).toBeGreaterThan(0);
      expect(r.uniform.fraction).toMatch(/^[1-9]\d*\/[1-9]\d*$/);
    }
  });

  it("2-2-1 computes all 16 functions of 2 inputs, XOR and XNOR included", () => {
    const rows = tables.get("2-2-1 binary")!.rows;
    expect(rows.map((r) => r.function)).toEqual(Array.from({ length: 16 }, (_, k) => formatFunction({ n: 2, bits: BigInt(k) })).sort());
    expect(rows.find((r) => r.function === "0110")!.uniform.fraction).toBe("7/9216");
  });

  it.each([
    [2, [2]],
    [2, [3]],
    [3, [2]],
    [2, [2, 2]],
  ] as const)("inputs %i, hidden %j: the realisable set equals the compositions of full threshold functions", (n, widths) => {
    const spec: LayeredSpec = { activation: "step", layers: [n, ...widths, 1], encoding: "binary" };
    const rows = tables.get(key(spec))!.rows;
    expect(new Set(rows.map((r) => r.function))).toEqual(compositions(n, widths));
  });

  it("3-2-1 misses exactly the two parities of 3 inputs; 3-3-1 computes all 256 functions, each hit by random integer weights", () => {
    const missing = ["01101001", "10010110"];
    const r321 = tables.get("3-2-1 binary")!.rows.map((r) => r.function);
    expect(r321).toHaveLength(254);
    for (const f of missing) expect(r321).not.toContain(f);
    const arch = layeredArchitecture({ activation: "step", layers: [3, 3, 1], encoding: "binary" });
    const d = arch.parameters.length;
    const count = 200_000;
    const bias = new Set(arch.groups.filter((g) => g.kind === "bias").flatMap((g) => g.indices));
    const params = new Float64Array(count * d);
    let s = 12345;
    for (let i = 0; i < params.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      // Integer weights in [−3, 3], half-integer biases in [−7/2, 5/2]: every pre-activation is a
      // half-integer (features are 0/1), never 0, so the doubles decide every sign exactly.
      const k = (s >>> 16) % 7;
      params[i] = bias.has(i % d) ? (k < 3 ? k + 0.5 : 0.5 - (k - 2)) : k - 3;
    }
    const out = new Uint32Array(count);
    arch.forward(params, count, out);
    const seen = new Set(Array.from(out, (w) => formatWords(Uint32Array.of(w), 3)));
    expect(seen.size).toBe(256);
    expect(new Set(tables.get("3-3-1 binary")!.rows.map((r) => r.function))).toEqual(seen);
  });

  it.each(TARGETS)("$layers $encoding: every probability within 5 SE of plain Monte Carlo (10^6 samples)", async (spec) => {
    const { rows, priors } = tables.get(key(spec))!;
    const arch = layeredArchitecture(spec);
    const samples = 1_000_000;
    for (const prior of priors) {
      const hist = await sampleFunctions(arch, prior, samples, 2024);
      const hits = new Map<string, number>();
      hist.forEach((t, h) => hits.set(formatWords(t, arch.inputs), h));
      for (const r of rows) {
        const p = prior.family.kind === "uniform" ? r.uniform.p : r.gaussian.p;
        const se = Math.sqrt((p * (1 - p)) / samples);
        expect(Math.abs((hits.get(r.function) ?? 0) / samples - p), `${r.function} ${prior.family.kind}`).toBeLessThanOrEqual(5 * se);
        hits.delete(r.function);
      }
      // Nothing outside the exact table is ever sampled.
      expect([...hits.keys()]).toEqual([]);
    }
  });
});
