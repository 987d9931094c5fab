/**
 * The method selection behind simplicialConeGaussian and coneGaussian, on prepared exact data.
 */

import type { GaussianMeasure } from "../simplicialConeGaussian.js";
import type { ExactScalar } from "./integerRows.js";
import { integerRows } from "./integerRows.js";
import { determinant } from "../../geometry/linalg.js";
import { MAX_ORTHANT_DIMENSION, plackettOrthantProbability } from "./plackettOrthant.js";
import { radialSimplexIntegral } from "./radialSimplexIntegral.js";
import { type SimplicialConeData, simplicialConeData } from "./simplicialConeData.js";

/** Which method to use for d ≥ 4. */
export type MethodChoice = "auto" | "plackett" | "radial";

/** A prepared simplicial cone: exact-derived float data, or the verdict for trivial cases. */
export type PreparedCone =
  | { readonly kind: "done"; readonly result: GaussianMeasure }
  | { readonly kind: "data"; readonly data: SimplicialConeData };

const EPS = 2 ** -52;
const TWO_PI = 2 * Math.PI;

/**
 * Cones whose widest generator pair is within this angle (radians) go to the radial cubature
 * first (cheap for them); wider ones to Plackett first. Indexed by d; measured on perceptron-cone
 * triangulations (n = 3..6) to put the switch where the two costs cross.
 */
const RADIAL_FIRST_ANGLE = [0, 0, 0, 0, 0.5, 0.6, 0.8, 1.2, 1.6, 1.6];
/**
 * Evaluation budgets of the radial cubature as first choice (about the cost of a Plackett
 * evaluation) and as fallback, indexed by d.
 */
const RADIAL_BUDGET_FIRST = [0, 0, 0, 0, 5e3, 1e4, 4e4, 1.5e5, 1e6, 2e6];
const RADIAL_BUDGET_FALLBACK = [0, 0, 0, 0, 2e6, 2e6, 4e6, 6e6, 8e6, 1e7];
/**
 * Grundmann–Möller index of the radial cubature by d: degree 17 (rounding floor ~1e-12 relative) up
 * to d = 7; degree 21 for d ≥ 8, where the integrand on a 7- or 8-simplex needs more bisections per
 * digit than the points a higher degree costs (measured on n = 7 perceptron cones: the degree-17
 * rule ran out of budget on simplicial cones that degree 21 resolves in a second).
 */
const RADIAL_INDEX = [0, 0, 0, 0, 8, 8, 8, 8, 10, 10];
/** Index of the single-region rule behind roughEstimate (degree 7). */
const ROUGH_INDEX = 3;

/**
 * Checks that `generators` is d rows of d entries, 1 ≤ d ≤ 8, naming `where` in the message.
 * @throws RangeError otherwise.
 */
export function checkGeneratorShape(generators: ArrayLike<ArrayLike<unknown>>, where: string): number {
  const d = generators.length;
  if (!Number.isInteger(d) || d < 1 || d > MAX_ORTHANT_DIMENSION) {
    throw new RangeError(`${where}: need 1 to ${MAX_ORTHANT_DIMENSION} generators, got ${d}`);
  }
  for (let i = 0; i < d; i++) {
    if (generators[i].length !== d) {
      throw new RangeError(
        `${where}: generator ${i} has ${generators[i].length} coordinates; all ${d} generators need ${d}`,
      );
    }
  }
  return d;
}

/**
 * Checks the method and tolerance options shared by simplicialConeGaussian and coneGaussian.
 * @throws RangeError naming the option and its allowed values.
 */
export function checkMethodOptions(method: unknown, absTol: number, relTol: number, where: string): void {
  if (method !== "auto" && method !== "plackett" && method !== "radial") {
    throw new RangeError(`${where}: method must be "auto", "plackett" or "radial", got ${String(method)}`);
  }
  if (!(absTol >= 0) || !(relTol >= 0)) {
    throw new RangeError(`${where}: absTol and relTol must be ≥ 0, got ${absTol}, ${relTol}`);
  }
}

/**
 * Exact preprocessing of d generator rows of d coordinates (shape already checked): integer rows,
 * then either a final answer (d = 1, degenerate cones) or the float data for the methods.
 */
export function prepareSimplicialCone(generators: ArrayLike<ArrayLike<ExactScalar>>): PreparedCone {
  const rows = integerRows(generators, "generators");
  if (rows.length === 1) {
    const result: GaussianMeasure =
      rows[0][0] === 0n
        ? { p: 0, err: 0, method: "degenerate", converged: true }
        : { p: 0.5, err: 0, method: "half-line", converged: true };
    return { kind: "done", result };
  }
  const data = simplicialConeData(rows);
  if (data.detUnit === 0 || data.facetCorrelation === undefined) {
    if (determinant(rows) === 0n) return { kind: "done", result: { p: 0, err: 0, method: "degenerate", converged: true } };
    // A full-dimensional cone too thin for doubles (e.g. scale ratios of 1e-300): its probability is
    // positive but below what the float methods resolve. Any pointed cone lies in an open half-space,
    // so 1/2 bounds it; say so rather than claim 0 exactly.
    return {
      kind: "done",
      result: {
        p: 0,
        err: 0.5,
        method: "underflow",
        converged: false,
        warning: "the cone is too thin for double precision (normalised generators with a determinant that rounds to 0); its probability is positive and below err",
      },
    };
  }
  return { kind: "data", data };
}

/**
 * A cheap positive estimate of the cone's probability (one degree-7 cubature region of the radial
 * integrand; relative error ~1e-3 for narrow cones, a small factor for wide ones), for choosing
 * tolerances before measuring.
 */
export function roughEstimate(data: SimplicialConeData): number {
  const d = data.dim;
  if (d <= 3) return measurePrepared(data, "auto", 1, 1).p;
  const r = radialSimplexIntegral(data.unit, d, {
    relTol: 1,
    absTol: Number.POSITIVE_INFINITY,
    maxEvals: 0,
    index: ROUGH_INDEX,
  });
  return radialConstant(data) * Math.abs(r.value);
}

/**
 * Measures a prepared cone (d ≥ 2): closed forms for d ≤ 3, else the method choice described in
 * simplicialConeGaussian, refining until err ≤ min(absTol, relTol·p).
 */
export function measurePrepared(
  data: SimplicialConeData,
  method: MethodChoice,
  absTol: number,
  relTol: number,
): GaussianMeasure {
  const d = data.dim;
  if (d === 2) {
    // Unit generators: sin = |det|, cos = dot; both carry ≤ 2ε relative error.
    const y = data.detUnit;
    const x = data.cosines[1];
    const p = Math.atan2(y, x) / TWO_PI;
    const err = atan2Bound(y, x, 2 * EPS * Math.abs(x)) / TWO_PI + 2 * EPS * p;
    return { p, err, method: "angle", converged: meetsTarget(err, p, absTol, relTol) };
  }
  if (d === 3) {
    const y = data.detUnit;
    const c = data.cosines;
    const sumAbs = Math.abs(c[1]) + Math.abs(c[2]) + Math.abs(c[5]);
    const x = 1 + c[1] + c[2] + c[5];
    const p = Math.atan2(y, x) / TWO_PI;
    // Each cosine carries ≤ 2ε, the three additions another 3ε of the summed magnitudes.
    const dx = EPS * (2 * sumAbs + 3 * (1 + sumAbs));
    const err = atan2Bound(y, x, dx) / TWO_PI + 2 * EPS * p;
    return { p, err, method: "van-oosterom-strackee", converged: meetsTarget(err, p, absTol, relTol) };
  }
  const plackett = (giveUpEarly: boolean): Candidate => {
    const est = plackettOrthantProbability(data.facetCorrelation!, d, absTol, relTol, giveUpEarly);
    const err = Number.isNaN(est.err) ? Number.POSITIVE_INFINITY : est.err;
    return { p: est.p, err, method: "plackett", converged: est.converged && meetsTarget(err, est.p, absTol, relTol) };
  };
  const c0 = radialConstant(data);
  const radial = (maxEvals: number): Candidate => {
    const r = radialSimplexIntegral(data.unit, d, {
      relTol,
      absTol: absTol / c0,
      maxEvals,
      index: RADIAL_INDEX[d],
    });
    const p = c0 * r.value;
    const err = Number.isNaN(r.err) ? Number.POSITIVE_INFINITY : c0 * r.err;
    return { p, err, method: "radial-cubature", converged: r.converged && meetsTarget(err, p, absTol, relTol) };
  };
  if (method === "plackett") return finalResult(plackett(false), () => radial(RADIAL_BUDGET_FALLBACK[d]), absTol, relTol);
  if (method === "radial") return finalResult(radial(RADIAL_BUDGET_FALLBACK[d]), () => plackett(false), absTol, relTol);
  let minCos = 1;
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) minCos = Math.min(minCos, data.cosines[i * d + j]);
  const radialFirst = Math.acos(minCos) <= RADIAL_FIRST_ANGLE[d];
  const first = radialFirst ? radial(RADIAL_BUDGET_FIRST[d]) : plackett(true);
  if (first.converged && usable(first)) return first;
  const second = radialFirst ? plackett(false) : radial(RADIAL_BUDGET_FALLBACK[d]);
  if (second.converged && usable(second)) return second;
  if (!radialFirst) return unconverged(better(first, second), absTol, relTol);
  // Plackett's rounding floor is absolute (~1e-15 at d = 7), so a small cone that it cannot resolve
  // still gets the radial cubature's relative accuracy, at the full budget.
  const third = radial(RADIAL_BUDGET_FALLBACK[d]);
  if (third.converged && usable(third)) return third;
  return unconverged(better(better(first, second), third), absTol, relTol);
}

type Candidate = GaussianMeasure;

/** err ≤ absTol and err ≤ relTol·p (an infinite relTol is no target, even for p = 0). */
export function meetsTarget(err: number, p: number, absTol: number, relTol: number): boolean {
  return err <= absTol && (relTol === Number.POSITIVE_INFINITY || err <= relTol * p);
}

/** A finite p in [0, 1] with a finite, non-negative err. */
function usable(c: Candidate): boolean {
  return Number.isFinite(c.p) && c.p >= 0 && c.p <= 1 && c.err >= 0 && Number.isFinite(c.err);
}

/** The candidate to report when neither converged: a usable one first, then the smaller err. */
function better(a: Candidate, b: Candidate): Candidate {
  if (usable(a) !== usable(b)) return usable(a) ? a : b;
  return b.err < a.err ? b : a;
}

/**
 * A forced method's result; if it broke down (NaN, p outside [0, 1]), the other method's estimate
 * is returned instead, never as converged, so a caller always gets a finite p.
 */
function finalResult(c: Candidate, other: () => Candidate, absTol: number, relTol: number): GaussianMeasure {
  if (usable(c)) return c.converged ? c : unconverged(c, absTol, relTol);
  const alt = other();
  const why = `${c.method} gave p = ${c.p}, err = ${c.err}; ${alt.method} used instead`;
  return { ...better(c, alt), converged: false, warning: why };
}

/** The best estimate when the tolerance was missed: converged false with a warning. */
function unconverged(c: Candidate, absTol: number, relTol: number): GaussianMeasure {
  if (!usable(c)) {
    return { p: Number.isFinite(c.p) ? Math.min(1, Math.max(0, c.p)) : 0.5, err: Number.POSITIVE_INFINITY,
      method: c.method, converged: false, warning: `${c.method} broke down (p = ${c.p}); no usable estimate` };
  }
  const target = Math.min(absTol, relTol === Number.POSITIVE_INFINITY ? absTol : relTol * c.p);
  const warning = `${c.method}: err ${c.err.toExponential(2)} misses the target ${target.toExponential(2)}`;
  return { ...c, converged: false, warning };
}

/** |det V̂|·Γ(d/2)/(2π^{d/2}): probability = this × ∫_Δ |V̂λ|^−d dλ. */
function radialConstant(data: SimplicialConeData): number {
  const d = data.dim;
  let gammaHalf = d % 2 === 0 ? 1 : Math.sqrt(Math.PI);
  for (let x = d % 2 === 0 ? 1 : 0.5; x < d / 2; x += 1) gammaHalf *= x;
  return (data.detUnit * gammaHalf) / (2 * Math.PI ** (d / 2));
}

/**
 * First-order bound on the error of atan2(y, x) when y carries 2ε relative error and x an absolute
 * error dx: |x·dy − y·dx|/(x² + y²), plus one rounding of the result.
 */
function atan2Bound(y: number, x: number, dx: number): number {
  const dy = 2 * EPS * Math.abs(y);
  return (Math.abs(x) * dy + Math.abs(y) * dx) / (x * x + y * y) + EPS * Math.abs(Math.atan2(y, x));
}
