/**
 * The Bayesian posterior over functions given a training set S with zero-one likelihood:
 * P_B(f | S) = P(f)·[f agrees with S on S] / P(S), P(S) = Σ_{g agrees with S} P(g).
 * Its arithmetic follows P(f)'s: exact rationals where P(f) is (uniform prior, exact tables), the
 * hit counts' ratio with a Wilson interval where P(f) is Monte Carlo (the samples that agree with S
 * are a sample of the posterior), and first-order error propagation where P(f) carries an error
 * (Gaussian prior: its bound; estimators: their standard error).
 */
import { add, div, parse, type Rational, toFraction, toNumber, ZERO } from "../../geometry/rational.js";
import type { ConeMeasure } from "../../measure/prior.js";
import { wilsonInterval, Z95 } from "../../measure/wilsonInterval.js";
import type { BooleanFunction } from "../../boolean/truthTable.js";
import type { PriorMethod, PriorSource } from "./priorSource.js";
import { functionAgreesWith, type TrainingSet } from "./trainingSet.js";

/** A posterior probability. Field names are a public interface (JSON output). */
export interface PosteriorProbability {
  /** P_B(f | S). */
  readonly p: number;
  /** Exact value `p/q`, where P(f) is an exact rational. */
  readonly fraction?: string;
  /** Error of p, with the meaning of P(f)'s err (a bound for exact Gaussian, a standard error for estimators). */
  readonly err?: number;
  /** 95% interval, for sampled P(f) (Wilson for mc, p ± 1.96·err for estimators). */
  readonly ci?: [number, number];
}

/** P(S) and P_B(f | S) of every function that agrees with S and has P(f) > 0 (or was seen, mc). */
export interface BayesPosterior {
  readonly method: PriorMethod;
  /** P(S): the prior probability that a network fits S (`fraction`, `err`, `hits` as P(f) has them). */
  readonly evidence: ConeMeasure & Readonly<Record<string, unknown>>;
  /** Function bits → its posterior and prior probability. */
  readonly functions: ReadonlyMap<bigint, { readonly posterior: PosteriorProbability; readonly prior: ConeMeasure & Readonly<Record<string, unknown>> }>;
}

/**
 * The posterior given S from a table of P(f).
 * @throws RangeError when no function with P(f) > 0 agrees with S (then the posterior is undefined;
 *   for a sampled P(f): no sample agreed).
 */
export function bayesPosterior(source: PriorSource, n: number, set: TrainingSet): BayesPosterior {
  const agreeing: { bits: bigint; prior: ConeMeasure & Record<string, unknown> }[] = [];
  for (const [bits, prior] of source.measures) {
    const f: BooleanFunction = { n, bits };
    if (prior.p > 0 && functionAgreesWith(f, set)) agreeing.push({ bits, prior: prior as ConeMeasure & Record<string, unknown> });
  }
  if (agreeing.length === 0)
    throw new RangeError(`no function with P(f) > 0 ${source.method === "mc" ? "in the Monte Carlo sample " : ""}agrees with the training set; the posterior is undefined`);
  const functions = new Map<bigint, { posterior: PosteriorProbability; prior: ConeMeasure & Record<string, unknown> }>();
  const exact = agreeing.every((a) => typeof a.prior.fraction === "string");
  if (exact) {
    const values = agreeing.map((a) => parse(a.prior.fraction as string));
    const z = values.reduce((s: Rational, v) => add(s, v), ZERO);
    agreeing.forEach((a, i) => {
      const q = div(values[i], z);
      functions.set(a.bits, { posterior: { p: toNumber(q), fraction: toFraction(q) }, prior: a.prior });
    });
    return { method: source.method, evidence: { p: toNumber(z), fraction: toFraction(z) }, functions };
  }
  if (source.method === "mc") {
    const total = agreeing.reduce((s, a) => s + (a.prior.hits as number), 0);
    for (const a of agreeing) {
      const h = a.prior.hits as number;
      functions.set(a.bits, { posterior: { p: h / total, ci: wilsonInterval(h, total) }, prior: a.prior });
    }
    const samples = source.samples ?? total;
    return { method: source.method, evidence: { p: total / samples, hits: total, samples, ci: wilsonInterval(total, samples) }, functions };
  }
  const z = agreeing.reduce((s, a) => s + a.prior.p, 0);
  const zErr = agreeing.reduce((s, a) => s + ((a.prior.err as number | undefined) ?? 0), 0);
  const interval = source.method === "rao-blackwell" || source.method === "qmc";
  for (const a of agreeing) {
    const p = a.prior.p / z;
    // ∂(P/Z) = δP/Z − (P/Z)·δZ/Z; the errors are added in absolute value (a bound for bounds).
    const err = (((a.prior.err as number | undefined) ?? 0) + p * zErr) / z;
    const ci: [number, number] | undefined = interval ? [Math.max(0, p - Z95 * err), Math.min(1, p + Z95 * err)] : undefined;
    functions.set(a.bits, { posterior: { p, err, ...(ci ? { ci } : {}) }, prior: a.prior });
  }
  return { method: source.method, evidence: { p: z, err: zErr }, functions };
}
