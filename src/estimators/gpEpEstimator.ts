/**
 * `gp-ep`: the Gaussian-process approximation of P(f) used by the simplicity-bias papers
 * (Valle-Pérez, Camargo & Louis 2019; Mingard et al.): the network's output pre-activations on
 * all 2^n inputs are replaced by the NNGP (a centred Gaussian with the network's kernel), and P(f)
 * by the probability that a GP sample has f's sign pattern, an orthant probability, approximated
 * by expectation propagation. For the perceptron under a Gaussian prior the GP is exact and only
 * EP errs; for hidden layers the GP itself is an approximation (finite width), which is what the
 * validation measures.
 */
import type { Estimator } from "./estimator.js";
import { kernelName, nngpKernel } from "./nngpKernel.js";
import { orthantEp } from "./orthantEp.js";
import { priorVariances, VARIANCE_RULES } from "./priorVariances.js";

/** The GP/EP estimate of P(f) for a function region of a network (deterministic: no sampling). */
export const gpEpEstimator: Estimator = {
  name: "gp-ep",
  summary: "GP/EP: orthant probability of f's sign pattern under the network's NNGP kernel (linear / arc-cosine), by expectation propagation",
  estimate(region, prior) {
    const arch = region.arch;
    const f = region.function;
    if (arch === undefined || f === undefined)
      throw new RangeError(`gp-ep needs the region of a network's function (arch and function); '${region.label}' has none`);
    const rows = 2 ** arch.inputs;
    if (f.length !== rows || !/^[01]+$/.test(f)) throw new RangeError(`gp-ep: function '${f}' is not a truth table of ${rows} characters 0/1`);
    const kernel = nngpKernel(arch, priorVariances(prior));
    // P(sign g(x) = s_x ∀x) = P(Z > 0) for Z = S g, whose covariance is S K S.
    const sign = Array.from(f, (ch) => (ch === "1" ? 1 : -1));
    const c = kernel.map((k, e) => k * sign[Math.floor(e / rows)] * sign[e % rows]);
    const ep = orthantEp(c, rows);
    return {
      estimator: "gp-ep",
      estimate: Math.exp(ep.logP),
      directions: 0,
      evaluations: ep.sweeps * rows,
      details: {
        logEstimate: ep.logP,
        kernel: kernelName(arch),
        variances: VARIANCE_RULES[prior.family.kind],
        sweeps: ep.sweeps,
        converged: ep.converged,
      },
    };
  },
};
