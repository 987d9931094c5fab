"""Reference values of log Φ(z) and φ(z)/Φ(z) (mpmath, 50 digits) for test/measure/normalCdf.test.ts."""
import json
import mpmath as mp

mp.mp.dps = 50
zs = [-1e8, -1e4, -300, -40, -38.5, -20, -10, -5, -3, -1.0001, -1, -0.9999, -2, -1, -0.5, -1e-3, 0, 1e-3, 0.5, 1, 2, 0.9999, 1.0001, 3, 5, 8, 10, 20, 37]
out = []
for z in zs:
    zz = mp.mpf(z)
    cdf = mp.ncdf(zz)
    out.append({"z": z, "logCdf": float(mp.log(cdf)), "hazard": float(mp.npdf(zz) / cdf)})
with open(__file__.replace(".py", ".json"), "w") as f:
    json.dump(out, f, indent=1)
