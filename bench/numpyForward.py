#!/usr/bin/env python3
"""The numpy baseline of the layered nets' forward pass (bench/forward.mjs runs it).

For a fully connected net n-h-1 (step or relu hidden units, binary inputs, output 1 iff its
pre-activation > 0), in batches: draws θ ~ N(0, I) (numpy's ziggurat on PCG64) as one (batch, d)
array in weightspace's parameter order (W1 row-major, b1, v, c), computes the hidden
pre-activations of all 2^n rows as one matrix product, the activations, the output pre-activations
with an einsum, packs each sample's outputs into a byte (bit r = output on row r, rows MSB-first as
in weightspace) and histograms the bytes with np.bincount. Two timings (process CPU time):
`forward` (the forward pass and packing only, on parameters drawn beforehand) and `sampled` (draw,
forward, pack, histogram). Each is the best over the batch sizes tried, so numpy gets its best case.
Prints one JSON line.

usage: numpyForward.py n h step|relu SAMPLES   (run with OPENBLAS_NUM_THREADS=1 for a per-core figure)
"""
import json
import sys
import time

import numpy as np


def main() -> None:
    n, h, activation, samples = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(float(sys.argv[4]))
    rows = 1 << n
    d = h * n + h + h + 1
    x = np.array([[(r >> (n - 1 - i)) & 1 for i in range(n)] for r in range(rows)], dtype=np.float64)
    if rows > 8:
        sys.exit("numpyForward.py: n from 1 to 3 (one byte per table)")
    rng = np.random.default_rng(1)

    def forward(theta: np.ndarray) -> np.ndarray:
        # The fastest of the formulations tried (einsum for both layers; matmul per sample; this):
        # all samples' hidden pre-activations as one (count·h, n) × (n, rows) matrix product.
        count = theta.shape[0]
        z = (theta[:, : h * n].reshape(count * h, n) @ x.T).reshape(count, h, rows)
        z += theta[:, h * n : h * n + h, None]
        a = (z > 0).astype(np.float64) if activation == "step" else np.maximum(z, 0.0, out=z)
        out = np.einsum("sjr,sj->sr", a, theta[:, h * n + h : h * n + 2 * h]) + theta[:, d - 1 : d]
        # Bit r of byte 0 = output on row r (rows ≤ 8 here, so one byte is the whole table).
        return np.packbits(out > 0, axis=1, bitorder="little")[:, 0]

    results = {}
    for batch in (1 << 12, 1 << 14, 1 << 16):
        theta = rng.standard_normal((batch, d))
        t0 = time.process_time()
        done = 0
        while done < samples:
            forward(theta)
            done += batch
        fwd = (time.process_time() - t0) / done
        counts = np.zeros(1 << rows, dtype=np.int64)
        t0 = time.process_time()
        done = 0
        while done < samples:
            counts += np.bincount(forward(rng.standard_normal((batch, d))), minlength=1 << rows)
            done += batch
        sampled = (time.process_time() - t0) / done
        results[batch] = (fwd, sampled)
    best_forward = min(r[0] for r in results.values())
    best_sampled = min(r[1] for r in results.values())
    print(json.dumps({"layers": [n, h, 1], "activation": activation, "samples": samples,
                      "forwardPerSecond": 1 / best_forward, "sampledPerSecond": 1 / best_sampled}))


if __name__ == "__main__":
    main()
