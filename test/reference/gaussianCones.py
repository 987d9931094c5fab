#!/usr/bin/env python3
"""Adversarial corpus of polyhedral cones {θ ∈ ℝ^d : Aθ > 0}, d = 4..7, with high-precision
standard Gaussian probabilities P(θ ∈ C), θ ~ N(0, I_d), for test/measure/gaussianCorpus.test.ts.

The references are independent of the TypeScript methods (no cubature, no double rounding):
- one-factor cones: rows of q·I + p·x·xᵀ have Gram q²(I + γxxᵀ), γ = (2pq + p²|x|²)/q², so
  P = ∫ φ(z) Π Φ(x_i √γ z) dz for γ > 0, and for −1/|x|² < γ < 0 the analytic continuation
  P = Re ∫ φ(z) Π (½ + (i/2)·erfi(x_i √(−γ/2) z)) dz (mpmath.quad, 1-D);
- general simplicial cones in d = 4, 5: Plackett's reduction in mpmath (d = 4: six 1-D integrals;
  d = 5 by 2P_5 = Σ_{S⊊[5]} (−1)^|S| P_S), on the correlation matrix computed from exact Gram
  entries; cross-checked against the one-factor integral in the script;
- block cones diag(A1, A2): P = P1·P2 (d = 2, 3 blocks by 1/4 + asin ρ/2π, 1/8 + Σ asin ρ/4π);
- non-simplicial cones: a simplicial cone united with its mirror image across one facet (convex
  when the facet's normal makes obtuse angles with all other normals): P = 2·P1; and random
  cones in d = 4 (and their products with d = 2, 3 blocks) by an exact pulling triangulation
  computed here, summed over its simplices;
- many cones are turned by an exact rational rotation (Cayley transform of a random skew matrix),
  which keeps P and makes the rows dense.
Every reference is computed twice at different working precisions; the script fails if the two
differ by more than 1e-18 relative (raising the precision until they agree), and stores 25
significant digits.

Output: test/reference/gaussianCones.json = {"cones": [{"id", "cat", "d", "rows": [[str]], "p":
str}], ...}; rows are exact integers as decimal strings; the cone is {θ : rows·θ > 0}.
Run: python3 test/reference/gaussianCones.py  (about 15 minutes on one core).
"""

import itertools
import json
import math
import os
import random
import sys
from fractions import Fraction

import mpmath as mp

SEED = 20240611
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gaussianCones.json")
AGREE = mp.mpf("1e-18")

# ---------------------------------------------------------------- exact linear algebra


def det(m):
    """Determinant of a square integer/Fraction matrix (Bareiss for integers, Fractions otherwise)."""
    n = len(m)
    a = [[Fraction(x) for x in row] for row in m]
    d = Fraction(1)
    for c in range(n):
        p = next((r for r in range(c, n) if a[r][c] != 0), None)
        if p is None:
            return Fraction(0)
        if p != c:
            a[c], a[p] = a[p], a[c]
            d = -d
        d *= a[c][c]
        for r in range(c + 1, n):
            f = a[r][c] / a[c][c]
            if f:
                for k in range(c, n):
                    a[r][k] -= f * a[c][k]
    return d


def rank(m):
    if not m:
        return 0
    a = [[Fraction(x) for x in row] for row in m]
    rows, cols, r = len(a), len(a[0]), 0
    for c in range(cols):
        p = next((i for i in range(r, rows) if a[i][c] != 0), None)
        if p is None:
            continue
        a[r], a[p] = a[p], a[r]
        for i in range(rows):
            if i != r and a[i][c] != 0:
                f = a[i][c] / a[r][c]
                a[i] = [x - f * y for x, y in zip(a[i], a[r])]
        r += 1
    return r


def inverse(m):
    n = len(m)
    a = [[Fraction(x) for x in row] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(m)]
    for c in range(n):
        p = next(r for r in range(c, n) if a[r][c] != 0)
        a[c], a[p] = a[p], a[c]
        piv = a[c][c]
        a[c] = [x / piv for x in a[c]]
        for r in range(n):
            if r != c and a[r][c] != 0:
                f = a[r][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
    return [row[n:] for row in a]


def primitive(v):
    """Positive multiple of a rational vector with coprime integer entries."""
    v = [Fraction(x) for x in v]
    den = 1
    for x in v:
        den = den * x.denominator // math.gcd(den, x.denominator)
    w = [int(x * den) for x in v]
    g = 0
    for x in w:
        g = math.gcd(g, abs(x))
    return [x // g for x in w] if g else w


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def transpose(m):
    return [list(c) for c in zip(*m)]


def matmul(a, b):
    bt = transpose(b)
    return [[dot(r, c) for c in bt] for r in a]


def null_vector(rows, d):
    """Spanning integer vector of the null space of d − 1 independent rows (cofactors)."""
    v = []
    for k in range(d):
        minor = [[r[j] for j in range(d) if j != k] for r in rows]
        v.append((-1) ** k * det(minor))
    return primitive(v)


def cayley(rng, d):
    """Rational orthogonal matrix (I − S)(I + S)⁻¹ for a random skew-symmetric integer S."""
    s = [[0] * d for _ in range(d)]
    for i in range(d):
        for j in range(i + 1, d):
            s[i][j] = rng.choice([-1, 0, 0, 1])
            s[j][i] = -s[i][j]
    i_minus = [[int(i == j) - s[i][j] for j in range(d)] for i in range(d)]
    i_plus = [[int(i == j) + s[i][j] for j in range(d)] for i in range(d)]
    return matmul(i_minus, inverse(i_plus))


def rotate_rows(rows, q):
    """Rows of the rotated cone {θ' = Qθ}: A Qᵀ, each row scaled to coprime integers."""
    return [primitive(r) for r in matmul(rows, transpose(q))]


def facet_rows_of_generators(gens):
    """Facet normals (inward, primitive) of the pointed cone generated by gens (full rank)."""
    d = len(gens[0])
    out = []
    for sub in itertools.combinations(range(len(gens)), d - 1):
        pts = [gens[i] for i in sub]
        if rank(pts) != d - 1:
            continue
        n = null_vector(pts, d)
        vals = [dot(n, g) for g in gens]
        if all(x >= 0 for x in vals):
            pass
        elif all(x <= 0 for x in vals):
            n = [-x for x in n]
        else:
            continue
        if n not in out:
            out.append(n)
    return out


def extreme_rays(rows, d):
    rays = []
    for sub in itertools.combinations(range(len(rows)), d - 1):
        pts = [rows[i] for i in sub]
        if rank(pts) != d - 1:
            continue
        r = null_vector(pts, d)
        for cand in (r, [-x for x in r]):
            if all(dot(a, cand) >= 0 for a in rows) and cand not in rays:
                rays.append(cand)
    return rays


def pulling_triangulation(rows, rays, d):
    """Simplicial cones (lists of rays) covering {rows·θ ≥ 0}: pulling, last ray first."""
    order = list(range(len(rays)))[::-1]

    def tri(face, dim):
        if len(face) == dim:
            return [face]
        apex = face[0]
        facets = []
        for a in rows:
            g = [k for k in face if dot(a, rays[k]) == 0]
            if apex in g or len(g) < dim - 1 or g in facets:
                continue
            if rank([rays[k] for k in g]) == dim - 1:
                facets.append(g)
        return [[apex] + s for f in facets for s in tri(f, dim - 1)]

    return [[rays[k] for k in s] for s in tri(order, d)]


# ---------------------------------------------------------------- references in mpmath


def correlation(rows):
    """Correlation matrix of N(0, A Aᵀ) (exact Gram entries, rounded once to working precision)."""
    g = [[dot(a, b) for b in rows] for a in rows]
    n = len(rows)
    return [[mp.mpf(g[i][j]) / mp.sqrt(mp.mpf(g[i][i]) * g[j][j]) for j in range(n)] for i in range(n)]


def orthant_small(r, idx):
    """Closed forms for |idx| ≤ 3."""
    k = len(idx)
    if k == 0:
        return mp.mpf(1)
    if k == 1:
        return mp.mpf(1) / 2
    if k == 2:
        return mp.mpf(1) / 4 + mp.asin(r[idx[0]][idx[1]]) / (2 * mp.pi)
    s = mp.asin(r[idx[0]][idx[1]]) + mp.asin(r[idx[0]][idx[2]]) + mp.asin(r[idx[1]][idx[2]])
    return mp.mpf(1) / 8 + s / (4 * mp.pi)


def breakpoints(r):
    """Nodes 0, 1/2, 1 − 10^−k (k = 1, 3, … down to about λ_min(R)²) that let tanh-sinh resolve the
    integrands' singularities at t = 1/(1 − λ), just beyond t = 1 when R is nearly singular."""
    lam = min(mp.eigsy(mp.matrix(r), eigvals_only=True))
    depth = int(-mp.log10(lam)) + 2 if lam < 0.1 else 1
    return [mp.mpf(0), mp.mpf(1) / 2] + [1 - mp.mpf(10) ** -k for k in range(1, depth + 1, 2)] + [mp.mpf(1)]


def orthant4(r, idx):
    """Plackett: P_4 = 1/16 + Σ_{i<j} ρ_ij ∫₀¹ φ₂(0, 0; tρ_ij) P_2(C_ij(t)) dt."""
    total = mp.mpf(1) / 16
    pts = breakpoints([[r[a][b] for b in idx] for a in idx])
    for i, j in itertools.combinations(idx, 2):
        k, l = [x for x in idx if x not in (i, j)]
        rho = r[i][j]
        if rho == 0:
            continue

        def f(t, i=i, j=j, k=k, l=l, rho=rho):
            s = t * rho
            det2 = (1 - s) * (1 + s)
            a = [t * r[k][i], t * r[k][j]]
            b = [t * r[l][i], t * r[l][j]]
            # R_K,ij M⁻¹ R_ij,K with M⁻¹ = [[1, −s], [−s, 1]]/det2
            q = lambda u, v: (u[0] * v[0] + u[1] * v[1] - s * (u[0] * v[1] + u[1] * v[0])) / det2
            vk = 1 - q(a, a)
            vl = 1 - q(b, b)
            c = (t * r[k][l] - q(a, b)) / mp.sqrt(vk * vl)
            c = max(-1, min(1, c))
            inner = mp.mpf(1) / 4 + mp.asin(c) / (2 * mp.pi)
            return inner / (2 * mp.pi * mp.sqrt(det2))

        total += rho * mp.quad(f, pts)
    return total


def orthant(r):
    """P(Z > 0), Z ~ N(0, R), d ≤ 5."""
    d = len(r)
    if d <= 3:
        return orthant_small(r, list(range(d)))
    if d == 4:
        return orthant4(r, [0, 1, 2, 3])
    if d == 5:
        acc = mp.mpf(0)
        for k in range(5):
            for s in itertools.combinations(range(5), k):
                sign = -1 if k % 2 else 1
                acc += sign * (orthant4(r, list(s)) if k == 4 else orthant_small(r, list(s)))
        return acc / 2
    raise ValueError("orthant: d ≤ 5")


def simplicial_reference(rows):
    return orthant(correlation(rows))


def one_factor_reference(x, gamma):
    """P for rows q·I + p·x·xᵀ with Gram ∝ I + γxxᵀ (see module doc)."""
    gamma = mp.mpf(gamma.numerator) / gamma.denominator
    if gamma > 0:
        a = [xi * mp.sqrt(gamma / 2) for xi in x]
        f = lambda z: mp.npdf(z) * mp.fprod(mp.erfc(-ai * z) / 2 for ai in a)
        return mp.quad(f, [-mp.inf, 0, mp.inf])
    g = -gamma
    a = [xi * mp.sqrt(g / 2) for xi in x]
    # The real part is even in z; its decay rate is (1 + γ|x|²)/2.
    decay = 1 + gamma * sum(xi * xi for xi in x)
    scale = 1 / mp.sqrt(decay)

    def f(z):
        prod = mp.mpc(1)
        for ai in a:
            prod *= mp.mpc(mp.mpf(1) / 2, mp.erfi(ai * z) / 2)
        return mp.npdf(z) * prod.real

    pts = [mp.mpf(0)] + [scale * mp.mpf(4) ** k for k in range(-2, 3)] + [mp.inf]
    return 2 * mp.quad(f, pts)


def twice(fn, dps=22, extra=10):
    """fn() at two working precisions, the second raised by the digits a tiny or cancelling value
    needs; their agreement to AGREE (relative) certifies the digits kept, else both go up."""
    with mp.workdps(dps):
        a = fn()
    while dps < 200:
        dps += extra + max(0, int(-mp.log10(abs(a)))) if a != 0 else 2 * extra
        with mp.workdps(dps):
            b = fn()
            if abs(a - b) <= AGREE * abs(b) and b > 0:
                return +b
        a = b
    raise RuntimeError(f"reference unstable: {a}")


# ---------------------------------------------------------------- families


def one_factor(rng, d, negative):
    """Rows of q·I + p·x·xᵀ; negative γ with 1 + γ|x|² = ε² small gives thin cones."""
    while True:
        x = [rng.choice([1, 1, 2, 3, 5]) * rng.choice([1, 1, 1, -1]) for _ in range(d)]
        n2 = sum(v * v for v in x)
        if negative:
            # β = p/q = −(1 ± ε)/|x|²: 1 + γ|x|² = (1 + β|x|²)² = ε².
            e = Fraction(1, 10 ** rng.randint(0, 6)) * Fraction(rng.randint(1, 9), 10)
            if e >= 1:
                continue
            beta = -(1 + rng.choice([-1, 1]) * e) / n2
            if beta * n2 <= -2 or beta >= 0:
                continue
        else:
            # γ from O(1) (moderate correlations) to 10^8 (correlations within 1e-8 of ±1).
            beta = Fraction(rng.randint(1, 9), 10) * Fraction(10) ** rng.randint(-2, 4)
        gamma = beta * (2 + beta * n2)
        q, p = beta.denominator, beta.numerator
        rows = [[q * int(i == j) + p * x[i] * x[j] for j in range(d)] for i in range(d)]
        return rows, x, gamma


def random_rows(rng, d, lo=-3, hi=3):
    while True:
        a = [[rng.randint(lo, hi) for _ in range(d)] for _ in range(d)]
        if det(a) != 0:
            return a


def rows_of_generators(gens):
    """Facet rows (primitive, inward) of a simplicial cone: rows of V⁻¹ for V = [v_1 … v_d]."""
    inv = inverse(transpose(gens))
    return [primitive(r) for r in inv]


def flat_generators(rng, d):
    """Generators whose first d − 1 coordinates are s = 10^2..10^6 times the last one."""
    s = int(10 ** rng.uniform(2, 6))
    while True:
        w = [[rng.randint(-3, 3) for _ in range(d)] for _ in range(d)]
        gens = [[s * v for v in row[:-1]] + [row[-1]] for row in w]
        if det(gens) != 0 and all(any(row[:-1]) for row in w):
            return gens


def thin_generators(rng, d, k):
    """v_i = k·c + u_i: generators within ~1/k radians of c."""
    while True:
        c = [rng.randint(-2, 2) for _ in range(d)]
        if not any(c):
            continue
        gens = [[k * ci + rng.randint(-3, 3) for ci in c] for _ in range(d)]
        if det(gens) != 0:
            return gens


def block_rows(a1, a2):
    d1, d2 = len(a1[0]), len(a2[0])
    return [r + [0] * d2 for r in a1] + [[0] * d1 + r for r in a2]


def permute_coordinates(rng, rows):
    perm = list(range(len(rows[0])))
    rng.shuffle(perm)
    return [[r[k] for k in perm] for r in rows]


def mirror_union(rows):
    """Union of the simplicial cone {rows·θ > 0} with its mirror image across facet k, for a k
    whose normal makes obtuse angles with all others (the union is then convex, d + 1 rays)."""
    d = len(rows)
    for k in range(d):
        if all(dot(rows[i], rows[k]) < 0 for i in range(d) if i != k):
            break
    else:
        return None
    gens = [primitive(c) for c in transpose(inverse(rows))]
    a = rows[k]
    v = gens[k]
    mirrored = primitive([Fraction(vi) - Fraction(2 * dot(a, v), dot(a, a)) * ai for vi, ai in zip(v, a)])
    union = facet_rows_of_generators(gens + [mirrored])
    return union if len(extreme_rays(union, d)) == d + 1 else None


# ---------------------------------------------------------------- corpus


def extend(cones, count=130):
    """More mirror unions (P = 2·P1) of the thin simplicial cones already in `cones`, each with its
    own rotation. Its own random stream, so that the cones before it do not depend on it."""
    rng = random.Random(SEED + 1)
    base = [c for c in cones if c["cat"] in ("onefactor-thin", "thin")]
    made = 0
    while made < count:
        c = rng.choice(base)
        rows = [[int(x) for x in r] for r in c["rows"]]
        shift = rng.randrange(len(rows))
        union = mirror_union(rows[shift:] + rows[:shift])
        if union is None:
            continue
        p = 2 * mp.mpf(c["p"])
        cones.append({"id": len(cones), "cat": "mirror-union", "d": len(union[0]),
                      "rows": [[str(v) for v in r] for r in rotate_rows(union, cayley(rng, len(union[0])))],
                      "p": mp.nstr(p, 25, min_fixed=1, max_fixed=0)})
        made += 1


def main():
    rng = random.Random(SEED)
    cones = []
    small_blocks = []  # (rows, p) in d = 2, 3 for products

    def add(cat, rows, p):
        cones.append({"id": len(cones), "cat": cat, "d": len(rows[0]),
                      "rows": [[str(v) for v in r] for r in rows], "p": mp.nstr(p, 25, min_fixed=1, max_fixed=0)})
        if len(cones) % 50 == 0:
            print(f"{len(cones)} cones", file=sys.stderr, flush=True)

    def maybe_rotate(rows):
        return rotate_rows(rows, cayley(rng, len(rows[0]))) if rng.random() < 0.5 else rows

    for d in (2, 3):
        for _ in range(12):
            a = random_rows(rng, d, -4, 4)
            small_blocks.append((a, twice(lambda a=a: simplicial_reference(a))))
        for _ in range(6):  # thin: nearly parallel generators
            gens = thin_generators(rng, d, rng.choice([10, 100, 1000, 10**4]))
            a = rows_of_generators(gens)
            small_blocks.append((a, twice(lambda a=a: simplicial_reference(a))))
        for _ in range(4):  # flat: one coordinate 10^3..10^6 times smaller
            a = rows_of_generators(flat_generators(rng, d))
            small_blocks.append((a, twice(lambda a=a: simplicial_reference(a))))

    # One-factor cones, wide and thin, every d; half of them rotated. Thin ones feed mirror unions.
    mirrors = []
    blocks45 = []
    for d in (4, 5, 6, 7):
        for negative in (False, True):
            made = 0
            while made < 8:
                rows, x, gamma = one_factor(rng, d, negative)
                p = twice(lambda: one_factor_reference(x, gamma))
                if p < mp.mpf("1e-25"):
                    continue
                add("onefactor-thin" if negative else "onefactor-wide", maybe_rotate(rows), p)
                if negative:
                    mirrors.append((rows, p))
                if d <= 5:
                    blocks45.append((rows, p))
                made += 1

    # Cross-check the Plackett reference against the one-factor integral (d = 4, 5).
    for d in (4, 5):
        for negative in (False, True):
            rows, x, gamma = one_factor(rng, d, negative)
            a = twice(lambda: one_factor_reference(x, gamma))
            b = twice(lambda: simplicial_reference(rows))
            if abs(a - b) > AGREE * a:
                raise RuntimeError(f"Plackett vs one-factor: {a} vs {b}")

    # General simplicial cones in d = 4, 5: flat, thin, random.
    for d in (4, 5):
        for _ in range(20 if d == 4 else 6):
            rows = rows_of_generators(flat_generators(rng, d))
            p = twice(lambda: simplicial_reference(rows))
            add("flat", maybe_rotate(rows), p)
            blocks45.append((rows, p))
        for _ in range(10 if d == 4 else 4):
            k = int(10 ** rng.uniform(1, 24 / (d - 1)))
            rows = rows_of_generators(thin_generators(rng, d, k))
            p = twice(lambda: simplicial_reference(rows))
            add("thin", maybe_rotate(rows), p)
            blocks45.append((rows, p))
            mirrors.append((rows, p))
        for _ in range(8 if d == 4 else 4):
            rows = random_rows(rng, d)
            p = twice(lambda: simplicial_reference(rows))
            add("random", maybe_rotate(rows), p)
            blocks45.append((rows, p))
    # The example: generators (s,0,0,1), (0,s,0,−1), (0,0,s,2), (s,s,s,−1).
    for s in (10**5, 3 * 10**5, 10**6):
        rows = rows_of_generators([[s, 0, 0, 1], [0, s, 0, -1], [0, 0, s, 2], [s, s, s, -1]])
        p = twice(lambda: simplicial_reference(rows))
        add("flat", rows, p)
        blocks45.append((rows, p))

    # Products (block-diagonal rows, then coordinates permuted and often rotated): a d = 4, 5 block
    # times a d = 2, 3 block (d = 6, 7), or two or three d = 2, 3 blocks (d = 4..7).
    for i in range(500):
        if i % 2 == 0:
            parts = [rng.choice(blocks45)]
        else:
            parts = [rng.choice(small_blocks), rng.choice(small_blocks)]
        while True:
            dim = sum(len(r[0]) for r, _ in parts)
            fits = [b for b in small_blocks if dim + len(b[0][0]) <= 7]
            if not fits or (dim >= 4 and rng.random() < 0.5):
                break
            parts.append(rng.choice(fits))
        if dim < 4:
            continue
        rows, p = parts[0]
        for r2, p2 in parts[1:]:
            rows, p = block_rows(rows, r2), p * p2
        add("product", maybe_rotate(permute_coordinates(rng, rows)), p)

    # Non-simplicial: mirror unions (P = 2·P1) across every obtuse facet of thin cones.
    made = tries = 0
    while made < 150 and tries < 3000:
        tries += 1
        rows, p = rng.choice(mirrors)
        shift = rng.randrange(len(rows))  # which obtuse facet mirror_union finds first
        union = mirror_union(rows[shift:] + rows[:shift])
        if union is None:
            continue
        add("mirror-union", rotate_rows(union, cayley(rng, len(union[0]))), 2 * p)
        made += 1

    # Non-simplicial random cones in d = 4 by exact triangulation; products with small blocks.
    general = []
    while len(general) < 10:
        d = 4
        m = rng.randint(d + 1, d + 2)
        rows = [[rng.randint(-3, 3) for _ in range(d)] for _ in range(m)]
        if rank(rows) < d:
            continue
        rays = extreme_rays(rows, d)
        if len(rays) <= d or rank(rays) < d:
            continue
        union_rows = facet_rows_of_generators(rays)
        pieces = pulling_triangulation(union_rows, rays, d)
        p = twice(lambda: mp.fsum(simplicial_reference(rows_of_generators(s)) for s in pieces))
        add("nonsimplicial", maybe_rotate(union_rows), p)
        general.append((union_rows, p))
    for _ in range(100):
        a1, p1 = rng.choice(general)
        a2, p2 = rng.choice(small_blocks)
        add("nonsimplicial-product", maybe_rotate(permute_coordinates(rng, block_rows(a1, a2))), p1 * p2)

    extend(cones)
    with open(OUT, "w") as fh:
        json.dump({"seed": SEED, "digits": 25, "cones": cones}, fh, separators=(",", ":"))
        fh.write("\n")
    cats = {}
    for c in cones:
        cats[c["cat"]] = cats.get(c["cat"], 0) + 1
    print(f"wrote {len(cones)} cones to {OUT}: {cats}", file=sys.stderr)


if __name__ == "__main__":
    main()
