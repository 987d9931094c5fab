#!/usr/bin/env python3
"""Orthant probabilities P(X > 0), X ~ N(0, R), for test/measure/orthantProbability.test.ts and
test/measure/simplicialConeGaussian.test.ts. Writes orthantReferences.json beside this script.
Run: python3 test/reference/orthantReferences.py (about 10 minutes, mostly the d = 6 cones; mpmath only).

- Equicorrelated R (X_i = sqrt(1-rho) E_i + sqrt(rho) Z): conditioning on Z,
  P = integral phi(z) Phi(c z)^d dz, c = sqrt(rho/(1-rho)). For rho < 0, c is imaginary,
  Phi(i y) = 1/2 + i erfi(y/sqrt 2)/2, and the real part of the same integral converges exactly when
  R is positive definite.
- Any R (d <= 6): Plackett's identity dP/dr_ij = phi2(0, 0; r_ij) P_{d-2}(R given X_i = X_j = 0)
  integrated from the identity (P = 2^-d) along R(t) = I + t (R - I); in theta = asin(t r_ij) each
  pair's integrand is smooth. P_2 and P_3 are closed forms, P_4 and up recurse.
  The equicorrelated cases are computed both ways as a check.
- Simplicial cones: for generators v (rows), the facet normals are the rows of B = M^-1 with the
  generators as the columns of M, and the cone's Gaussian measure is the orthant probability of
  the correlation matrix of B's rows.
"""
import json
import os

import mpmath
from mpmath import asin, erfc, erfi, exp, inf, matrix, mp, mpf, nstr, pi, quad, re, sin, sqrt

mp.dps = 25
GL = "gauss-legendre"  # the Plackett integrands are smooth: far fewer nodes than tanh-sinh


def equicorrelated_integral(d, rho):
    phi = lambda z: exp(-z * z / 2) / sqrt(2 * pi)
    if rho >= 0:
        c = sqrt(rho / (1 - rho))
        return quad(lambda z: phi(z) * (erfc(-c * z / sqrt(2)) / 2) ** d, [-inf, 0, inf])
    c = sqrt(-rho / (1 - rho))
    return quad(lambda z: phi(z) * re((mpf(1) / 2 + 1j * erfi(c * z / sqrt(2)) / 2) ** d), [-inf, 0, inf])


def conditional(R, i, j):
    """Correlation matrix of the other coordinates given X_i = X_j = 0."""
    rest = [k for k in range(len(R)) if k not in (i, j)]
    a, b, c = R[i][i], R[i][j], R[j][j]
    det = a * c - b * b
    cov = [[R[k][l] - (R[k][i] * (c * R[i][l] - b * R[j][l]) + R[k][j] * (a * R[j][l] - b * R[i][l])) / det
            for l in rest] for k in rest]
    return [[cov[k][l] / sqrt(cov[k][k] * cov[l][l]) for l in range(len(rest))] for k in range(len(rest))]


def plackett(R):
    d = len(R)
    if d == 0:
        return mpf(1)
    if d == 1:
        return mpf(1) / 2
    pairs = [(i, j) for i in range(d) for j in range(i + 1, d) if R[i][j] != 0]
    if d <= 3:
        return mpf(1) / 2 ** d + sum(asin(R[i][j]) for i, j in pairs) / (2 * pi if d == 2 else 4 * pi)
    along = lambda t: [[R[k][l] if k == l else t * R[k][l] for l in range(d)] for k in range(d)]
    total = mpf(1) / 2 ** d
    for i, j in pairs:
        r = R[i][j]
        total += quad(lambda th: plackett(conditional(along(sin(th) / r), i, j)), [0, asin(r)], method=GL) / (2 * pi)
    return total


def correlation(rows):
    dot = lambda u, v: sum(x * y for x, y in zip(u, v))
    return [[dot(a, b) / sqrt(dot(a, a) * dot(b, b)) for b in rows] for a in rows]


def cone(generators):
    B = matrix(generators).T ** -1
    return plackett(correlation([[B[i, j] for j in range(B.cols)] for i in range(B.rows)]))


EQUI = [(4, "0.9"), (4, "0.99"), (5, "0.9"), (5, "0.1"), (6, "0.9"), (6, "0.1"), (7, "0.9"), (7, "0.1"),
        (4, "-0.3"), (5, "-0.2"), (6, "-0.15")]
MIXED = [["1", "-0.4", "0.3", "0.2", "-0.1"], ["-0.4", "1", "-0.25", "0.1", "0.3"], ["0.3", "-0.25", "1", "-0.35", "0.15"],
         ["0.2", "0.1", "-0.35", "1", "-0.2"], ["-0.1", "0.3", "0.15", "-0.2", "1"]]
# d = 5, 6 cones of small p are perceptron-cone simplices (thin); the others random integer cones.
CONES = [
    [[-2, 1, -3, -2], [-1, -1, 3, 2], [3, 3, -3, -3], [3, -3, -2, -2]],
    [[3, -1, -2, -2], [0, 1, 2, 1], [3, -3, 0, 0], [1, -3, -2, 0]],
    [[-3, 3, 1, 2, 0], [1, -1, -1, -3, -2], [2, 0, 2, -2, 2], [3, 2, -2, -1, -2], [2, 2, 0, -2, -3]],
    [[0, 1, 0, 0, -1], [0, 1, 0, 1, -1], [0, 1, -1, 1, -1], [-1, 2, -1, 1, -1], [1, 2, -1, 1, -2]],
    [[0, 0, 0, -1, 0], [0, 0, 1, 0, -1], [0, 1, 0, 0, -1], [0, -1, 0, 0, 0], [1, 0, 0, 0, -1]],
    [[1, 0, 2, -1, 1, -1], [1, 0, 1, -1, 2, -1], [1, 1, 1, -1, 1, -1], [1, 0, 1, -1, 1, -1], [1, 0, 1, 0, 1, -1],
     [2, 0, 1, -1, 1, -1]],
    [[0, -1, 0, 0, 0, 1], [0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 1, 0], [0, 0, 1, 0, 0, 0], [0, 0, -1, 0, 0, 1],
     [-1, 0, 0, 0, 0, 1]],
]

equi = []
for d, r in EQUI:
    p = equicorrelated_integral(d, mpf(r))
    if d <= 5:  # the two methods agree (d = 6, 7 Plackett would take minutes)
        R = [[mpf(1) if k == l else mpf(r) for l in range(d)] for k in range(d)]
        assert abs(plackett(R) - p) < mpf(10) ** -20, (d, r)
    equi.append({"d": d, "rho": r, "p": nstr(p, 22)})

out = {
    "source": "test/reference/orthantReferences.py (mpmath %s, dps %d)" % (mpmath.__version__, mp.dps),
    "equicorrelated": equi,
    "correlation": [{"R": MIXED, "p": nstr(plackett([[mpf(x) for x in row] for row in MIXED]), 22)}],
    "simplicialCones": [{"generators": v, "p": nstr(cone(v), 22)} for v in CONES],
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "orthantReferences.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
