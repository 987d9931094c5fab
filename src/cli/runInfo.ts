/** What produced an output: tool version, command, network, priors, method, samples and seed. */
import type { Architecture } from "../arch/architecture.js";
import type { Prior } from "../measure/prior.js";
import { describePriors } from "./priorOptions.js";
import { VERSION } from "./version.js";

/** Sampling settings of a Monte Carlo run. */
export interface SamplingInfo {
  readonly samples: number;
  readonly seed: number;
}

/**
 * The `run` record every output carries, so that it can be reproduced: tool and version, the
 * command, the architecture, each prior's parameters, the method and (Monte Carlo) samples and seed.
 */
export function runInfo(
  command: string,
  arch: Architecture,
  priors: readonly Prior[],
  method: string,
  sampling?: SamplingInfo,
): Record<string, unknown> {
  return {
    tool: "weightspace",
    version: VERSION,
    command,
    arch: arch.description,
    priors: describePriors(arch, priors),
    method,
    ...(sampling ? { samples: sampling.samples, seed: sampling.seed } : {}),
  };
}
