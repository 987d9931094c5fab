/**
 * The regions of a network with three parameters (the perceptron with n = 2 and a bias: θ = (w1,
 * w2, b)) traced on the sphere of parameter directions: every region is a cone, so it is one cell
 * of S², cut out by the great circles of the hyperplanes ⟨x, w⟩ + b = 0. The directions are those of
 * θ_k / σ_k with σ the Gaussian prior's scales (1 without one), so a cell's area / 4π is its
 * Gaussian probability. Masses are the exact table's; the geometry (doubles) is for drawing.
 */
import type { Architecture, TableRow } from "../../arch/architecture.js";
import { parseFunction } from "../../boolean/truthTable.js";
import { bigGcd, toNumber } from "../../geometry/rational.js";
import type { ConeMeasure, Prior } from "../../measure/prior.js";
import { discRim, type Hemisphere, lambertPoint } from "./lambertHemispheres.js";
import { greatSemicircle, polygonOutline, sphericalPolygon, type Vec3 } from "./sphericalPolygon.js";

/** A planar point of the picture. */
export type PlanePoint = [number, number];

/** The part of one region's cell in one hemisphere. */
export interface SpherePiece {
  readonly hemisphere: Hemisphere;
  /** The spherical polygon's vertices (unit vectors, counter-clockwise from outside). */
  readonly vertices: readonly Vec3[];
  /** Its boundary in the plane (Lambert), edges sampled along their great circles, closed. */
  readonly outline: readonly PlanePoint[];
}

/** One realisable function's cell. */
export interface SphereCell {
  /** Truth table. */
  readonly function: string;
  /** Conventional name, when it has one. */
  readonly name?: string;
  /** The exact table's measure under each prior, by prior kind. */
  readonly measures: Readonly<Record<string, ConeMeasure>>;
  /** Its parts (two when the equator of the picture cuts it). */
  readonly pieces: readonly SpherePiece[];
}

/** One hyperplane's great circle, per hemisphere. */
export interface SphereBoundary {
  /** The hyperplane ⟨a, θ⟩ = 0, as a primitive integer row a in parameter order. */
  readonly row: readonly bigint[];
  readonly hemisphere: Hemisphere;
  readonly line: readonly PlanePoint[];
}

/** Everything the sphere picture shows. */
export interface SpherePicture {
  /** Parameter names, the last one pointing at the upper disc's centre. */
  readonly parameters: readonly string[];
  /** The scale dividing each parameter (the Gaussian prior's σ, or 1). */
  readonly scales: readonly number[];
  readonly cells: readonly SphereCell[];
  readonly boundaries: readonly SphereBoundary[];
  /** The two discs' rims (the equator z₃ = 0 seen from each side). */
  readonly rims: readonly { readonly hemisphere: Hemisphere; readonly line: readonly PlanePoint[] }[];
}

/** Options of sphereRegions. */
export interface SphereRegionsOptions {
  /** Largest angle (radians) between consecutive samples of a boundary arc (default 1°). */
  readonly maxStep?: number;
}

/** The row divided by its gcd and signed so that its first non-zero entry is positive. */
function primitive(row: readonly bigint[]): bigint[] {
  const g = row.reduce((a, b) => bigGcd(a, b < 0n ? -b : b), 0n);
  const first = row.find((x) => x !== 0n) ?? 1n;
  const s = first < 0n ? -1n : 1n;
  return row.map((x) => (s * x) / (g === 0n ? 1n : g));
}

/**
 * The sphere picture of `arch` with the masses of `priors`.
 * @throws RangeError unless the network has 3 parameters, is scale-invariant, has an exact table
 *   and polyhedral regions in its parameters.
 */
export function sphereRegions(arch: Architecture, priors: readonly Prior[], options: SphereRegionsOptions = {}): SpherePicture {
  const d = arch.parameters.length;
  if (d !== 3 || arch.scaleInvariant === false || !arch.exactTable)
    throw new RangeError(
      `the sphere picture needs a scale-invariant network with 3 parameters and an exact table (the perceptron with 2 inputs and a bias); this one has ${d} parameters (${arch.parameters.join(", ")})`,
    );
  const maxStep = options.maxStep ?? Math.PI / 180;
  const gaussian = priors.find((p) => p.family.kind === "gaussian");
  const scales = gaussian ? gaussian.scales.map(toNumber) : [1, 1, 1];
  // ⟨a, θ⟩ = Σ a_k σ_k (θ_k / σ_k): the row in the standardised directions.
  const toSphere = (row: readonly bigint[]): Vec3 => [Number(row[0]) * scales[0], Number(row[1]) * scales[1], Number(row[2]) * scales[2]];
  const hemispheres: Hemisphere[] = [1, -1];
  const cells: SphereCell[] = [];
  const planes = new Map<string, bigint[]>();
  const table = arch.exactTable({ priors, all: false, classes: "none" });
  table.forEachRow((row: TableRow) => {
    if (!row.realizable) return;
    const region = arch.region(parseFunction(row.function, arch.inputs));
    const pieces: SpherePiece[] = [];
    for (const piece of region.pieces) {
      if (!piece.inParameters || piece.coordinates.length !== 3)
        throw new RangeError(`the region of ${row.function} is not a cone in the parameters (${piece.coordinates.join(", ")})`);
      for (const r of piece.rows) {
        const p = primitive(r);
        planes.set(p.join(","), p);
      }
      const rows = piece.rows.map(toSphere);
      for (const h of hemispheres) {
        const vertices = sphericalPolygon([...rows, [0, 0, h]]);
        if (vertices === undefined) continue;
        pieces.push({ hemisphere: h, vertices, outline: polygonOutline(vertices, maxStep).map((z) => lambertPoint(z, h)) });
      }
    }
    const r = row as TableRow & Record<string, unknown>;
    const measures = Object.fromEntries(priors.map((p) => [p.family.kind, r[p.family.kind] as ConeMeasure]));
    cells.push({ function: row.function, ...(row.name === undefined ? {} : { name: row.name }), measures, pieces });
  });
  const boundaries: SphereBoundary[] = [];
  for (const row of planes.values()) {
    const a = toSphere(row);
    // The equator is each disc's rim, drawn as such.
    if (a[0] === 0 && a[1] === 0) continue;
    for (const h of hemispheres) boundaries.push({ row, hemisphere: h, line: greatSemicircle(a, [0, 0, h], maxStep).map((z) => lambertPoint(z, h)) });
  }
  const rimPoints = Math.ceil((2 * Math.PI) / maxStep);
  return {
    parameters: arch.parameters,
    scales,
    cells,
    boundaries,
    rims: hemispheres.map((h) => ({ hemisphere: h, line: discRim(h, rimPoints) })),
  };
}
