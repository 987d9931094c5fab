/** Each parameter's variance under a prior, for estimators that see only second moments (GP/EP). */
import { toNumber } from "../geometry/rational.js";
import type { Prior } from "../measure/prior.js";

/** How each family's variance is formed, for outputs. */
export const VARIANCE_RULES: Readonly<Record<string, string>> = {
  gaussian: "σ²",
  uniform: "h²/3 (the box's variance; the GP matches moments only)",
};

/**
 * Var θ_k for every coordinate: σ_k² (Gaussian), h_k²/3 (uniform on [−h_k, h_k]).
 * @throws RangeError for a family without a rule here.
 */
export function priorVariances(prior: Prior): Float64Array {
  const kind = prior.family.kind;
  if (!(kind in VARIANCE_RULES))
    throw new RangeError(`no variance rule for the ${kind} prior; allowed: ${Object.keys(VARIANCE_RULES).join(", ")}`);
  return Float64Array.from(prior.scales, (s) => {
    const x = toNumber(s);
    return kind === "gaussian" ? x * x : (x * x) / 3;
  });
}
