/**
 * A thin, synchronous wrapper over glpk.js (GLPK compiled to WebAssembly) for small dense LPs.
 *
 * glpk.js 5 exposes a Node entry point `glpk.js/node` whose factory is async (it instantiates the
 * wasm module) but whose `solve` is synchronous. The factory runs on the first {@link loadLp}, not at
 * import, so importing the library costs nothing; until then {@link lpReady} is false and callers
 * decide by the exact simplex instead (same certified answers, slower on large cones). The CLI loads
 * it at start. Results are floating point and only ever used as candidates: every decision taken
 * from them elsewhere in geometry/ is re-checked in exact arithmetic.
 */

import type { LP } from "glpk.js/node";

type Glpk = Awaited<ReturnType<(typeof import("glpk.js/node"))["default"]>>;
let glpk: Glpk | undefined;
let loading: Promise<void> | undefined;

/** Loads and instantiates glpk.js (once; later calls return the same promise). */
export function loadLp(): Promise<void> {
  loading ??= import("glpk.js/node").then(async (m) => {
    glpk = await m.default();
  });
  return loading;
}

/** Whether glpk.js has been loaded by {@link loadLp}, so that {@link solveLp} can run. */
export function lpReady(): boolean {
  return glpk !== undefined;
}

/** Outcome of an LP solve, from GLPK's solution status. */
export type LpStatus = "optimal" | "feasible" | "infeasible" | "unbounded" | "undefined";

/** One constraint lb ≤ coef·x ≤ ub; an absent or infinite bound is no bound. */
export interface LpRow {
  readonly coef: readonly number[];
  readonly lb?: number;
  readonly ub?: number;
}

/** Bounds lb ≤ x_j ≤ ub of one variable; an absent or infinite bound is no bound. */
export interface LpBound {
  readonly lb?: number;
  readonly ub?: number;
}

/** A dense LP: optimise objective·x subject to row constraints and variable bounds. */
export interface LpProblem {
  /** "max" (default) or "min". */
  readonly direction?: "max" | "min";
  /** Objective coefficients; its length is the number of variables n. */
  readonly objective: readonly number[];
  /** Constraints, each with n coefficients. */
  readonly rows: readonly LpRow[];
  /** Per-variable bounds (length n); default: every variable free, (−∞, ∞). */
  readonly bounds?: readonly LpBound[];
}

/** Solution of {@link solveLp}, all in floating point as returned by GLPK's simplex. */
export interface LpResult {
  readonly status: LpStatus;
  /** Objective value at x (meaningful when status is "optimal" or "feasible"). */
  readonly objective: number;
  /** Primal values, length n. */
  readonly x: number[];
  /**
   * Row duals (shadow prices, GLPK's sign convention: d objective / d row bound), one per row.
   * Simplex duals; for an infeasible problem they are whatever the last basis gave.
   */
  readonly duals: number[];
}

function statusOf(glpk: Glpk, code: number): LpStatus {
  const table: Record<number, LpStatus> = {
    [glpk.GLP_OPT]: "optimal",
    [glpk.GLP_FEAS]: "feasible",
    [glpk.GLP_INFEAS]: "infeasible",
    [glpk.GLP_NOFEAS]: "infeasible",
    [glpk.GLP_UNBND]: "unbounded",
    [glpk.GLP_UNDEF]: "undefined",
  };
  return table[code] ?? "undefined";
}

function boundSpec(glpk: Glpk, lb: number | undefined, ub: number | undefined): { type: number; lb: number; ub: number } {
  const hasLb = lb !== undefined && lb !== Number.NEGATIVE_INFINITY;
  const hasUb = ub !== undefined && ub !== Number.POSITIVE_INFINITY;
  if (hasLb && hasUb) {
    return { type: lb === ub ? glpk.GLP_FX : glpk.GLP_DB, lb: lb as number, ub: ub as number };
  }
  if (hasLb) return { type: glpk.GLP_LO, lb: lb as number, ub: 0 };
  if (hasUb) return { type: glpk.GLP_UP, lb: 0, ub: ub as number };
  return { type: glpk.GLP_FR, lb: 0, ub: 0 };
}

/**
 * Solves the LP with GLPK's simplex (presolver off, so that infeasible and unbounded problems get a
 * definite status, and messages off).
 * @throws RangeError if a row or the bounds do not have one entry per variable, a coefficient is not
 *   finite, or a lower bound exceeds an upper bound; Error if glpk.js is not loaded (see lpReady).
 */
export function solveLp(problem: LpProblem): LpResult {
  if (glpk === undefined) throw new Error("solveLp: glpk.js is not loaded; await loadLp() first");
  const g = glpk;
  const n = problem.objective.length;
  const name = (j: number) => `x${j}`;
  const checkFinite = (v: readonly number[], what: string) => {
    for (const c of v)
      if (!Number.isFinite(c)) throw new RangeError(`solveLp: ${what} has non-finite entry ${c}`);
  };
  checkFinite(problem.objective, "objective");
  if (problem.bounds !== undefined && problem.bounds.length !== n) {
    throw new RangeError(`solveLp: bounds has length ${problem.bounds.length}, expected ${n}`);
  }
  const lp: LP = {
    name: "lp",
    objective: {
      direction: problem.direction === "min" ? g.GLP_MIN : g.GLP_MAX,
      name: "obj",
      vars: problem.objective.map((coef, j) => ({ name: name(j), coef })),
    },
    subjectTo: problem.rows.map((row, i) => {
      if (row.coef.length !== n) {
        throw new RangeError(`solveLp: rows[${i}] has ${row.coef.length} coefficients, expected ${n}`);
      }
      checkFinite(row.coef, `rows[${i}]`);
      if (row.lb !== undefined && row.ub !== undefined && row.lb > row.ub) {
        throw new RangeError(`solveLp: rows[${i}] has lb ${row.lb} > ub ${row.ub}`);
      }
      const vars: { name: string; coef: number }[] = [];
      row.coef.forEach((coef, j) => {
        if (coef !== 0) vars.push({ name: name(j), coef });
      });
      return { name: `r${i}`, vars, bnds: boundSpec(g, row.lb, row.ub) };
    }),
    bounds: Array.from({ length: n }, (_, j) => {
      const b = problem.bounds?.[j] ?? {};
      if (b.lb !== undefined && b.ub !== undefined && b.lb > b.ub) {
        throw new RangeError(`solveLp: bounds[${j}] has lb ${b.lb} > ub ${b.ub}`);
      }
      return { name: name(j), ...boundSpec(g, b.lb, b.ub) };
    }),
  };
  const res = g.solve(lp, { msglev: g.GLP_MSG_OFF, presol: false }).result;
  return {
    status: statusOf(g, res.status),
    objective: res.z,
    x: Array.from({ length: n }, (_, j) => res.vars[name(j)] ?? 0),
    duals: problem.rows.map((_, i) => res.dual?.[`r${i}`] ?? 0),
  };
}
