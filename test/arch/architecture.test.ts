/**
 * The architecture interface, for every registered architecture: the forward pass, the exact
 * region, the implicit region and the symmetries agree with each other on random parameters.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Architecture, PolyhedralPiece, Region } from "../../src/arch/architecture.js";
import type { LayeredArchitecture } from "../../src/arch/layered/layeredArchitecture.js";
import { reluPieceContains } from "../../src/arch/layered/reluPatternCone.js";
import { type ReluPiece, reluShape } from "../../src/arch/layered/reluRegion.js";
import { ARCHITECTURE_NAMES, ARCHITECTURES, type ArchitectureConfig, createArchitecture } from "../../src/arch/registry.js";
import { wordsToBigInt } from "../../src/boolean/tableWords.js";
import { add, fromNumber, mul, rat, sign } from "../../src/geometry/rational.js";

/** Layer lists of the networks with hidden layers: small enough to list every region's pieces. */
const LAYERS = [[1, 2, 1], [2, 1, 1], [2, 2, 1], [3, 1, 1], [2, 1, 1, 1]];

/** Configurations of every registered architecture small enough to decide every region. */
const CONFIGS: { name: string; config: ArchitectureConfig }[] = ARCHITECTURE_NAMES.flatMap((name): { name: string; config: ArchitectureConfig }[] =>
  ARCHITECTURES[name].layered
    ? LAYERS.flatMap((layers) =>
        (["binary", "signed"] as const).map((encoding) => ({ name, config: { inputs: layers[0], encoding, layers } })),
      )
    : [1, 2, 3, 4].flatMap((inputs) =>
        (["binary", "signed"] as const).flatMap((encoding) =>
          [true, false].map((bias) => ({ name, config: { inputs, encoding, bias } })),
        ),
      ),
);

const regions = new Map<string, Region | undefined>();

/**
 * f's region (cached: ReLU regions take a second each), or undefined where the architecture does
 * not build regions (ReLU nets with two hidden layers).
 */
function regionOf(arch: Architecture, f: { n: number; bits: bigint }) {
  const key = `${JSON.stringify(arch.description)}:${f.bits}`;
  if (regions.has(key)) return regions.get(key);
  let region: Region | undefined;
  try {
    region = arch.region(f);
  } catch (e) {
    if (!(e instanceof RangeError && /not yet|one hidden layer/.test(e.message))) throw e;
  }
  regions.set(key, region);
  return region;
}

/**
 * Whether θ lies in the piece: in θ itself, or for ReLU pieces (in z = (v_j·w_j, c), one sign
 * chart each) through the exact chart map.
 */
function pieceContains(arch: Architecture, piece: PolyhedralPiece, theta: readonly number[]): boolean {
  if (piece.inParameters) return inPiece(piece.rows, theta);
  const shape = reluShape((arch as LayeredArchitecture).spec);
  return reluPieceContains(shape, piece as ReluPiece, theta);
}

/** A point of the piece in θ: its witness, or for ReLU pieces the parameters mapping to it. */
const pieceParameters = (piece: PolyhedralPiece) => ((piece as Partial<ReluPiece>).parameters ?? piece.witness).map(Number);

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47];
/**
 * Random parameters in general position: θ_k = n_k + √p_k with distinct primes p_k, so no signed
 * integer combination of them is 0 (square roots of primes are linearly independent over Q) and
 * no pre-activation sits on a boundary, where open pieces and the strict forward pass differ by
 * convention only.
 */
const params = (d: number) =>
  fc
    .array(fc.integer({ min: -12, max: 12 }), { minLength: d, maxLength: d })
    .map((n) => n.map((v, k) => v + Math.sqrt(PRIMES[k])));

function tableOf(arch: Architecture, theta: readonly number[]): bigint {
  const out = new Uint32Array(arch.tableWords);
  arch.forward(Float64Array.from(theta), 1, out);
  return wordsToBigInt(out);
}

/** Whether θ (doubles, read exactly) lies in the open cone of a piece's integer rows, decided exactly. */
function inPiece(rows: readonly (readonly bigint[])[], theta: readonly number[]): boolean {
  const q = theta.map(fromNumber);
  return rows.every((r) => sign(r.reduce((s, a, k) => add(s, mul(rat(a), q[k])), rat(0))) > 0);
}

describe("every registered architecture", () => {
  it("has a registry entry that round-trips and rejects unknown names", () => {
    for (const name of ARCHITECTURE_NAMES) {
      const arch = createArchitecture(name, { inputs: 2, ...(ARCHITECTURES[name].layered ? { layers: [2, 2, 1] } : {}) });
      expect(arch.type).toBe(name);
      expect(ARCHITECTURES[name].maxInputs).toBeGreaterThanOrEqual(2);
      const covered = arch.groups.flatMap((g) => g.indices).sort((a, b) => a - b);
      expect(covered).toEqual(arch.parameters.map((_, i) => i));
    }
    expect(() => createArchitecture("bogus", { inputs: 2 })).toThrow(/unknown architecture 'bogus'; allowed: perceptron/);
  });

  it.each(CONFIGS)("$name $config: θ computes f iff θ lies in one of f's pieces (and in its implicit region)", ({ name, config }) => {
    const arch = createArchitecture(name, config);
    const d = arch.parameters.length;
    fc.assert(
      fc.property(params(d), params(d), (a, b) => {
        const f = { n: arch.inputs, bits: tableOf(arch, a) };
        const region = regionOf(arch, f);
        const implicit = arch.implicitRegion(f);
        // b is an arbitrary point: it lies in f's pieces exactly when it computes f.
        for (const theta of [a, b]) {
          const computes = tableOf(arch, theta) === f.bits;
          if (region) {
            const inside = region.pieces.some((p) => pieceContains(arch, p, theta));
            expect(inside).toBe(computes);
          }
          expect(implicit.contains(Float64Array.from(theta))).toBe(computes);
        }
        if (!region) return;
        expect(region.realizable).toBe(true);
        for (const p of region.pieces) expect(tableOf(arch, pieceParameters(p))).toBe(f.bits);
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  it.each(CONFIGS)("$name $config: each symmetry maps θ's function as it says (actOnTable)", ({ name, config }) => {
    const arch = createArchitecture(name, config);
    const d = arch.parameters.length;
    fc.assert(
      fc.property(params(d), (theta) => {
        for (const s of arch.symmetries) {
          const image = s.perm.map((j, k) => s.sign[k] * theta[j]);
          const table = new Uint32Array(arch.tableWords);
          arch.forward(Float64Array.from(theta), 1, table);
          s.actOnTable(table);
          expect(tableOf(arch, image), s.name).toBe(wordsToBigInt(table));
        }
      }),
      { seed: 11, numRuns: 30 },
    );
  });

  it("ray distances are exact for the perceptron cone: the boundary point has a zero pre-activation", () => {
    const arch = createArchitecture("perceptron", { inputs: 3 });
    fc.assert(
      fc.property(params(4), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (theta, u) => {
        const f = { n: 3, bits: tableOf(arch, theta) };
        const region = arch.implicitRegion(f);
        const x = Float64Array.from(theta);
        if (!region.contains(x)) return;
        const t = region.rayDistance(x, Float64Array.from(u));
        if (!Number.isFinite(t)) return;
        const inside = Float64Array.from(theta, (v, k) => v + 0.999 * t * u[k]);
        const outside = Float64Array.from(theta, (v, k) => v + 1.001 * t * u[k]);
        expect(region.contains(inside)).toBe(true);
        expect(region.contains(outside)).toBe(false);
      }),
      { seed: 3, numRuns: 200 },
    );
  });
});
