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
import { ListedTables } from "./listedCounts.js";
import type { Counting } from "./sampleChunk.js";

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
  /** The listed tables when only theirs are counted: `keys` in shared memory, `id` their list's. */
  readonly listed?: { readonly id: number; readonly words: number; readonly keys: Uint32Array };
}

/** A job rebuilt: what `sampleChunk` takes. */
export interface BuiltJob {
  readonly arch: Architecture;
  readonly family: PriorFamily;
  readonly scales: Float64Array;
  readonly counting?: Counting;
}

/** What tells jobs apart: the job without its listed keys (their list's id stands for them). */
export function jobKey(job: SamplingJob): string {
  return JSON.stringify(job, (k, v: unknown) => (k === "keys" ? undefined : v));
}

/** The plain-data form of (arch, prior, what is counted). */
export function describeJob(arch: Architecture, prior: Prior, counting?: Counting): SamplingJob {
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
    ...(counting && "target" in counting ? { target: [...counting.target] } : {}),
    ...(counting && "listed" in counting
      ? { listed: { id: counting.listed.id, words: counting.listed.words, keys: counting.listed.sharedKeys() } }
      : {}),
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
  const counting: Counting | undefined = job.target
    ? { target: Uint32Array.from(job.target) }
    : job.listed
      ? { listed: listedOf(job.listed) }
      : undefined;
  return { arch, family, scales, ...(counting ? { counting } : {}) };
}

// The set a worker built for the last list it was sent: a run's chunks (and priors) share it.
let lastList: ListedTables | undefined;
let lastListId: number | undefined;

function listedOf(listed: NonNullable<SamplingJob["listed"]>): ListedTables {
  if (lastListId !== listed.id || !lastList) {
    lastList = new ListedTables(listed.words, listed.keys);
    lastListId = listed.id;
  }
  return lastList;
}
