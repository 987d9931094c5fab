/** Which rows an exact table lists: functions, symmetry classes or NPN classes, by inputs and options. */
import type { Architecture } from "../arch/architecture.js";
import { rejectGiven } from "./givenOptions.js";
import { UsageError } from "./usageError.js";

/** The listing options of `table`. */
export interface ListingOptions {
  readonly all: boolean;
  readonly classes?: true | "symmetry" | "npn";
  readonly expand: boolean;
}

/** Inputs from which only NPN classes are listed by default (billions of functions). */
export const NPN_ONLY_INPUTS = 7;
/** Inputs at which one row per symmetry class is the default (15 million functions). */
const CLASS_DEFAULT_INPUTS = 6;

/**
 * Which classes the options ask for, with the defaults of large n: from 7 inputs NPN classes, except
 * for a measured binary table with bias, whose volumes differ within an NPN class (there, symmetry
 * classes of the priors).
 * @throws UsageError for --expand where it does not apply or with --classes.
 */
export function classMode(
  arch: Architecture,
  opts: ListingOptions,
  given: ReadonlySet<string>,
  measured = false,
): "none" | "symmetry" | "npn" {
  const large = arch.inputs >= CLASS_DEFAULT_INPUTS && arch.description.bias !== false;
  if (opts.expand) {
    if (!(arch.inputs === CLASS_DEFAULT_INPUTS && large))
      throw new UsageError(`--expand lists every function at --inputs ${CLASS_DEFAULT_INPUTS} with bias, where classes are the default; got --inputs ${arch.inputs}`);
    rejectGiven(given, ["classes"], "--expand lists functions, not classes");
    return "none";
  }
  if (opts.classes === "npn") return "npn";
  if (opts.classes !== undefined) return "symmetry";
  if (arch.inputs >= NPN_ONLY_INPUTS)
    return measured && arch.description.encoding === "binary" && arch.description.bias !== false ? "symmetry" : "npn";
  return large && !opts.all ? "symmetry" : "none";
}

