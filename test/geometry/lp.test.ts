import { describe, expect, it } from "vitest";
import { solveLp } from "../../src/geometry/lp.js";

describe("solveLp", () => {
  it("solves a small maximisation with its duals", () => {
    const r = solveLp({
      objective: [0.6, 0.5],
      rows: [
        { coef: [1, 2], ub: 1 },
        { coef: [3, 1], ub: 2 },
      ],
      bounds: [{ lb: 0 }, { lb: 0 }],
    });
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(0.46, 12);
    expect(r.x[0]).toBeCloseTo(0.6, 12);
    expect(r.x[1]).toBeCloseTo(0.2, 12);
    expect(r.duals[0]).toBeCloseTo(0.18, 12);
    expect(r.duals[1]).toBeCloseTo(0.14, 12);
  });

  it("minimises, and treats variables without bounds as free", () => {
    const r = solveLp({ direction: "min", objective: [1], rows: [{ coef: [1], lb: -3 }] });
    expect(r.status).toBe("optimal");
    expect(r.x[0]).toBeCloseTo(-3, 12);
  });

  it("reports infeasible and unbounded problems", () => {
    expect(
      solveLp({
        objective: [1],
        rows: [
          { coef: [1], lb: 1 },
          { coef: [1], ub: 0 },
        ],
      }).status,
    ).toBe("infeasible");
    expect(solveLp({ objective: [1], rows: [{ coef: [1], lb: 0 }] }).status).toBe("unbounded");
  });

  it("rejects malformed problems, naming the argument", () => {
    expect(() => solveLp({ objective: [1, 2], rows: [{ coef: [1] }] })).toThrow(/rows\[0\] has 1/);
    expect(() => solveLp({ objective: [1], rows: [], bounds: [] })).toThrow(/bounds has length 0/);
    expect(() => solveLp({ objective: [Number.NaN], rows: [] })).toThrow(/objective/);
    expect(() => solveLp({ objective: [1], rows: [{ coef: [1], lb: 2, ub: 1 }] })).toThrow(/lb 2 > ub 1/);
  });
});
