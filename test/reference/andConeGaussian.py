#!/usr/bin/env python3
"""Gaussian probability that a 2-input perceptron computes AND: P(A theta > 0) for theta ~ N(0, I_3).

The AND cone in (w1, w2, b) has the facet normals (0,-1,-1), (-1,0,-1), (1,1,1) (rows 01, 10, 11;
row 00 is implied). For three half-spaces through the origin the orthant formula is exact:
P = 1/8 + (asin r12 + asin r13 + asin r23) / (4 pi), r_ij the correlations of the normals.
Writes andConeGaussian.json beside this script (mpmath, 40 digits). Run: python3 test/reference/andConeGaussian.py
"""
import json
import os

import mpmath
from mpmath import asin, mp, mpf, nstr, pi, sqrt

mp.dps = 40
A = [(0, -1, -1), (-1, 0, -1), (1, 1, 1)]


def corr(a, b):
    dot = lambda u, v: mpf(sum(x * y for x, y in zip(u, v)))
    return dot(a, b) / sqrt(dot(a, a) * dot(b, b))


p = mpf(1) / 8 + sum(asin(corr(A[i], A[j])) for i, j in [(0, 1), (0, 2), (1, 2)]) / (4 * pi)
out = {
    "source": "test/reference/andConeGaussian.py (mpmath %s, dps %d)" % (mpmath.__version__, mp.dps),
    "facetNormals": A,
    "p": nstr(p, 30),
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "andConeGaussian.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
