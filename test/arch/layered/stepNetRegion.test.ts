/**
 * Step-net regions as unions of block-diagonal products of perceptron cones:
 * - random parameters land in exactly one piece of the function they compute (decided exactly on
 *   the doubles read as rationals), so the pieces are disjoint and cover the region;
 * - each piece's rows split into unit blocks (no row mixes two units), and the sum over pieces of
 *   the product of the blocks' exact uniform measures is the table's P(f);
 * - unrealisable functions get an exhaustive certificate, huge regions a clear refusal.
 */
import { gaussianSampler } from "../_helpers/gaussianSampler.js";
import { describe, expect, it } from "vitest";
import { priorFor } from "../../../src/arch/architecture.js";
import { layeredArchitecture } from "../../../src/arch/layered/layeredArchitecture.js";
import { layerBlocks, type LayeredSpec, unitIndices } from "../../../src/arch/layered/layeredSpec.js";
import { wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { parseFunction } from "../../../src/boolean/truthTable.js";
import { add, fromNumber, mul, ONE, parse, rat, sign, toFraction, ZERO } from "../../../src/geometry/rational.js";
import { measureOpenCone } from "../../../src/measure/measureOpenCone.js";
import { uniformPrior } from "../../../src/measure/uniformPrior.js";


describe("step-net regions", () => {
  it.each([
    { layers: [2, 2, 1], encoding: "binary" },
    { layers: [2, 2, 1], encoding: "signed" },
    { layers: [2, 1, 2, 1], encoding: "binary" },
    { layers: [3, 1, 1], encoding: "signed" },
  ] as const)("$layers $encoding: random θ lies in exactly one piece of the function it computes", (s) => {
    const spec: LayeredSpec = { activation: "step", layers: s.layers, encoding: s.encoding };
    const arch = layeredArchitecture(spec);
    const d = arch.parameters.length;
    const normal = gaussianSampler(99);
    const regions = new Map<bigint, ReturnType<typeof arch.region>>();
    const out = new Uint32Array(1);
    for (let k = 0; k < 150; k++) {
      const theta = Float64Array.from({ length: d }, normal);
      arch.forward(theta, 1, out);
      const bits = wordsToBigInt(out);
      let region = regions.get(bits);
      if (!region) {
        region = arch.region({ n: arch.inputs, bits });
        regions.set(bits, region);
      }
      const q = Array.from(theta, fromNumber);
      const inside = region.pieces.filter((p) => p.rows.every((r) => sign(r.reduce((acc, a, i) => add(acc, mul(rat(a), q[i])), ZERO)) > 0));
      expect(inside).toHaveLength(1);
    }
  });

  it("2-2-1: pieces are unit blocks whose measures multiply and add up to the table's exact P(f)", () => {
    const spec: LayeredSpec = { activation: "step", layers: [2, 2, 1], encoding: "binary" };
    const arch = layeredArchitecture(spec);
    const prior = priorFor(arch, uniformPrior, { weight: ONE, bias: rat(1, 2) });
    const table = new Map<string, { fraction: string; pieces: number }>();
    arch.exactTable!({ priors: [prior], all: false, classes: "none" }).forEachRow((r) => {
      const row = r as unknown as { function: string; uniform: { fraction: string }; pieces: number };
      table.set(row.function, { fraction: row.uniform.fraction, pieces: row.pieces });
    });
    const units = layerBlocks(spec).flatMap((b) => Array.from({ length: b.units }, (_, j) => unitIndices(b, j)));
    for (const [f, want] of table) {
      const region = arch.region(parseFunction(f, 2));
      expect(region.pieces).toHaveLength(want.pieces);
      let total = ZERO;
      for (const piece of region.pieces) {
        let p = ONE;
        let rowsSeen = 0;
        for (const idx of units) {
          const block = piece.rows.filter((r) => idx.some((i) => r[i] !== 0n));
          for (const r of block) expect(r.every((c, i) => c === 0n || idx.includes(i))).toBe(true);
          rowsSeen += block.length;
          const m = measureOpenCone(
            block.map((r) => idx.map((i) => r[i])),
            { family: uniformPrior, scales: idx.map((i) => prior.scales[i]) },
          );
          p = mul(p, parse(m.fraction));
        }
        expect(rowsSeen).toBe(piece.rows.length);
        total = add(total, p);
      }
      expect(toFraction(total)).toBe(want.fraction);
    }
  });

  it("an unrealisable function has an exhaustive certificate; a region of a million pieces is refused", () => {
    const arch = layeredArchitecture({ activation: "step", layers: [3, 2, 1], encoding: "binary" });
    const parity = arch.region(parseFunction("01101001", 3));
    expect(parity.realizable).toBe(false);
    expect(parity.pieces).toEqual([]);
    expect(parity.certificate?.kind).toMatch(/exhaustive/);
    const big = layeredArchitecture({ activation: "step", layers: [3, 3, 1], encoding: "binary" });
    expect(() => big.region(parseFunction("00000000", 3))).toThrow(/1124864 pieces/);
    expect(big.measureFunction!(parseFunction("00000000", 3), []).pieces).toBe(1124864);
  });
});
