import { describe, expect, it } from "vitest";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { realisableFunctions, toSignedWitness } from "../../../src/arch/perceptron/realisableFunctions.js";
import { wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { bruteForceFunctions, evaluateSmall, evaluateStrict } from "../_helpers/bruteForce.js";

const SPECS: PerceptronSpec[] = [
  { inputs: 0, bias: true, encoding: "binary" },
  { inputs: 0, bias: true, encoding: "signed" },
];
for (let n = 1; n <= 5; n++) {
  for (const bias of [true, false]) {
    for (const encoding of ["binary", "signed"] as const) SPECS.push({ inputs: n, bias, encoding });
  }
}
const label = (s: PerceptronSpec) => `n=${s.inputs} ${s.encoding} ${s.bias ? "bias" : "no bias"}`;

/** Every function of a set as [table, witness]. */
function entries(spec: PerceptronSpec): [bigint, number[]][] {
  const set = realisableFunctions(spec);
  const width = set.tables.length / Math.max(1, set.count);
  const d = spec.inputs + (spec.bias ? 1 : 0);
  expect(set.witnesses.length).toBe(set.count * d);
  return Array.from({ length: set.count }, (_, k) => [
    wordsToBigInt(set.tables.subarray(k * width, (k + 1) * width)),
    Array.from(set.witnesses.subarray(k * d, (k + 1) * d)),
  ]);
}

describe("realisableFunctions: published counts", () => {
  it("with bias (either encoding): 2, 4, 14, 104, 1882, 94572 for n = 0..5", () => {
    for (const encoding of ["binary", "signed"] as const) {
      expect(
        [0, 1, 2, 3, 4, 5].map((n) => realisableFunctions({ inputs: n, bias: true, encoding }).count),
      ).toEqual([2, 4, 14, 104, 1882, 94572]);
    }
  });

  it("binary without bias: 2, 6, 32, 370, 11292 for n = 1..5", () => {
    expect(
      [1, 2, 3, 4, 5].map((n) => realisableFunctions({ inputs: n, bias: false, encoding: "binary" }).count),
    ).toEqual([2, 6, 32, 370, 11292]);
  });

  it("signed without bias (self-dual threshold functions): 2, 4, 14, 104, 1882 for n = 1..5", () => {
    expect(
      [1, 2, 3, 4, 5].map((n) => realisableFunctions({ inputs: n, bias: false, encoding: "signed" }).count),
    ).toEqual([2, 4, 14, 104, 1882]);
  });

  it("rejects a perceptron without bias and without inputs", () => {
    expect(() => realisableFunctions({ inputs: 0, bias: false, encoding: "binary" })).toThrow(RangeError);
  });
});

describe("realisableFunctions: every function, every witness (n ≤ 5, all four variants)", () => {
  it.each(SPECS.map((s) => [label(s), s] as const))(
    "%s: the set equals the brute-force set and each witness realises its function",
    (_l, spec) => {
      const oracle = bruteForceFunctions(spec);
      const list = entries(spec);
      expect(list.length).toBe(oracle.size);
      let wrongWitness = 0;
      let notInOracle = 0;
      const seen = new Set<bigint>();
      list.forEach(([t, w], k) => {
        seen.add(t);
        if (!oracle.has(Number(t))) notInOracle++;
        // BigInt evaluation for n ≤ 4 and for every 16th function of 5 inputs; the exact small-integer
        // twin (cross-checked on those) for the rest of n = 5, to keep the suite fast.
        if (spec.inputs <= 4 || k % 16 === 0) {
          if (evaluateStrict(spec, w) !== t) wrongWitness++;
        }
        if (evaluateSmall(spec, w) !== Number(t)) wrongWitness++;
      });
      expect(seen.size).toBe(list.length);
      expect(notInOracle).toBe(0);
      expect(wrongWitness).toBe(0);
    },
  );

  it("with a bias both encodings have the same brute-force set (n ≤ 5)", () => {
    for (let n = 0; n <= 5; n++) {
      const b = bruteForceFunctions({ inputs: n, bias: true, encoding: "binary" });
      const s = bruteForceFunctions({ inputs: n, bias: true, encoding: "signed" });
      expect(s.size).toBe(b.size);
      let missing = 0;
      for (const t of s.keys()) if (!b.has(t)) missing++;
      expect(missing).toBe(0);
    }
  });

  it("indexOf finds every function of the set and no other (n = 3, all variants)", () => {
    for (const spec of SPECS.filter((s) => s.inputs === 3)) {
      const set = realisableFunctions(spec);
      const members = new Set(entries(spec).map(([t]) => t));
      for (let f = 0; f < 256; f++) {
        const k = set.indexOf(Uint32Array.of(f));
        expect(k >= 0, `${label(spec)} f=${f}`).toBe(members.has(BigInt(f)));
        if (k >= 0) expect(set.tables[k]).toBe(f);
      }
    }
  });

  it("without bias in the binary encoding every function has f(0) = 0", () => {
    for (let n = 1; n <= 5; n++) {
      expect(
        entries({ inputs: n, bias: false, encoding: "binary" }).filter(([t]) => (t & 1n) !== 0n),
      ).toEqual([]);
    }
  });

  it("without bias in the signed encoding every function is self-dual: f(−x) = ¬f(x)", () => {
    for (let n = 1; n <= 5; n++) {
      const rows = 2 ** n;
      let bad = 0;
      for (const [big] of entries({ inputs: n, bias: false, encoding: "signed" })) {
        const t = Number(big);
        for (let r = 0; r < rows; r++) if ((((t >>> r) ^ (t >>> (rows - 1 - r))) & 1) !== 1) bad++;
      }
      expect(bad).toBe(0);
    }
  });
});

describe("toSignedWitness", () => {
  it("maps a binary witness (w, b) to a signed witness of the same function", () => {
    for (const [t, w] of entries({ inputs: 4, bias: true, encoding: "binary" })) {
      const s = Array.from(toSignedWitness(w));
      expect(evaluateStrict({ inputs: 4, bias: true, encoding: "signed" }, s)).toBe(t);
    }
  });

  it("divides out the common factor", () => {
    expect(Array.from(toSignedWitness([2, 2, -3]))).toEqual([1, 1, -1]);
    expect(Array.from(toSignedWitness([2, 0, -1]))).toEqual([1, 0, 0]);
  });
});
