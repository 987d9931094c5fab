/**
 * Standard Gaussian probabilities of many cones {y ∈ R³ : s_r⟨p_r, y⟩ > 0 ∀r} that share the rows
 * p_r and differ in the signs s (one cone per sign mask): the cells of one central arrangement.
 * The rows' pairwise cross products, and the sign pattern of each row's dot product with each of
 * them, are computed once; a cone's extreme rays are then the ±(p_i × p_k) whose sign pattern
 * agrees with the cone's signs wherever it is not zero (bit operations), and its
 * solid angle is summed over a fan of Van Oosterom–Strackee triangles, as smallConeGaussian
 * does one cone at a time. The Rao-Blackwell integrand of 2-hidden-unit ReLU nets, hence no
 * allocation per call. Floating point; rows must span R³ (callers fall back to smallConeGaussian).
 */

/** Relative tolerance for a ray lying on a row's plane. */
const TOL = 1e-12;

/** Reusable workspace for up to `maxRows` rows. */
export class Arrangement3 {
  private readonly unit: Float64Array;
  private readonly rays: Float64Array;
  private readonly valid: Uint8Array;
  /** Per candidate ray ±(p_i × p_k) (index 2p, 2p+1): rows with positive dot, and rows with a dot off zero. */
  private readonly positive: Int32Array;
  private readonly definite: Int32Array;
  private readonly pick: Float64Array;
  private readonly angle: Float64Array;
  private readonly order: number[];
  private pairs = 0;
  private rows = 0;

  /** @throws RangeError if maxRows < 1. */
  constructor(private readonly maxRows: number) {
    if (!(maxRows >= 1)) throw new RangeError("an arrangement needs at least one row");
    const P = (maxRows * (maxRows - 1)) / 2;
    this.unit = new Float64Array(maxRows * 3);
    this.rays = new Float64Array(P * 3);
    this.valid = new Uint8Array(P);
    this.positive = new Int32Array(2 * P);
    this.definite = new Int32Array(2 * P);
    this.pick = new Float64Array(2 * P * 3);
    this.angle = new Float64Array(2 * P);
    this.order = [];
  }

  /**
   * Loads rows p_0 … p_{R−1} (row-major, 3 numbers each) and returns whether they span R³ (if not,
   * `probability` must not be used).
   * @throws RangeError if R exceeds the workspace.
   */
  load(rows: Float64Array, R: number): boolean {
    if (R > this.maxRows) throw new RangeError(`${R} rows for a workspace of ${this.maxRows}`);
    this.rows = R;
    const u = this.unit;
    for (let r = 0; r < R; r++) {
      const x = rows[3 * r];
      const y = rows[3 * r + 1];
      const z = rows[3 * r + 2];
      const s = Math.hypot(x, y, z);
      if (s === 0) return false;
      u[3 * r] = x / s;
      u[3 * r + 1] = y / s;
      u[3 * r + 2] = z / s;
    }
    let p = 0;
    let spans = false;
    for (let i = 0; i < R; i++) {
      for (let k = i + 1; k < R; k++, p++) {
        const cx = u[3 * i + 1] * u[3 * k + 2] - u[3 * i + 2] * u[3 * k + 1];
        const cy = u[3 * i + 2] * u[3 * k] - u[3 * i] * u[3 * k + 2];
        const cz = u[3 * i] * u[3 * k + 1] - u[3 * i + 1] * u[3 * k];
        const s = Math.hypot(cx, cy, cz);
        this.valid[p] = s > 1e-12 ? 1 : 0;
        if (!this.valid[p]) continue;
        this.rays[3 * p] = cx / s;
        this.rays[3 * p + 1] = cy / s;
        this.rays[3 * p + 2] = cz / s;
        let positive = 0;
        let negative = 0;
        for (let r = 0; r < R; r++) {
          const d = u[3 * r] * this.rays[3 * p] + u[3 * r + 1] * this.rays[3 * p + 1] + u[3 * r + 2] * this.rays[3 * p + 2];
          if (Math.abs(d) > 1e-10) spans = true;
          if (d > TOL) positive |= 1 << r;
          else if (d < -TOL) negative |= 1 << r;
        }
        // The ray +c satisfies s_r·d_r ≥ −TOL for all r iff the signs agree wherever d_r is off zero; −c likewise with d negated.
        this.positive[2 * p] = positive;
        this.definite[2 * p] = positive | negative;
        this.positive[2 * p + 1] = negative;
        this.definite[2 * p + 1] = positive | negative;
      }
    }
    this.pairs = p;
    return spans;
  }

  /** Gaussian probability of the cone with signs `mask` (bit r set: s_r = +1, else −1). */
  probability(mask: number): number {
    let count = 0;
    const pk = this.pick;
    for (let p = 0; p < this.pairs; p++) {
      if (!this.valid[p]) continue;
      for (let side = 0; side < 2; side++) {
        const c = 2 * p + side;
        if (((mask ^ this.positive[c]) & this.definite[c]) !== 0) continue;
        const sg = side === 0 ? 1 : -1;
        const x = sg * this.rays[3 * p];
        const y = sg * this.rays[3 * p + 1];
        const z = sg * this.rays[3 * p + 2];
        let dup = false;
        for (let q = 0; q < count && !dup; q++) dup = pk[3 * q] * x + pk[3 * q + 1] * y + pk[3 * q + 2] * z > 1 - 1e-14;
        if (dup) continue;
        pk[3 * count] = x;
        pk[3 * count + 1] = y;
        pk[3 * count + 2] = z;
        count++;
      }
    }
    if (count < 3) return 0;
    let cx = 0;
    let cy = 0;
    let cz = 0;
    for (let q = 0; q < count; q++) {
      cx += pk[3 * q];
      cy += pk[3 * q + 1];
      cz += pk[3 * q + 2];
    }
    const cn = Math.hypot(cx, cy, cz);
    if (cn < 1e-12) return 0;
    cx /= cn;
    cy /= cn;
    cz /= cn;
    // A basis (e1, e2) of the plane ⊥ centre, to order the rays by angle.
    const hx = Math.abs(cx) < 0.9 ? 1 : 0;
    const hy = 1 - hx;
    let e1x = cy * 0 - cz * hy;
    let e1y = cz * hx - cx * 0;
    let e1z = cx * hy - cy * hx;
    const n1 = Math.hypot(e1x, e1y, e1z);
    e1x /= n1;
    e1y /= n1;
    e1z /= n1;
    const e2x = cy * e1z - cz * e1y;
    const e2y = cz * e1x - cx * e1z;
    const e2z = cx * e1y - cy * e1x;
    const order = this.order;
    order.length = count;
    for (let q = 0; q < count; q++) {
      order[q] = q;
      const a = pk[3 * q] * e1x + pk[3 * q + 1] * e1y + pk[3 * q + 2] * e1z;
      const b = pk[3 * q] * e2x + pk[3 * q + 1] * e2y + pk[3 * q + 2] * e2z;
      this.angle[q] = Math.atan2(b, a);
    }
    // Insertion sort: a cell has a handful of vertices.
    for (let q = 1; q < count; q++) {
      const item = order[q];
      let k = q - 1;
      while (k >= 0 && this.angle[order[k]] > this.angle[item]) {
        order[k + 1] = order[k];
        k--;
      }
      order[k + 1] = item;
    }
    let omega = 0;
    const a0 = 3 * order[0];
    const ax = pk[a0];
    const ay = pk[a0 + 1];
    const az = pk[a0 + 2];
    for (let k = 1; k + 1 < count; k++) {
      const b = 3 * order[k];
      const c = 3 * order[k + 1];
      const bx = pk[b];
      const by = pk[b + 1];
      const bz = pk[b + 2];
      const qx = pk[c];
      const qy = pk[c + 1];
      const qz = pk[c + 2];
      const triple = Math.abs(ax * (by * qz - bz * qy) + ay * (bz * qx - bx * qz) + az * (bx * qy - by * qx));
      const denom = 1 + ax * bx + ay * by + az * bz + bx * qx + by * qy + bz * qz + qx * ax + qy * ay + qz * az;
      omega += 2 * Math.atan2(triple, denom);
    }
    return omega / (4 * Math.PI);
  }
}
