/**
 * Gauss–Legendre quadrature nodes and weights on [−1, 1].
 *
 * Nodes come from Newton's method on the three-term recurrence for P_n, started at Tricomi's
 * asymptotic guess; for n ≤ 200 nodes and weights are accurate to a few ulps, which is what the
 * 1e-13-level quadratures built on them need.
 */

/** An n-point rule on [−1, 1]: ∫ f ≈ Σ weights[k]·f(nodes[k]), exact for degree ≤ 2n − 1. */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const cache = new Map<number, QuadratureRule>();

/** P_n(x) and P_n′(x) by the three-term recurrence (|x| < 1). */
function legendre(n: number, x: number): { p: number; dp: number } {
  let p0 = 1;
  let p1 = x;
  for (let k = 2; k <= n; k++) {
    const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
    p0 = p1;
    p1 = p2;
  }
  return { p: p1, dp: n === 1 ? 1 : (n * (x * p1 - p0)) / (x * x - 1) };
}

/**
 * The n-point Gauss–Legendre rule on [−1, 1] (cached; callers must not mutate it).
 * @throws RangeError if n is not an integer in 1..200.
 */
export function gaussLegendre(n: number): QuadratureRule {
  if (!Number.isInteger(n) || n < 1 || n > 200) {
    throw new RangeError(`gaussLegendre: n must be an integer from 1 to 200, got ${n}`);
  }
  const hit = cache.get(n);
  if (hit) return hit;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 0; i < half; i++) {
    // Tricomi's approximation to the i-th largest root; Newton then converges in 2–4 steps.
    const th = (Math.PI * (4 * i + 3)) / (4 * n + 2);
    let x = (1 - (n - 1) / (8 * n * n * n)) * Math.cos(th);
    for (let iter = 0; iter < 100; iter++) {
      const { p, dp } = legendre(n, x);
      const dx = p / dp;
      x -= dx;
      if (Math.abs(dx) <= 1e-16) break;
    }
    // The derivative at the converged node gives the weight.
    const { dp } = legendre(n, x);
    const w = 2 / ((1 - x * x) * dp * dp);
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  if (n % 2 === 1) nodes[half - 1] = 0;
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}
