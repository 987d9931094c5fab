/**
 * The scaled complementary error function erfcx(x) = e^{x²}·erfc(x) and erfc itself, to full double
 * precision and fast: a Chebyshev series in t = (x − 2)/(x + 2) (the map Numerical Recipes uses for
 * erfc), whose coefficients are computed here once, at load, from slow but exact expansions
 * (Laplace's continued fraction for x ≥ 1/2, the power series of erf below), so no published
 * constants are copied; 26 terms reach 1e-16 in absolute terms, and beyond x = 4 (where erfcx ~
 * 1/(x√π) is small) Laplace's continued fraction at a fixed depth takes over. Relative error ≤ 1e-14
 * over x ≥ 0 (checked against mpmath in test/measure/specialFunctions.test.ts). The two slow
 * expansions are exported: log Φ and the normal hazard (normalCdf.ts) are built on them.
 */

/** Chebyshev nodes used for the fit, and coefficients kept. */
const NODES = 96;
const TERMS = 26;

/**
 * erfcx(x) by Laplace's continued fraction 1/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
 * evaluated backwards from `depth` (x > 0). The default depth (30/x)²/2, at least 50, is past the
 * truncation error's rounding floor (the tail converges like exp(−2x√(2N)); (26/x)²/2 already
 * measured the same): relative error ≤ 5e-16 for x ≥ 1/2 against 3,000 mpmath values, where
 * forward (Lentz) evaluation with a convergence test loses up to 5e-15 near x = 0.7. Callers that
 * know x is large pass a small depth.
 * @throws RangeError for x ≤ 0 or NaN.
 */
export function erfcxByContinuedFraction(x: number, depth: number = Math.ceil(Math.max(50, (30 / x) ** 2 / 2))): number {
  if (!(x > 0)) throw new RangeError(`erfcxByContinuedFraction takes x > 0, got ${x}`);
  if (x === Number.POSITIVE_INFINITY) return 0;
  let h = x;
  for (let n = depth; n >= 1; n--) h = x + n / 2 / h;
  return 1 / (h * Math.sqrt(Math.PI));
}

/**
 * erf(x) by its power series of positive terms erf(x) = 2x/√π · e^{−x²} · Σ_n (2x²)^n / (1·3·…·(2n+1)),
 * which has no cancellation: a few ulps relative for 0 ≤ x ≲ 2 (slow beyond, where the terms grow
 * before they fall; erfc is better computed from erfcx there).
 * @throws RangeError for x < 0 or NaN.
 */
export function erfBySeries(x: number): number {
  if (!(x >= 0)) throw new RangeError(`erfBySeries takes x ≥ 0, got ${x}`);
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 400 && term > 1e-18 * sum; n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return ((2 * x) / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

/** erfcx from the slow but accurate expansions: the series below 1/2, the continued fraction above. */
function slowErfcx(x: number): number {
  return x < 0.5 ? Math.exp(x * x) * (1 - erfBySeries(x)) : erfcxByContinuedFraction(x);
}

/** Chebyshev coefficients of erfcx(2(1 + t)/(1 − t)) on t ∈ [−1, 1). */
const COEFFICIENTS: Float64Array = (() => {
  const values = new Float64Array(NODES);
  for (let j = 0; j < NODES; j++) {
    const t = Math.cos((Math.PI * (j + 0.5)) / NODES);
    values[j] = slowErfcx((2 * (1 + t)) / (1 - t));
  }
  const c = new Float64Array(TERMS);
  for (let k = 0; k < TERMS; k++) {
    let s = 0;
    for (let j = 0; j < NODES; j++) s += values[j] * Math.cos((Math.PI * k * (j + 0.5)) / NODES);
    c[k] = (2 / NODES) * s;
  }
  return c;
})();

/**
 * From here on the continued fraction is used (depth 22 below 6 and 14 above: truncation error
 * ≤ 1e-16 either way); the series' absolute error of 1e-16 is relatively larger where erfcx is small.
 */
const FRACTION_FROM = 4;

/**
 * erfcx(x) = e^{x²}·erfc(x) for x ≥ 0: Clenshaw summation of the Chebyshev series below 4, Laplace's
 * continued fraction from 4 on (truncation error ≤ 1e-16 there).
 * @throws RangeError for x < 0 or NaN.
 */
export function erfcx(x: number): number {
  if (!(x >= 0)) throw new RangeError(`erfcx takes x ≥ 0, got ${x}`);
  if (x >= FRACTION_FROM) return erfcxByContinuedFraction(x, x >= 6 ? 14 : 22);
  const t = (x - 2) / (x + 2);
  let b1 = 0;
  let b2 = 0;
  for (let k = TERMS - 1; k >= 1; k--) {
    const b = 2 * t * b1 - b2 + COEFFICIENTS[k];
    b2 = b1;
    b1 = b;
  }
  return t * b1 - b2 + 0.5 * COEFFICIENTS[0];
}

/**
 * erfc(x) for any real x: erfcx(x)·e^{−x²} for x ≥ 0, 2 − erfc(−x) below (relative error ≤ 1e-14
 * where erfc(x) ≥ 1e-300; it underflows to 0 beyond x ≈ 26.5).
 */
export function erfc(x: number): number {
  return x >= 0 ? erfcx(x) * Math.exp(-x * x) : 2 - erfcx(-x) * Math.exp(-x * x);
}
