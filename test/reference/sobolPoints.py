#!/usr/bin/env python3
"""Reference Sobol' points for test/measure/sobol.test.ts: the first 1,024 unscrambled points in 64
dimensions from scipy.stats.qmc.Sobol (Joe-Kuo new-joe-kuo-6.21201 direction numbers, Gray-code
order, 30 bits), as integers k with x = k / 2^30. Output: sobolPoints.json."""
import json

from scipy.stats import qmc

import scipy

POINTS = 1024
DIM = 64
sampler = qmc.Sobol(d=DIM, scramble=False, bits=30)
x = sampler.random(POINTS)
rows = [[int(round(v * 2**30)) for v in row] for row in x]
with open(__file__.replace(".py", ".json"), "w") as f:
    json.dump({"source": f"scipy {scipy.__version__} qmc.Sobol(d={DIM}, scramble=False, bits=30)", "bits": 30, "points": rows}, f)
