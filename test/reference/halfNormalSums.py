#!/usr/bin/env python3
"""p_k = P(b > |w_1| + ... + |w_k|) for independent standard normals b, w_1..w_k, k = 0..6.

The probability that a perceptron with all weights' effects against the bias outputs 1 everywhere
(test/cli/completeVolumeTables.test.ts). Y = b - sum |w_i| has characteristic function
exp(-(k+1) t^2 / 2) * (1 - i erfi(t / sqrt 2))^k, and Gil-Pelaez inversion gives
P(Y > 0) = 1/2 + (1/pi) * integral_0^inf Im(cf(t)) / t dt.
Writes halfNormalSums.json beside this script (mpmath, 30 digits). Run: python3 test/reference/halfNormalSums.py
"""
import json
import os

import mpmath
from mpmath import mp, erfi, exp, im, inf, nstr, pi, quad, sqrt

mp.dps = 30


def p(k):
    cf = lambda t: exp(-(k + 1) * t * t / 2) * (1 - 1j * erfi(t / sqrt(2))) ** k
    return mp.mpf(1) / 2 + quad(lambda t: im(cf(t)) / t, [0, 1, 4, inf]) / pi


out = {
    "source": "test/reference/halfNormalSums.py (mpmath %s, dps %d)" % (mpmath.__version__, mp.dps),
    "p": [nstr(p(k), 25) for k in range(7)],
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "halfNormalSums.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
