import type { InequalitySystem } from "./inequalitySystem.js";

/**
 * Restricts a system to the hyperplane of row `pivotRow` and eliminates coordinate `col` with it:
 * the result describes the projection of that face onto the other k − 1 coordinates.
 *
 * One fraction-free (Bareiss) step: new row j = (|p|·row_j − sign(p)·row_j[col]·row_pivot) / scale
 * with p = row_pivot[col]. The division is exact because every entry is a minor of the original
 * matrix (Sylvester's identity), and multiplying by |p| rather than p keeps each inequality's
 * direction. The new scale is |p|. The pivot row itself becomes 0 ≤ 0 and is dropped.
 *
 * @param sys - the current system, dimension k ≥ 1.
 * @param pivotRow - index (within `sys`) of the row made tight.
 * @param col - coordinate to eliminate; `sys.rows[pivotRow][col]` must be nonzero.
 */
export function eliminateCoordinate(sys: InequalitySystem, pivotRow: number, col: number): InequalitySystem {
  const pr = sys.rows[pivotRow];
  const p = pr[col];
  const ap = p < 0n ? -p : p;
  const pivotRhs = p < 0n ? -sys.rhs[pivotRow] : sys.rhs[pivotRow];
  const pivot = p < 0n ? pr.map((v) => -v) : pr;
  const rows: bigint[][] = [];
  const rhs: bigint[] = [];
  const ids: number[] = [];
  const s = sys.scale;
  for (let j = 0; j < sys.rows.length; j++) {
    if (j === pivotRow) continue;
    const row = sys.rows[j];
    const f = row[col];
    const out: bigint[] = new Array(sys.dim - 1);
    let t = 0;
    for (let l = 0; l < sys.dim; l++) {
      if (l === col) continue;
      out[t++] = (ap * row[l] - f * pivot[l]) / s;
    }
    rows.push(out);
    rhs.push((ap * sys.rhs[j] - f * pivotRhs) / s);
    ids.push(sys.ids[j]);
  }
  return { dim: sys.dim - 1, rows, rhs, ids, scale: ap };
}
