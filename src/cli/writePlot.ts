/** Writes plots: each SVG and, beside it, its vega-lite specification (`NAME.vl.json`). */
import { join } from "node:path";
import { renderVegaLiteSvg, type VegaLiteSpec } from "../experiments/plots/renderSvg.js";
import { writeOutput } from "./outputSink.js";

/** The specification's path beside an SVG path: `x.svg` → `x.vl.json` (other names get `.vl.json` appended). */
export function specPathOf(svgPath: string): string {
  return `${svgPath.replace(/\.svg$/i, "")}.vl.json`;
}

/**
 * Renders `spec` and writes the SVG to `svgPath` (undefined or `-`: stdout) and the specification
 * beside it (not for stdout); each file replaced atomically.
 * @throws Error from vega when the specification cannot be rendered (nothing is written then).
 */
export async function writePlot(svgPath: string | undefined, spec: VegaLiteSpec): Promise<void> {
  const svg = await renderVegaLiteSvg(spec);
  if (svgPath !== undefined && svgPath !== "-") writeOutput(specPathOf(svgPath), (sink) => sink.write(`${JSON.stringify(spec)}\n`));
  writeOutput(svgPath, (sink) => sink.write(`${svg}\n`));
}

/** Writes each plot into `dir` as NAME.svg and NAME.vl.json (rendering all before writing any). */
export async function writePlots(dir: string, plots: readonly { readonly name: string; readonly spec: VegaLiteSpec }[]): Promise<void> {
  const svgs = await Promise.all(plots.map((p) => renderVegaLiteSvg(p.spec)));
  plots.forEach((p, i) => {
    writeOutput(join(dir, `${p.name}.vl.json`), (sink) => sink.write(`${JSON.stringify(p.spec)}\n`));
    writeOutput(join(dir, `${p.name}.svg`), (sink) => sink.write(`${svgs[i]}\n`));
  });
}
