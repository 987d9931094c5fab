/**
 * The uniform prior: independent θ_k ~ U[−h_k, h_k]. A cone's probability is the exact rational
 * fraction of the box it covers (cone ∩ box triangulated, Σ|det|/d!; Lasserre's recursion is the
 * independent cross-check in the tests).
 */
import { add, mul, parse, type Rational, rat, toFraction, toNumber, ZERO } from "../geometry/rational.js";
import { cubeVolumeByTriangulation } from "./cubeVolumeByTriangulation.js";
import type { PriorFamily } from "./prior.js";
import { uniformUnits } from "./uniformUnits.js";

/** A uniform-prior probability. Field names are a public interface (JSON output). */
export interface UniformColumn {
  /** The exact fraction of the box, `p/q`. */
  readonly fraction: string;
  /** The fraction as the nearest double. */
  readonly p: number;
}

/** Largest dimension of exact box volumes here. */
const MAX_DIMENSION = 9;

/** The uniform box prior family. */
export const uniformPrior: PriorFamily<UniformColumn> = {
  kind: "uniform",
  scaleMeaning: "half-width",
  exactMethod: "exact rational fraction of the box (cone ∩ box triangulated)",
  maxExactDimension: MAX_DIMENSION,
  sample(scales, count, rng, out) {
    const d = scales.length;
    if (out.length < count * d) throw new RangeError(`sample buffer holds ${out.length} numbers, need ${count * d}`);
    uniformUnits(rng, out, count * d);
    for (let s = 0, i = 0; s < count; s++) for (let k = 0; k < d; k++, i++) out[i] = scales[k] * (2 * out[i] - 1);
  },
  measureCone(rows, scales: readonly Rational[]) {
    const d = scales.length;
    if (d > MAX_DIMENSION)
      throw new RangeError(`exact uniform volumes take at most ${MAX_DIMENSION} parameters, got ${d}; use Monte Carlo`);
    if (rows.some((r) => r.length !== d)) throw new RangeError(`cone rows must have ${d} entries`);
    const c = cubeVolumeByTriangulation(rows, scales);
    return { fraction: toFraction(c.fraction), p: toNumber(c.fraction) };
  },
  total(parts) {
    let t = ZERO;
    for (const { measure, weight } of parts) t = add(t, mul(rat(weight), parse(measure.fraction)));
    return { fraction: toFraction(t), p: toNumber(t) };
  },
  summaryFields(total) {
    return { uniformTotal: total.fraction };
  },
};
