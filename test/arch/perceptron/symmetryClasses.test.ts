import { describe, expect, it } from "vitest";
import { functionSource } from "../../../src/arch/perceptron/functionSource.js";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { ClassPartition, volumeSymmetry } from "../../../src/arch/perceptron/symmetryClasses.js";
import { NPN_CLASS_COUNTS } from "../../../src/arch/perceptron/thresholdEnumeration.js";
import { wordCount, wordsFromBigInt, wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { walkGroup } from "../../../src/boolean/symmetryGroup.js";
import { permutations } from "../../boolean/_helpers/naiveBoolean.js";
import { evaluateSmall } from "../_helpers/bruteForce.js";
import { VARIANTS } from "../_helpers/variants.js";

const label = (s: PerceptronSpec) => `n=${s.inputs} ${s.encoding} ${s.bias ? "bias" : "no bias"}`;

/**
 * The orbit of f under the prior-preserving maps of weight space, computed on a witness θ: every
 * permutation of the weights, sign changes of weights (signed encoding only), and θ ↦ −θ. These
 * maps permute and negate coordinates of θ (the bias stays in place), so they preserve both priors.
 */
function weightSpaceOrbit(spec: PerceptronSpec, theta: number[]): Set<bigint> {
  const n = spec.inputs;
  const out = new Set<bigint>();
  for (const perm of permutations(n)) {
    for (let m = 0; m < (spec.encoding === "signed" ? 2 ** n : 1); m++) {
      for (const sign of [1, -1]) {
        const image = perm.map((p, i) => sign * theta[p] * ((m >> i) & 1 ? -1 : 1));
        if (spec.bias) image.push(sign * theta[n]);
        const f = evaluateSmall(spec, image);
        expect(f).not.toBeNull();
        out.add(BigInt(f!));
      }
    }
  }
  return out;
}

describe("volumeSymmetry", () => {
  it("is permutations (+ input negations when signed), with θ ↦ −θ as the output map", () => {
    for (const v of VARIANTS) {
      const s = volumeSymmetry({ inputs: 3, ...v });
      expect(s.group).toEqual({
        permuteInputs: true,
        negateInputs: v.encoding === "signed",
        negateOutput: false,
      });
      expect(s.order).toBe(v.encoding === "signed" ? 6 * 8 * 2 : 6 * 2);
    }
  });

  it("negateOutput is ¬f, keeping f(0) = 0 without bias in the binary encoding", () => {
    const t = Uint32Array.of(0b0110_1000);
    volumeSymmetry({ inputs: 3, bias: true, encoding: "binary" }).negateOutput(t);
    expect(t[0]).toBe(0b1001_0111);
    const u = Uint32Array.of(0b0110_1000);
    volumeSymmetry({ inputs: 3, bias: false, encoding: "binary" }).negateOutput(u);
    expect(u[0]).toBe(0b1001_0110);
  });

  it("orbits in function space = orbits of a witness under the weight-space maps (n ≤ 3 every function, n = 4 every 19th)", () => {
    for (let n = 1; n <= 4; n++) {
      for (const v of VARIANTS) {
        const spec: PerceptronSpec = { inputs: n, ...v };
        const source = functionSource(spec);
        const symmetry = volumeSymmetry(spec);
        let checked = 0;
        source.forEach((table, witness) => {
          if (checked++ % (n === 4 ? 19 : 1) !== 0) return;
          const mine = new Set<bigint>();
          walkGroup(Uint32Array.from(table), n, symmetry.group, (image) => {
            mine.add(wordsToBigInt(image));
            symmetry.negateOutput(image);
            mine.add(wordsToBigInt(image));
            symmetry.negateOutput(image);
          });
          expect(mine, `${label(spec)} ${table[0]}`).toEqual(weightSpaceOrbit(spec, Array.from(witness)));
        });
      }
    }
  });
});

describe("ClassPartition", () => {
  it("Σ orbit sizes = number of functions, orbits divide the group order; signed with bias gives the NPN classes 1, 2, 3, 6, 15, 63 (n ≤ 5, all variants)", () => {
    const npn: number[] = [];
    for (let n = 0; n <= 5; n++) {
      for (const v of VARIANTS) {
        if (!v.bias && n === 0) continue;
        const spec: PerceptronSpec = { inputs: n, ...v };
        const source = functionSource(spec);
        const partition = new ClassPartition(spec, wordCount(n), source.count);
        const order = volumeSymmetry(spec).order;
        let sum = 0;
        let starts = 0;
        let bad = 0;
        source.forEach((t) => {
          const orbit = partition.visit(t);
          if (orbit > 0) {
            starts++;
            sum += orbit;
            if (order % orbit !== 0) bad++;
          }
        });
        expect(sum, label(spec)).toBe(source.count);
        expect(starts).toBe(partition.classes);
        expect(bad).toBe(0);
        if (v.bias && v.encoding === "signed") npn.push(partition.classes);
      }
    }
    expect(npn).toEqual(NPN_CLASS_COUNTS.slice(0, 6));
  });

  it("the NPN shortcut (signed with bias) gives the same classes, orbits and class indices as walking orbits", () => {
    for (let n = 0; n <= 4; n++) {
      const spec: PerceptronSpec = { inputs: n, bias: true, encoding: "signed" };
      const source = functionSource(spec);
      const walked = new ClassPartition(spec, wordCount(n), source.count);
      const shortcut = new ClassPartition(spec, wordCount(n), source.count, source.enumeration);
      source.forEach((t) => {
        expect(shortcut.visit(t)).toBe(walked.visit(t));
        expect(shortcut.classOf(t)).toBe(walked.classOf(t));
      });
      expect(shortcut.classes).toBe(walked.classes);
    }
  });

  it("returns the orbit size once per class and 0 for the other members", () => {
    const spec: PerceptronSpec = { inputs: 2, bias: true, encoding: "binary" };
    const p = new ClassPartition(spec, 1, 16);
    // Binary encoding: permutations and θ ↦ −θ only (negating an input is a shear, not a symmetry).
    expect(p.visit(wordsFromBigInt(0b1000n, 2))).toBe(2); // AND, NAND
    expect(p.visit(wordsFromBigInt(0b0111n, 2))).toBe(0); // NAND is in AND's class
    expect(p.visit(wordsFromBigInt(0b0001n, 2))).toBe(2); // NOR, OR: not in AND's class here
    expect(p.visit(wordsFromBigInt(0b1100n, 2))).toBe(4); // x1, x2, ¬x1, ¬x2
    expect(p.visit(wordsFromBigInt(0b0100n, 2))).toBe(4); // x1 ∧ ¬x2, ¬x1 ∧ x2 and their negations
    expect(p.visit(wordsFromBigInt(0n, 2))).toBe(2); // const 0, const 1
    expect(p.classes).toBe(5);
    // The signed encoding adds input negations: all eight one-point functions and negations form one class.
    const q = new ClassPartition({ inputs: 2, bias: true, encoding: "signed" }, 1, 16);
    expect(q.visit(wordsFromBigInt(0b1000n, 2))).toBe(8);
    expect(q.visit(wordsFromBigInt(0b0001n, 2))).toBe(0);
  });
});
