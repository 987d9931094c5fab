/**
 * A user's own cone in `weightspace cone`'s constraint format (JSON rows or text inequalities, see
 * parseConstraints.ts) as a region for estimators.
 */
import { parseConstraints } from "../geometry/parseConstraints.js";
import type { Prior } from "../measure/prior.js";
import { coneRegion } from "./coneRegion.js";
import type { ProbedRegion } from "./probedRegion.js";

/**
 * The cone the constraints `text` describe, labelled `label`, with exact probabilities for `priors`
 * (scales one per variable, in the order of the parsed names).
 * @throws RangeError for unparseable text (the parser's one-line message) or an empty cone.
 */
export function userConeRegion(text: string, label: string, priors: readonly Prior[] = []): ProbedRegion {
  const { names, rows } = parseConstraints(text);
  return coneRegion(rows, names, { label, priors });
}
