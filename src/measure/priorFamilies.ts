/** The registry of prior families: `--prior NAME` and the library look families up here. */
import { gaussianPrior } from "./gaussianPrior.js";
import type { ConeMeasure, PriorFamily } from "./prior.js";
import { uniformPrior } from "./uniformPrior.js";

/** Every registered prior family, by kind, in printing order. */
export const PRIOR_FAMILIES: Readonly<Record<string, PriorFamily<ConeMeasure>>> = {
  gaussian: gaussianPrior,
  uniform: uniformPrior,
};

/** The registered kinds, in printing order. */
export const PRIOR_KINDS: readonly string[] = Object.keys(PRIOR_FAMILIES);

/**
 * The family registered as `kind`.
 * @throws RangeError naming the unknown kind and the registered ones.
 */
export function priorFamily(kind: string): PriorFamily<ConeMeasure> {
  const f = PRIOR_FAMILIES[kind];
  if (!f) throw new RangeError(`unknown prior '${kind}'; allowed: ${PRIOR_KINDS.join(", ")}`);
  return f;
}
