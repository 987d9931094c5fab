import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  facetRowsByAdjacency,
  partnerRow,
  regionFromWitness,
  regionOfFunction,
  unrealisableRegion,
  verifyWitness,
} from "../../../src/arch/perceptron/perceptronRegion.js";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { realisableFunctions } from "../../../src/arch/perceptron/realisableFunctions.js";
import { wordsFromBigInt } from "../../../src/boolean/tableWords.js";
import { parseFunction } from "../../../src/boolean/truthTable.js";
import { act, bitsOfRow, type NaiveElement } from "../../boolean/_helpers/naiveBoolean.js";
import { bruteForceFunctions, evaluateStrict, inputVector } from "../_helpers/bruteForce.js";
import { VARIANTS } from "../_helpers/variants.js";

const specOf = (inputs: number, v: (typeof VARIANTS)[number]): PerceptronSpec => ({ inputs, ...v });
const label = (s: PerceptronSpec) => `n=${s.inputs} ${s.encoding} ${s.bias ? "bias" : "no bias"}`;

const oracles = new Map<string, Map<number, number[]>>();
/** The brute-force set of realisable functions (independent of src; complete: see realisableFunctions.test). */
function oracle(spec: PerceptronSpec): Map<number, number[]> {
  // With a bias both encodings compute the same functions (the bias absorbs the affine map; the two
  // brute-force sets are compared in realisableFunctions.test.ts), so the binary set serves both.
  const key = spec.bias ? label({ ...spec, encoding: "binary" }) : label(spec);
  let o = oracles.get(key);
  if (!o) {
    o = bruteForceFunctions(spec.bias ? { ...spec, encoding: "binary" } : spec);
    oracles.set(key, o);
  }
  return o;
}

/** The expected printed constraint of row r, written from the rules. */
function expectedConstraint(spec: PerceptronSpec, r: number, value: number): string {
  const coefficients = inputVector(spec.inputs, r, spec.encoding);
  const names = coefficients.map((_c, i) => `w${i + 1}`);
  if (spec.bias) {
    coefficients.push(1);
    names.push("b");
  }
  let text = "";
  coefficients.forEach((c, i) => {
    if (c === 0) return;
    const term = Math.abs(c) === 1 ? names[i] : `${Math.abs(c)}*${names[i]}`;
    text += c < 0 ? `-${term}` : text === "" ? term : `+${term}`;
  });
  return `${text}${value === 1 ? ">0" : "<0"}`;
}

/** The hyperplanes of a spec as lists of rows sharing one hyperplane (the first row is the printed one). */
function hyperplanes(spec: PerceptronSpec): number[][] {
  const rows = 2 ** spec.inputs;
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    if (!spec.bias && spec.encoding === "binary" && r === 0) continue;
    if (!spec.bias && spec.encoding === "signed") {
      if (r < rows - 1 - r) out.push([r, rows - 1 - r]);
    } else out.push([r]);
  }
  return out;
}

const toText = (n: number, f: bigint) =>
  Array.from({ length: 2 ** n }, (_, r) => ((f >> BigInt(r)) & 1n ? "1" : "0")).join("");

/**
 * Checks the region row of f against the oracle: realisability, the witness (BigInt evaluation
 * written here), facets ⇔ the flipped neighbour is realisable, and the printed constraints.
 */
function checkRegion(spec: PerceptronSpec, f: bigint): void {
  const o = oracle(spec);
  const region = regionOfFunction(realisableFunctions(spec), { n: spec.inputs, bits: f });
  const where = `${label(spec)} f=${toText(spec.inputs, f)}`;
  expect(region.function, where).toBe(toText(spec.inputs, f));
  expect(region.realizable, where).toBe(o.has(Number(f)));
  if (!region.realizable) {
    expect(region.facets).toBeNull();
    expect(region.witness).toBeNull();
    expect(region.constraints).toEqual([]);
    expect(region.facetRows).toEqual([]);
    return;
  }
  expect(evaluateStrict(spec, region.witness!), where).toBe(f);
  const expectedFacets: number[] = [];
  for (const plane of hyperplanes(spec)) {
    let neighbour = f;
    for (const r of plane) neighbour ^= 1n << BigInt(r);
    if (o.has(Number(neighbour))) expectedFacets.push(plane[0]);
  }
  expect(region.facetRows, where).toEqual(expectedFacets);
  expect(region.facets).toBe(expectedFacets.length);
  expect(region.constraints, where).toEqual(
    expectedFacets.map((r) => expectedConstraint(spec, r, Number((f >> BigInt(r)) & 1n))),
  );
}

const randomTable = (n: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(2 ** n)) - 1n });

describe("regions: witnesses, facets and constraints against the brute-force oracle", () => {
  it("every function of n ≤ 3 inputs, all four variants", () => {
    for (let n = 0; n <= 3; n++) {
      for (const v of VARIANTS) {
        if (!v.bias && n === 0) continue;
        for (let f = 0n; f < 1n << BigInt(2 ** n); f++) checkRegion(specOf(n, v), f);
      }
    }
  });

  it("every realisable function of 4 inputs, all four variants", () => {
    for (const v of VARIANTS) {
      for (const t of oracle(specOf(4, v)).keys()) checkRegion(specOf(4, v), BigInt(t));
    }
  });

  it("property: random functions of random specs (n ≤ 4), realisable or not", () => {
    const arb = fc
      .record({ n: fc.integer({ min: 1, max: 4 }), v: fc.constantFrom(...VARIANTS) })
      .chain(({ n, v }) => {
        const spec = specOf(n, v);
        const members = [...oracle(spec).keys()];
        return fc.tuple(
          fc.constant(spec),
          fc.oneof(
            fc.nat(members.length - 1).map((k) => BigInt(members[k])),
            randomTable(n),
          ),
        );
      });
    fc.assert(
      fc.property(arb, ([spec, f]) => checkRegion(spec, f)),
      { seed: 601, numRuns: 500 },
    );
  });

  it.each(VARIANTS.map((v) => [label(specOf(5, v)), v] as const))(
    "property: sampled functions of 5 inputs (%s)",
    (_l, v) => {
      const spec = specOf(5, v);
      const members = [...oracle(spec).keys()];
      fc.assert(
        fc.property(
          fc.oneof(
            { weight: 4, arbitrary: fc.nat(members.length - 1).map((k) => BigInt(members[k])) },
            { weight: 1, arbitrary: randomTable(5) },
          ),
          (f) => checkRegion(spec, f),
        ),
        { seed: 602, numRuns: 150 },
      );
    },
  );
});

describe("the issue's examples", () => {
  const row = (spec: PerceptronSpec, bits: string) =>
    regionOfFunction(realisableFunctions(spec), parseFunction(bits, spec.inputs));
  const binary2 = specOf(2, VARIANTS[0]);

  it("AND on 2 inputs: [w2+b<0, w1+b<0, w1+w2+b>0]", () => {
    const r = row(binary2, "0001");
    expect(r.constraints).toEqual(["w2+b<0", "w1+b<0", "w1+w2+b>0"]);
    expect(r.name).toBe("AND");
    expect(r.facets).toBe(3);
  });

  it("OR: b<0, w2+b>0, w1+b>0; x1: 4 constraints; XOR impossible; const 1: 4 constraints", () => {
    expect(row(binary2, "0111").constraints).toEqual(["b<0", "w2+b>0", "w1+b>0"]);
    expect(row(binary2, "0011").constraints).toEqual(["b<0", "w2+b<0", "w1+b>0", "w1+w2+b>0"]);
    expect(row(binary2, "0110").realizable).toBe(false);
    expect(row(binary2, "1001").realizable).toBe(false);
    expect(row(binary2, "1111").constraints).toEqual(["b>0", "w2+b>0", "w1+b>0", "w1+w2+b>0"]);
  });

  it("signed encoding: AND is -w1+w2+b<0, w1-w2+b<0, w1+w2+b>0", () => {
    expect(row(specOf(2, VARIANTS[1]), "0001").constraints).toEqual(["-w1+w2+b<0", "w1-w2+b<0", "w1+w2+b>0"]);
  });

  it("without bias there is no b in any constraint", () => {
    for (const v of VARIANTS.filter((x) => !x.bias)) {
      const set = realisableFunctions(specOf(3, v));
      for (let f = 0n; f < 256n; f++) {
        for (const c of regionOfFunction(set, { n: 3, bits: f }).constraints) expect(c).not.toMatch(/b/);
      }
    }
    expect(row(specOf(2, VARIANTS[2]), "0111").constraints).toEqual(["w2>0", "w1>0"]);
    expect(row(specOf(2, VARIANTS[3]), "0011").constraints).toEqual(["-w1-w2<0", "-w1+w2<0"]);
  });

  it("constant functions with bias have 2^n facets; AND of n inputs has n + 1", () => {
    for (let n = 0; n <= 5; n++) {
      const spec = specOf(n, VARIANTS[0]);
      const set = realisableFunctions(spec);
      const all = (1n << BigInt(2 ** n)) - 1n;
      expect(regionOfFunction(set, { n, bits: 0n }).facets).toBe(2 ** n);
      expect(regionOfFunction(set, { n, bits: all }).facets).toBe(2 ** n);
      if (n >= 1) expect(regionOfFunction(set, { n, bits: 1n << BigInt(2 ** n - 1) }).facets).toBe(n + 1);
    }
  });
});

/** Facet count by chamber adjacency, without building a whole region row. */
function facetCount(spec: PerceptronSpec, f: bigint): number {
  const set = realisableFunctions(spec);
  const t = wordsFromBigInt(f, spec.inputs);
  expect(set.indexOf(t)).toBeGreaterThanOrEqual(0);
  return facetRowsByAdjacency(spec, (x) => set.indexOf(x) >= 0, t).length;
}

const facetCountCache = new Map<string, Int32Array>();
/** Facet counts of every function of a set, by index (word form, for the exhaustive loops). */
function allFacetCounts(spec: PerceptronSpec): Int32Array {
  const hit = facetCountCache.get(label(spec));
  if (hit) return hit;
  const set = realisableFunctions(spec);
  const width = set.tables.length / set.count;
  const isRealisable = (x: Uint32Array) => set.indexOf(x) >= 0;
  const counts = Int32Array.from(
    { length: set.count },
    (_, k) =>
      facetRowsByAdjacency(spec, isRealisable, set.tables.subarray(k * width, (k + 1) * width)).length,
  );
  facetCountCache.set(label(spec), counts);
  return counts;
}

/**
 * θ ↦ −θ on functions: ¬f, except that without bias in the binary encoding the zero input stays 0.
 */
function negateTheta(spec: PerceptronSpec, f: bigint): bigint {
  const flipped = f ^ ((1n << BigInt(2 ** spec.inputs)) - 1n);
  return !spec.bias && spec.encoding === "binary" ? flipped & ~1n : flipped;
}

/** A random element of the volume symmetry group (perm, signed-only input negations, θ ↦ −θ). */
function elementArb(n: number, negations: boolean) {
  return fc.record({
    perm: fc.shuffledSubarray(
      Array.from({ length: n }, (_, i) => i),
      { minLength: n, maxLength: n },
    ),
    neg: negations
      ? fc.nat(2 ** n - 1).map((m) => bitsOfRow(n, m))
      : fc.constant(new Array<number>(n).fill(0)),
    out: fc.constantFrom(0, 1),
  });
}

describe("facet counts are symmetry invariants", () => {
  // With a bias the two encodings have the same functions and the same adjacency, hence the same
  // facet rows; the signed encoding is covered exhaustively to n = 4 and by the properties below.
  const exhaustive = (n: number) =>
    n <= 4 ? [VARIANTS[0], VARIANTS[1], VARIANTS[3]] : [VARIANTS[0], VARIANTS[3]];

  it("f and ¬f have the same facet count (with bias, and signed without bias; every function, n ≤ 5)", () => {
    for (let n = 0; n <= 5; n++) {
      for (const v of exhaustive(n)) {
        if (!v.bias && n === 0) continue;
        const spec = specOf(n, v);
        const set = realisableFunctions(spec);
        const width = set.tables.length / set.count;
        const counts = allFacetCounts(spec);
        const mask = n >= 5 ? 0xffffffff : 2 ** (2 ** n) - 1;
        let bad = 0;
        for (let k = 0; k < set.count; k++) {
          const not = set.tables.slice(k * width, (k + 1) * width).map((x) => ~x & mask);
          const j = set.indexOf(not);
          if (j < 0 || counts[j] !== counts[k]) bad++;
        }
        expect(bad, label(spec)).toBe(0);
      }
    }
  });

  it("with bias the facet count is constant on NPN classes, both encodings (every function, n ≤ 5)", () => {
    for (let n = 0; n <= 5; n++) {
      for (const v of exhaustive(n).filter((x) => x.bias)) {
        const spec = specOf(n, v);
        const set = realisableFunctions(spec);
        const counts = allFacetCounts(spec);
        const perClass = new Map<number, number>();
        let bad = 0;
        for (let k = 0; k < set.count; k++) {
          const id = set.classIds[k];
          if (!perClass.has(id)) perClass.set(id, counts[k]);
          else if (perClass.get(id) !== counts[k]) bad++;
        }
        expect(bad, label(spec)).toBe(0);
        expect(perClass.size, label(spec)).toBe([1, 2, 3, 6, 15, 63][n]);
      }
    }
  });

  it.each(VARIANTS.map((v) => [v.bias ? "bias" : "no bias", v.encoding, v] as const))(
    "property (%s, %s): images under the volume symmetry group, and under NPN where it acts, have equal facet counts",
    (_b, _e, v) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 5 }).chain((n) => {
            const spec = specOf(n, v);
            const members = [...oracle(spec).keys()];
            return fc.tuple(
              fc.constant(spec),
              fc.nat(members.length - 1).map((k) => BigInt(members[k])),
              elementArb(n, spec.encoding === "signed"),
              elementArb(n, true),
            );
          }),
          ([spec, f, g, h]) => {
            const n = spec.inputs;
            const count = facetCount(spec, f);
            // Volume symmetry: permutations (and signed negations), then θ ↦ −θ.
            const moved = act(f, n, { ...g, out: 0 } as NaiveElement);
            const image = g.out ? negateTheta(spec, moved) : moved;
            expect(oracle(spec).has(Number(image))).toBe(true);
            expect(facetCount(spec, image)).toBe(count);
            // Full NPN group: threshold functions (bias) and self-dual ones (signed, no bias) are closed.
            if (spec.bias || spec.encoding === "signed") {
              const npnImage = act(f, n, h as NaiveElement);
              expect(oracle(spec).has(Number(npnImage))).toBe(true);
              expect(facetCount(spec, npnImage)).toBe(count);
            }
          },
        ),
        { seed: 603, numRuns: 300 },
      );
    },
  );
});

describe("verifyWitness, regionFromWitness, partnerRow, unrealisableRegion", () => {
  const binary2 = specOf(2, VARIANTS[0]);
  const and = parseFunction("0001");

  it("verifyWitness accepts interior points and rejects boundary points and wrong functions", () => {
    expect(verifyWitness(binary2, and, [2, 2, -3])).toBe(true);
    expect(verifyWitness(binary2, and, [1, 1, -1])).toBe(false); // w2 + b = 0 on row 01
    expect(verifyWitness(binary2, and, [1, 1, 1])).toBe(false);
    expect(verifyWitness(specOf(2, VARIANTS[2]), parseFunction("0111"), [1, 1])).toBe(true);
    expect(verifyWitness(specOf(2, VARIANTS[2]), parseFunction("0011"), [1, 0])).toBe(false);
    expect(verifyWitness(specOf(2, VARIANTS[3]), parseFunction("0011"), [1, 0])).toBe(true);
  });

  it("regionFromWitness refuses a witness that does not realise the function", () => {
    const set = realisableFunctions(binary2);
    expect(() =>
      regionFromWitness(binary2, (t) => set.indexOf(t) >= 0, wordsFromBigInt(and.bits, 2), [1, 1, 1]),
    ).toThrow(/does not realise 0001/);
  });

  it("partnerRow pairs x with −x only for signed without bias", () => {
    expect(partnerRow(specOf(3, VARIANTS[3]), 1)).toBe(6);
    expect(partnerRow(specOf(3, VARIANTS[0]), 1)).toBe(1);
    expect(partnerRow(specOf(3, VARIANTS[2]), 1)).toBe(1);
  });

  it("unrealisableRegion marks XOR impossible, keeping its name", () => {
    expect(unrealisableRegion(parseFunction("0110"))).toEqual({
      function: "0110",
      name: "XOR",
      realizable: false,
      facets: null,
      constraints: [],
      facetRows: [],
      witness: null,
    });
  });
});
