/**
 * Golden files: written only when REGEN=1, otherwise read; a missing golden fails the test with the
 * command that makes it. Comparisons drop top-level metadata (tool name, version), so a release
 * that only changes those does not invalidate every golden.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** True when the goldens are being regenerated (`REGEN=1`). */
export const REGEN = process.env.REGEN === "1";

/** Top-level fields that describe the producing program, not the data. */
export const METADATA_KEYS: readonly string[] = ["tool", "version"];

/**
 * The golden at `path`, parsed as JSON; with REGEN=1 and a `fresh` text it is first (re)written.
 * @throws Error naming the file and the command that regenerates it (`testFile`) when it is missing.
 */
export function readGolden<T>(path: string, testFile: string, fresh?: string): T {
  if (REGEN && fresh !== undefined) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, fresh);
  }
  if (!existsSync(path)) {
    throw new Error(`golden ${path} is missing; create it with REGEN=1 npx vitest run ${testFile}, review and commit it`);
  }
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/**
 * A copy of a JSON object without its metadata fields: at the top level, and in the `run` record
 * (under `summary.run` or `run`) that every output carries.
 */
export function withoutMetadata(value: object): Record<string, unknown> {
  const strip = (o: object) => Object.fromEntries(Object.entries(o).filter(([k]) => !METADATA_KEYS.includes(k)));
  const out = strip(value);
  if (out.run && typeof out.run === "object") out.run = strip(out.run);
  const summary = out.summary as Record<string, unknown> | undefined;
  if (summary?.run && typeof summary.run === "object") out.summary = { ...summary, run: strip(summary.run) };
  return out;
}
