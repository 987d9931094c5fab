/**
 * ln Γ(x) for x > 0 and ln(1 + δ) − δ, the building blocks of the incomplete gamma function and of
 * the random-direction estimator's normalising constants (D up to 1e4 and beyond).
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** Below this, ln Γ is shifted up by the recurrence before the Stirling series is used. */
const STIRLING_FROM = 15;

/**
 * The Stirling correction ε(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ 15: five terms of
 * the asymptotic series, whose first omitted term (691/(360360 x^11)) is below 2e-16 there.
 */
export function stirlingCorrection(x: number): number {
  if (!(x >= STIRLING_FROM)) throw new RangeError(`stirlingCorrection takes x ≥ ${STIRLING_FROM}, got ${x}`);
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188)))));
}

/**
 * ln Γ(x) for x > 0: the Stirling series for x ≥ 15, else ln Γ(x + m) − ln(x(x+1)…(x+m−1)) with the
 * shift m that reaches 15. Absolute error ≤ 1e-14·max(1, |ln Γ(x)|) (checked against mpmath in
 * test/measure/logGamma.test.ts).
 * @throws RangeError unless x is a finite number > 0.
 */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma takes a finite x > 0, got ${x}`);
  let shift = 0;
  let product = 1;
  let y = x;
  while (y < STIRLING_FROM) {
    product *= y;
    y += 1;
    shift++;
  }
  const stirling = (y - 0.5) * Math.log(y) - y + HALF_LOG_TWO_PI + stirlingCorrection(y);
  return shift === 0 ? stirling : stirling - Math.log(product);
}

/**
 * ln(1 + δ) − δ for δ > −1, without the cancellation of the two terms near δ = 0 (series there,
 * relative error ~1e-16).
 * @throws RangeError if δ ≤ −1.
 */
export function log1pmx(delta: number): number {
  if (!(delta > -1)) throw new RangeError(`log1pmx takes δ > −1, got ${delta}`);
  if (Math.abs(delta) > 0.25) return Math.log1p(delta) - delta;
  // ln(1 + δ) − δ = −Σ_{k≥2} (−δ)^k / k; |δ| ≤ 1/4 needs ~25 terms for 1e-17.
  let power = delta * delta;
  let sum = 0;
  for (let k = 2; k < 60; k++) {
    const t = power / k;
    sum += t;
    if (Math.abs(t) <= 1e-17 * Math.abs(sum)) break;
    power *= -delta;
  }
  return -sum;
}
