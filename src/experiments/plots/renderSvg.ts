/**
 * Renders a vega-lite specification to a standalone SVG string in Node (vega's headless `none`
 * renderer: no browser, no canvas). Every plot the toolkit writes goes through here.
 */
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/**
 * Geometry attributes with their numbers rounded to 1/100 of a pixel: vega prints doubles in full
 * (`translate(817.8442152953113,…)`), several times the size of the picture's information.
 */
function roundGeometry(svg: string): string {
  return svg.replace(/ (d|transform)="([^"]*)"/g, (_, name: string, value: string) => {
    const rounded = value.replace(/-?\d*\.\d{3,}(e-?\d+)?/g, (x) => String(Math.round(Number(x) * 100) / 100));
    return ` ${name}="${rounded}"`;
  });
}

/** A vega-lite specification (the JSON object a `.vl.json` file holds). */
export type VegaLiteSpec = TopLevelSpec;

/**
 * The SVG text of a vega-lite plot (marks without ARIA labels unless the specification asks for them).
 * @throws Error from vega-lite or vega when the specification is invalid.
 */
export async function renderVegaLiteSvg(spec: VegaLiteSpec): Promise<string> {
  // ARIA labels repeat every datum's fields in every mark: most of a scatter plot's bytes.
  const vega = compile({ ...spec, config: { aria: false, ...spec.config } } as VegaLiteSpec).spec;
  const view = new View(parse(vega), { renderer: "none" });
  try {
    return roundGeometry(await view.toSVG());
  } finally {
    view.finalize();
  }
}
