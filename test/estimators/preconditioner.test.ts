/**
 * Importance preconditioners: det P = 1, the full matrix rotated back into the original axes
 * (P·M·P ∝ I), diagonal proposals from the matrix diagonals, Adam's run, and the RangeErrors for
 * singular or indefinite matrices.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseFunction } from "../../src/boolean/truthTable.js";
import { functionRegion } from "../../src/estimators/functionRegion.js";
import { buildPreconditioner, customPreconditioner, PROPOSALS } from "../../src/estimators/preconditioner.js";
import { symmetricEigen } from "../../src/estimators/symmetricEigen.js";
import type { RegionCost } from "../../src/estimators/regionCost.js";
import { toNumber } from "../../src/geometry/rational.js";
import { gaussian, perceptron } from "./_helpers/priors.js";

const arch = perceptron(3);
const region = functionRegion(arch, parseFunction("00000001"), [gaussian(arch)]);
const anchor = region.anchor!.theta;
const D = 4;

/** Determinant by Gaussian elimination with partial pivoting (independent of mathjs). */
function det(M: Float64Array, n: number): number {
  const A = Array.from({ length: n }, (_, i) => Array.from(M.subarray(i * n, (i + 1) * n)));
  let d = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    if (p !== c) {
      [A[p], A[c]] = [A[c], A[p]];
      d = -d;
    }
    d *= A[c][c];
    for (let r = c + 1; r < n; r++) {
      const f = A[r][c] / A[c][c];
      for (let k = c; k < n; k++) A[r][k] -= f * A[c][k];
    }
  }
  return d;
}

function multiply(A: Float64Array, B: Float64Array, n: number): Float64Array {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) C[i * n + j] += A[i * n + k] * B[k * n + j];
  return C;
}

/** A cost whose Hessian and Fisher are the given matrix (and whose gradient is M·θ). */
function fixedCost(M: Float64Array): RegionCost {
  return {
    name: "fixed quadratic",
    dimension: D,
    hessianMethod: "exact",
    method: "float64 (closed form)",
    relativeAccuracy: 1e-13,
    value: () => 0,
    gradient: (theta, g) => {
      for (let i = 0; i < D; i++) g[i] = M.subarray(i * D, (i + 1) * D).reduce((s, x, k) => s + x * theta[k], 0);
      return 0;
    },
    hessian: () => M,
    fisher: () => M,
    evaluations: 0,
  };
}

describe("buildPreconditioner", () => {
  const prior = gaussian(arch, "2", "1/2");
  const scales = prior.scales.map(toNumber);
  it.each(PROPOSALS.filter((p) => p !== "identity"))("%s has det P = 1", (proposal) => {
    const P = buildPreconditioner({ proposal, cost: region.cost!, anchor, prior, scales, seed: 5 });
    expect(P.proposal).toBe(proposal);
    expect(det(P.matrix!, D)).toBeCloseTo(1, 12);
    if (proposal !== "full") expect(P.diagonal).not.toBeNull();
  });
  it("full is M_z^{-1/2} rotated back: P·M_z·P is a multiple of I, P symmetric", () => {
    const P = buildPreconditioner({ proposal: "full", cost: region.cost!, anchor, prior, scales, seed: 5 }).matrix!;
    const H = region.cost!.hessian(anchor);
    const Mz = H.map((x, idx) => x * scales[Math.floor(idx / D)] * scales[idx % D]);
    const PMP = multiply(multiply(P, Mz, D), P, D);
    const c = PMP[0];
    for (let i = 0; i < D; i++)
      for (let j = 0; j < D; j++) {
        expect(P[i * D + j]).toBeCloseTo(P[j * D + i], 12);
        expect(PMP[i * D + j] / c).toBeCloseTo(i === j ? 1 : 0, 10);
      }
  });
  it("hessian and fisher use the whitened diagonal: P_kk ∝ (s_k² M_kk)^{-1/2}", () => {
    const P = buildPreconditioner({ proposal: "hessian", cost: region.cost!, anchor, prior, scales, seed: 5 }).diagonal!;
    const H = region.cost!.hessian(anchor);
    const ratio = (k: number) => P[k] * Math.sqrt(scales[k] ** 2 * H[k * D + k]);
    for (let k = 1; k < D; k++) expect(ratio(k) / ratio(0)).toBeCloseTo(1, 12);
  });
  it("adam is deterministic for a seed and depends on it", () => {
    const a = buildPreconditioner({ proposal: "adam", cost: region.cost!, anchor, prior, scales, seed: 5 });
    const b = buildPreconditioner({ proposal: "adam", cost: region.cost!, anchor, prior, scales, seed: 5 });
    const c = buildPreconditioner({ proposal: "adam", cost: region.cost!, anchor, prior, scales, seed: 6 });
    expect(a.diagonal).toEqual(b.diagonal);
    expect(a.diagonal).not.toEqual(c.diagonal);
    expect(a.evaluations).toBe(200);
  });
  it("rejects singular and indefinite matrices, and proposals without a cost", () => {
    const indefinite = Float64Array.from([2, 0, 0, 0, 0, 1, 3, 0, 0, 3, 1, 0, 0, 0, 0, 1]);
    expect(() => buildPreconditioner({ proposal: "full", cost: fixedCost(indefinite), anchor, prior, scales, seed: 1 })).toThrow(/not positive definite/);
    const singularDiag = Float64Array.from([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(() => buildPreconditioner({ proposal: "hessian", cost: fixedCost(singularDiag), anchor, prior, scales, seed: 1 })).toThrow(/singular or not positive definite.*entry 2/);
    expect(() => buildPreconditioner({ proposal: "fisher", anchor, prior, scales, seed: 1 })).toThrow(/needs a cost/);
    expect(() => customPreconditioner(new Float64Array(16), 4)).toThrow(/singular/);
  });
});

describe("symmetricEigen", () => {
  it("reconstructs random symmetric matrices: V·Λ·Vᵀ = M, VᵀV = I", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 16, maxLength: 16 }), (v) => {
        const M = new Float64Array(16);
        for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) M[i * 4 + j] = v[i * 4 + j] + v[j * 4 + i];
        const { values, vectors } = symmetricEigen(M, 4);
        for (let i = 0; i < 4; i++)
          for (let j = 0; j < 4; j++) {
            let m = 0;
            let o = 0;
            for (let k = 0; k < 4; k++) {
              m += vectors[i * 4 + k] * values[k] * vectors[j * 4 + k];
              o += vectors[k * 4 + i] * vectors[k * 4 + j];
            }
            expect(m).toBeCloseTo(M[i * 4 + j], 9);
            expect(o).toBeCloseTo(i === j ? 1 : 0, 9);
          }
      }),
      { seed: 401, numRuns: 50 },
    );
  });
});
