/**
 * An anchor deep inside a cone: the centre of the largest ball inside {θ : Aθ > 0} ∩ box, in the
 * prior's whitened coordinates z = θ/s (s the prior's scales, so the box is [−1, 1]^D and the ball
 * is round for the prior), by one LP; the point is then checked inside the cone exactly.
 */
import { type LpRow, lpReady, solveLp } from "../geometry/lp.js";
import { violatedConstraint } from "./probedRegion.js";

/**
 * The Chebyshev centre θ = s ⊙ z of the cone ∩ box and the ball's radius ρ (in z): z maximises ρ subject to ⟨a ⊙ s, z⟩ ≥ ρ·|a ⊙ s|
 * for every row a and |z_k| + ρ ≤ 1 (the ball of radius ρ about z lies in both). Null when glpk.js is not loaded (see lpReady), the cone is
 * empty or flat, or the rounded centre fails the exact test (then callers use the witness).
 * @param scales the prior's scales s_k > 0 (1 for all when omitted).
 * @throws RangeError if rows and scales differ in length.
 */
export function chebyshevAnchor(
  rows: readonly (readonly bigint[])[],
  names: readonly string[],
  scales?: readonly number[],
): { theta: Float64Array; radius: number } | null {
  if (!lpReady() || rows.length === 0) return null;
  const D = names.length;
  const s = scales ?? new Array<number>(D).fill(1);
  if (s.length !== D || rows.some((r) => r.length !== D)) throw new RangeError(`chebyshevAnchor: rows and scales must have ${D} entries`);
  const lpRows: LpRow[] = rows.map((r) => {
    const a = r.map((c, k) => Number(c) * s[k]);
    const norm = Math.hypot(...a);
    return { coef: [...a, -norm], lb: 0 };
  });
  // The ball stays inside the box too: |z_k| + ρ ≤ 1, so the centre is strictly inside both.
  for (let k = 0; k < D; k++) {
    const unit = new Array<number>(D + 1).fill(0);
    unit[k] = 1;
    unit[D] = 1;
    lpRows.push({ coef: [...unit], ub: 1 });
    unit[D] = -1;
    lpRows.push({ coef: [...unit], lb: -1 });
  }
  const res = solveLp({
    direction: "max",
    objective: [...new Array<number>(D).fill(0), 1],
    rows: lpRows,
    bounds: [...new Array(D).fill({}), { lb: 0 }],
  });
  if (res.status !== "optimal" || !(res.objective > 1e-9)) return null;
  const theta = Float64Array.from(res.x.slice(0, D), (z, k) => z * s[k]);
  return violatedConstraint(rows, names, theta) === undefined ? { theta, radius: res.objective } : null;
}
