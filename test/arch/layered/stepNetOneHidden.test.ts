/**
 * A step net with one hidden unit is a perceptron h followed by an output unit on one feature
 * h ∈ {0,1}: the output computes h (c < 0 < v + c), ¬h (v + c < 0 < c) or a constant. Hence, with
 * the perceptron engine's P and the output unit's cones measured on their own:
 *   non-constant f:  P(f) = P(h = f)·P(id) + P(h = ¬f)·P(neg),
 *   constant 0:      P(0) = P(h non-constant)·P(c < 0, v + c < 0) + P(h ≡ 0)·P(c < 0) + P(h ≡ 1)·P(v + c < 0),
 * exact identities for the uniform prior (rationals compared exactly) and within the summed error
 * bounds for the Gaussian one, at unequal weight and bias scales too.
 */
import { describe, expect, it } from "vitest";
import { priorFor } from "../../../src/arch/architecture.js";
import { layeredArchitecture } from "../../../src/arch/layered/layeredArchitecture.js";
import { perceptronArchitecture } from "../../../src/arch/perceptron/perceptronArchitecture.js";
import { complement, formatFunction, parseFunction } from "../../../src/boolean/truthTable.js";
import { add, mul, parse, type Rational, rat, toFraction } from "../../../src/geometry/rational.js";
import { gaussianPrior } from "../../../src/measure/gaussianPrior.js";
import { measureOpenCone } from "../../../src/measure/measureOpenCone.js";
import type { PriorFamily } from "../../../src/measure/prior.js";
import { uniformPrior } from "../../../src/measure/uniformPrior.js";

type Measure = { p: number; err?: number; fraction?: string };

const CASES = [1, 2, 3].flatMap((n) =>
  (["binary", "signed"] as const).flatMap((encoding) =>
    [
      { w: rat(1), b: rat(1) },
      { w: rat(2), b: rat(1, 3) },
    ].map((scales) => ({ n, encoding, scales })),
  ),
);

describe("step net n-1-1 = perceptron composed with identity, negation or a constant", () => {
  it.each(CASES)("inputs $n, $encoding, scales $scales.w.num/$scales.w.den : $scales.b.num/$scales.b.den", ({ n, encoding, scales }) => {
    const step = layeredArchitecture({ activation: "step", layers: [n, 1, 1], encoding });
    const perceptron = perceptronArchitecture({ inputs: n, bias: true, encoding });
    for (const family of [uniformPrior, gaussianPrior] as PriorFamily[]) {
      const kind = family.kind;
      const stepPrior = priorFor(step, family, { weight: scales.w, bias: scales.b });
      const rows = new Map<string, Measure>();
      step.exactTable!({ priors: [stepPrior], all: false, classes: "none" }).forEachRow((r) =>
        rows.set(r.function, (r as unknown as Record<string, Measure>)[kind]),
      );
      const perc = new Map<string, Measure>();
      perceptron
        .exactTable!({ priors: [priorFor(perceptron, family, { weight: scales.w, bias: scales.b })], all: false, classes: "none" })
        .forEachRow((r) => perc.set(r.function, (r as unknown as Record<string, Measure>)[kind]));
      // The output unit's cones over (v, c).
      const out = (cone: bigint[][]) => measureOpenCone(cone, { family, scales: [scales.w, scales.b] }) as Measure;
      const id = out([[0n, -1n], [1n, 1n]]);
      const neg = out([[0n, 1n], [-1n, -1n]]);
      const both0 = out([[0n, -1n], [-1n, -1n]]);
      const c0 = out([[0n, -1n]]);
      const vc0 = out([[-1n, -1n]]);
      const zero = formatFunction({ n, bits: 0n });
      const one = formatFunction(complement({ n, bits: 0n }));
      expect(new Set(rows.keys())).toEqual(new Set(perc.keys()));
      const q = (m: Measure | undefined): Rational => parse(m?.fraction ?? "0");
      for (const [f, m] of rows) {
        const notF = formatFunction(complement(parseFunction(f, n)));
        if (f !== zero && f !== one) {
          if (kind === "uniform") {
            expect(m.fraction).toBe(toFraction(add(mul(q(perc.get(f)), q(id)), mul(q(perc.get(notF)), q(neg)))));
          } else {
            const want = perc.get(f)!.p * id.p + perc.get(notF)!.p * neg.p;
            const err = m.err! + 2 * (perc.get(f)!.err! + perc.get(notF)!.err! + id.err! + neg.err!) + 1e-15;
            expect(Math.abs(m.p - want)).toBeLessThanOrEqual(err);
          }
          continue;
        }
        if (f !== zero || kind !== "uniform") continue;
        let nonConstant = rat(0);
        for (const [g, pm] of perc) if (g !== zero && g !== one) nonConstant = add(nonConstant, q(pm));
        const want = add(add(mul(nonConstant, q(both0)), mul(q(perc.get(zero)), q(c0))), mul(q(perc.get(one)), q(vc0)));
        expect(m.fraction).toBe(toFraction(want));
      }
    }
  });
});
