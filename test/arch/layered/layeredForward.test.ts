/**
 * The batched forward pass against a naive scalar evaluation written from the definition (named
 * weights looked up by name, one row at a time), on random parameters for both activations, one
 * and two hidden layers and both encodings — the architecture's forward (a generated kernel at these
 * sizes) and the loop form alike; and the parameter naming scheme.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layeredArchitecture } from "../../../src/arch/layered/layeredArchitecture.js";
import { layeredLoopForward } from "../../../src/arch/layered/layeredForward.js";
import type { Activation, LayeredSpec } from "../../../src/arch/layered/layeredSpec.js";
import { wordsToBigInt } from "../../../src/boolean/tableWords.js";

/** out(x) from the definition, reading parameters by their printed names. */
function naive(spec: LayeredSpec, names: readonly string[], theta: readonly number[], row: number): 0 | 1 {
  const at = (name: string) => theta[names.indexOf(name)];
  const n = spec.layers[0];
  let a = Array.from({ length: n }, (_, i) => {
    const bit = (row >> (n - 1 - i)) & 1;
    return spec.encoding === "signed" ? 2 * bit - 1 : bit;
  });
  const hidden = spec.layers.slice(1, -1);
  hidden.forEach((h, l) => {
    a = Array.from({ length: h }, (_, j) => {
      let z = at(`b${l + 1}[${j + 1}]`);
      a.forEach((x, i) => (z += at(`W${l + 1}[${j + 1}][${i + 1}]`) * x));
      return spec.activation === "step" ? (z > 0 ? 1 : 0) : Math.max(z, 0);
    });
  });
  let out = at("c");
  a.forEach((x, j) => (out += at(`v[${j + 1}]`) * x));
  return out > 0 ? 1 : 0;
}

const SPECS: LayeredSpec[] = (["step", "relu"] as Activation[]).flatMap((activation) =>
  [[1, 1, 1], [2, 3, 1], [3, 2, 1], [2, 2, 2, 1], [4, 3, 2, 1], [6, 2, 1]].flatMap((layers) =>
    (["binary", "signed"] as const).map((encoding) => ({ activation, layers, encoding })),
  ),
);

describe("layeredForward", () => {
  it.each(SPECS)("$activation $layers $encoding: batches agree with the naive evaluation", (spec) => {
    const arch = layeredArchitecture(spec);
    const loop = layeredLoopForward(spec);
    const d = arch.parameters.length;
    const rows = 2 ** spec.layers[0];
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: d, maxLength: d }), { minLength: 1, maxLength: 5 }), (batch) => {
        const out = new Uint32Array(batch.length * arch.tableWords).fill(0xdeadbeef);
        const loopOut = new Uint32Array(batch.length * arch.tableWords).fill(0xdeadbeef);
        arch.forward(Float64Array.from(batch.flat()), batch.length, out);
        loop(Float64Array.from(batch.flat()), batch.length, loopOut);
        batch.forEach((theta, s) => {
          let want = 0n;
          for (let r = 0; r < rows; r++) if (naive(spec, arch.parameters, theta, r)) want |= 1n << BigInt(r);
          expect(wordsToBigInt(out.subarray(s * arch.tableWords, (s + 1) * arch.tableWords))).toBe(want);
          expect(wordsToBigInt(loopOut.subarray(s * arch.tableWords, (s + 1) * arch.tableWords))).toBe(want);
        });
      }),
      { seed: 5, numRuns: 60 },
    );
  });

  it("names parameters layer by layer: W1[j][i], b1[j], W2[k][j], b2[k], v[j], c", () => {
    const arch = layeredArchitecture({ activation: "step", layers: [2, 2, 1, 1], encoding: "binary" });
    expect(arch.parameters).toEqual([
      "W1[1][1]", "W1[1][2]", "W1[2][1]", "W1[2][2]", "b1[1]", "b1[2]", "W2[1][1]", "W2[1][2]", "b2[1]", "v[1]", "c",
    ]);
    expect(arch.groups.map((g) => [g.name, g.kind, g.indices])).toEqual([
      ["W1", "weight", [0, 1, 2, 3]],
      ["b1", "bias", [4, 5]],
      ["W2", "weight", [6, 7]],
      ["b2", "bias", [8]],
      ["v", "weight", [9]],
      ["c", "bias", [10]],
    ]);
  });

  it("rejects short buffers", () => {
    const arch = layeredArchitecture({ activation: "relu", layers: [2, 2, 1], encoding: "binary" });
    expect(() => arch.forward(new Float64Array(8), 1, new Uint32Array(1))).toThrow(/need 9/);
    expect(() => arch.forward(new Float64Array(18), 2, new Uint32Array(1))).toThrow(/need 2/);
  });
});
