/**
 * The options every command that can sample shares: --method exact|mc (plus a command's own
 * estimators, e.g. rao-blackwell|qmc), --samples, --seed, --workers.
 */
import type { Command } from "commander";
import { availableParallelism } from "node:os";
import { choiceOption, integerOption } from "./usageError.js";

/** Most worker threads accepted (far above any machine's useful count; a typo guard). */
const MAX_WORKERS = 1024;

/** The default of --samples for --method mc. */
export const DEFAULT_MC_SAMPLES = 1_000_000;

/**
 * Adds `--method <m>` (exact, mc, then `moreMethods`; described by `methodHelp`), `--samples`
 * (`moreSamplesHelp` says what it counts for `moreMethods`), `--seed` and, when the command samples
 * on threads, `--workers` (default: the cores available).
 */
export function addSamplingOptions(
  cmd: Command,
  methodHelp: string,
  threads: boolean,
  moreMethods: readonly string[] = [],
  moreSamplesHelp = "",
): Command {
  cmd
    .option("--method <m>", methodHelp, choiceOption("--method", ["exact", "mc", ...moreMethods]), "exact")
    .option(
      "--samples <k>",
      `Monte Carlo samples, 1 to 1e12, e.g. 1e6${moreMethods.length > 0 ? ` (${moreMethods.join(", ")}: ${moreSamplesHelp})` : ""}`,
      integerOption("--samples", 1, 1e12),
      DEFAULT_MC_SAMPLES,
    )
    .option("--seed <s>", "Monte Carlo PRNG seed (--method mc), 0 to 2^31-1", integerOption("--seed", 0, 2 ** 31 - 1), 1);
  if (threads) {
    cmd.option(
      "--workers <k>",
      `worker threads, 1 to ${MAX_WORKERS}: Monte Carlo samples (--method mc) and, in table, exact classes are computed on them; 1 runs in-process; the output is the same for any count`,
      integerOption("--workers", 1, MAX_WORKERS),
      availableParallelism(),
    );
  }
  return cmd;
}
