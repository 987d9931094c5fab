/**
 * Reads a committed reference file from test/reference/ (made by the Python script of the same
 * name; see README.md there). Tests use the stored output and never run Python.
 */
import { readFileSync } from "node:fs";

/**
 * The parsed JSON file `name` (e.g. "halfNormalSums.json") in test/reference/.
 * @throws Error if the file is missing or not JSON.
 */
export function readReference<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), "utf8")) as T;
}
