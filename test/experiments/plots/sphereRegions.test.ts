import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priorFor } from "../../../src/arch/architecture.js";
import { createArchitecture } from "../../../src/arch/registry.js";
import { ONE, rat } from "../../../src/geometry/rational.js";
import { priorFamily } from "../../../src/measure/priorFamilies.js";
import { renderVegaLiteSvg } from "../../../src/experiments/plots/renderSvg.js";
import { type SpherePicture, sphereRegions } from "../../../src/experiments/plots/sphereRegions.js";
import { sphereSpec } from "../../../src/experiments/plots/sphereSpec.js";
import type { Vec3 } from "../../../src/experiments/plots/sphericalPolygon.js";
import { wellFormedXml } from "./_helpers/wellFormedXml.js";

const priorsOf = (arch: ReturnType<typeof createArchitecture>, w = ONE, b = ONE) =>
  ["gaussian", "uniform"].map((k) => priorFor(arch, priorFamily(k), { weight: w, bias: b }));

/** Area of a convex spherical polygon by Girard's theorem: Σ interior angles − (k − 2)π. */
function girardArea(v: readonly Vec3[]): number {
  const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  const tangent = (at: Vec3, to: Vec3): Vec3 => {
    const c = dot(at, to);
    return [to[0] - c * at[0], to[1] - c * at[1], to[2] - c * at[2]];
  };
  let angles = 0;
  v.forEach((p, i) => {
    const a = tangent(p, v[(i + v.length - 1) % v.length]);
    const b = tangent(p, v[(i + 1) % v.length]);
    angles += Math.acos(Math.max(-1, Math.min(1, dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b)))));
  });
  return angles - (v.length - 2) * Math.PI;
}

/** Planar area of a closed polyline (shoelace). */
function planarArea(ring: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(s / 2);
}

type Feature = { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] } };
type Layer = { data: { values: Record<string, unknown>[] } };

/** The drawn cells' polygons and the labels, read back from the specification. */
function drawn(picture: SpherePicture) {
  const spec = sphereSpec(picture, { architecture: "test", priors: { gaussian: "G", uniform: "U" } }) as unknown as { layer: Layer[] };
  const cells = spec.layer[0].data.values as unknown as Feature[];
  const labels = spec.layer[2].data.values as { function: string; label: string }[];
  return { spec, cells, labels };
}

describe("sphere picture of the 2-input perceptron", () => {
  for (const encoding of ["binary", "signed"] as const) {
    const arch = createArchitecture("perceptron", { inputs: 2, encoding, bias: true });
    const picture = sphereRegions(arch, priorsOf(arch));
    const fixture = JSON.parse(readFileSync(`fixtures/volumes/table-n2-${encoding}-volumes.json`, "utf8")) as {
      rows: { function: string; name: string; gaussian: { p: number }; uniform: { fraction: string } }[];
    };

    it(`${encoding}: 14 cells whose areas (Girard's theorem on their vertices) sum to 4π and equal 4π × the Gaussian column`, () => {
      expect(picture.cells).toHaveLength(14);
      let total = 0;
      for (const cell of picture.cells) {
        const area = cell.pieces.reduce((s, p) => s + girardArea(p.vertices), 0);
        const row = fixture.rows.find((r) => r.function === cell.function)!;
        expect(area / (4 * Math.PI)).toBeCloseTo(row.gaussian.p, 12);
        total += area;
      }
      expect(total).toBeCloseTo(4 * Math.PI, 12);
    });

    it(`${encoding}: the drawn (equal-area) polygons have the cells' areas, 4π in all`, () => {
      const { cells } = drawn(picture);
      let total = 0;
      for (const cell of picture.cells) {
        const mine = cells.filter((f) => f.properties.function === cell.function);
        expect(mine).toHaveLength(cell.pieces.length);
        const area = mine.reduce((s, f) => s + planarArea(f.geometry.coordinates[0]), 0);
        // Chords of 1° steps and coordinates rounded to 1e-5 lose well under 1e-3 of a cell.
        expect(Math.abs(area - cell.pieces.reduce((s, p) => s + girardArea(p.vertices), 0))).toBeLessThan(1e-3);
        total += area;
      }
      expect(Math.abs(total - 4 * Math.PI)).toBeLessThan(5e-3);
    });

    it(`${encoding}: one label per function, equal to the exact table (name, uniform p/q, Gaussian)`, () => {
      const { labels } = drawn(picture);
      expect(labels.map((l) => l.function).sort()).toEqual(fixture.rows.map((r) => r.function).sort());
      for (const l of labels) {
        const row = fixture.rows.find((r) => r.function === l.function)!;
        expect(l.label).toBe(`${row.name}\nU ${row.uniform.fraction}\nG ${row.gaussian.p.toPrecision(4)}`);
      }
    });
  }

  it("the great circles are the 4 hyperplanes ⟨x, w⟩ + b = 0 (b = 0 as the rims), each half drawn in each disc", () => {
    const arch = createArchitecture("perceptron", { inputs: 2, encoding: "binary", bias: true });
    const picture = sphereRegions(arch, priorsOf(arch));
    const rows = [...new Set(picture.boundaries.map((b) => b.row.join(",")))].sort();
    expect(rows).toEqual(["0,1,1", "1,0,1", "1,1,1"]);
    expect(picture.boundaries).toHaveLength(6);
    expect(picture.rims).toHaveLength(2);
    // Every sample lies on its great circle: invert Lambert's projection (r² = X² + Y²:
    // z = (X·√(1 − r²/4), Y·√(1 − r²/4), ±(1 − r²/2))) and evaluate ⟨a, z⟩.
    for (const b of picture.boundaries) {
      const cx = b.hemisphere === 1 ? 0 : 2 * Math.SQRT2 + 0.7;
      for (const [X0, Y] of b.line) {
        const X = X0 - cx;
        const r2 = X * X + Y * Y;
        const f = Math.sqrt(1 - r2 / 4);
        const z = [X * f, Y * f, b.hemisphere * (1 - r2 / 2)];
        expect(Math.abs(z.reduce((s, zk, k) => s + zk * Number(b.row[k]), 0))).toBeLessThan(1e-12);
      }
      const ends = [b.line[0], b.line[b.line.length - 1]];
      for (const end of ends) expect(Math.hypot(end[0] - cx, end[1])).toBeCloseTo(Math.SQRT2, 9);
    }
  });

  it("any Gaussian scales: the axes are θ_k/σ_k, so areas / 4π stay the Gaussian column (property)", () => {
    const arch = createArchitecture("perceptron", { inputs: 2, encoding: "binary", bias: true });
    const scale = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([p, q]) => rat(BigInt(p), BigInt(q)));
    fc.assert(
      fc.property(scale, scale, (w, b) => {
        const picture = sphereRegions(arch, priorsOf(arch, w, b));
        for (const cell of picture.cells) {
          const area = cell.pieces.reduce((s, p) => s + girardArea(p.vertices), 0);
          expect(Math.abs(area / (4 * Math.PI) - cell.measures.gaussian.p)).toBeLessThan(1e-10);
        }
      }),
      { numRuns: 12, seed: 11 },
    );
  });

  it("renders to a well-formed SVG with one filled path per cell piece and the labels' text", async () => {
    const arch = createArchitecture("perceptron", { inputs: 2, encoding: "binary", bias: true });
    const picture = sphereRegions(arch, priorsOf(arch));
    const { spec } = drawn(picture);
    const svg = await renderVegaLiteSvg(spec as never);
    const names = wellFormedXml(svg);
    expect(names[0]).toBe("svg");
    const cellGroup = svg.slice(svg.indexOf("layer_0_marks"), svg.indexOf("layer_1_marks"));
    expect(cellGroup.match(/<path [^>]*fill="#/g)?.length).toBe(14);
    expect(svg).toContain("<tspan>const 0</tspan>");
    expect(svg).toContain("13/48");
  });

  it("rejects networks without 3 parameters", () => {
    const arch = createArchitecture("perceptron", { inputs: 3, encoding: "binary", bias: true });
    expect(() => sphereRegions(arch, priorsOf(arch))).toThrow(/3 parameters.*this one has 4 parameters/);
  });
});
