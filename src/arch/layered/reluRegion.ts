/**
 * The region of f in a one-hidden-layer ReLU net as a union of polyhedral pieces in the coordinates
 * z = (u_1, …, u_h, c) (see reluPatternCone), one per (activation pattern, signs) whose cone is
 * nonempty. Candidates are decided up to hidden-unit permutations (reluPatternSearch); every
 * ordering of a nonempty one is listed (its rows and witness are the canonical ones with the unit
 * blocks permuted). Each piece's facets come from the exact facet test, and its integer witness z
 * is mapped to integer parameters θ that are checked, in BigInt arithmetic, to compute f strictly
 * (no hidden or output pre-activation 0 on any row).
 */
import { functionName } from "../../boolean/names.js";
import { type BooleanFunction, formatFunction, rowCount } from "../../boolean/truthTable.js";
import { irredundantRows } from "../../geometry/coneFacets.js";
import { formatLinearForm } from "../../geometry/formatLinearForm.js";
import type { PolyhedralPiece, Region } from "../architecture.js";
import { integerForward } from "./integerForward.js";
import type { LayeredSpec } from "./layeredSpec.js";
import { type ReluShape, type ReluUnitOption, reluCoordinateNames, reluParametersOfZ } from "./reluPatternCone.js";
import { type ReluSearchCounts, searchReluPatterns } from "./reluPatternSearch.js";

/** A piece of a ReLU region: the cone in z of one activation pattern in one sign chart. */
export interface ReluPiece extends PolyhedralPiece {
  /** Per hidden unit, its activation set as a bit string (character r = 1 iff active on row r). */
  readonly pattern: readonly string[];
  /** σ_j = sign(v_j) per hidden unit: the chart the cone lives in. */
  readonly signs: readonly (1 | -1)[];
  /** Integer parameters θ (W1, b1, v, c in layeredSpec order) mapping to `witness`; checked to compute f. */
  readonly parameters: readonly bigint[];
}

/** A ReLU region: the pieces and how the exhaustive search settled every candidate. */
export interface ReluRegion extends Region {
  readonly pieces: readonly ReluPiece[];
  /** The search's counts (candidates are up to hidden-unit permutation). */
  readonly search: ReluSearchCounts;
}

/** The shape of a one-hidden-layer ReLU spec. @throws RangeError for other nets. */
export function reluShape(spec: LayeredSpec): ReluShape {
  if (spec.activation !== "relu") throw new RangeError("ReLU regions are for relu nets");
  if (spec.layers.length !== 3)
    throw new RangeError(
      `ReLU regions are computed for one hidden layer (layers n,h,1); layers ${spec.layers.join(",")} have two, whose regions are not polyhedral in any fixed coordinates`,
    );
  return { inputs: spec.layers[0], hidden: spec.layers[1], encoding: spec.encoding };
}

/** Every distinct ordering of a multiset of indices (sorted), as permutations of positions. */
function distinctOrderings(indices: readonly number[]): number[][] {
  const out: number[][] = [];
  const used = new Array<boolean>(indices.length).fill(false);
  const current: number[] = [];
  const rec = () => {
    if (current.length === indices.length) {
      out.push(current.slice());
      return;
    }
    for (let k = 0; k < indices.length; k++) {
      // Equal options are interchangeable: take the first unused of a run only.
      if (used[k] || (k > 0 && indices[k] === indices[k - 1] && !used[k - 1])) continue;
      used[k] = true;
      current.push(k);
      rec();
      current.pop();
      used[k] = false;
    }
  };
  rec();
  return out;
}

/** z with unit blocks reordered: block q of the result is block perm[q] of v (c stays last). */
function permuteBlocks(v: readonly bigint[], perm: readonly number[], block: number): bigint[] {
  const out: bigint[] = [];
  for (const p of perm) out.push(...v.slice(p * block, (p + 1) * block));
  out.push(v[v.length - 1]);
  return out;
}

/** The unit's activation set as a bit string over the rows. */
function patternString(u: ReluUnitOption, rows: number): string {
  let s = "";
  for (let r = 0; r < rows; r++) s += (u.active >>> r) & 1 ? "1" : "0";
  return s;
}

/**
 * The region of f (see the file comment).
 * @throws RangeError if f has the wrong number of inputs, the net has two hidden layers, or the
 *   search is too large (see searchReluPatterns).
 * @throws Error if a witness fails its exact check (a bug, never silently passed).
 */
export function reluRegion(spec: LayeredSpec, f: BooleanFunction): ReluRegion {
  const shape = reluShape(spec);
  const { inputs: n } = shape;
  if (f.n !== n) throw new RangeError(`function has ${f.n} inputs, the net ${n}`);
  const names = reluCoordinateNames(shape);
  const rows = rowCount(n);
  const name = functionName(f);
  const base = { function: formatFunction(f), ...(name === undefined ? {} : { name }) };
  const found: { key: number[]; piece: ReluPiece }[] = [];
  const search = searchReluPatterns(shape, f.bits, (indices, units, A) => {
    const facets = irredundantRows(A);
    if (!facets.ok) throw new Error("a cone with an interior point has no facets (a bug)");
    const facetRows = facets.facets.map((i) => A[i]);
    for (const perm of distinctOrderings(indices)) {
      const ordered = perm.map((p) => units[p]);
      const signs = ordered.map((u) => u.sign);
      const pieceRows = facetRows.map((r) => permuteBlocks(r, perm, n + 1));
      const witness = permuteBlocks(facets.interiorPoint, perm, n + 1);
      const parameters = reluParametersOfZ(shape, signs, witness);
      const check = integerForward(spec, parameters);
      if (!check.strict || check.table !== f.bits || !pieceRows.every((r) => r.reduce((s, c, k) => s + c * witness[k], 0n) > 0n))
        throw new Error(`witness θ = ${parameters.join(" ")} does not compute ${base.function} strictly inside its piece`);
      found.push({
        key: perm.map((p) => indices[p]),
        piece: {
          coordinates: names,
          inParameters: false,
          rows: pieceRows,
          constraints: pieceRows.map((r) => `${formatLinearForm(r, names)}>0`),
          witness,
          pattern: ordered.map((u) => patternString(u, rows)),
          signs,
          parameters,
        },
      });
    }
  });
  found.sort((a, b) => {
    for (let k = 0; k < a.key.length; k++) if (a.key[k] !== b.key[k]) return a.key[k] - b.key[k];
    return 0;
  });
  const pieces = found.map((x) => x.piece);
  if (pieces.length === 0) {
    return {
      ...base,
      realizable: false,
      pieces,
      search,
      certificate: {
        kind: `exhaustive: all ${search.candidates} (activation pattern, sign) cones up to hidden-unit permutation are empty (${search.emptyBySign} by the sign of c, ${search.emptyByGordan} by Gordan certificates checked exactly)`,
      },
    };
  }
  return { ...base, realizable: true, pieces, search };
}
