/**
 * The folder a command writes several files into (`report --out DIR`), all or nothing: a new folder
 * is filled under a temporary name beside it and renamed into place; in an existing folder each
 * file is replaced atomically (outputSink), after every file's text is ready.
 */
import { mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { statOrUndefined, tempName, writeOutput } from "./outputSink.js";
import { UsageError } from "./usageError.js";

const ALLOWED = "a folder, existing or new in an existing folder";

/**
 * Checks before any work that `dir` can take the files: an existing folder, or a new name in an
 * existing folder, where this process may create entries (probed by creating and removing a folder,
 * the one test that also holds for root and read-only file systems).
 * @throws UsageError, one line naming the path, the problem and what --out accepts.
 */
export function checkOutputFolder(dir: string | undefined): void {
  if (dir === undefined) throw new UsageError(`--out DIR is required: ${ALLOWED}, to write report.html and summary.json into`);
  const bad = (problem: string) => new UsageError(`--out ${dir === "" ? "''" : dir}: ${problem}; allowed: ${ALLOWED}`);
  if (dir === "") throw bad("empty path");
  const target = resolve(dir);
  const s = statOrUndefined(target, true);
  if (s !== undefined && !s.isDirectory()) throw bad("exists and is not a folder");
  if (s === undefined && !statOrUndefined(dirname(target), true)?.isDirectory()) throw bad(`${dirname(target)} is not an existing folder`);
  const probe = s === undefined ? tempName(target, "probe") : join(target, `.${process.pid}.probe`);
  try {
    mkdirSync(probe);
    rmdirSync(probe);
  } catch (e) {
    throw bad(`cannot be written (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/**
 * Writes `files` (name → text) into `dir`: a new folder appears whole or not at all; in an existing
 * folder each file is replaced atomically (other files there are left alone).
 */
export function writeOutputFolder(dir: string, files: Readonly<Record<string, string>>): void {
  const target = resolve(dir);
  if (statOrUndefined(target, true)?.isDirectory()) {
    for (const [name, text] of Object.entries(files)) writeOutput(join(target, name), (sink) => sink.write(text));
    return;
  }
  const temp = tempName(target, "partial");
  try {
    mkdirSync(temp);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(temp, name), text);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
}
