import { describe, expect, it } from "vitest";
import { minimalWeight, thresholdFacets } from "../../../src/arch/perceptron/thresholdComplexity.js";
import { type BooleanFunction, parseFunction, rowBits, rowCount } from "../../../src/boolean/truthTable.js";

function fromRule(n: number, rule: (x: number[]) => boolean): BooleanFunction {
  let bits = 0n;
  for (let r = 0; r < rowCount(n); r++) if (rule(rowBits(n, r))) bits |= 1n << BigInt(r);
  return { n, bits };
}
const ones = (x: number[]) => x.reduce((a, b) => a + b, 0);

/** Least Σ|w_i| over integer (w, t) with |w_i| ≤ 4 realising f by brute force (n ≤ 3). */
function bruteMinWeight(f: BooleanFunction): number {
  const n = f.n;
  let best = Infinity;
  const w = new Array<number>(n).fill(0);
  const visit = (i: number) => {
    if (i === n) {
      for (let t = -13; t <= 13; t++) {
        let ok = true;
        for (let r = 0; r < rowCount(n) && ok; r++) {
          const s = rowBits(n, r).reduce((a, x, k) => a + x * w[k], 0);
          ok = (s >= t) === (((f.bits >> BigInt(r)) & 1n) === 1n);
        }
        if (ok) best = Math.min(best, w.reduce((a, x) => a + Math.abs(x), 0));
      }
      return;
    }
    for (let v = -4; v <= 4; v++) {
      w[i] = v;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

describe("thresholdFacets", () => {
  it("AND, OR, majority; null with a reason for XOR", () => {
    expect(thresholdFacets(parseFunction("0001"))).toEqual({ ok: true, value: 3 });
    expect(thresholdFacets(parseFunction("0111"))).toEqual({ ok: true, value: 3 });
    // Majority of 3: the six rows with two inputs equal … exactly the rows of weight 1 and 2.
    expect(thresholdFacets(parseFunction("00010111"))).toEqual({ ok: true, value: 6 });
    expect(thresholdFacets(parseFunction("00010111"), "signed")).toEqual({ ok: true, value: 6 });
    const xor = thresholdFacets(parseFunction("0110"));
    expect(xor.ok).toBe(false);
    expect(!xor.ok && xor.reason).toMatch(/not a threshold function/);
  });
});

describe("minimalWeight", () => {
  it("AND, OR, majority of 3 and 5", () => {
    const and = minimalWeight(parseFunction("0001"));
    expect(and.ok && [and.value.value, and.value.weights, and.value.threshold]).toEqual([2, [1, 1], 2]);
    const or = minimalWeight(parseFunction("0111"));
    expect(or.ok && [or.value.value, or.value.weights, or.value.threshold]).toEqual([2, [1, 1], 1]);
    const maj3 = minimalWeight(parseFunction("00010111"));
    expect(maj3.ok && [maj3.value.weights, maj3.value.threshold]).toEqual([[1, 1, 1], 2]);
    const maj5 = minimalWeight(fromRule(5, (x) => ones(x) >= 3));
    expect(maj5.ok && maj5.value.weights).toEqual([1, 1, 1, 1, 1]);
  });

  it("negated and irrelevant inputs, constants", () => {
    // x1 and not x3 (x2 irrelevant): w = (1, 0, −1), f = 1 iff x1 − x3 ≥ 1.
    const f = fromRule(3, (x) => x[0] === 1 && x[2] === 0);
    const r = minimalWeight(f);
    expect(r.ok && [r.value.value, r.value.weights, r.value.threshold]).toEqual([2, [1, 0, -1], 1]);
    const zero = minimalWeight(parseFunction("0000"));
    expect(zero.ok && [zero.value.value, zero.value.threshold]).toEqual([0, 1]);
    const one = minimalWeight(parseFunction("11111111"));
    expect(one.ok && [one.value.value, one.value.threshold]).toEqual([0, 0]);
  });

  it("equals brute force on every threshold function of n ≤ 3", () => {
    for (let n = 1; n <= 3; n++)
      for (let t = 0; t < 1 << rowCount(n); t++) {
        const f = { n, bits: BigInt(t) };
        const r = minimalWeight(f);
        const brute = bruteMinWeight(f);
        expect(r.ok ? r.value.value : Infinity).toBe(brute);
      }
  });

  it("a known larger case: x1 x2 ∨ x1 x3 ∨ x2 x3 x4 style weights (2,1,1,1) on 4 inputs", () => {
    // f = 1 iff 2x1 + x2 + x3 + x4 ≥ 3: no smaller integer weights realise it.
    const f = fromRule(4, (x) => 2 * x[0] + x[1] + x[2] + x[3] >= 3);
    const r = minimalWeight(f);
    expect(r.ok && [r.value.value, r.value.weights, r.value.threshold]).toEqual([5, [2, 1, 1, 1], 3]);
  });

  it("n = 7 finishes", () => {
    const f = fromRule(7, (x) => 13 * x[0] + 11 * x[1] + 7 * x[2] + 5 * x[3] + 3 * x[4] + 2 * x[5] + x[6] >= 21);
    const r = minimalWeight(f);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.value).toBeLessThanOrEqual(42);
  });

  it("XOR has none, with a reason", () => {
    const r = minimalWeight(parseFunction("0110"));
    expect(r.ok).toBe(false);
  });
});
