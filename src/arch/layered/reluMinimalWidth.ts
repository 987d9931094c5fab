/**
 * The least hidden width k at which a one-hidden-layer ReLU net computes f, proved both ways:
 * realisable at k (an integer θ checked exactly through the forward pass), and every (pattern, sign)
 * cone at k − 1 empty (exhaustive search, each cone refuted by the sign argument or a Gordan
 * certificate checked exactly). Width is monotone (a unit with an empty activation set adds
 * nothing), so emptiness at k − 1 covers every smaller width. Width 0 means the output unit alone,
 * out = c: exactly the constant functions.
 */
import type { Encoding } from "../../boolean/encoding.js";
import { type BooleanFunction, formatFunction, fullMask } from "../../boolean/truthTable.js";
import { wordsToBigInt } from "../../boolean/tableWords.js";
import { findInteriorPoint } from "../../geometry/coneFeasibility.js";
import { standardNormals } from "../../measure/gaussianPrior.js";
import { randomStream } from "../../measure/randomStream.js";
import { integerForward } from "./integerForward.js";
import { layeredForward } from "./layeredForward.js";
import { layeredParameterCount, type LayeredSpec } from "./layeredSpec.js";
import { augmentedRows, emptyBySignArgument, type ReluShape, type ReluUnitOption, reluParametersOfZ, reluPatternRows } from "./reluPatternCone.js";
import { candidateCount, MAX_RELU_CANDIDATES, type ReluSearchCounts, reluUnitOptions, searchReluPatterns } from "./reluPatternSearch.js";

/** Gaussian draws tried for a witness before the exhaustive search (most functions are found at once). */
const QUICK_SAMPLES = 1 << 16;
/** Draws made where the exhaustive search is too large (width 3 for n = 3). */
const WITNESS_SAMPLES = 1 << 20;

/** Distinct sampled activation patterns whose sign charts are all decided, where the exhaustive search is too large. */
const PATTERN_TRIALS = 4000;

/**
 * A witness found by sampling Gaussian θ. `quick`: only draws that compute f, whose own (pattern,
 * signs) cone is then decided exactly. Otherwise every new activation pattern drawn (up to
 * PATTERN_TRIALS) is tried in every sign chart, which finds functions that random output weights
 * almost never produce (3-bit parity needs all three units). The integer point of the first
 * nonempty cone is returned as θ; undefined if none is found.
 */
function sampledWitness(shape: ReluShape, f: bigint, quick: boolean): bigint[] | undefined {
  const spec: LayeredSpec = { activation: "relu", layers: [shape.inputs, shape.hidden, 1], encoding: shape.encoding };
  const d = layeredParameterCount(spec);
  const forward = layeredForward(spec);
  const batch = 4096;
  const params = new Float64Array(batch * d);
  const out = new Uint32Array(batch);
  const rng = randomStream(1);
  const { inputs: n, hidden: h } = shape;
  const xt = augmentedRows(shape);
  const tried = new Set<string>();
  const decide = (units: ReluUnitOption[]) => {
    if (emptyBySignArgument(xt.length, units, f)) return undefined;
    const res = findInteriorPoint(reluPatternRows(shape, xt, units, f));
    return res.ok ? reluParametersOfZ(shape, units.map((u) => u.sign), res.point) : undefined;
  };
  for (let done = 0; done < (quick ? QUICK_SAMPLES : WITNESS_SAMPLES); done += batch) {
    standardNormals(rng, params, batch * d);
    forward(params, batch, out);
    for (let s = 0; s < batch; s++) {
      const hit = wordsToBigInt(out.subarray(s, s + 1)) === f;
      if (quick && !hit) continue;
      const o = s * d;
      const actives: number[] = [];
      for (let j = 0; j < h; j++) {
        let active = 0;
        xt.forEach((x, r) => {
          let z = params[o + h * n + j];
          for (let i = 0; i < n; i++) z += params[o + j * n + i] * Number(x[i]);
          if (z > 0) active |= 1 << r;
        });
        actives.push(active);
      }
      if (hit) {
        const w = decide(actives.map((active, j) => ({ active, sign: params[o + h * (n + 1) + j] > 0 ? 1 : -1 })));
        if (w) return w;
      }
      if (quick) continue;
      const key = [...actives].sort((a, b) => a - b).join(",");
      if (tried.has(key)) continue;
      if (tried.size >= PATTERN_TRIALS) return undefined;
      tried.add(key);
      for (let m = 0; m < 2 ** h; m++) {
        const w = decide(actives.map((active, j) => ({ active, sign: (m >>> j) & 1 ? -1 : 1 })));
        if (w) return w;
      }
    }
  }
  return undefined;
}

/** Largest n whose minimal widths are computed (n = 4 needs width-3 searches of ~10^10 candidates). */
export const MAX_MINIMAL_WIDTH_INPUTS = 3;

/** The minimal width of f with its proof. */
export interface ReluMinimalWidth {
  readonly function: string;
  /** The least k (0 for constants). */
  readonly width: number;
  /** Integer θ (layered parameter order of an n,k,1 relu net; for k = 0 just c) computing f, checked exactly. */
  readonly witness: readonly bigint[];
  /** The exhaustive search at width k − 1 that found every cone empty (absent for k = 0). */
  readonly belowWidth?: ReluSearchCounts;
  /** The proof in words. */
  readonly proof: string;
}

/**
 * Finds f's minimal hidden width (see the file comment), trying k = 1, 2, … up to `maxWidth`.
 * @throws RangeError if n > MAX_MINIMAL_WIDTH_INPUTS or f is not realisable at `maxWidth` (default 2^n).
 * @throws Error if a witness fails its exact check (a bug).
 */
export function reluMinimalWidth(f: BooleanFunction, encoding: Encoding, maxWidth = 2 ** f.n): ReluMinimalWidth {
  const n = f.n;
  if (n < 1 || n > MAX_MINIMAL_WIDTH_INPUTS) throw new RangeError(`minimal ReLU widths are computed for 1 to ${MAX_MINIMAL_WIDTH_INPUTS} inputs, got ${n}`);
  const text = formatFunction(f);
  if (f.bits === 0n || f.bits === fullMask(n)) {
    return {
      function: text,
      width: 0,
      witness: [f.bits === 0n ? -1n : 1n],
      proof: `constant: the output unit alone (out = c) computes it`,
    };
  }
  let below: ReluSearchCounts = { candidates: 1, emptyBySign: 0, emptyByGordan: 1, feasible: 0 };
  let belowText = "width 0 computes only constants";
  for (let k = 1; k <= maxWidth; k++) {
    const shape = { inputs: n, hidden: k, encoding };
    let witness = sampledWitness(shape, f.bits, true);
    if (witness === undefined && candidateCount(reluUnitOptions(shape).length, k) > MAX_RELU_CANDIDATES)
      witness = sampledWitness(shape, f.bits, false);
    const counts = witness !== undefined ? undefined : searchReluPatterns(shape, f.bits, (_, units, __, point) => {
      witness = reluParametersOfZ(shape, units.map((u) => u.sign), point);
      return true;
    });
    if (witness !== undefined) {
      const check = integerForward({ activation: "relu", layers: [n, k, 1], encoding }, witness);
      if (!check.strict || check.table !== f.bits) throw new Error(`width-${k} witness ${witness.join(" ")} does not compute ${text}`);
      return {
        function: text,
        width: k,
        witness,
        ...(k > 1 ? { belowWidth: below } : {}),
        proof: `realisable at width ${k} (θ = ${witness.join(" ")}, checked exactly); ${belowText}`,
      };
    }
    if (counts === undefined) throw new Error("unreachable: no witness and no search");
    below = counts;
    belowText = `at width ${k} all ${counts.candidates} (pattern, sign) cones up to unit permutation are empty (${counts.emptyBySign} by the sign of c, ${counts.emptyByGordan} by exact Gordan certificates)`;
  }
  throw new RangeError(`${text} is not computed by a ReLU net of width ≤ ${maxWidth}`);
}
