/** What produced an output: tool version, command, network, priors, method, samples and seed. */
import { VERSION } from "./version.js";

/** The settings a run record states. */
export interface RunSettings {
  /** The architecture's description, when the command has one. */
  readonly arch?: Readonly<Record<string, unknown>>;
  /** Each prior's parameters, by kind (omitted by commands that use no prior). */
  readonly priors?: Readonly<Record<string, unknown>>;
  /** `exact` or `mc`. */
  readonly method: string;
  /** Monte Carlo sample count and seed. */
  readonly sampling?: { readonly samples: number; readonly seed: number };
  /** A Monte Carlo table of listed functions only: the list's file, digest and size. */
  readonly functions?: { readonly file: string; readonly sha256: string; readonly count: number };
}

/**
 * The `run` record every output carries, so that it can be reproduced: tool and version, the
 * command, the architecture, each prior's parameters, the method and (Monte Carlo) samples and seed.
 */
export function runInfo(command: string, settings: RunSettings): Record<string, unknown> {
  return {
    tool: "weightspace",
    version: VERSION,
    command,
    ...(settings.arch ? { arch: settings.arch } : {}),
    ...(settings.priors ? { priors: settings.priors } : {}),
    method: settings.method,
    ...(settings.sampling ? { samples: settings.sampling.samples, seed: settings.sampling.seed } : {}),
    ...(settings.functions ? { functions: settings.functions } : {}),
  };
}

/** Writes a run record (or any summary) as `# key: value` lines, the text formats' trailer. */
export function commentLines(sink: { write(text: string): void }, record: Readonly<Record<string, unknown>>): void {
  for (const [k, v] of Object.entries(record)) sink.write(`# ${k}: ${typeof v === "string" ? v : JSON.stringify(v)}\n`);
}
