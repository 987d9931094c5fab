/**
 * The upper-bound fit of simplicity bias, log2 P(f) ≤ −a·K(f) + b (Dingle et al. 2018's bound
 * P(x) ≲ 2^{−aK(x)−b}, fitted from above). Only the top envelope matters: for each distinct
 * complexity K the largest log2 P. The line is the one that stays on or above every envelope point
 * and minimises the total gap Σ_k (b − a·K_k − y_k), a linear programme in (a, b). Its objective
 * is m·(b − a·K̄) − Σ y_k, the height of the line at the mean K̄ of the envelope's K values, and
 * the lines on or above a set of points are the lines on or above its upper convex hull; so the
 * optimum is a line through the hull edge over K̄, solved exactly without an LP solver.
 */

/** One envelope point: a complexity value and the largest log2 P at it. */
export interface EnvelopePoint {
  /** Complexity K. */
  readonly k: number;
  /** max log2 P(f) over the functions with complexity K (bits). */
  readonly log2p: number;
}

/** The fitted bound. */
export interface UpperBoundFit {
  /** Slope: log2 P falls by a bits per unit of K (negative if the envelope rises). */
  readonly a: number;
  /** Intercept in bits: the bound at K = 0. */
  readonly b: number;
  /** The envelope, by K ascending. */
  readonly envelope: readonly EnvelopePoint[];
  /** The envelope points the line passes through (two, or one when there is a single K). */
  readonly touching: readonly EnvelopePoint[];
  /** Σ_k (b − a·K_k − y_k) ≥ 0, the minimised total gap (bits). */
  readonly gap: number;
}

/** For each distinct K the largest log2 P, by K ascending. Points with log2 P = −∞ (P = 0) are skipped. */
export function topEnvelope(points: Iterable<{ readonly k: number; readonly log2p: number }>): EnvelopePoint[] {
  const best = new Map<number, number>();
  for (const { k, log2p } of points) {
    if (Number.isNaN(k) || Number.isNaN(log2p)) throw new RangeError("topEnvelope: NaN point");
    if (log2p === -Infinity) continue;
    const cur = best.get(k);
    if (cur === undefined || log2p > cur) best.set(k, log2p);
  }
  return [...best.entries()].sort((p, q) => p[0] - q[0]).map(([k, log2p]) => ({ k, log2p }));
}

/** Cross product sign of (b − a) × (c − a): > 0 when c is left of the line a→b. */
function cross(a: EnvelopePoint, b: EnvelopePoint, c: EnvelopePoint): number {
  return (b.k - a.k) * (c.log2p - a.log2p) - (b.log2p - a.log2p) * (c.k - a.k);
}

/**
 * Fits log2 P ≤ −a·K + b to the top envelope of the points (see the module comment). When the mean
 * K̄ falls on a hull vertex every line between its two edges is optimal; the edge to the right of
 * the vertex is taken (the left one at the last vertex).
 * @throws RangeError when no point has P > 0, or a point is NaN.
 */
export function upperBoundFit(points: Iterable<{ readonly k: number; readonly log2p: number }>): UpperBoundFit {
  const envelope = topEnvelope(points);
  if (envelope.length === 0) throw new RangeError("upperBoundFit: no point with P > 0");
  if (envelope.length === 1) return { a: 0, b: envelope[0].log2p, envelope, touching: envelope, gap: 0 };
  // Andrew's monotone chain, upper hull (K ascending, distinct).
  const hull: EnvelopePoint[] = [];
  for (const p of envelope) {
    while (hull.length >= 2 && cross(hull[hull.length - 2], hull[hull.length - 1], p) >= 0) hull.pop();
    hull.push(p);
  }
  const mean = envelope.reduce((s, p) => s + p.k, 0) / envelope.length;
  let e = 0;
  while (e + 2 < hull.length && hull[e + 1].k <= mean) e++;
  const [p, q] = [hull[e], hull[e + 1]];
  const slope = (q.log2p - p.log2p) / (q.k - p.k);
  const b = p.log2p - slope * p.k;
  const gap = envelope.reduce((s, v) => s + (b + slope * v.k - v.log2p), 0);
  return { a: -slope, b, envelope, touching: [p, q], gap };
}
