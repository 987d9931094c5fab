/**
 * Exact perceptron volumes at d = 8 and 9 (7 and 8 inputs with a bias), against closed forms and
 * identities that do not use the volume methods: the constant function under both priors and both
 * encodings (test/reference/volumes89.py: Gil-Pelaez inversion and exact fractions), x1 equal to the
 * constant in the signed encoding (swapping w1 and b maps one cone onto the other and preserves
 * both priors), a function and its complement (θ ↦ −θ) and images under the symmetry group.
 * Gaussian values must agree within their stated err; uniform ones exactly. Monte Carlo agreement:
 * perceptronVolumes7MonteCarlo.test.ts.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { perceptronArchitecture } from "../../../src/arch/perceptron/perceptronArchitecture.js";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { wordsFromBigInt, wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { type BooleanFunction, formatWords, parseFunction } from "../../../src/boolean/truthTable.js";
import { ONE } from "../../../src/geometry/rational.js";
import { type GaussianColumn, gaussianPrior } from "../../../src/measure/gaussianPrior.js";
import { type UniformColumn, uniformPrior } from "../../../src/measure/uniformPrior.js";
import { readReference } from "../../reference/readReference.js";

interface Constants {
  constants: {
    inputs: number;
    signed: { gaussian: string; uniform: string };
    binary: { gaussian: string; uniform: string };
  }[];
}
const reference = readReference<Constants>("volumes89.json");
/** Test timeout (ms): a shared machine runs these several times slower than an idle core. */
const LIMIT = 120_000;

const spec = (inputs: number, encoding: "binary" | "signed"): PerceptronSpec => ({ inputs, bias: true, encoding });
const ones = (d: number) => Array.from({ length: d }, () => ONE);

function volumes(s: PerceptronSpec, f: BooleanFunction): { gaussian: GaussianColumn; uniform: UniformColumn } {
  const region = perceptronArchitecture(s).region(f);
  expect(region.realizable).toBe(true);
  const rows = region.pieces[0].rows;
  const d = s.inputs + 1;
  return { gaussian: gaussianPrior.measureCone(rows, ones(d)), uniform: uniformPrior.measureCone(rows, ones(d)) };
}

const constantOne = (n: number): BooleanFunction => parseFunction("1".repeat(2 ** n), n);
/** x1 (MSB-first: rows with x1 = 1 are the second half). */
const x1 = (n: number): BooleanFunction => parseFunction("0".repeat(2 ** (n - 1)) + "1".repeat(2 ** (n - 1)), n);

/** A threshold function from seeded integer weights (w_i ∈ −10..10, threshold through a random input). */
function randomThreshold(s: PerceptronSpec, seed: number): BooleanFunction {
  const rng = xoroshiro128plus(seed);
  const n = s.inputs;
  const x = (row: number, k: number) => {
    const bit = (row >> (n - 1 - k)) & 1;
    return s.encoding === "signed" ? 2 * bit - 1 : bit;
  };
  for (;;) {
    const w = Array.from({ length: n }, () => uniformInt(rng, -10, 10));
    const through = uniformInt(rng, 0, 2 ** n - 1);
    let b = 0.5;
    for (let k = 0; k < n; k++) b -= w[k] * x(through, k);
    let bits = "";
    for (let r = 0; r < 2 ** n; r++) {
      let a = b;
      for (let k = 0; k < n; k++) a += w[k] * x(r, k);
      bits += a > 0 ? "1" : "0";
    }
    if (bits.includes("0") && bits.includes("1")) return parseFunction(bits, n);
  }
}

function expectGaussianEqual(a: GaussianColumn, b: GaussianColumn): void {
  expect(a.converged && b.converged).toBe(true);
  expect(Math.abs(a.p - b.p)).toBeLessThanOrEqual(a.err + b.err);
}

describe("perceptron volumes at d = 8 and 9", () => {
  it("the constant function: closed forms, n = 7 both encodings, n = 8 signed", () => {
    for (const [n, encoding] of [[7, "signed"], [7, "binary"], [8, "signed"]] as const) {
      const want = reference.constants[n - 1][encoding];
      const got = volumes(spec(n, encoding), constantOne(n));
      expect(got.uniform.fraction, `${n} ${encoding}`).toBe(want.uniform);
      expect(got.gaussian.converged).toBe(true);
      // The reference has 25 digits; allow its rounding to a double besides err.
      expect(Math.abs(got.gaussian.p - Number(want.gaussian))).toBeLessThanOrEqual(got.gaussian.err + 2 ** -52 * got.gaussian.p);
    }
  }, LIMIT);

  it("the constant-function formulas agree with the exact volumes at d ≤ 7 (n = 1..6)", () => {
    for (const c of reference.constants.filter((k) => k.inputs <= 6 && k.inputs >= 4)) {
      for (const encoding of ["signed", "binary"] as const) {
        const got = volumes(spec(c.inputs, encoding), constantOne(c.inputs));
        expect(got.uniform.fraction).toBe(c[encoding].uniform);
        expect(Math.abs(got.gaussian.p - Number(c[encoding].gaussian))).toBeLessThanOrEqual(got.gaussian.err + 1e-16);
      }
    }
  }, LIMIT);

  it("x1 has the constant function's volume in the signed encoding (swap w1 ↔ b), n = 7", () => {
    const s = spec(7, "signed");
    const a = volumes(s, x1(7));
    const b = volumes(s, constantOne(7));
    expect(a.uniform.fraction).toBe(b.uniform.fraction);
    expectGaussianEqual(a.gaussian, b.gaussian);
  }, LIMIT);

  it("a function and its complement, and images under the symmetry group, have equal volumes (n = 7)", () => {
    for (const [encoding, seed] of [["binary", 3], ["signed", 4]] as const) {
      const s = spec(7, encoding);
      const arch = perceptronArchitecture(s);
      const f = randomThreshold(s, seed);
      const base = volumes(s, f);
      // Complement: θ ↦ −θ maps the cones onto each other and preserves both priors.
      const complement = parseFunction(
        formatWords(wordsFromBigInt(f.bits, 7), 7).replace(/[01]/g, (c) => (c === "0" ? "1" : "0")),
        7,
      );
      const c = volumes(s, complement);
      expect(c.uniform.fraction).toBe(base.uniform.fraction);
      expectGaussianEqual(c.gaussian, base.gaussian);
      // A seeded product of the group's generators (input swaps, input negations when signed,
      // output negation): signed permutations of θ, which preserve both priors.
      const rng = xoroshiro128plus(seed + 100);
      const t = wordsFromBigInt(f.bits, 7);
      for (let k = 0; k < 40; k++) arch.symmetries[uniformInt(rng, 0, arch.symmetries.length - 1)].actOnTable(t);
      const image: BooleanFunction = { n: 7, bits: wordsToBigInt(t) };
      expect(image.bits).not.toBe(f.bits);
      const g = volumes(s, image);
      expect(g.uniform.fraction).toBe(base.uniform.fraction);
      expectGaussianEqual(g.gaussian, base.gaussian);
    }
  }, LIMIT);
});
