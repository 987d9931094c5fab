/**
 * The region of f in a step net's weight space as a union of polyhedral cones, one per tuple of
 * hidden functions that computes f: the set of θ whose every hidden unit computes its function of
 * the tuple and whose output unit labels the feature points accordingly. Parameters of different
 * units are disjoint, so each piece is a product of perceptron cones: in full θ its rows are
 * block-diagonal (unit j's facets on unit j's coordinates, the output's on (v, c)). Distinct tuples
 * differ in some unit's labelling of points that occur, so the pieces are disjoint.
 */
import { functionName } from "../../boolean/names.js";
import { type BooleanFunction, formatFunction } from "../../boolean/truthTable.js";
import { irredundantRows } from "../../geometry/coneFacets.js";
import { formatLinearForm } from "../../geometry/formatLinearForm.js";
import { rowVector } from "../perceptron/perceptronSpec.js";
import type { PolyhedralPiece, Region } from "../architecture.js";
import { integerForward } from "./integerForward.js";
import { type LayeredSpec, layeredParameterCount, layeredParameterNames, unitIndices } from "./layeredSpec.js";
import { stepNetPlan } from "./stepNetPlan.js";
import { forEachStepNetTerm } from "./stepNetTuples.js";
import type { UnitCatalogue, UnitOption } from "./unitCatalogue.js";

/** Most pieces a region lists (3-3-1 regions of simple functions have a million; measure those with the table). */
export const MAX_REGION_PIECES = 20_000;

/** Facets and an integer interior point of one unit's cone: labelling g of the point set S. */
interface UnitCone {
  readonly rows: readonly (readonly bigint[])[];
  readonly witness: readonly bigint[];
}

/** The cone of `option` on the points `points` of a catalogue's inputs, facets decided exactly. */
function unitCone(cat: UnitCatalogue, points: number, option: UnitOption): UnitCone {
  const m = cat.spec.inputs;
  if (points === 2 ** 2 ** m - 1) {
    // Every point occurs: the option is one threshold function, whose facets the catalogue holds.
    return { rows: cat.facets[option.rep], witness: cat.witnesses[option.rep].map(BigInt) };
  }
  const A: bigint[][] = [];
  for (let p = 0; p < 2 ** m; p++) {
    if (!((points >>> p) & 1)) continue;
    const s = (option.g >>> p) & 1 ? 1n : -1n;
    A.push(rowVector(cat.spec, p).map((c) => s * BigInt(c)));
  }
  const result = irredundantRows(A);
  if (!result.ok) throw new Error(`labelling ${option.g} of points ${points} has an extension but an empty cone (a bug)`);
  return { rows: result.facets.map((i) => A[i]), witness: result.interiorPoint };
}

/**
 * The region of f (see the file comment), each piece with an integer witness checked in BigInt
 * arithmetic (it computes f with every unit's pre-activation nonzero on every input).
 * @throws RangeError if f has the wrong number of inputs, the net is beyond the exact method (see
 *   stepNetPlan), or the region has more than MAX_REGION_PIECES pieces.
 * @throws Error if a witness fails its check (a bug, never silently passed).
 */
export function stepNetRegion(spec: LayeredSpec, f: BooleanFunction): Region {
  const n = spec.layers[0];
  if (f.n !== n) throw new RangeError(`function has ${f.n} inputs, the net ${n}`);
  const plan = stepNetPlan(spec, []);
  const target = Number(f.bits);
  const name = functionName(f);
  const base = { function: formatFunction(f), ...(name === undefined ? {} : { name }) };
  let count = 0;
  forEachStepNetTerm(plan, { mode: "multisets", target }, (t) => {
    count += t.orderings;
  });
  if (count === 0) {
    return {
      ...base,
      realizable: false,
      pieces: [],
      certificate: { kind: "exhaustive: no tuple of hidden threshold functions admits a threshold output labelling computing f" },
    };
  }
  if (count > MAX_REGION_PIECES)
    throw new RangeError(
      `the region of ${base.function} is a union of ${count} pieces (one per hidden tuple); at most ${MAX_REGION_PIECES} are listed; its probability comes from the exact table or volume`,
    );
  const d = layeredParameterCount(spec);
  const names = layeredParameterNames(spec);
  const cones = new Map<string, UnitCone>();
  const pieces: PolyhedralPiece[] = [];
  forEachStepNetTerm(plan, { mode: "ordered", target }, (term) => {
    const rows: bigint[][] = [];
    const witness = new Array<bigint>(d).fill(0n);
    term.options.forEach((units, l) => {
      const cat = plan.catalogues[l];
      let points = 0;
      for (const p of term.features[l]) points |= 1 << p;
      points >>>= 0;
      units.forEach((option, j) => {
        const key = `${l}:${points}:${option.g}`;
        let cone = cones.get(key);
        if (!cone) {
          cone = unitCone(cat, points, option);
          cones.set(key, cone);
        }
        const at = unitIndices(plan.blocks[l], j);
        for (const r of cone.rows) {
          const full = new Array<bigint>(d).fill(0n);
          r.forEach((c, k) => (full[at[k]] = c));
          rows.push(full);
        }
        cone.witness.forEach((c, k) => (witness[at[k]] = c));
      });
    });
    const check = integerForward(spec, witness);
    const inside = rows.every((r) => r.reduce((s, c, k) => s + c * witness[k], 0n) > 0n);
    if (!inside || !check.strict || check.table !== f.bits)
      throw new Error(`witness ${witness.join(" ")} does not compute ${base.function} strictly inside its piece`);
    pieces.push({
      coordinates: names,
      inParameters: true,
      rows,
      constraints: rows.map((r) => `${formatLinearForm(r, names)}>0`),
      witness,
    });
  });
  return { ...base, realizable: true, pieces };
}
