/**
 * Everything a step net's exact table needs to know about one kind of unit: a threshold unit with
 * m inputs (the layer below: the net's inputs in their encoding, or {0,1} features) and a bias,
 * under given prior scales. It lists every threshold function G of m inputs with a certified
 * integer witness, its facets and its probability under each prior (the perceptron engine), and
 * groups them by what they do on a set S of points that actually occur below: the unit computes the
 * labelling g of S iff its function is one of the G with G|S = g, so
 *   P(g on S) = Σ_{G|S = g} P(G)
 * exactly (the cones of those G tile the cone of g up to the hyperplanes of points outside S), and
 * g is realisable on S iff some threshold G extends it.
 */
import type { Encoding } from "../../boolean/encoding.js";
import { toFraction, type Rational } from "../../geometry/rational.js";
import type { Prior } from "../../measure/prior.js";
import { facetRowsByAdjacency, verifyWitnessWords } from "../perceptron/perceptronRegion.js";
import { type PerceptronSpec, rowVector } from "../perceptron/perceptronSpec.js";
import { realisableFunctions } from "../perceptron/realisableFunctions.js";
import { THRESHOLD_COUNTS } from "../perceptron/thresholdEnumeration.js";
import { alignValues, type ProductValue, unitValue, ValueSum } from "./productValue.js";

/** What a unit can do on a point set S: one labelling g of S and its probability. */
export interface UnitOption {
  /** The labelling as a bit mask over the 2^m points (bit p = g(p)), zero outside S. */
  readonly g: number;
  /** Index (in the catalogue) of one threshold function extending g: its witness realises g. */
  readonly rep: number;
  /** How many threshold functions of m inputs extend g. */
  readonly extensions: number;
  /** P(g on S) under each prior, in the catalogue's prior order. */
  readonly values: readonly ProductValue[];
}

/** The options of one point set, listed and by labelling. */
export interface PointSetOptions {
  readonly list: readonly UnitOption[];
  readonly byLabel: ReadonlyMap<number, UnitOption>;
}

/** Every threshold function of one unit kind with witnesses, facets and probabilities. */
export interface UnitCatalogue {
  /** The unit as a perceptron (m inputs, bias, encoding). */
  readonly spec: PerceptronSpec;
  /** Truth table of function k as a bit mask over the 2^m rows. */
  readonly tables: readonly number[];
  /** Integer witness (w1 … wm, b) of function k, checked exactly. */
  readonly witnesses: readonly (readonly number[])[];
  /** Facet rows s_x·x̃ of function k's cone (over w1 … wm, b). */
  readonly facets: readonly (readonly (readonly bigint[])[])[];
  /** Gaussian methods used (for the rows' method field). */
  readonly methods: ReadonlySet<string>;
  /** The options on the point set `points` (a bit mask over the 2^m points), cached. */
  options(points: number): PointSetOptions;
}

/** Largest m with a catalogue (point sets and labellings are bit masks in one 32-bit word). */
export const MAX_CATALOGUE_INPUTS = 4;

const cache = new Map<string, UnitCatalogue>();

/**
 * The catalogue of threshold units with m inputs in `encoding` under `priors`, each with the
 * scales `scales[i]` (m weights, then the bias). Cached per (m, encoding, priors, scales).
 * @throws RangeError if m is out of range or a prior has no product arithmetic (see productValue).
 * @throws Error if the enumeration misses the published count or a witness fails (a bug).
 */
export function unitCatalogue(
  m: number,
  encoding: Encoding,
  priors: readonly Prior[],
  scales: readonly (readonly Rational[])[],
): UnitCatalogue {
  if (!Number.isInteger(m) || m < 1 || m > MAX_CATALOGUE_INPUTS)
    throw new RangeError(`exact step-net units take 1 to ${MAX_CATALOGUE_INPUTS} inputs, got ${m}`);
  const key = JSON.stringify([m, encoding, priors.map((p) => p.family.kind), scales.map((s) => s.map(toFraction))]);
  const hit = cache.get(key);
  if (hit) return hit;
  const spec: PerceptronSpec = { inputs: m, bias: true, encoding };
  const set = realisableFunctions(spec);
  if (set.count !== THRESHOLD_COUNTS[m])
    throw new Error(`found ${set.count} threshold functions of ${m} inputs, the published count is ${THRESHOLD_COUNTS[m]}`);
  const d = m + 1;
  const has = (t: Uint32Array) => set.indexOf(t) >= 0;
  const tables: number[] = [];
  const witnesses: number[][] = [];
  const facets: bigint[][][] = [];
  const methods = new Set<string>();
  const raw: ProductValue[][] = priors.map(() => []);
  for (let k = 0; k < set.count; k++) {
    const table = set.tables.subarray(k, k + 1);
    const witness = Array.from(set.witnesses.subarray(k * d, (k + 1) * d));
    if (!verifyWitnessWords(spec, table, witness)) throw new Error(`witness ${witness} does not realise threshold function ${table[0]}`);
    const mask = table[0] >>> 0;
    const facetVectors = facetRowsByAdjacency(spec, has, table).map((r) =>
      rowVector(spec, r).map((c) => BigInt((mask >>> r) & 1 ? c : -c)),
    );
    tables.push(mask);
    witnesses.push(witness);
    facets.push(facetVectors);
    priors.forEach((prior, i) => {
      const measure = prior.family.measureCone(facetVectors, scales[i]);
      const method = (measure as { method?: unknown }).method;
      if (typeof method === "string") methods.add(method);
      raw[i].push(unitValue(prior.family.kind, measure));
    });
  }
  const values = raw.map(alignValues);
  const byPoints = new Map<number, PointSetOptions>();
  const catalogue: UnitCatalogue = {
    spec,
    tables,
    witnesses,
    facets,
    methods,
    options(points) {
      const known = byPoints.get(points);
      if (known) return known;
      const groups = new Map<number, number[]>();
      tables.forEach((t, k) => {
        const g = (t & points) >>> 0;
        const members = groups.get(g);
        if (members) members.push(k);
        else groups.set(g, [k]);
      });
      const list: UnitOption[] = [];
      for (const [g, members] of groups) {
        const sums = priors.map((p, i) => {
          const s = new ValueSum(p.family.kind as "uniform" | "gaussian");
          for (const k of members) s.add(values[i][k]);
          return s.value();
        });
        list.push({ g, rep: members[0], extensions: members.length, values: sums });
      }
      list.sort((a, b) => a.g - b.g);
      const result = { list, byLabel: new Map(list.map((o) => [o.g, o])) };
      byPoints.set(points, result);
      return result;
    },
  };
  cache.set(key, catalogue);
  return catalogue;
}
