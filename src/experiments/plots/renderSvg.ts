/**
 * Renders a vega-lite specification to a standalone SVG string in Node (vega's headless `none`
 * renderer: no browser, no canvas). Every plot the toolkit writes goes through here.
 */
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** A vega-lite specification (the JSON object a `.vl.json` file holds). */
export type VegaLiteSpec = TopLevelSpec;

/**
 * The SVG text of a vega-lite plot.
 * @throws Error from vega-lite or vega when the specification is invalid.
 */
export async function renderVegaLiteSvg(spec: VegaLiteSpec): Promise<string> {
  const vega = compile(spec).spec;
  const view = new View(parse(vega), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
