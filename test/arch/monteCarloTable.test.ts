/**
 * The Monte Carlo table against the exact table (n = 3 and 4, binary, both priors, fixed seeds):
 * every sampled function is realisable, and every function's hit count is within 5 standard
 * errors of N·p. For one comparison a correct sampler fails with probability ≈ 5.7e-7 (normal
 * approximation of the binomial); over the (104 + 1,882) × 2 = 3,972 comparisons here that is
 * ≈ 2.3e-3 for a seed picked at random (the seeds are fixed, so the test does not flicker). For
 * the rarest functions (N·p of a few dozen) the normal approximation is rough, so the true rate
 * is somewhat higher there; a sampler bias of a few per cent on common functions still fails.
 */
import { describe, expect, it } from "vitest";
import { type Architecture, priorFor, type TableRow } from "../../src/arch/architecture.js";
import { monteCarloFunction, monteCarloTable, sampleFunctions } from "../../src/arch/monteCarloTable.js";
import { createArchitecture } from "../../src/arch/registry.js";
import { parseFunction } from "../../src/boolean/truthTable.js";
import { ONE } from "../../src/geometry/rational.js";
import { gaussianPrior } from "../../src/measure/gaussianPrior.js";
import type { MonteCarloEstimate } from "../../src/measure/monteCarlo.js";
import type { Prior } from "../../src/measure/prior.js";
import { uniformPrior } from "../../src/measure/uniformPrior.js";

const SAMPLES = 1_500_000;

function priorsOf(arch: Architecture): Prior[] {
  return [priorFor(arch, gaussianPrior, { weight: ONE, bias: ONE }), priorFor(arch, uniformPrior, { weight: ONE, bias: ONE })];
}

/** Exact p per function and prior kind. */
function exactProbabilities(arch: Architecture, priors: readonly Prior[]): Map<string, Record<string, number>> {
  const table = arch.exactTable?.({ priors, all: false, classes: "none" });
  if (!table) throw new Error("no exact table");
  const out = new Map<string, Record<string, number>>();
  table.forEachRow((row) => {
    const r = row as TableRow & Record<string, { p: number }>;
    out.set(row.function, Object.fromEntries(priors.map((p) => [p.family.kind, r[p.family.kind].p])));
  });
  return out;
}

/**
 * The largest |hits − N·p| / SE over all functions and priors; `swap` compares each prior's hits
 * with the other prior's exact p (a wrong reference the check must reject).
 */
async function worstDeviation(inputs: number, seed: number, swap = false): Promise<number> {
  const arch = createArchitecture("perceptron", { inputs });
  const priors = priorsOf(arch);
  const exact = exactProbabilities(arch, priors);
  const mc = await monteCarloTable(arch, priors, SAMPLES, seed);
  const sampled = new Map(mc.rows.map((r) => [r.function, r as TableRow & Record<string, MonteCarloEstimate>]));
  for (const f of sampled.keys()) expect(exact.has(f), `sampled ${f} is not realisable`).toBe(true);
  let worst = 0;
  for (const [f, ps] of exact) {
    for (const kind of Object.keys(ps)) {
      const p = swap ? ps[kind === "gaussian" ? "uniform" : "gaussian"] : ps[kind];
      const hits = sampled.get(f)?.[kind].hits ?? 0;
      worst = Math.max(worst, Math.abs(hits - SAMPLES * p) / Math.sqrt(SAMPLES * p * (1 - p)));
    }
  }
  return worst;
}

describe("monteCarloTable", () => {
  it("agrees with the exact table at n = 3 within 5 standard errors (both priors)", async () => {
    expect(await worstDeviation(3, 101)).toBeLessThan(5);
  });

  it("agrees with the exact table at n = 4 within 5 standard errors (both priors)", async () => {
    expect(await worstDeviation(4, 202)).toBeLessThan(5);
  });

  it("the check can fail: hits against the other prior's exact p are far outside 5 SE", async () => {
    expect(await worstDeviation(3, 101, true)).toBeGreaterThan(5);
  });

  it("lists rows in truth-table order with a summary", async () => {
    const arch = createArchitecture("perceptron", { inputs: 2 });
    const mc = await monteCarloTable(arch, priorsOf(arch), 10_000, 1);
    const keys = mc.rows.map((r) => r.function);
    expect(keys).toEqual([...keys].sort());
    expect(mc.summary).toMatchObject({ samples: 10_000, seed: 1, functionsSeen: keys.length });
    expect(keys).not.toContain("0110");
  });

  it("counts the same hits for one function as the full histogram (chunks across 2^20)", async () => {
    const arch = createArchitecture("perceptron", { inputs: 3 });
    const [prior] = priorsOf(arch);
    const f = parseFunction("00010111", 3);
    const samples = 2 ** 20 + 12_345;
    const one = await monteCarloFunction(arch, prior, f, samples, 9);
    let fromTable = 0;
    (await sampleFunctions(arch, prior, samples, 9)).forEach((t, hits) => {
      if (t[0] === 0b11101000) fromTable = hits;
    });
    expect(one.hits).toBe(fromTable);
    expect(one.hits).toBeGreaterThan(0);
  });

  it("rejects a bad worker count", async () => {
    const arch = createArchitecture("perceptron", { inputs: 2 });
    await expect(monteCarloTable(arch, priorsOf(arch), 100, 1, undefined, 0)).rejects.toThrow(RangeError);
  });
});
