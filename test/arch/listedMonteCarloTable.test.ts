/**
 * The Monte Carlo table of listed functions against the full Monte Carlo table of the same seed and
 * sample count (n = 4 and 5, both priors): every listed function gets exactly the full table's hits
 * (0 if the full table never drew it), and the samples outside the list are the rest. A property
 * test over random subsets (fast-check, seeded), with functions no perceptron computes mixed in.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Architecture, priorFor } from "../../src/arch/architecture.js";
import { listedMonteCarloTableOf, monteCarloListedTable } from "../../src/arch/listedMonteCarloTable.js";
import { monteCarloTable } from "../../src/arch/monteCarloTable.js";
import { createArchitecture } from "../../src/arch/registry.js";
import { formatWords } from "../../src/boolean/truthTable.js";
import { ONE } from "../../src/geometry/rational.js";
import { gaussianPrior } from "../../src/measure/gaussianPrior.js";
import type { Prior } from "../../src/measure/prior.js";
import { uniformPrior } from "../../src/measure/uniformPrior.js";

function priorsOf(arch: Architecture): Prior[] {
  return [priorFor(arch, gaussianPrior, { weight: ONE, bias: ONE }), priorFor(arch, uniformPrior, { weight: ONE, bias: ONE })];
}

/** The full table's hits by function (bit string), and its tables in row order. */
async function fullCounts(arch: Architecture, samples: number, seed: number) {
  const mc = await monteCarloTable(arch, priorsOf(arch), samples, seed);
  const hits = new Map<string, number[]>();
  const tables: Uint32Array[] = [];
  mc.forEachCount((t, h) => {
    hits.set(formatWords(t, arch.inputs), [...h]);
    tables.push(t.slice());
  });
  return { hits, tables };
}

/** Listed hits by function (bit string), in row order, and the summary. */
async function listedCounts(arch: Architecture, keys: Uint32Array, samples: number, seed: number, chunks?: { start: number; end: number }) {
  const mc = await monteCarloListedTable(arch, priorsOf(arch), samples, seed, keys, chunks ? { chunks } : {});
  const rows: [string, number[]][] = [];
  mc.forEachCount((t, h) => rows.push([formatWords(t, arch.inputs), [...h]]));
  return { rows, summary: mc.summary as { samplesOutside: Record<string, number>; functionsListed: number; functionsSeen: number } };
}

const concat = (tables: readonly Uint32Array[]) => {
  const out = new Uint32Array(tables.reduce((s, t) => s + t.length, 0));
  let at = 0;
  for (const t of tables) {
    out.set(t, at);
    at += t.length;
  }
  return out;
};

describe.each([4, 5])("monteCarloListedTable at n = %i", (inputs) => {
  const arch = createArchitecture("perceptron", { inputs });
  // Enough samples for most functions to be drawn; the chunk test below needs two chunks of 2^20.
  const samples = 200_000;
  const seed = 11 + inputs;
  const full = fullCounts(arch, samples, seed);

  it("gives every listed function the full table's hits, for random subsets", async () => {
    const { hits, tables } = await full;
    // Parity is no threshold function: listed, it must get 0 hits.
    const parity = new Uint32Array(arch.tableWords);
    for (let r = 0; r < 2 ** inputs; r++) if (r.toString(2).split("1").length % 2 === 0) parity[r >>> 5] |= 1 << (r & 31);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(tables, { minLength: 1, maxLength: 60 }), fc.boolean(), async (subset, withParity) => {
        const list = withParity ? [...subset, parity] : subset;
        const { rows, summary } = await listedCounts(arch, concat(list), samples, seed);
        expect(rows).toHaveLength(list.length);
        const listedHits = [0, 0];
        for (const [f, h] of rows) {
          expect(h).toEqual(hits.get(f) ?? [0, 0]);
          h.forEach((x, q) => (listedHits[q] += x));
        }
        expect(summary.samplesOutside).toEqual({ gaussian: samples - listedHits[0], uniform: samples - listedHits[1] });
        expect(summary.functionsListed).toBe(list.length);
      }),
      { seed: 20261203 + inputs, numRuns: inputs === 4 ? 8 : 4 },
    );
  }, 120_000);

  it("lists rows in the full table's order, and chunk ranges add up to the whole run", async () => {
    const { tables } = await full;
    const keys = concat([...tables].reverse());
    const whole = await listedCounts(arch, keys, samples, seed);
    expect(whole.rows.map(([f]) => f)).toEqual(tables.map((t) => formatWords(t, inputs)));
    const byName = new Map(tables.map((t) => [formatWords(t, inputs), t]));
    const samples2 = 2 ** 20 + 777;
    const chunks = Math.ceil(samples2 / 2 ** 20);
    const whole2 = await listedCounts(arch, keys, samples2, seed);
    const parts = await Promise.all([
      listedCounts(arch, keys, samples2, seed, { start: 0, end: 1 }),
      listedCounts(arch, keys, samples2, seed, { start: 1, end: chunks }),
    ]);
    const outside = ["gaussian", "uniform"].map((k) => parts[0].summary.samplesOutside[k] + parts[1].summary.samplesOutside[k]);
    const merged = listedMonteCarloTableOf(
      arch,
      ["gaussian", "uniform"],
      samples2,
      seed,
      keys,
      parts.flatMap((p) => p.rows.map(([f, h]) => ({ table: byName.get(f) as Uint32Array, hits: h }))),
      outside,
    );
    const rows: [string, number[]][] = [];
    merged.forEachCount((t, h) => rows.push([formatWords(t, inputs), [...h]]));
    expect(rows).toEqual(whole2.rows);
    expect(merged.summary).toEqual(whole2.summary);
  }, 120_000);

  it("refuses a list that repeats a function or is not whole tables, and counts of an unlisted function", async () => {
    const { tables } = await full;
    await expect(monteCarloListedTable(arch, priorsOf(arch), 100, 1, concat([tables[0], tables[1], tables[0]]))).rejects.toThrow(/repeats table 0/);
    if (arch.tableWords === 1) {
      const two = createArchitecture("perceptron", { inputs: 6 });
      await expect(monteCarloListedTable(two, priorsOf(two), 100, 1, new Uint32Array(3))).rejects.toThrow(RangeError);
    }
    expect(() =>
      listedMonteCarloTableOf(arch, ["gaussian", "uniform"], 100, 1, tables[0], [{ table: tables[1], hits: [1, 0] }], [99, 100]),
    ).toThrow(/not in the list/);
  });
});
