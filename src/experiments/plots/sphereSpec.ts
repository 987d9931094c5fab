/**
 * The vega-lite picture of a SpherePicture: the two hemispheres' discs side by side, each region's
 * cell filled in its own colour and labelled with its name and exact masses, the hyperplanes' great
 * circles drawn over them (planar coordinates through vega's identity projection).
 */
import type { VegaLiteSpec } from "./renderSvg.js";
import { DISC_RADIUS, discCentre, type Hemisphere } from "./lambertHemispheres.js";
import type { PlanePoint, SphereCell, SpherePicture } from "./sphereRegions.js";

/** Titles of the sphere picture. */
export interface SphereTitles {
  /** The network, e.g. `perceptron, 2 inputs (binary), with bias`. */
  readonly architecture: string;
  /** Per prior kind present in the cells, its description, e.g. `Gaussian prior (standard deviation w 1, b 1)`. */
  readonly priors: Readonly<Record<string, string>>;
}

/** Coordinates kept in the spec: 1e-5 of a disc of radius √2 is far below a pixel. */
const round = (x: number) => Math.round(x * 1e5) / 1e5;
const roundPoint = (p: PlanePoint): PlanePoint => [round(p[0]), round(p[1])];

/** Twice the signed area of a closed polyline (shoelace), and its centroid. */
function areaAndCentroid(ring: readonly PlanePoint[]): { area: number; centroid: PlanePoint } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  return { area: Math.abs(a / 2), centroid: [cx / (3 * a), cy / (3 * a)] };
}

/**
 * The label of a cell, one line each: its name (else its truth table), then `U p/q` (the uniform
 * prior's exact fraction) and `G 0.xxxx` (the Gaussian probability, 4 significant digits) where
 * the cell carries those measures.
 */
export function sphereLabelLines(cell: SphereCell): string[] {
  const lines = [cell.name ?? cell.function];
  const u = cell.measures.uniform as { fraction?: string } | undefined;
  if (u?.fraction !== undefined) lines.push(`U ${u.fraction}`);
  const g = cell.measures.gaussian;
  if (g !== undefined) lines.push(`G ${g.p.toPrecision(4)}`);
  return lines;
}

const hemisphereCaption = (axis: string, h: Hemisphere) =>
  h === 1 ? `${axis} > 0 (seen from +${axis})` : `${axis} < 0 (seen through the sphere from +${axis})`;

/** The vega-lite specification of the picture. */
export function sphereSpec(picture: SpherePicture, titles: SphereTitles): VegaLiteSpec {
  const [p1, p2, p3] = picture.parameters;
  const coordinates = picture.parameters.map((p, k) => (picture.scales[k] === 1 ? p : `${p}/${picture.scales[k]}`)).join(", ");
  const cellFeatures = picture.cells.flatMap((cell) =>
    cell.pieces.map((piece) => ({
      type: "Feature",
      properties: {
        function: cell.function,
        name: cell.name ?? cell.function,
        hemisphere: piece.hemisphere === 1 ? "upper" : "lower",
        ...cell.measures,
      },
      geometry: { type: "Polygon", coordinates: [piece.outline.map(roundPoint)] },
    })),
  );
  const line = (points: readonly PlanePoint[], properties: Record<string, unknown>) => ({
    type: "Feature",
    properties,
    geometry: { type: "LineString", coordinates: points.map(roundPoint) },
  });
  const boundaryFeatures = picture.boundaries.map((b) =>
    line(b.line, { hyperplane: `${b.row.map((x, k) => `${x}·${picture.parameters[k]}`).join(" + ")} = 0`, hemisphere: b.hemisphere === 1 ? "upper" : "lower" }),
  );
  const rimFeatures = picture.rims.map((r) => line(r.line, { hyperplane: `${p3} = 0 (rim)`, hemisphere: r.hemisphere === 1 ? "upper" : "lower" }));
  const labels = picture.cells.map((cell) => {
    // The label sits at the centroid of the cell's larger piece.
    const best = cell.pieces.map((p) => areaAndCentroid(p.outline)).sort((a, b) => b.area - a.area)[0];
    return { x: round(best.centroid[0]), y: round(best.centroid[1]), function: cell.function, label: sphereLabelLines(cell).join("\n") };
  });
  const captions = ([1, -1] as const).map((h) => ({ x: discCentre(h)[0], y: DISC_RADIUS + 0.22, caption: hemisphereCaption(p3, h) }));
  const priorLines = Object.entries(titles.priors).map(([kind, text]) =>
    kind === "uniform" ? `U: ${text}, exact` : kind === "gaussian" ? `G: ${text} = cell area / 4π` : `${kind}: ${text}`,
  );
  const geo = { longitude: { field: "x", type: "quantitative" }, latitude: { field: "y", type: "quantitative" } } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: {
      text: `The ${picture.cells.length} regions of the ${titles.architecture} on the sphere of (${coordinates}) directions`,
      subtitle: [
        `Lambert azimuthal equal-area projection of each hemisphere (${p1} to the right, ${p2} up); lines: the hyperplanes' great circles`,
        ...priorLines,
      ],
    },
    width: 900,
    height: 470,
    projection: { type: "identity", reflectY: true },
    layer: [
      {
        data: { values: cellFeatures },
        mark: { type: "geoshape", fillOpacity: 0.85, strokeWidth: 0 },
        encoding: {
          color: { field: "properties.name", type: "nominal", scale: { scheme: "tableau20" }, legend: null },
          tooltip: [{ field: "properties.name", type: "nominal", title: "function" }],
        },
      },
      { data: { values: [...boundaryFeatures, ...rimFeatures] }, mark: { type: "geoshape", filled: false, stroke: "#333", strokeWidth: 1 } },
      { data: { values: labels }, mark: { type: "text", lineBreak: "\n", fontSize: 10, fill: "black" }, encoding: { ...geo, text: { field: "label" } } },
      { data: { values: captions }, mark: { type: "text", fontSize: 12, fontWeight: "bold" }, encoding: { ...geo, text: { field: "caption" } } },
    ],
    config: { view: { stroke: null } },
  } as VegaLiteSpec;
}
