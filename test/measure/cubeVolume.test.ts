import fc from "fast-check";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import {
  add,
  cmp,
  div,
  mul,
  ONE,
  parse,
  type Rational,
  rat,
  toString as ratString,
  sum,
  toNumber,
  ZERO,
} from "../../src/geometry/rational.js";
import { CUBE_VOLUME_MAX_DIM, cubeVolume } from "../../src/measure/cubeVolume.js";

const FC = { seed: 20240611, numRuns: 100 };

const r = (s: string): Rational => parse(s);
const vol = (A: (bigint | number)[][], h?: Rational[]): string => ratString(cubeVolume(A, h).volume);
const frac = (A: (bigint | number)[][], h?: Rational[]): string => ratString(cubeVolume(A, h).fraction);

/** Inputs x ∈ {0,1}^n (or {−1,1}^n), MSB first as in the design notes. */
function inputs(n: number, signed = false): number[][] {
  return Array.from({ length: 1 << n }, (_, i) =>
    Array.from({ length: n }, (_, k) => {
      const bit = (i >> (n - 1 - k)) & 1;
      return signed ? 2 * bit - 1 : bit;
    }),
  );
}

/** Perceptron cone rows s_x·(x, 1) for the truth table given by bit i of `table`. */
function perceptronRows(n: number, table: (i: number) => boolean, signed = false): number[][] {
  return inputs(n, signed).map((x, i) => {
    const s = table(i) ? 1 : -1;
    return [...x.map((v) => s * v), s];
  });
}

function factorial(n: number): bigint {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  return f;
}

function binomial(n: number, k: number): bigint {
  return factorial(n) / (factorial(k) * factorial(n - k));
}

describe("cubeVolume: hand-computed values", () => {
  it("d = 1: a half-line fills half the interval; opposite or zero rows leave nothing", () => {
    expect(vol([[1]])).toBe("1");
    expect(frac([[1]])).toBe("1/2");
    expect(vol([[-2]], [r("3/2")])).toBe("3/2");
    expect(vol([[1], [-1]])).toBe("0");
    expect(vol([[0]])).toBe("0");
    expect(vol([], [r("2")])).toBe("4");
    expect(frac([], [r("2")])).toBe("1");
  });

  it("d = 2: half-plane, quadrant and a thin cone", () => {
    expect(vol([[1, 1]])).toBe("2");
    expect(vol([[1, -7]])).toBe("2");
    expect(
      vol([
        [1, 0],
        [0, 1],
      ]),
    ).toBe("1");
    // y > 0, x > 3y: the triangle (0,0), (1,0), (1,1/3).
    const thin = [
      [0, 1],
      [1, -3],
    ];
    expect(vol(thin)).toBe("1/6");
    expect(frac(thin)).toBe("1/24");
    // In [−2,2]×[−1/3,1/3]: ∫_0^{1/3} (2 − 3y) dy = 1/2, of a box of area 8/3.
    expect(vol(thin, [r("2"), r("1/3")])).toBe("1/2");
    expect(frac(thin, [r("2"), r("1/3")])).toBe("3/16");
  });

  it("d = 3: a square pyramid (four facets through a non-simple apex)", () => {
    const pyramid = [
      [1, 0, 1],
      [-1, 0, 1],
      [0, 1, 1],
      [0, -1, 1],
    ];
    // z > |x|, z > |y|: ∫_0^1 (2z)² dz = 4/3; with z up to 2 add ∫_1^2 4 dz.
    expect(vol(pyramid)).toBe("4/3");
    expect(vol(pyramid, [ONE, ONE, r("2")])).toBe("16/3");
  });

  it("is exact for huge entries: {10^30·x + y > 0, y > 0} has area 1 + 10^−30/2", () => {
    const A = [
      [10n ** 30n, 1n],
      [0n, 1n],
    ];
    expect(vol(A)).toBe(ratString(add(ONE, rat(1n, 2n * 10n ** 30n))));
  });

  it("accepts number and bigint matrices alike", () => {
    const A = perceptronRows(3, (i) => i % 3 === 0 || i === 7);
    const B = A.map((row) => row.map(BigInt));
    expect(cubeVolume(B)).toEqual(cubeVolume(A));
  });
});

describe("cubeVolume: closed forms for perceptron cones", () => {
  // Signed constant-1 cone: b > Σ|w_i|, with |w_i| ~ U(0,1): P = ½·P(U_0 > U_1 + … + U_n) = ½/(n+1)!.
  it("signed encoding, constant function: fraction 1/(2·(n+1)!) for n = 1…6 (d = 7, 64 rows)", () => {
    for (let n = 1; n <= 6; n++) {
      expect(frac(perceptronRows(n, () => true, true))).toBe(ratString(rat(1n, 2n * factorial(n + 1))));
    }
  });

  // Binary constant-1 cone: b + Σ min(w_i, 0) > 0. With j of the w_i negative (probability
  // C(n,j)/2^n), E[(1 − S_j)^+] = 1/(j+1)! for S_j a sum of j uniforms (Irwin–Hall), so
  // P = 2^−(n+1)·Σ_j C(n,j)/(j+1)!.
  it("binary encoding, constant function: fraction 2^−(n+1)·Σ_j C(n,j)/(j+1)! for n = 1…6", () => {
    for (let n = 1; n <= 6; n++) {
      let s = ZERO;
      for (let j = 0; j <= n; j++) s = add(s, rat(binomial(n, j), factorial(j + 1)));
      expect(frac(perceptronRows(n, () => true))).toBe(ratString(div(s, rat(2n ** BigInt(n + 1)))));
    }
  });

  // Mingard et al. 2019, Thm 4.1: without bias, binary inputs and a weight law symmetric under
  // reflections, the number T of ones is uniform on 0 … 2^n − 1. Input 0 always gives output 0
  // (pre-activation 0 is not > 0), so its row is left out.
  it("no-bias perceptron: P(T = t) = 2^−n for every t (n = 2, 3)", () => {
    for (const n of [2, 3]) {
      const xs = inputs(n).slice(1);
      const byOnes = new Map<number, Rational>();
      for (let f = 0; f < 1 << xs.length; f++) {
        const A = xs.map((x, i) => x.map((v) => (((f >> i) & 1) === 1 ? v : -v)));
        let ones = 0;
        for (let i = 0; i < xs.length; i++) ones += (f >> i) & 1;
        byOnes.set(ones, add(byOnes.get(ones) ?? ZERO, cubeVolume(A).fraction));
      }
      expect(byOnes.size).toBe(1 << n);
      for (const p of byOnes.values()) expect(ratString(p)).toBe(`1/${1 << n}`);
    }
  });
});

describe("cubeVolume: the chambers of a central arrangement tile the box", () => {
  // Threshold functions with bias (OEIS A000609): 4, 14, 104 for n = 1, 2, 3.
  const expectedRealisable = [0, 4, 14, 104];
  for (const signed of [false, true]) {
    for (const n of [1, 2, 3]) {
      it(`n = ${n}, ${signed ? "signed" : "binary"}: volumes sum to 2^d, ${expectedRealisable[n]} non-empty`, () => {
        let total = ZERO;
        let nonEmpty = 0;
        for (let f = 0; f < 2 ** (1 << n); f++) {
          const v = cubeVolume(perceptronRows(n, (i) => ((f >> i) & 1) === 1, signed)).volume;
          if (v.num !== 0n) nonEmpty++;
          total = add(total, v);
        }
        expect(ratString(total)).toBe(String(2 ** (n + 1)));
        expect(nonEmpty).toBe(expectedRealisable[n]);
      });
    }
  }

  it("n = 2 with box-w = 1/2, box-b = 3: volumes sum to the box volume", () => {
    const h = [r("1/2"), r("1/2"), r("3")];
    const volumes = Array.from({ length: 16 }, (_, f) =>
      cubeVolume(
        perceptronRows(2, (i) => ((f >> i) & 1) === 1),
        h,
      ),
    );
    expect(ratString(sum(volumes.map((v) => v.volume)))).toBe("6");
    expect(ratString(sum(volumes.map((v) => v.fraction)))).toBe("1");
  });
});

describe("cubeVolume: invariances (fast-check)", () => {
  const halfWidth = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }))
    .map(([p, q]) => rat(p, q));
  const instance = fc.integer({ min: 1, max: 4 }).chain((d) =>
    fc.record({
      d: fc.constant(d),
      A: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }), {
        maxLength: 6,
      }),
      h: fc.array(halfWidth, { minLength: d, maxLength: d }),
    }),
  );

  it("the cone and its negation have equal volume", () => {
    fc.assert(
      fc.property(instance, ({ A, h }) => {
        const negated = A.map((row) => row.map((v) => -v));
        expect(cubeVolume(negated, h)).toEqual(cubeVolume(A, h));
      }),
      FC,
    );
  });

  it("permuting coordinates (with their half-widths) and negating one change nothing", () => {
    fc.assert(
      fc.property(
        instance.chain((x) =>
          fc.record({
            x: fc.constant(x),
            perm: fc.shuffledSubarray(
              Array.from({ length: x.d }, (_, k) => k),
              { minLength: x.d, maxLength: x.d },
            ),
            flip: fc.integer({ min: 0, max: x.d - 1 }),
          }),
        ),
        ({ x: { A, h }, perm, flip }) => {
          const expected = cubeVolume(A, h);
          const permuted = A.map((row) => perm.map((k) => row[k]));
          expect(
            cubeVolume(
              permuted,
              perm.map((k) => h[k]),
            ),
          ).toEqual(expected);
          const flipped = A.map((row) => row.map((v, k) => (k === flip ? -v : v)));
          expect(cubeVolume(flipped, h)).toEqual(expected);
        },
      ),
      FC,
    );
  });

  it("adding a row never increases the volume; scaling or repeating a row changes nothing", () => {
    fc.assert(
      fc.property(
        instance.chain((x) =>
          fc.record({
            x: fc.constant(x),
            extra: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: x.d, maxLength: x.d }),
            factor: fc.integer({ min: 2, max: 7 }),
          }),
        ),
        ({ x: { A, h }, extra, factor }) => {
          const base = cubeVolume(A, h).volume;
          expect(cmp(cubeVolume([...A, extra], h).volume, base)).toBeLessThanOrEqual(0);
          if (A.length === 0) return;
          const scaled = A.map((row, i) => (i === 0 ? row.map((v) => factor * v) : row));
          expect(cubeVolume(scaled, h).volume).toEqual(base);
          expect(cubeVolume([...A, A[A.length - 1], A[0]], h).volume).toEqual(base);
        },
      ),
      FC,
    );
  });

  it("θ = diag(t)·φ maps the problem for (A, h) to (A·diag(t), h/t), scaling volume by Π t", () => {
    fc.assert(
      fc.property(
        instance.chain((x) =>
          fc.record({
            x: fc.constant(x),
            t: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: x.d, maxLength: x.d }),
          }),
        ),
        ({ x: { A, h }, t }) => {
          const original = cubeVolume(A, h);
          const mapped = cubeVolume(
            A.map((row) => row.map((v, k) => v * t[k])),
            h.map((x, k) => div(x, rat(t[k]))),
          );
          expect(mapped.fraction).toEqual(original.fraction);
          expect(mul(mapped.volume, rat(t.reduce((a, b) => a * b, 1)))).toEqual(original.volume);
        },
      ),
      FC,
    );
  });

  it("scaling the whole box by s keeps the fraction (a cone) and scales the volume by s^d", () => {
    fc.assert(
      fc.property(instance, halfWidth, ({ A, h, d }, s) => {
        const original = cubeVolume(A, h);
        const scaled = cubeVolume(
          A,
          h.map((x) => mul(x, s)),
        );
        expect(scaled.fraction).toEqual(original.fraction);
        let factor = ONE;
        for (let k = 0; k < d; k++) factor = mul(factor, s);
        expect(scaled.volume).toEqual(mul(original.volume, factor));
      }),
      FC,
    );
  });
});

describe("cubeVolume: degenerate inputs", () => {
  it("cones with empty interior have volume 0", () => {
    expect(
      vol([
        [1, -1, 0],
        [-1, 1, 0],
      ]),
    ).toBe("0");
    expect(
      vol([
        [1, 0, 0],
        [0, 1, 0],
        [-1, -1, 0],
      ]),
    ).toBe("0");
    expect(
      vol([
        [2, 1],
        [-4, -2],
      ]),
    ).toBe("0");
    expect(
      vol([
        [1, 1, 1],
        [0, 0, 0],
      ]),
    ).toBe("0");
  });

  it("redundant rows through lower-dimensional faces and repeated rows change nothing", () => {
    const octant = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const noisy = [...octant, [1, 1, 0], [1, 1, 1], [2, 1, 3], [0, 1, 0], [0, 2, 0], [1, 0, 0]];
    expect(vol(octant)).toBe("1");
    expect(vol(noisy)).toBe("1");
    expect(vol(noisy, [r("1/2"), r("3"), r("5/7")])).toBe("15/14");
  });

  it("perceptron cones give the same volume from all 2^n rows as from a subset holding the facets", () => {
    // AND on 3 binary inputs: its facets are the rows of inputs 011, 101, 110, 111 (the inputs
    // whose flip keeps the function a threshold function) — the other four rows are redundant.
    const all = perceptronRows(3, (i) => i === 7);
    const facets = [3, 5, 6, 7].map((i) => all[i]);
    expect(vol(facets)).toBe(vol(all));
    expect(frac(all)).toBe("1/768");
  });
});

describe("cubeVolume: Monte Carlo agreement", () => {
  /**
   * Points are cell midpoints of a 2^27-per-axis grid (bias ≤ 2^−26 in each coordinate) and
   * membership is tested in exact integer arithmetic. Each check fails by chance when the
   * binomial estimate is more than 5 standard errors off: probability ≈ 5.7e−7 per check by the
   * normal approximation, about 2e−6 for the four checks here; the seeds are fixed, so a failure
   * is reproducible and means a wrong exact value.
   */
  function monteCarloFraction(A: number[][], h: Rational[], samples: number, seed: number): number {
    let den = 1n;
    for (const x of h) den *= x.den;
    const weights = A.map((row) => row.map((v, k) => v * Number(h[k].num * (den / h[k].den))));
    const rng = xoroshiro128plus(seed);
    const half = 1 << 26;
    let hits = 0;
    const z = new Array<number>(h.length);
    for (let s = 0; s < samples; s++) {
      for (let k = 0; k < h.length; k++) z[k] = 2 * uniformInt(rng, -half, half - 1) + 1;
      if (weights.every((w) => w.reduce((acc, v, k) => acc + v * z[k], 0) > 0)) hits++;
    }
    return hits / samples;
  }

  const cases: { name: string; A: number[][]; h: Rational[] }[] = [
    {
      name: "thin 2-d cone",
      A: [
        [0, 1],
        [1, -3],
      ],
      h: [ONE, r("1/2")],
    },
    {
      name: "3-input majority, binary, box-b = 2",
      A: perceptronRows(3, (i) => [3, 5, 6, 7].includes(i)),
      h: [ONE, ONE, ONE, r("2")],
    },
    {
      name: "pyramid",
      A: [
        [1, 0, 1],
        [-1, 0, 1],
        [0, 1, 1],
        [0, -1, 1],
      ],
      h: [r("3/4"), ONE, ONE],
    },
    {
      name: "4-input threshold 2x1 − x2 + x3 + x4 > 1, signed, box-b = 1/2",
      A: perceptronRows(
        4,
        (i) => {
          const x = inputs(4, true)[i];
          return 2 * x[0] - x[1] + x[2] + x[3] > 1;
        },
        true,
      ),
      h: [ONE, ONE, ONE, ONE, r("1/2")],
    },
  ];
  for (const [i, c] of cases.entries()) {
    it(c.name, () => {
      const samples = 20_000;
      const p = toNumber(cubeVolume(c.A, c.h).fraction);
      const estimate = monteCarloFraction(c.A, c.h, samples, 1000 + i);
      expect(p).toBeGreaterThan(0);
      expect(Math.abs(estimate - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / samples));
    });
  }
});

describe("cubeVolume: argument errors", () => {
  it("names the argument and the allowed range", () => {
    expect(() => cubeVolume([[1, 2], [3]])).toThrow(/A\[1\] has 1 entries.*length d/);
    expect(() => cubeVolume([Array(CUBE_VOLUME_MAX_DIM + 1).fill(1)])).toThrow(/between 1 and 8 columns/);
    expect(() => cubeVolume([[]])).toThrow(/between 1 and 8 columns/);
    expect(() => cubeVolume([[1.5, 2]])).toThrow(/A\[0\]\[0\] = 1.5 is not a safe integer/);
    expect(() => cubeVolume([[2 ** 60, 1]])).toThrow(/not a safe integer/);
    expect(() => cubeVolume([[1, 2]], [ONE])).toThrow(/halfWidths must have length d = 2, got 1/);
    expect(() => cubeVolume([[1, 2]], [ONE, ZERO])).toThrow(
      /halfWidths\[1\] must be a positive Rational, got 0/,
    );
    expect(() => cubeVolume([[1, 2]], [r("-1/2"), ONE])).toThrow(/halfWidths\[0\].*-1\/2/);
    expect(() => cubeVolume([])).toThrow(/halfWidths must be given/);
  });
});
