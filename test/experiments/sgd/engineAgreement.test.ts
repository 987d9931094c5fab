import { describe, expect, it } from "vitest";
import { priorFor } from "../../../src/arch/architecture.js";
import { createArchitecture } from "../../../src/arch/registry.js";
import { formatFunction } from "../../../src/boolean/truthTable.js";
import { trainNetworks } from "../../../src/experiments/sgd/trainNetworks.js";
import { trainingSet } from "../../../src/experiments/sgd/trainingSet.js";
import { ONE } from "../../../src/geometry/rational.js";
import { priorFamily } from "../../../src/measure/priorFamilies.js";
import { tensorBackend } from "../../../src/tensor/tensorBackend.js";

// The two engines sample the same P_SGD(f | S): R independent networks each (different seeds, so
// different initial weights), compared function by function with the two-sample 5-sigma bound
// |p1 − p2| ≤ 5·√(p(1 − p)·2/R), p the pooled frequency: false-failure rate below 1e-5 over the
// ~30 functions found (the seeds are fixed, so the run is repeatable). A wrong gradient, mask or
// compaction in the tensor program moves mass between functions by far more than that.
describe("tfjs and Float64 engines: the same P_SGD within sampling error", () => {
  it("relu 3-8-1, Adam, cross-entropy, target 00010111 on rows 0, 1, 2, 7", async () => {
    await tensorBackend({ report: () => {} });
    const arch = createArchitecture("relu", { inputs: 3, layers: [3, 8, 1] });
    const prior = priorFor(arch, priorFamily("gaussian"), { weight: ONE, bias: ONE });
    const set = trainingSet({ n: 3, bits: 0b11101000n }, [0, 1, 2, 7]);
    const R = 3000;
    const common = { runs: R, optimizer: "adam", loss: "ce", learningRate: 0.01, maxSteps: 2000 } as const;
    const a = await trainNetworks(arch, prior, set, { ...common, seed: 11, engine: "float64" });
    const b = await trainNetworks(arch, prior, set, { ...common, seed: 12, engine: "tfjs" });
    expect(a.fitted).toBeGreaterThan(0.99 * R);
    expect(b.fitted).toBeGreaterThan(0.99 * R);
    expect(b.disagreements).toBeLessThanOrEqual(3);
    const keys = new Set([...a.counts.keys(), ...b.counts.keys()]);
    expect(keys.size).toBeGreaterThan(5);
    for (const bits of keys) {
      const p1 = (a.counts.get(bits) ?? 0) / a.fitted;
      const p2 = (b.counts.get(bits) ?? 0) / b.fitted;
      const p = (p1 + p2) / 2;
      expect(Math.abs(p1 - p2), formatFunction({ n: 3, bits })).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p) * 2) / R) + 1e-12);
    }
  });
});
