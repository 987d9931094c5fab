/**
 * ReLU regions (one hidden layer) as (activation pattern, signs) pieces in z = (v_j·w_j, c):
 * - random θ, and θ just off a piece's facet, lie (decided exactly on the doubles read as
 *   rationals) in exactly one piece of the function they compute, in their sign chart, and in no
 *   piece of another function;
 * - pieces of different functions in one chart are disjoint (exact LP on the union of their rows);
 * - every witness computes its function (float forward pass too);
 * - minimal widths for n = 2; unrealisable functions get an exhaustive certificate; two hidden
 *   layers are refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { gaussianSampler } from "../_helpers/gaussianSampler.js";
import { layeredArchitecture } from "../../../src/arch/layered/layeredArchitecture.js";
import type { LayeredSpec } from "../../../src/arch/layered/layeredSpec.js";
import { reluMinimalWidth } from "../../../src/arch/layered/reluMinimalWidth.js";
import { type ReluPiece, type ReluRegion, reluRegion } from "../../../src/arch/layered/reluRegion.js";
import { encodeRow } from "../../../src/boolean/encoding.js";
import { wordsToBigInt } from "../../../src/boolean/tableWords.js";
import { parseFunction } from "../../../src/boolean/truthTable.js";
import { findInteriorPoint } from "../../../src/geometry/coneFeasibility.js";
import { add, fromNumber, mul, type Rational, rat, sign, toNumber, ZERO } from "../../../src/geometry/rational.js";


const spec: LayeredSpec = { activation: "relu", layers: [2, 2, 1], encoding: "binary" };
const n = 2;
const h = 2;
const arch = layeredArchitecture(spec);
const d = arch.parameters.length;
const regions = new Map<bigint, ReluRegion>();

beforeAll(() => {
  for (let b = 0n; b < 16n; b++) regions.set(b, reluRegion(spec, { n, bits: b }));
});

/** Exact evaluation of θ (rationals): the table, or undefined if some pre-activation is exactly 0. */
function exactTable(theta: readonly Rational[]): bigint | undefined {
  let table = 0n;
  for (let r = 0; r < 4; r++) {
    const x = encodeRow(n, r, spec.encoding).map((v) => rat(v));
    let out = theta[d - 1];
    for (let j = 0; j < h; j++) {
      let z = theta[h * n + j];
      for (let i = 0; i < n; i++) z = add(z, mul(theta[j * n + i], x[i]));
      if (sign(z) === 0) return undefined;
      if (sign(z) > 0) out = add(out, mul(theta[h * n + h + j], z));
    }
    if (sign(out) === 0) return undefined;
    if (sign(out) > 0) table |= 1n << BigInt(r);
  }
  return table;
}

/** The chart and z of θ: σ_j = sign(v_j), z = (v_j·w_j …, c). */
function chart(theta: readonly Rational[]): { signs: number[]; z: Rational[] } {
  const signs: number[] = [];
  const z: Rational[] = [];
  for (let j = 0; j < h; j++) {
    const v = theta[h * n + h + j];
    signs.push(sign(v));
    for (let i = 0; i < n; i++) z.push(mul(v, theta[j * n + i]));
    z.push(mul(v, theta[h * n + j]));
  }
  z.push(theta[d - 1]);
  return { signs, z };
}

function inPiece(piece: ReluPiece, signs: readonly number[], z: readonly Rational[], zf: readonly number[]): boolean {
  if (piece.signs.some((s, j) => s !== signs[j])) return false;
  // Rows clearly negative in floating point (far beyond rounding) need no exact check.
  const norm = Math.hypot(...zf);
  for (const row of piece.rows) {
    let dot = 0;
    let size = 0;
    row.forEach((c, k) => {
      dot += Number(c) * zf[k];
      size += Math.abs(Number(c));
    });
    if (dot < -1e-9 * size * norm) return false;
  }
  return piece.rows.every((row) => sign(row.reduce((acc, c, k) => add(acc, mul(rat(c), z[k])), ZERO)) > 0);
}

/** Checks θ: exactly one piece over all functions contains it, and it is a piece of the function θ computes. */
function checkMembership(thetaFloat: readonly number[]): boolean {
  const theta = thetaFloat.map(fromNumber);
  const table = exactTable(theta);
  if (table === undefined || theta.slice(h * n + h, h * n + 2 * h).some((v) => sign(v) === 0)) return false;
  const { signs, z } = chart(theta);
  const zf = z.map(toNumber);
  const hits: bigint[] = [];
  for (const [f, region] of regions) for (const p of region.pieces) if (inPiece(p as ReluPiece, signs, z, zf)) hits.push(f);
  expect(hits).toEqual([table]);
  // The float forward pass agrees off the boundaries (a check of the test's exact evaluator).
  const out = new Uint32Array(1);
  arch.forward(Float64Array.from(thetaFloat), 1, out);
  if (Math.min(...thetaFloat.map(Math.abs)) > 1e-9) expect(wordsToBigInt(out)).toBe(table);
  return true;
}

describe("ReLU regions, 2-2-1", () => {
  it("counts: all 16 functions realisable; XOR and XNOR have fewest pieces", () => {
    expect([...regions.values()].every((r) => r.realizable)).toBe(true);
    expect(regions.get(0b0110n)?.pieces.length).toBe(160);
    expect(regions.get(0b1001n)?.pieces.length).toBe(160);
    expect(regions.get(0n)?.pieces.length).toBe(784);
    const piece = regions.get(0b0110n)?.pieces[0] as ReluPiece;
    expect(piece.inParameters).toBe(false);
    expect(piece.coordinates).toEqual(["u[1][1]", "u[1][2]", "ub[1]", "u[2][1]", "u[2][2]", "ub[2]", "c"]);
    expect(piece.pattern).toHaveLength(2);
    expect(piece.constraints.every((c) => c.endsWith(">0"))).toBe(true);
  });

  it("every witness computes its function (float forward pass) and lies strictly inside its piece", () => {
    const out = new Uint32Array(1);
    for (const [f, region] of regions) {
      for (const p of region.pieces as readonly ReluPiece[]) {
        arch.forward(Float64Array.from(p.parameters.map(Number)), 1, out);
        expect(BigInt(out[0])).toBe(f);
        expect(p.rows.every((r) => r.reduce((s, c, k) => s + c * p.witness[k], 0n) > 0n)).toBe(true);
      }
    }
  });

  it("random θ lies in exactly one piece, of the function it computes", () => {
    const normal = gaussianSampler(7);
    let checked = 0;
    for (let s = 0; s < 300; s++) if (checkMembership(Array.from({ length: d }, normal))) checked++;
    expect(checked).toBe(300);
  });

  it("θ just off a facet (either side) lies in exactly one piece, of the function it computes", () => {
    const normal = gaussianSampler(11);
    let checked = 0;
    for (const [, region] of regions) {
      const pieces = region.pieces as readonly ReluPiece[];
      for (let k = 0; k < pieces.length; k += 37) {
        const p = pieces[k];
        const row = p.rows[k % p.rows.length];
        // Project the witness onto the facet's hyperplane, then step a little to either side.
        const w = p.witness.map(Number);
        const a = row.map(Number);
        const t = a.reduce((s, c, i) => s + c * w[i], 0) / a.reduce((s, c) => s + c * c, 0);
        for (const eps of [1e-6, -1e-6]) {
          const z = w.map((x, i) => x - t * a[i] + eps * a[i] + 1e-9 * normal());
          const theta = new Array<number>(d);
          for (let j = 0; j < h; j++) {
            const sg = p.signs[j];
            for (let i = 0; i < n; i++) theta[j * n + i] = sg * z[j * (n + 1) + i];
            theta[h * n + j] = sg * z[j * (n + 1) + n];
            theta[h * n + h + j] = sg;
          }
          theta[d - 1] = z[h * (n + 1)];
          if (checkMembership(theta)) checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("pieces of different functions in one chart are disjoint (exact LP on the union of their rows)", () => {
    const normal = gaussianSampler(3);
    const fs = [...regions.keys()];
    let pairs = 0;
    for (let t = 0; t < 150; t++) {
      const f = fs[Math.floor(Math.abs(normal() * 1e6)) % 16];
      const g = fs[(fs.indexOf(f) + 1 + (Math.floor(Math.abs(normal() * 1e6)) % 15)) % 16];
      const pf = regions.get(f)?.pieces as readonly ReluPiece[];
      const pg = (regions.get(g)?.pieces as readonly ReluPiece[]).filter((p) => p.signs.join() === pf[t % pf.length].signs.join());
      if (pg.length === 0) continue;
      const a = pf[t % pf.length];
      const b = pg[t % pg.length];
      expect(findInteriorPoint([...a.rows, ...b.rows]).ok).toBe(false);
      pairs++;
    }
    expect(pairs).toBeGreaterThan(100);
  });

  it("unrealisable: XOR with one hidden unit, with an exhaustive certificate", () => {
    const r = reluRegion({ ...spec, layers: [2, 1, 1] }, parseFunction("0110"));
    expect(r.realizable).toBe(false);
    expect(r.pieces).toHaveLength(0);
    expect(r.certificate?.kind).toMatch(/exhaustive: all 28 .* are empty/);
  });

  it("two hidden layers are refused with a RangeError saying so", () => {
    const two = layeredArchitecture({ ...spec, layers: [2, 2, 2, 1] });
    expect(() => two.region(parseFunction("0110"))).toThrow(/one hidden layer/);
  });

  it("signed encoding: every witness computes its function", () => {
    const s: LayeredSpec = { ...spec, encoding: "signed" };
    const a = layeredArchitecture(s);
    const r = reluRegion(s, parseFunction("0110"));
    expect(r.pieces.length).toBeGreaterThan(0);
    const out = new Uint32Array(1);
    for (const p of r.pieces as readonly ReluPiece[]) {
      a.forward(Float64Array.from(p.parameters.map(Number)), 1, out);
      expect(out[0]).toBe(0b0110);
    }
  });
});

describe("minimal ReLU widths", () => {
  it("n = 2: constants 0, XOR and XNOR 2, every other function 1 (proved)", () => {
    for (let b = 0n; b < 16n; b++) {
      const m = reluMinimalWidth({ n: 2, bits: b }, "binary");
      const want = b === 0n || b === 15n ? 0 : b === 0b0110n || b === 0b1001n ? 2 : 1;
      expect(m.width).toBe(want);
      if (want === 2) {
        expect(m.belowWidth?.feasible).toBe(0);
        expect(m.belowWidth?.candidates).toBe(28);
        expect(m.proof).toMatch(/at width 1 all 28 .* are empty/);
      }
    }
  });

  it("n = 3: parity needs 3 hidden units (width 2 refuted exhaustively)", () => {
    const m = reluMinimalWidth(parseFunction("01101001"), "binary");
    expect(m.width).toBe(3);
    expect(m.belowWidth?.feasible).toBe(0);
    const a = layeredArchitecture({ activation: "relu", layers: [3, 3, 1], encoding: "binary" });
    const out = new Uint32Array(1);
    a.forward(Float64Array.from(m.witness.map(Number)), 1, out);
    expect(out[0]).toBe(0b10010110);
  });
});
