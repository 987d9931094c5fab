/**
 * Complexity measures that exist only for threshold functions (those a perceptron with bias
 * computes): the number of facets of the function's weight-space cone, and the minimal integer
 * weight.
 */
import type { Encoding } from "../../boolean/encoding.js";
import { type MeasureOutcome, measured, notMeasured } from "../../boolean/complexity/measureOutcome.js";
import { type BooleanFunction, rowCount, valueAt } from "../../boolean/truthTable.js";
import { analyseFunction } from "./analyseFunction.js";
import type { PerceptronSpec } from "./perceptronSpec.js";
import { verifyWitness } from "./perceptronRegion.js";

/** Why facets/minWeight have no value for a function that is not a threshold function. */
export const NOT_THRESHOLD_REASON = "not a threshold function: no perceptron weights compute it (certified by a Gordan certificate)";

/**
 * Number of facets (irredundant constraints) of f's open cone for a perceptron with bias in the
 * given input encoding, from the LP engine with exact certificates (analyseFunction).
 * @returns the count, or the reason there is none when f is not a threshold function.
 * @throws RangeError for n > 7.
 */
export function thresholdFacets(f: BooleanFunction, encoding: Encoding = "binary"): MeasureOutcome<number> {
  const region = analyseFunction({ inputs: f.n, bias: true, encoding }, f);
  return region.realizable ? measured(region.facets!) : notMeasured(NOT_THRESHOLD_REASON);
}

/** A realisation of minimal weight and how its minimality is known. */
export interface MinimalWeight {
  /** W = Σ_i |w_i|, the minimum over all integer realisations (w, t). */
  readonly value: number;
  /** Integer weights w1 … wn of one minimal realisation. */
  readonly weights: number[];
  /** Its integer threshold t: f(x) = 1 iff Σ w_i x_i ≥ t (x ∈ {0,1}^n). */
  readonly threshold: number;
  /** Weight vectors examined by the exhaustive search (after the reductions). */
  readonly searched: number;
  /** What was proved, in one sentence. */
  readonly method: string;
}

/** Most weight vectors the search examines before it gives up (never reached for n ≤ 7 in tests). */
export const MIN_WEIGHT_BUDGET = 20_000_000;

const METHOD =
  "exhaustive search by increasing weight over integer weights reduced by proved lemmas (signs from unateness, irrelevant inputs 0, weights ordered as the Chow parameters); the result is checked exactly";

/**
 * The minimal integer weight of a threshold function, the classic one: the least Σ_i |w_i| over
 * integer weights w and integer threshold t with f(x) = 1 ⇔ w·x ≥ t on binary inputs. The bias is
 * not counted (it is fixed by w up to an interval; in this library's convention, output 1 iff
 * ⟨w, x⟩ + b > 0, the realisation is w with any b in (−t, 1 − t], e.g. b = 1/2 − t, and the
 * certified integer cone point (2w, 1 − 2t) is what the exact check verifies).
 *
 * Exact, by exhaustion: a minimal realisation can be taken with w_i > 0 on inputs where f is
 * positive unate, < 0 where negative unate, 0 on irrelevant inputs (zeroing a weight of the wrong
 * sign keeps a realisation and lowers the weight), so after flipping the negative inputs the
 * weights are positive; a realisation has w_i ≥ w_j whenever input i's Chow parameter (true rows
 * with x_i = 1) exceeds j's, and inputs with equal Chow parameters are exchangeable, so the
 * weights can be taken non-increasing in Chow order. Weight sums W = 0, 1, 2, … are searched in
 * turn over all such vectors; the first W with a valid threshold is the minimum, every smaller
 * one having been excluded exhaustively.
 * @param knownThreshold set when the caller knows f is a threshold function (e.g. a row of a
 *   perceptron table): the LP realisability test, most of the cost, is skipped; the realisation
 *   found is still checked exactly.
 * @returns the minimum, or the reason there is none (not a threshold function; budget exceeded).
 * @throws RangeError for n > 7; Error if the found realisation fails the exact check (a bug).
 */
export function minimalWeight(f: BooleanFunction, budget = MIN_WEIGHT_BUDGET, knownThreshold = false): MeasureOutcome<MinimalWeight> {
  const spec: PerceptronSpec = { inputs: f.n, bias: true, encoding: "binary" };
  if (!knownThreshold && !analyseFunction(spec, f).realizable) return notMeasured(NOT_THRESHOLD_REASON);
  const n = f.n;
  const rows = rowCount(n);
  const bit = (k: number) => 1 << (n - 1 - k); // input x_{k+1}, rows MSB-first
  const v = Array.from({ length: rows }, (_, r) => valueAt(f, r));
  let flip = 0;
  const relevant: number[] = [];
  for (let k = 0; k < n; k++) {
    let up = false;
    let down = false;
    for (let r = 0; r < rows; r++) {
      if (r & bit(k)) continue;
      if (v[r] < v[r | bit(k)]) up = true;
      if (v[r] > v[r | bit(k)]) down = true;
    }
    if (down) flip |= bit(k);
    if (up || down) relevant.push(k);
  }
  // f⁺(x) = f(x ⊕ flip) is positive in every relevant input.
  const plus = (r: number) => v[r ^ flip];
  const chow = (k: number) => Array.from({ length: rows }, (_, r) => r).filter((r) => r & bit(k) && plus(r)).length;
  const chowOf = new Map(relevant.map((k) => [k, chow(k)]));
  relevant.sort((a, b) => chowOf.get(b)! - chowOf.get(a)! || a - b);
  // Only minimal true rows and maximal false rows constrain positive weights.
  const subset = (a: number, b: number) => (a & b) === a;
  const trueRows = Array.from({ length: rows }, (_, r) => r).filter((r) => plus(r));
  const falseRows = Array.from({ length: rows }, (_, r) => r).filter((r) => !plus(r));
  const minTrue = trueRows.filter((r) => !trueRows.some((s) => s !== r && subset(s, r)));
  const maxFalse = falseRows.filter((r) => !falseRows.some((s) => s !== r && subset(r, s)));
  const project = (r: number) => relevant.map((k) => ((r & bit(k)) !== 0 ? 1 : 0));
  const T = minTrue.map(project);
  const F = maxFalse.map(project);
  const m = relevant.length;
  const w = new Array<number>(m).fill(0);
  let searched = 0;
  let found: { t: number } | undefined;

  const check = (): boolean => {
    searched++;
    const dot = (x: number[]) => x.reduce((s, xi, i) => s + xi * w[i], 0);
    const lo = F.length === 0 ? -Infinity : Math.max(...F.map(dot)) + 1;
    const hi = T.length === 0 ? Infinity : Math.min(...T.map(dot));
    if (lo > hi) return false;
    found = { t: T.length === 0 ? lo : hi };
    return true;
  };
  // Non-increasing positive parts w[i..] summing to `left`, each ≤ `cap`.
  const fill = (i: number, left: number, cap: number): boolean => {
    if (i === m) return left === 0 && check();
    const rest = m - i - 1;
    for (let p = Math.min(cap, left - rest); p >= 1 && p * (rest + 1) >= left; p--) {
      w[i] = p;
      if (fill(i + 1, left - p, p)) return true;
      if (searched > budget) return false;
    }
    return false;
  };
  let total = m;
  while (!fill(0, total, total)) {
    if (searched > budget)
      return notMeasured(`the exhaustive weight search exceeded its budget of ${budget} weight vectors`);
    total++;
  }
  // Back to f's own inputs: flipping x_k negates w_k and lowers t by it.
  const weights = new Array<number>(n).fill(0);
  let threshold = found!.t;
  relevant.forEach((k, i) => {
    const negative = (flip & bit(k)) !== 0;
    weights[k] = negative ? -w[i] : w[i];
    if (negative) threshold -= w[i];
  });
  if (!verifyWitness(spec, f, [...weights.map((x) => 2 * x), 1 - 2 * threshold]))
    throw new Error(`minimalWeight: weights ${weights} with threshold ${threshold} do not realise the function`);
  return measured({ value: total, weights, threshold, searched, method: METHOD });
}
