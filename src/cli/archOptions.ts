/**
 * Options that choose the network, shared by every command: --arch, --inputs, --encoding, --no-bias,
 * and for networks with hidden layers --layers n,h1[,h2],1 (with --activation step|relu as an alias
 * of --arch step|relu; --arch is the primary form).
 */
import type { Command } from "commander";
import type { Architecture } from "../arch/architecture.js";
import { ARCHITECTURE_NAMES, ARCHITECTURES, createArchitecture } from "../arch/registry.js";
import { ENCODINGS, type Encoding } from "../boolean/encoding.js";
import { choiceOption, integerOption, UsageError } from "./usageError.js";

/** Parsed architecture options. */
export interface ArchOptions {
  /** Absent: the perceptron, unless --activation names a hidden-layer net. */
  arch?: string;
  inputs?: number;
  encoding: Encoding;
  bias: boolean;
  layers?: number[];
  activation?: string;
}

/** Registered architectures that take --layers (the hidden-layer activations). */
const LAYERED_NAMES = ARCHITECTURE_NAMES.filter((n) => ARCHITECTURES[n].layered);

/**
 * Parses `--layers n,h1[,h2],1`: comma-separated integers (ranges are checked by the architecture).
 * @throws UsageError for an empty or malformed list.
 */
function layersOption(text: string): number[] {
  const parts = text.split(",");
  if (parts.some((p) => !/^\d+$/.test(p.trim())))
    throw new UsageError(`--layers '${text}' is malformed: give comma-separated widths n,h1[,h2],1 (e.g. 2,2,1)`);
  return parts.map((p) => Number(p.trim()));
}

const MAX_INPUTS = Math.max(...Object.values(ARCHITECTURES).map((a) => a.maxInputs));

/** Adds the architecture options to a command. */
export function addArchOptions(cmd: Command): Command {
  return cmd
    .option(
      "--arch <arch>",
      `architecture: ${ARCHITECTURE_NAMES.map((n) => `${n} (${ARCHITECTURES[n].summary})`).join("; ")}`,
      choiceOption("--arch", ARCHITECTURE_NAMES),
    )
    .option(
      "--inputs <n>",
      `number of Boolean inputs, 0 to ${MAX_INPUTS}`,
      integerOption("--inputs", 0, MAX_INPUTS),
    )
    .option(
      "--encoding <e>",
      "input encoding: binary {0,1} or signed {-1,+1}",
      choiceOption("--encoding", ENCODINGS),
      "binary",
    )
    .option("--no-bias", "units without bias (output 1 iff ⟨w,x⟩ > 0; the perceptron only)")
    .option(
      "--layers <list>",
      `widths of a network with hidden layers (--arch ${LAYERED_NAMES.join("|")}): n,h1,1 or n,h1,h2,1; n is --inputs`,
      layersOption,
    )
    .option(
      "--activation <a>",
      `hidden activation, an alias of --arch: ${LAYERED_NAMES.join(", ")}`,
      choiceOption("--activation", LAYERED_NAMES),
    );
}

/**
 * The architecture name: --arch, or --activation when --arch is not given (then the perceptron when
 * neither is).
 * @throws UsageError when both are given and differ.
 */
function archName(opts: ArchOptions): string {
  if (opts.activation === undefined) return opts.arch ?? "perceptron";
  if (opts.arch === undefined || opts.arch === opts.activation) return opts.activation;
  throw new UsageError(`--arch ${opts.arch} and --activation ${opts.activation} disagree; give one of them`);
}

/**
 * The network the options describe, from the registry.
 * @throws UsageError when --inputs is missing or the configuration is out of range.
 */
export function architectureFromOptions(opts: ArchOptions): Architecture {
  const name = archName(opts);
  const entry = ARCHITECTURES[name];
  if (entry?.layered) return layeredFromOptions(name, opts);
  if (opts.layers !== undefined)
    throw new UsageError(`--layers applies to --arch ${LAYERED_NAMES.join("|")}, not --arch ${name}`);
  if (opts.inputs === undefined) {
    throw new UsageError(`--inputs is required (an integer from 0 to ${entry?.maxInputs ?? MAX_INPUTS})`);
  }
  try {
    return createArchitecture(name, { inputs: opts.inputs, encoding: opts.encoding, bias: opts.bias });
  } catch (e) {
    if (e instanceof RangeError)
      throw new UsageError(`--arch ${name} --inputs ${opts.inputs}${opts.bias ? "" : " --no-bias"}: ${e.message}`);
    throw e;
  }
}

/** A network with hidden layers: --layers required, --inputs (optional) equal to its first width. */
function layeredFromOptions(name: string, opts: ArchOptions): Architecture {
  const layers = opts.layers;
  if (layers === undefined)
    throw new UsageError(`--arch ${name} needs --layers n,h1,1 or n,h1,h2,1 (e.g. --layers 2,2,1)`);
  if (opts.inputs !== undefined && opts.inputs !== layers[0])
    throw new UsageError(`--inputs ${opts.inputs} and --layers ${layers.join(",")} disagree: the first width is the number of inputs`);
  if (!opts.bias) throw new UsageError(`--no-bias does not apply: every unit of a ${name} net has a bias`);
  try {
    return createArchitecture(name, { inputs: layers[0], encoding: opts.encoding, layers });
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`--arch ${name}: ${e.message}`);
    throw e;
  }
}

/** The flags that rebuild this architecture on the command line, e.g. `--inputs 3 --encoding signed`. */
export function architectureFlags(arch: Architecture): string {
  const d = arch.description;
  const layers = d.layers;
  return [
    ...(arch.type === "perceptron" ? [] : [`--arch ${arch.type}`]),
    Array.isArray(layers) ? `--layers ${layers.join(",")}` : `--inputs ${arch.inputs}`,
    ...(arch.encoding === "signed" ? ["--encoding signed"] : []),
    ...(d.bias === false ? ["--no-bias"] : []),
  ].join(" ");
}
