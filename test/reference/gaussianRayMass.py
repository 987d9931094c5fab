#!/usr/bin/env python3
"""Reference values for the random-direction estimator's special functions (src/measure/).

- logGamma: ln Gamma(x) for x from 1e-3 to 1e5 (mpmath.loggamma).
- gammaP: ln P(s, x) and ln Q(s, x), the regularised incomplete gamma functions
  (mpmath.gammainc(..., regularized=True, maxterms=10**7)), for s from 0.5 to 5e4 and x around s, far below and far
  above it (values that underflow a double are kept as logarithms).
- erfcx: e^(x^2) erfc(x) for x from 0 to 1e5 (mpmath.erfc).
- rayMass: ln p = ln( 2^(1-D/2)/Gamma(D/2) * exp(-q/2) * integral_0^r t^(D-1) exp(-(t+a)^2/2) dt ),
  the Gaussian mass of a ray segment in polar coordinates (gaussianRayMass.ts), by mpmath.quad on
  the log-shifted integrand with break points at its peak, for D = 1 ... 10^4.
Every value is computed at 30 and 40 digits; the script asserts they agree to 1e-20 relative.
Used by test/measure/specialFunctions.test.ts and test/measure/_internals/radialIntegrals.test.ts.
Run: python3 test/reference/gaussianRayMass.py (about a minute).
"""
import json
import os

import mpmath
from mpmath import mp, mpf


def lower_p(s, x):
    # P = x^s e^-x / Gamma(s + 1) * 1F1(1; s + 1; x) (positive series; no cancellation)
    return mpmath.exp(s * mpmath.log(x) - x - mpmath.loggamma(s + 1)) * mpmath.hyp1f1(1, s + 1, x, maxterms=10**7)


def log_gamma_p(s, x):
    if x <= s:
        return mpmath.log(lower_p(s, x))
    return mpmath.log(1 - mpmath.gammainc(s, x, mpmath.inf, regularized=True))


def log_gamma_q(s, x):
    if x <= s:
        return mpmath.log(1 - lower_p(s, x))
    return mpmath.log(mpmath.gammainc(s, x, mpmath.inf, regularized=True))


def log_ray_mass(D, a, q, r):
    k = D - 1
    a = mpf(a)
    tm = max(mpf(0), -a) if k == 0 else (-a + mpmath.sqrt(a * a + 4 * k)) / 2
    top = r if r != "inf" else mpmath.inf
    ref = tm if top == mpmath.inf or tm < top else mpf(top)
    gref = (k * mpmath.log(ref) if k > 0 else 0) - (ref + a) ** 2 / 2
    if ref == 0:
        gref = -(a * a) / 2

    def f(t):
        if t == 0:
            return mpf(0) if k > 0 else mpmath.exp(-(a * a) / 2 - gref)
        return mpmath.exp(k * mpmath.log(t) - (t + a) ** 2 / 2 - gref)

    width = 1 / mpmath.sqrt(1 + (k / ref**2 if k > 0 and ref > 0 else 0))
    pts = [mpf(0)]
    for m in [-40, -20, -10, -5, -2, -1, 0, 1, 2, 5, 10, 20, 40]:
        t = ref + m * width
        if 0 < t and (top == mpmath.inf or t < top) and t > pts[-1]:
            pts.append(t)
    pts.append(top)
    integral = mpmath.quad(f, pts)
    log_const = (1 - mpf(D) / 2) * mpmath.log(2) - mpmath.loggamma(mpf(D) / 2)
    return log_const - mpf(q) / 2 + gref + mpmath.log(integral)


def both(fn, *args):
    mp.dps = 30
    v30 = fn(*args)
    mp.dps = 40
    v40 = fn(*args)
    assert abs(v30 - v40) <= mpf(10) ** -20 * max(1, abs(v40)), (fn.__name__, args, v30, v40)
    return mpmath.nstr(v40, 25)


log_gamma = []
for x in ["0.001", "0.1", "0.5", "1", "1.5", "2", "2.5", "3", "7.25", "14.9", "15", "15.1", "33.5", "100", "1234.5", "5000", "100000"]:
    log_gamma.append({"x": x, "logGamma": both(lambda v: mpmath.loggamma(mpf(v)), x)})

erfcx = []
for x in ["0", "1e-8", "0.1", "0.3", "0.4999", "0.5", "0.7", "1", "1.5", "2", "2.5", "3", "4", "5", "5.999", "6", "7", "10", "15", "20", "26", "50", "100", "1000", "100000"]:
    erfcx.append({"x": x, "erfcx": both(lambda v: mpmath.erfc(mpf(v)) * mpmath.exp(mpf(v) ** 2), x)})

gamma_p = []
for s in ["0.5", "1", "3", "7.5", "20", "100.5", "1000", "5000", "50000"]:
    sv = float(s)
    for x in sorted({1e-6, 0.01 * sv, 0.5 * sv, sv - 3 * sv**0.5, sv - 0.5, sv, sv + 1, sv + 3 * sv**0.5, 2 * sv, 10 * sv + 50}):
        if x <= 0:
            continue
        xs = repr(x)
        gamma_p.append({"s": s, "x": xs, "logP": both(lambda a, b: log_gamma_p(mpf(a), mpf(b)), s, xs),
                        "logQ": both(lambda a, b: log_gamma_q(mpf(a), mpf(b)), s, xs)})

ray_mass = []
for D in [1, 2, 3, 6, 7, 10, 30, 100, 1000, 10000]:
    sq = D**0.5
    for a in [-2 * sq, -1.5, -0.2, 0.0, 0.3, 1.0, 3.0, 2 * sq]:
        tm = max(0.0, -a) if D == 1 else (-a + (a * a + 4 * (D - 1)) ** 0.5) / 2
        for r in [1e-3, 0.1, 1.0, 0.5 * tm, tm, 2 * tm, 1e3, "inf"]:
            if r != "inf" and r <= 0:
                continue
            q = 0.0 if a == 0.0 else 0.7
            rs = r if r == "inf" else repr(r)
            ray_mass.append({"D": D, "a": repr(a), "q": repr(q), "r": rs,
                             "logMass": both(lambda *v: log_ray_mass(v[0], v[1], v[2], v[3] if v[3] == "inf" else mpf(v[3])), D, a, q, rs)})

out = {
    "source": "test/reference/gaussianRayMass.py (mpmath %s, 30 and 40 digits)" % mpmath.__version__,
    "logGamma": log_gamma,
    "erfcx": erfcx,
    "gammaP": gamma_p,
    "rayMass": ray_mass,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gaussianRayMass.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
