#!/usr/bin/env python3
"""Reference volumes in d = 8 and 9 (perceptrons with 7 and 8 inputs and a bias) for
test/measure/volumes89.test.ts. Writes volumes89.json beside this script (mpmath; about a minute).

1. The constant function 1 (output 1 on every input), n = 1..8 inputs, both encodings, both priors:
   - signed (x ∈ {−1, 1}^n): the cone is {b > Σ|w_i|}. Gaussian: Y = b − Σ|w_i| has characteristic
     function e^{−(n+1)t²/2}(1 − i·erfi(t/√2))^n; uniform on [−1, 1]^{n+1}: by the 2^n sign
     orthants of w, vol = 2^n ∫₀¹ b^n/n! db = 2^n/(n+1)!, fraction 1/(2·(n+1)!).
   - binary (x ∈ {0, 1}^n): the cone is {b + Σ_{i∈S} w_i > 0 ∀S} = {b > Σ max(0, −w_i)}, and by
     w ↦ −w the same probability as b > Σ max(0, w_i). Gaussian: the characteristic function of
     Y = b − Σ max(0, w_i) is e^{−t²/2}(½ + ½e^{−t²/2}(1 − i·erfi(t/√2)))^n; uniform: with k of the
     w_i negative (probability C(n, k)/2^n), each |w_i| ~ U[0, 1], and P(b > S_k) = E(1 − S_k)₊/2
     = 1/(2·(k+1)!) (S_k ≤ 1 has density s^{k−1}/(k−1)!), so the fraction is
     Σ_k C(n, k)/(2^{n+1}·(k+1)!).
   Gaussian values by Gil-Pelaez inversion, P(Y > 0) = ½ + (1/π)∫₀^∞ Im φ_Y(t)/t dt, at two
   precisions (they must agree to 1e-20); checked against closed forms at n = 1 (3/8 binary, 1/4
   signed) and n = 3 signed (1/24).
2. One-factor cones {θ : rows·θ > 0}, rows = q·I + p·x·xᵀ (integer x, β = p/q): the rows' Gram
   matrix is q²(I + γxxᵀ), γ = β(2 + β|x|²), so the facet normals are one-factor correlated and
   P = ∫ φ(z) Π Φ(x_i √γ z) dz for γ > 0; for −1/|x|² < γ < 0 the real part of the same integral
   with Φ(iy) = ½ + (i/2)·erfi(y/√2) (analytic continuation: thin cones). As in gaussianCones.py,
   computed at two precisions that must agree to 1e-18 relative.
"""

import json
import math
import os
from fractions import Fraction

import mpmath
from mpmath import mp

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "volumes89.json")


def gil_pelaez(cf):
    return mp.mpf(1) / 2 + mp.quad(lambda t: mp.im(cf(t)) / t, [0, 1, 4, mp.inf]) / mp.pi


def signed_constant(n):
    return gil_pelaez(lambda t: mp.exp(-(n + 1) * t * t / 2) * (1 - 1j * mp.erfi(t / mp.sqrt(2))) ** n)


def binary_constant(n):
    half = lambda t: mp.mpf(1) / 2 + mp.exp(-t * t / 2) * (1 - 1j * mp.erfi(t / mp.sqrt(2))) / 2
    return gil_pelaez(lambda t: mp.exp(-t * t / 2) * half(t) ** n)


def uniform_signed_constant(n):
    return Fraction(1, 2 * math.factorial(n + 1))


def uniform_binary_constant(n):
    return sum(Fraction(math.comb(n, k), 2 ** (n + 1) * math.factorial(k + 1)) for k in range(n + 1))


def twice(fn, agree):
    with mp.workdps(30):
        a = fn()
    with mp.workdps(45):
        b = fn()
    if abs(a - b) > agree * abs(b):
        raise RuntimeError(f"reference unstable: {a} vs {b}")
    return b


def one_factor_reference(x, gamma):
    gamma = mp.mpf(gamma.numerator) / gamma.denominator
    if gamma > 0:
        a = [xi * mp.sqrt(gamma / 2) for xi in x]
        return mp.quad(lambda z: mp.npdf(z) * mp.fprod(mp.erfc(-ai * z) / 2 for ai in a), [-mp.inf, 0, mp.inf])
    a = [xi * mp.sqrt(-gamma / 2) for xi in x]
    scale = 1 / mp.sqrt(1 + gamma * sum(xi * xi for xi in x))

    def f(z):
        prod = mp.mpc(1)
        for ai in a:
            prod *= mp.mpc(mp.mpf(1) / 2, mp.erfi(ai * z) / 2)
        return mp.npdf(z) * prod.real

    return 2 * mp.quad(f, [mp.mpf(0)] + [scale * mp.mpf(4) ** k for k in range(-2, 3)] + [mp.inf])


def one_factor_rows(x, beta):
    q, p = beta.denominator, beta.numerator
    d = len(x)
    return [[q * int(i == j) + p * x[i] * x[j] for j in range(d)] for i in range(d)]


# (name, x, β): wide (moderate correlations), narrow (γ ~ 1e2: correlations near 1) and negative
# (γ < 0, 1 + β|x|² = ε = 0.05: negatively correlated facet normals, the analytic continuation).
def thin_beta(x, eps):
    n2 = sum(v * v for v in x)
    return -(1 - eps) / n2


CONES = []
for x in ([1, 1, 2, -1, 1, 3, 1, 1], [1, -1, 1, 2, 1, 1, -2, 1, 1]):
    CONES.append((f"wide-d{len(x)}", x, Fraction(3, 10)))
    CONES.append((f"narrow-d{len(x)}", x, Fraction(4)))
    CONES.append((f"negative-d{len(x)}", x, thin_beta(x, Fraction(1, 20))))


def main():
    # Closed-form checks of the Gil-Pelaez integrals.
    with mp.workdps(30):
        assert abs(binary_constant(1) - mp.mpf(3) / 8) < mp.mpf("1e-25")
        assert abs(signed_constant(1) - mp.mpf(1) / 4) < mp.mpf("1e-25")
        assert abs(signed_constant(3) - mp.mpf(1) / 24) < mp.mpf("1e-25")
    assert uniform_binary_constant(1) == Fraction(3, 8)
    constants = []
    for n in range(1, 9):
        constants.append({
            "inputs": n,
            "signed": {
                "gaussian": mp.nstr(twice(lambda: signed_constant(n), mp.mpf("1e-20")), 25),
                "uniform": str(uniform_signed_constant(n)),
            },
            "binary": {
                "gaussian": mp.nstr(twice(lambda: binary_constant(n), mp.mpf("1e-20")), 25),
                "uniform": str(uniform_binary_constant(n)),
            },
        })
    cones = []
    for name, x, beta in CONES:
        gamma = beta * (2 + beta * sum(v * v for v in x))
        p = twice(lambda: one_factor_reference(x, gamma), mp.mpf("1e-18"))
        cones.append({"name": name, "d": len(x), "rows": [[str(v) for v in r] for r in one_factor_rows(x, beta)],
                      "p": mp.nstr(p, 25)})
    out = {
        "source": "test/reference/volumes89.py (mpmath %s)" % mpmath.__version__,
        "constants": constants,
        "cones": cones,
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
