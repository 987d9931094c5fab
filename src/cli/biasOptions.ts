/** Options of the exact simplicity-bias analyses, shared by `bias` and `report`: --measure, --prior, --bootstrap, --seed. */
import type { Command } from "commander";
import { COMPLEXITY_MEASURES, type ComplexityMeasureName } from "../arch/complexityOfFunction.js";
import { DEFAULT_BOOTSTRAP } from "../experiments/bootstrapInterval.js";
import { priorChoices } from "./priorOptions.js";
import { choiceOption, integerOption, UsageError } from "./usageError.js";

/** The values --measure accepts besides comma-separated names. */
const MEASURE_CHOICES = ["all", ...COMPLEXITY_MEASURES];

/**
 * The measures of --measure (`all`, one name, or names separated by commas).
 * @throws UsageError when missing or unknown, or when a name is repeated.
 */
export function measuresOf(text: string | undefined): ComplexityMeasureName[] {
  if (text === undefined) throw new UsageError(`--measure is required: ${MEASURE_CHOICES.join(", ")}`);
  if (text === "all") return [...COMPLEXITY_MEASURES];
  const names = text.split(",");
  for (const m of names)
    if (!(COMPLEXITY_MEASURES as readonly string[]).includes(m))
      throw new UsageError(`--measure '${m}' is unknown; allowed: ${MEASURE_CHOICES.join(", ")} (or names separated by commas)`);
  if (new Set(names).size !== names.length) throw new UsageError(`--measure '${text}' names a measure twice`);
  return names as ComplexityMeasureName[];
}

/**
 * Adds --measure (`required` or default `all`), --prior, --bootstrap and --seed.
 * @param seedAlso what else --seed seeds, appended to its help, e.g. ` and (--method mc) of the samples`.
 */
export function addBiasOptions(cmd: Command, required: boolean, seedAlso = ""): Command {
  const measures = `all, or one or more (comma-separated) of ${COMPLEXITY_MEASURES.join(", ")}`;
  const withMeasure = required ? cmd.option("--measure <m>", `${measures} (required)`) : cmd.option("--measure <m>", measures, "all");
  return withMeasure
    .option("--prior <p>", "gaussian, uniform or both (exact volumes from the table)", choiceOption("--prior", priorChoices(false)), "both")
    .option("--bootstrap <B>", `bootstrap replicates of the correlation intervals (resampling functions)`, integerOption("--bootstrap", 1, 1_000_000), DEFAULT_BOOTSTRAP)
    .option("--seed <s>", `seed of the bootstrap stream${seedAlso}`, integerOption("--seed", 0, 2 ** 31 - 1), 1);
}
