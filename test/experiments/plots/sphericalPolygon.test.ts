import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { greatCircleArc, greatSemicircle, polygonOutline, sphericalPolygon, type Vec3 } from "../../../src/experiments/plots/sphericalPolygon.js";

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

describe("sphericalPolygon", () => {
  it("the positive octant: its 3 axes, counter-clockwise seen from outside", () => {
    const v = sphericalPolygon([[1, 0, 0], [0, 1, 0], [0, 0, 1]])!;
    expect(v).toHaveLength(3);
    for (const axis of [[1, 0, 0], [0, 1, 0], [0, 0, 1]] as Vec3[]) expect(v.some((p) => p.every((x, k) => Math.abs(x - axis[k]) < 1e-15))).toBe(true);
    // Counter-clockwise from outside: (v1 − v0) × (v2 − v0) points away from the origin.
    const n = cross([v[1][0] - v[0][0], v[1][1] - v[0][1], v[1][2] - v[0][2]], [v[2][0] - v[0][0], v[2][1] - v[0][1], v[2][2] - v[0][2]]);
    expect(dot(n, [1, 1, 1])).toBeGreaterThan(0);
  });

  it("redundant rows change nothing; empty, flat and lune-shaped traces are told apart", () => {
    expect(sphericalPolygon([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]])).toHaveLength(3);
    expect(sphericalPolygon([[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, 0, 1]])).toBeUndefined();
    // {x ≥ 0, −x ≥ 0, y ≥ 0, z ≥ 0} is a quarter circle arc: no interior.
    expect(sphericalPolygon([[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 1]])).toBeUndefined();
    expect(() => sphericalPolygon([[1, 0, 0], [0, 1, 0]])).toThrow(/do not span/);
    expect(() => sphericalPolygon([[1, 0, 0], [0, 1, 0], [1, 1, 0]])).toThrow(/do not span/);
  });

  it("every vertex satisfies every row and lies where two rows are tight (property)", () => {
    const row = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })).filter((r) => r.some((x) => x !== 0));
    fc.assert(
      fc.property(fc.array(row, { minLength: 3, maxLength: 6 }), (rows) => {
        let v: Vec3[] | undefined;
        try {
          v = sphericalPolygon(rows);
        } catch (e) {
          expect((e as Error).message).toMatch(/do not span|contains a line/);
          return;
        }
        if (v === undefined) return;
        for (const p of v) {
          expect(Math.hypot(...p)).toBeCloseTo(1, 12);
          const slack = rows.map((r) => dot(r, p) / Math.hypot(...r));
          expect(Math.min(...slack)).toBeGreaterThan(-1e-9);
          expect(slack.filter((s) => Math.abs(s) < 1e-9).length).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe("great circles", () => {
  it("an arc stays on its great circle in steps of at most maxStep", () => {
    const arc = greatCircleArc([1, 0, 0], [0, 1, 0], Math.PI / 180);
    expect(arc).toHaveLength(91);
    for (const p of arc) expect(Math.abs(p[2])).toBeLessThan(1e-15);
    for (let i = 1; i < arc.length; i++) expect(Math.acos(Math.min(1, dot(arc[i - 1], arc[i])))).toBeLessThanOrEqual(Math.PI / 180 + 1e-12);
    expect(() => greatCircleArc([1, 0, 0], [-1, 0, 0], 0.1)).toThrow(/antipodal/);
  });

  it("a polygon's outline is closed and passes through its vertices", () => {
    const v = sphericalPolygon([[1, 0, 0], [0, 1, 0], [0, 0, 1]])!;
    const o = polygonOutline(v, 0.05);
    expect(o[0]).toEqual(o[o.length - 1]);
    for (const p of v) expect(o.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]) < 1e-12)).toBe(true);
  });

  it("a semicircle lies on its plane, in the pole's hemisphere, from equator to equator", () => {
    const s = greatSemicircle([1, 1, 1], [0, 0, 1], 0.01);
    for (const p of s) {
      expect(Math.abs(dot(p, [1, 1, 1]))).toBeLessThan(1e-12);
      expect(p[2]).toBeGreaterThan(-1e-12);
    }
    expect(Math.abs(s[0][2])).toBeLessThan(1e-12);
    expect(Math.abs(s[s.length - 1][2])).toBeLessThan(1e-12);
    expect(greatSemicircle([0, 0, 1], [0, 0, 1], 0.01).every((p) => Math.abs(p[2]) < 1e-12)).toBe(true);
  });
});
