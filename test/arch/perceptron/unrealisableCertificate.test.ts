import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import {
  type UnrealisableCertificate,
  unrealisableCertificate,
  verifyUnrealisableCertificate,
} from "../../../src/arch/perceptron/unrealisableCertificate.js";
import { type BooleanFunction, parseFunction } from "../../../src/boolean/truthTable.js";
import { bruteForceFunctions, inputVector } from "../_helpers/bruteForce.js";
import { VARIANTS } from "../_helpers/variants.js";

const specOf = (inputs: number, v: (typeof VARIANTS)[number]): PerceptronSpec => ({ inputs, ...v });

/**
 * Independent check written from the definition: rows parsed from their names, s = ±1 from f,
 * Σ weight·s·(x[, 1]) = 0 with positive weights, and no row that constrains nothing.
 */
function independentlyValid(spec: PerceptronSpec, f: BooleanFunction, c: UnrealisableCertificate): boolean {
  const d = spec.inputs + (spec.bias ? 1 : 0);
  const total = new Array<number>(d).fill(0);
  for (const m of c.multipliers) {
    const r = parseInt(m.row.slice(2) || "0", 2);
    const value = Number((f.bits >> BigInt(r)) & 1n);
    if (m.output !== value || m.weight <= 0) return false;
    // Without bias in the binary encoding, input 0 only constrains when f(0) = 1 (0 > 0 is impossible).
    if (!spec.bias && spec.encoding === "binary" && r === 0 && value === 0) return false;
    const x = [...inputVector(spec.inputs, r, spec.encoding), ...(spec.bias ? [1] : [])];
    x.forEach((v, i) => {
      total[i] += m.weight * (value === 1 ? v : -v);
    });
  }
  return c.multipliers.length > 0 && total.every((v) => v === 0);
}

function checkFunction(spec: PerceptronSpec, bits: number, realisable: Map<number, number[]>): void {
  const f = { n: spec.inputs, bits: BigInt(bits) };
  const c = unrealisableCertificate(spec, f);
  if (realisable.has(bits)) {
    expect(c).toBeNull();
    return;
  }
  expect(c).not.toBeNull();
  const cert = c as UnrealisableCertificate;
  expect(independentlyValid(spec, f, cert)).toBe(true);
  expect(verifyUnrealisableCertificate(spec, f, cert)).toBe(true);
}

describe("unrealisableCertificate", () => {
  it("certifies XOR by its four rows with weight 1, in both encodings", () => {
    const xor = parseFunction("0110");
    for (const encoding of ["binary", "signed"] as const) {
      expect(unrealisableCertificate({ inputs: 2, bias: true, encoding }, xor)).toEqual({
        kind: "gordan",
        multipliers: [
          { row: "x=00", output: 0, weight: 1 },
          { row: "x=01", output: 1, weight: 1 },
          { row: "x=10", output: 1, weight: 1 },
          { row: "x=11", output: 0, weight: 1 },
        ],
      });
    }
  });

  it("blames the zero input when f(0) = 1 without bias in the binary encoding", () => {
    const f = parseFunction("1111");
    expect(unrealisableCertificate({ inputs: 2, bias: false, encoding: "binary" }, f)).toEqual({
      kind: "gordan",
      multipliers: [{ row: "x=00", output: 1, weight: 1 }],
    });
  });

  it("returns null for AND and certifies every unrealisable function for n ≤ 3, every variant", () => {
    expect(unrealisableCertificate({ inputs: 2, bias: true, encoding: "binary" }, parseFunction("0001"))).toBeNull();
    for (const v of VARIANTS) {
      for (let n = v.bias ? 0 : 1; n <= 3; n++) {
        const spec = specOf(n, v);
        const realisable = bruteForceFunctions(spec);
        for (let bits = 0; bits < 2 ** 2 ** n; bits++) checkFunction(spec, bits, realisable);
      }
    }
  });

  it("certifies random functions of 4 inputs, every variant", () => {
    const oracles = VARIANTS.map((v) => bruteForceFunctions(specOf(4, v)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 0xffff }), (k, bits) => {
        checkFunction(specOf(4, VARIANTS[k]), bits, oracles[k]);
      }),
      { seed: 4242, numRuns: 200 },
    );
  });

  it("the verifier rejects tampered certificates", () => {
    const spec: PerceptronSpec = { inputs: 2, bias: true, encoding: "binary" };
    const xor = parseFunction("0110");
    const good = unrealisableCertificate(spec, xor) as UnrealisableCertificate;
    const tamper = (i: number, change: object): UnrealisableCertificate => ({
      kind: "gordan",
      multipliers: good.multipliers.map((m, k) => (k === i ? { ...m, ...change } : m)),
    });
    expect(verifyUnrealisableCertificate(spec, xor, good)).toBe(true);
    expect(verifyUnrealisableCertificate(spec, xor, tamper(0, { weight: 2 }))).toBe(false);
    expect(verifyUnrealisableCertificate(spec, xor, tamper(0, { weight: 0 }))).toBe(false);
    expect(verifyUnrealisableCertificate(spec, xor, tamper(1, { output: 0 }))).toBe(false);
    expect(verifyUnrealisableCertificate(spec, xor, tamper(1, { row: "x=00" }))).toBe(false);
    expect(verifyUnrealisableCertificate(spec, xor, tamper(1, { row: "x=1" }))).toBe(false);
    expect(verifyUnrealisableCertificate(spec, xor, { kind: "gordan", multipliers: good.multipliers.slice(1) })).toBe(
      false,
    );
    expect(verifyUnrealisableCertificate(spec, xor, { kind: "gordan", multipliers: [] })).toBe(false);
    // Without bias (binary) input 0 has output 0 for free: it may not be used as a constraint.
    const noBias: PerceptronSpec = { inputs: 1, bias: false, encoding: "binary" };
    const zero = parseFunction("00");
    expect(
      verifyUnrealisableCertificate(noBias, zero, { kind: "gordan", multipliers: [{ row: "x=0", output: 0, weight: 1 }] }),
    ).toBe(false);
  });

  it("rejects a function of the wrong size", () => {
    expect(() => unrealisableCertificate({ inputs: 3, bias: true, encoding: "binary" }, parseFunction("0110"))).toThrow(
      /function has 2 inputs but the perceptron has 3/,
    );
  });
});
