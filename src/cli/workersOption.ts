/** The `--workers K` option of Monte Carlo commands: threads to sample on. */
import { availableParallelism } from "node:os";
import { integerOption } from "./usageError.js";

/** Most worker threads accepted (far above any machine's useful count; a typo guard). */
const MAX_WORKERS = 1024;

/** Commander arguments of `--workers <k>` (default: the number of cores available). */
export function workersOption(): [string, string, (value: string) => number, number] {
  return [
    "--workers <k>",
    `Monte Carlo worker threads (--method mc), 1 to ${MAX_WORKERS}; 1 runs in-process; the output is the same for any count`,
    integerOption("--workers", 1, MAX_WORKERS),
    availableParallelism(),
  ];
}
