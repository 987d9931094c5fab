/** The words plot titles use for a network and a prior, e.g. `perceptron, 5 inputs (binary), with bias`. */
import type { Architecture } from "../../arch/architecture.js";
import { toString } from "../../geometry/rational.js";
import type { Prior } from "../../measure/prior.js";
import type { SphereTitles } from "./sphereSpec.js";

/** `perceptron, 5 inputs (binary), with bias` or `relu net 3-8-1 (signed)`. */
export function architectureTitle(arch: Architecture): string {
  const d = arch.description;
  const layers = d.layers;
  if (Array.isArray(layers)) return `${arch.type} net ${layers.join("-")} (${arch.encoding})`;
  const inputs = `${arch.inputs} input${arch.inputs === 1 ? "" : "s"}`;
  return `${arch.type}, ${inputs} (${arch.encoding}), ${d.bias === false ? "no bias" : "with bias"}`;
}

/** `Gaussian prior (standard deviation w 1, b 1)`: the family and each parameter group's exact scale. */
export function priorTitle(arch: Architecture, prior: Prior): string {
  const kind = prior.family.kind;
  // A group can be empty (no weights at 0 inputs); it has no scale to show.
  const scales = arch.groups.filter((g) => g.indices.length > 0).map((g) => `${g.name} ${toString(prior.scales[g.indices[0]])}`);
  return `${kind[0].toUpperCase()}${kind.slice(1)} prior (${prior.family.scaleMeaning} ${scales.join(", ")})`;
}

/** The sphere picture's titles: the network and each prior by kind. */
export function sphereTitles(arch: Architecture, priors: readonly Prior[]): SphereTitles {
  return { architecture: architectureTitle(arch), priors: Object.fromEntries(priors.map((p) => [p.family.kind, priorTitle(arch, p)])) };
}
