#!/usr/bin/env python3
"""The numpy baseline of the Monte Carlo table (bench/monteCarlo.mjs runs it).

Draws Gaussian perceptron parameters (w, b) ~ N(0, I) (numpy's ziggurat on PCG64), computes
sign(X·w + b) for all 2^n binary rows as one matrix product per batch of 2^20, packs each sample's outputs into an integer (bit r = output
on row r, rows MSB-first as in weightspace), and histograms with np.unique(return_counts=True);
batch histograms are merged by key. Prints one JSON line: samples, CPU seconds, distinct functions.

usage: numpyMonteCarlo.py N SAMPLES [SEED]   (run with OPENBLAS_NUM_THREADS=1 for a per-core figure)
"""
import json
import sys
import time

import numpy as np

BATCH = 1 << 20


def main() -> None:
    n = int(sys.argv[1])
    samples = int(float(sys.argv[2]))
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rows = 1 << n
    # Row r, input i (MSB-first): bit n-1-i of r.
    # Inputs with a constant 1 appended: pre-activations = theta @ xt, one contiguous matrix product.
    xt = np.array([[(r >> (n - 1 - i)) & 1 for i in range(n)] + [1] for r in range(rows)], dtype=np.float64).T.copy()
    if rows < 8:
        sys.exit("numpyMonteCarlo.py: n from 3 to 6")
    rng = np.random.default_rng(seed)
    total: dict[int, int] = {}
    t0 = time.process_time()
    done = 0
    while done < samples:
        count = min(BATCH, samples - done)
        theta = rng.standard_normal((count, n + 1))
        pre = theta @ xt
        # Bit r of the key = output on row r: pack each sample's row of booleans little-endian
        # and read the bytes as one unsigned integer (little-endian machines).
        packed = np.packbits(pre > 0, axis=1, bitorder="little")
        keys = packed.view(f"<u{rows // 8}").ravel()
        uniq, hits = np.unique(keys, return_counts=True)
        for k, h in zip(uniq.tolist(), hits.tolist()):
            total[k] = total.get(k, 0) + h
        done += count
    cpu = time.process_time() - t0
    print(json.dumps({"n": n, "samples": samples, "cpuSeconds": cpu, "functionsSeen": len(total)}))


if __name__ == "__main__":
    main()
