/** Which options the user typed, so options that do not apply are errors rather than ignored. */
import type { Command } from "commander";
import { UsageError } from "./usageError.js";

/** The options given on the command line (not defaults), by attribute name (e.g. `sigmaW`). */
export function givenOptions(cmd: Command): Set<string> {
  return new Set(Object.keys(cmd.opts()).filter((k) => cmd.getOptionValueSource(k) === "cli"));
}

/** The flag of an attribute name, e.g. `sigmaW` → `--sigma-w`. */
export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Rejects given options that do not apply.
 * @throws UsageError naming the first such option and `why` it does not apply.
 */
export function rejectGiven(given: ReadonlySet<string>, keys: readonly string[], why: string): void {
  const bad = keys.find((k) => given.has(k));
  if (bad !== undefined) throw new UsageError(`${flagOf(bad)} does not apply: ${why}`);
}

/**
 * Command-line arguments without some options: `valued` ones with their value (`--out F` or
 * `--out=F`) and `flags` (no value). For printing the command a set of runs shares.
 */
export function argsWithout(argv: readonly string[], valued: readonly string[], flags: readonly string[] = []): string[] {
  const kept: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const name = argv[k].split("=")[0];
    if (flags.includes(name)) continue;
    if (!valued.includes(name)) kept.push(argv[k]);
    else if (!argv[k].includes("=")) k++;
  }
  return kept;
}
