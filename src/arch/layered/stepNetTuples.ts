/**
 * The enumeration behind every exact step-net result: hidden-function tuples layer by layer, then
 * the output unit's labelling, each with its probability Π_j P(h_j) · P_out.
 *
 * A state is the feature map φ of the layer below (input row r ↦ the point φ(r) ∈ {0,1}^m its
 * units output, as an index MSB-first like a truth-table row; for the first layer φ(r) = r). Each
 * unit of the next layer picks a labelling g of the points S = φ(rows) that occur (a UnitOption);
 * the new feature of row r is (g_1(φ(r)), …, g_h(φ(r))). Two inputs with the same feature vector
 * get the same output, so a function f arises from φ iff it is constant on φ's fibres, with the
 * output labelling g(φ(r)) = f(r).
 *
 * In `multisets` mode a layer's units take non-decreasing option indices and each multiset is
 * weighted by its number of orderings (h!/Π c_k!): permuting a layer's units with their outgoing
 * weights preserves the prior (stepNetPlan checks the scales) and maps the sum over one ordering
 * onto the other's. `ordered` mode visits every tuple (the pieces of a region).
 */
import { mulValues, oneValue, type ProductValue, timesValue } from "./productValue.js";
import type { StepNetPlan } from "./stepNetPlan.js";
import type { UnitOption } from "./unitCatalogue.js";

/** One term: a tuple of unit options (every hidden layer, then the output) and the function it computes. */
export interface StepNetTerm {
  /** The function as a bit mask over the 2^n input rows (bit r = f(row r)). */
  readonly f: number;
  /** Π of the options' probabilities (times `orderings` in multisets mode), per prior. */
  readonly values: readonly ProductValue[];
  /** Number of ordered tuples this term stands for (1 in ordered mode). */
  readonly orderings: number;
  /** The options per layer in unit order; the last layer holds the output's one option. Reused between calls. */
  readonly options: readonly (readonly UnitOption[])[];
  /** The feature maps φ of every layer's input (φ_0 = identity on rows). Reused between calls. */
  readonly features: readonly Int32Array[];
}

/** How to enumerate. */
export interface TupleOptions {
  /** Visit multisets weighted by their orderings (tables), or every ordered tuple (regions). */
  readonly mode: "multisets" | "ordered";
  /** Only terms computing this function (bit mask over rows). */
  readonly target?: number;
}

function factorial(k: number): number {
  let r = 1;
  for (let i = 2; i <= k; i++) r *= i;
  return r;
}

/** Visits every term of the plan's net (see the file comment). */
export function forEachStepNetTerm(plan: StepNetPlan, options: TupleOptions, visit: (term: StepNetTerm) => void): void {
  const L = plan.spec.layers;
  const rows = 2 ** L[0];
  const layers = plan.catalogues.length;
  const kinds = plan.priors.map((p) => p.family.kind as "uniform" | "gaussian");
  const ones = kinds.map(oneValue);
  const features = Array.from({ length: layers + 1 }, () => new Int32Array(rows));
  for (let r = 0; r < rows; r++) features[0][r] = r;
  const chosen: UnitOption[][] = plan.blocks.map((b) => new Array<UnitOption>(b.units));
  const multisets = options.mode === "multisets";
  const target = options.target;

  const output = (phi: Int32Array, weight: readonly ProductValue[], orderings: number) => {
    const cat = plan.catalogues[layers - 1];
    let points = 0;
    for (let r = 0; r < rows; r++) points |= 1 << phi[r];
    const opts = cat.options(points >>> 0);
    const emit = (o: UnitOption, f: number) => {
      chosen[layers - 1][0] = o;
      visit({ f, values: weight.map((w, i) => mulValues(w, o.values[i])), orderings, options: chosen, features });
    };
    if (target === undefined) {
      for (const o of opts.list) {
        let f = 0;
        for (let r = 0; r < rows; r++) f |= ((o.g >>> phi[r]) & 1) << r;
        emit(o, f >>> 0);
      }
      return;
    }
    let g = 0;
    let seen = 0;
    for (let r = 0; r < rows; r++) {
      const p = phi[r];
      const bit = (target >>> r) & 1;
      if ((seen >>> p) & 1) {
        // Two rows with one feature vector need one output: f is not computed through this φ.
        if (((g >>> p) & 1) !== bit) return;
      } else {
        seen |= 1 << p;
        g |= bit << p;
      }
    }
    const o = opts.byLabel.get(g >>> 0);
    if (o) emit(o, target);
  };

  const hidden = (l: number, weight: readonly ProductValue[], orderings: number) => {
    if (l === layers - 1) {
      output(features[l], weight, orderings);
      return;
    }
    const phi = features[l];
    const h = plan.blocks[l].units;
    let points = 0;
    for (let r = 0; r < rows; r++) points |= 1 << phi[r];
    const list = plan.catalogues[l].options(points >>> 0).list;
    const picks = new Int32Array(h);
    const partial: (readonly ProductValue[])[] = [weight];
    const next = features[l + 1];
    const choose = (j: number, from: number) => {
      if (j === h) {
        let count = orderings;
        if (multisets) {
          let same = 1;
          let denom = 1;
          for (let k = 1; k <= h; k++) {
            if (k < h && picks[k] === picks[k - 1]) same++;
            else {
              denom *= factorial(same);
              same = 1;
            }
          }
          count *= factorial(h) / denom;
        }
        for (let r = 0; r < rows; r++) {
          let x = 0;
          for (let k = 0; k < h; k++) x = (x << 1) | ((list[picks[k]].g >>> phi[r]) & 1);
          next[r] = x;
        }
        const w = multisets && count !== orderings ? partial[h].map((v) => timesValue(v, count / orderings)) : partial[h];
        hidden(l + 1, w, count);
        return;
      }
      for (let i = multisets ? from : 0; i < list.length; i++) {
        picks[j] = i;
        chosen[l][j] = list[i];
        partial[j + 1] = partial[j].map((v, p) => mulValues(v, list[i].values[p]));
        choose(j + 1, i);
      }
    };
    choose(0, 0);
  };

  hidden(0, ones, 1);
}
