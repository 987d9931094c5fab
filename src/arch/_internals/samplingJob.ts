/**
 * A Monte Carlo job in plain data, so that a worker thread can rebuild it: the architecture as
 * (registry name, configuration), the prior as (family kind, exact scales as strings).
 */
import { parse, toFraction } from "../../geometry/rational.js";
import { samplingScales } from "../../measure/monteCarlo.js";
import type { Prior, PriorFamily } from "../../measure/prior.js";
import { priorFamily } from "../../measure/priorFamilies.js";
import type { Architecture } from "../architecture.js";
import { type ArchitectureConfig, createArchitecture } from "../registry.js";

/** A job as posted to a worker. */
export interface SamplingJob {
  readonly type: string;
  readonly config: ArchitectureConfig;
  /** The architecture's description, to check that the rebuilt network is the same one. */
  readonly description: string;
  readonly kind: string;
  readonly scales: readonly string[];
  /** The target table's words when only one function's hits are counted. */
  readonly target?: readonly number[];
}

/** A job rebuilt: what `sampleChunk` takes. */
export interface BuiltJob {
  readonly arch: Architecture;
  readonly family: PriorFamily;
  readonly scales: Float64Array;
  readonly target?: Uint32Array;
}

/** The plain-data form of (arch, prior, target). */
export function describeJob(arch: Architecture, prior: Prior, target?: Uint32Array): SamplingJob {
  const bias = arch.description.bias;
  const layers = arch.description.layers;
  const config: ArchitectureConfig = {
    inputs: arch.inputs,
    encoding: arch.encoding,
    ...(typeof bias === "boolean" ? { bias } : {}),
    ...(Array.isArray(layers) ? { layers: layers as number[] } : {}),
  };
  return {
    type: arch.type,
    config,
    description: JSON.stringify(arch.description),
    kind: prior.family.kind,
    scales: prior.scales.map(toFraction),
    ...(target ? { target: [...target] } : {}),
  };
}

/**
 * Rebuilds a job through the registries.
 * @throws RangeError for an unknown architecture or prior, or when the rebuilt network differs.
 */
export function buildJob(job: SamplingJob): BuiltJob {
  const arch = createArchitecture(job.type, job.config);
  if (JSON.stringify(arch.description) !== job.description)
    throw new RangeError(`rebuilding ${job.type} from its configuration gave ${JSON.stringify(arch.description)}, not ${job.description}`);
  const family = priorFamily(job.kind);
  const scales = samplingScales({ family, scales: job.scales.map(parse) }, arch.scaleInvariant !== false);
  return { arch, family, scales, ...(job.target ? { target: Uint32Array.from(job.target) } : {}) };
}
