/**
 * How table and volume settle --method and --samples for ReLU nets: the Rao-Blackwell integrand on
 * scrambled Sobol' points (qmc) by default where the estimators apply, mc elsewhere, rao-blackwell on
 * request; the default sample count grows no slower than the cost per sample falls.
 */
import { describe, expect, it } from "vitest";
import { layeredArchitecture } from "../../src/arch/layered/layeredArchitecture.js";
import { DEFAULT_RELU_ESTIMATOR, defaultReluSamples, settleReluMethod } from "../../src/cli/reluEstimates.js";
import { UsageError } from "../../src/cli/usageError.js";

const relu = (...layers: number[]) => layeredArchitecture({ activation: "relu", layers, encoding: "binary" });

describe("settleReluMethod", () => {
  it("defaults to qmc with the default sample count where the estimators apply", () => {
    const arch = relu(2, 2, 1);
    const opts = { method: "exact", samples: 1_000_000 };
    expect(settleReluMethod(arch, opts, new Set(), true)).toBe("qmc");
    expect(DEFAULT_RELU_ESTIMATOR).toBe("qmc");
    expect(opts).toEqual({ method: "qmc", samples: defaultReluSamples(arch) });
    // 16 scrambles of a power-of-two point count each (Sobol' nets are balanced at powers of two).
    expect(Number.isInteger(Math.log2(defaultReluSamples(arch) / 16))).toBe(true);
  });

  it("keeps a given method and sample count; mc where the estimators do not apply", () => {
    const opts = { method: "rao-blackwell", samples: 5000 };
    expect(settleReluMethod(relu(2, 2, 1), opts, new Set(["method", "samples"]), true)).toBe("rao-blackwell");
    expect(opts.samples).toBe(5000);
    const wide = { method: "exact", samples: 1_000_000 };
    expect(settleReluMethod(relu(2, 3, 1), wide, new Set(), true)).toBeUndefined();
    expect(wide).toEqual({ method: "mc", samples: 1_000_000 });
    // Beyond the Sobol' dimensions (2·30 + 30 + 30·2 + 2 = 152 hidden parameters), i.i.d. Rao-Blackwell.
    const deep = { method: "exact", samples: 1_000_000 };
    expect(settleReluMethod(relu(2, 30, 2, 1), deep, new Set(), true)).toBe("rao-blackwell");
    const step = { method: "exact", samples: 1_000_000 };
    expect(settleReluMethod(layeredArchitecture({ activation: "step", layers: [2, 2, 1], encoding: "binary" }), step, new Set(), false)).toBeUndefined();
    expect(step.method).toBe("exact");
  });

  it("rejects an estimator where it does not apply, and --workers with one", () => {
    expect(() => settleReluMethod(relu(2, 3, 1), { method: "qmc", samples: 1 }, new Set(["method"]), true)).toThrow(UsageError);
    expect(() => settleReluMethod(relu(2, 2, 1), { method: "qmc", samples: 1 }, new Set(["method", "workers"]), true)).toThrow(/runs in-process/);
  });

  it("default sample counts do not grow with the inputs (a sample costs more there)", () => {
    const counts = [2, 3, 4].map((n) => defaultReluSamples(relu(n, 2, 1)));
    expect(counts[0]).toBeGreaterThanOrEqual(counts[1]);
    expect(counts[1]).toBeGreaterThanOrEqual(counts[2]);
    for (const c of counts) expect(c / 16).toBeGreaterThanOrEqual(2);
  });
});
