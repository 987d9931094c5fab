#!/usr/bin/env python3
"""Bring your own estimator: a naive Monte Carlo estimate of every exported region's probability.

Reads a folder written by `weightspace export` (index.json + one JSON file per function), draws
parameter vectors from the prior recorded there, counts those inside the region (inside some
piece: every integer row r has r . theta > 0), and writes JSON Lines that `weightspace score`
grades:

    weightspace export --inputs 3 --out regions/
    python3 examples/estimate_volumes.py regions/ --samples 20000 --repeats 5 --out estimates.jsonl
    weightspace score --truth regions/ --estimates estimates.jsonl --format text

Replace `estimate()` with your own estimator; keep the output format
{"function": BITS, "estimate": p, "ci": [lo, hi]} (ci optional), one line per estimate.
Needs only numpy. Pieces outside the parameters (ReLU nets' z coordinates) are skipped with a note.
"""
import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

Z95 = 1.959963984540054


def wilson(hits, n, z=Z95):
    """Wilson score interval for hits successes in n trials."""
    p = hits / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return [max(0.0, centre - half), min(1.0, centre + half)]


def sample_prior(kind, scales, count, rng):
    """count parameter vectors from the recorded prior (independent coordinates)."""
    scales = np.asarray(scales, dtype=float)
    if kind == "gaussian":
        return rng.standard_normal((count, scales.size)) * scales
    if kind == "uniform":
        return rng.uniform(-1.0, 1.0, (count, scales.size)) * scales
    raise SystemExit(f"unknown prior '{kind}'; allowed: gaussian, uniform")


def estimate(region, kind, scales, samples, rng):
    """Fraction of prior samples inside the region, with a 95% Wilson interval."""
    theta = sample_prior(kind, scales, samples, rng)
    inside = np.zeros(samples, dtype=bool)
    for piece in region["pieces"]:
        rows = np.asarray(piece["rows"], dtype=float)
        inside |= np.all(theta @ rows.T > 0, axis=1)
    hits = int(inside.sum())
    return hits / samples, wilson(hits, samples)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("export", type=Path, help="folder written by 'weightspace export'")
    ap.add_argument("--prior", default=None, help="gaussian or uniform (default: the first prior in the export)")
    ap.add_argument("--samples", type=int, default=10000, help="samples per estimate (default 10000)")
    ap.add_argument("--repeats", type=int, default=1, help="estimates per function (default 1)")
    ap.add_argument("--seed", type=int, default=1, help="seed of numpy's generator (default 1)")
    ap.add_argument("--out", type=Path, default=None, help="JSON Lines file (default: stdout)")
    args = ap.parse_args()

    index = json.loads((args.export / "index.json").read_text())
    kind = args.prior or next(iter(index["scales"]))
    if kind not in index["scales"]:
        raise SystemExit(f"--prior {kind}: the export has {', '.join(index['scales'])}")
    scales = index["scales"][kind]["value"]
    rng = np.random.default_rng(args.seed)
    lines = []
    for entry in index["functions"]:
        region = json.loads((args.export / entry["file"]).read_text())
        if not all(p["inParameters"] for p in region["pieces"]):
            print(f"skipping {entry['function']}: pieces are not in the parameters", file=sys.stderr)
            continue
        for _ in range(args.repeats):
            p, ci = estimate(region, kind, scales, args.samples, rng)
            lines.append(json.dumps({"function": entry["function"], "estimate": p, "ci": ci}))
    text = "\n".join(lines) + "\n"
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
