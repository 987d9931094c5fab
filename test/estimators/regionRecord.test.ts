import { describe, expect, it } from "vitest";
import { priorFor } from "../../src/arch/architecture.js";
import { createArchitecture } from "../../src/arch/registry.js";
import { parseFunction } from "../../src/boolean/truthTable.js";
import { regionRecord } from "../../src/estimators/regionRecord.js";
import { ONE } from "../../src/geometry/rational.js";
import { gaussianPrior } from "../../src/measure/gaussianPrior.js";
import { uniformPrior } from "../../src/measure/uniformPrior.js";

describe("regionRecord", () => {
  it("exports a 2-2-1 step net's pieces in θ, an anchor that computes f, and the architecture's exact measures", () => {
    const arch = createArchitecture("step", { inputs: 2, layers: [2, 2, 1] });
    const priors = [priorFor(arch, gaussianPrior, { weight: ONE, bias: ONE }), priorFor(arch, uniformPrior, { weight: ONE, bias: ONE })];
    for (const bits of ["0110", "0001", "1011"]) {
      const f = parseFunction(bits, 2);
      const record = regionRecord(arch, f, priors);
      expect(record.parameters).toEqual(arch.parameters);
      expect(record.pieces.length).toBe(arch.measureFunction?.(f, []).pieces);
      expect(record.exact).toEqual(arch.measureFunction?.(f, priors).measures);
      const out = new Uint32Array(1);
      arch.forward(Float64Array.from(record.anchor), 1, out);
      expect(out[0]).toBe(Number(f.bits));
      for (const piece of record.pieces) {
        expect(piece.inParameters).toBe(true);
        for (const row of piece.rows) expect(row.reduce((s, a, k) => s + a * piece.witness[k], 0)).toBeGreaterThan(0);
      }
    }
  });

  it("records ReLU pieces in z with an anchor in θ and no exact value", () => {
    const arch = createArchitecture("relu", { inputs: 2, layers: [2, 2, 1] });
    const f = parseFunction("0110", 2);
    const record = regionRecord(arch, f, [priorFor(arch, gaussianPrior, { weight: ONE, bias: ONE })]);
    expect(record.pieces.every((p) => !p.inParameters)).toBe(true);
    expect(record.exact).toEqual({});
    const out = new Uint32Array(1);
    arch.forward(Float64Array.from(record.anchor), 1, out);
    expect(out[0]).toBe(Number(f.bits));
  });

  it("refuses a function the network cannot compute", () => {
    const arch = createArchitecture("perceptron", { inputs: 2 });
    expect(() => regionRecord(arch, parseFunction("0110", 2), [])).toThrow(/0110 is not realisable/);
  });
});
