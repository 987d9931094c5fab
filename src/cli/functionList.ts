/**
 * The functions of `table --method mc --functions FILE`: truth tables one per line (bit strings or
 * `0x…` hex; blank lines and `#` comments skipped), or the JSON Lines of a table or a shard file,
 * whose rows name a function and, for class rows, its orbit: a class row stands for every function
 * of its orbit under the network's symmetries (orbitMembers), so an exact table by class lists all
 * the functions it covers. Summary, manifest and class-measure records are skipped.
 */
import { createHash } from "node:crypto";
import type { Architecture } from "../arch/architecture.js";
import { TableMap } from "../boolean/tableSet.js";
import { wordsFromBigInt } from "../boolean/tableWords.js";
import { type BooleanFunction, formatWords, parseFunction } from "../boolean/truthTable.js";
import { orbitMembers } from "../experiments/classOrbits.js";
import { fileLines } from "./shardFile.js";
import { UsageError } from "./usageError.js";

/** A list of functions read from a file. */
export interface FunctionList {
  /** The file as given. */
  readonly file: string;
  /** Number of functions listed (orbits expanded). */
  readonly count: number;
  /** `sha256:` and the hex digest of the file's lines (each with its `\n`): what a merge checks the file against. */
  readonly sha256: string;
  /** The functions' tables, function k's words at [k·words, (k + 1)·words), in the file's order. */
  readonly keys: Uint32Array;
}

/** What a line lists: a function with the orbit it stands for, or nothing. */
function lineFunction(text: string): { function: string; orbit: number } | undefined {
  const line = text.trim();
  if (line === "" || line.startsWith("#")) return undefined;
  if (!line.startsWith("{")) return { function: line, orbit: 1 };
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new RangeError("is not a JSON record");
  }
  const row = (typeof record.row === "number" ? record.data : record) as Record<string, unknown> | undefined;
  if (typeof row?.function !== "string") return undefined;
  const orbit = row.orbit ?? 1;
  if (!Number.isSafeInteger(orbit) || (orbit as number) < 1) throw new RangeError(`has orbit ${JSON.stringify(orbit)}, not a positive integer`);
  return { function: row.function, orbit: orbit as number };
}

/**
 * Reads the functions listed in `path` for `arch`, class rows expanded to their orbits.
 * @throws UsageError naming the file and line: unreadable, not a function of the network's inputs,
 * an orbit that is not the row's orbit under the network's symmetries, or a function listed twice.
 */
export function readFunctionList(path: string, arch: Architecture): FunctionList {
  const words = arch.tableWords;
  const hash = createHash("sha256");
  const seen = new TableMap(words, 1 << 16);
  let keys = new Uint32Array(1024 * words);
  let count = 0;
  let lineNumber = 0;
  const bad = (why: string) => new UsageError(`--functions ${path} line ${lineNumber}: ${why}`);
  const add = (f: BooleanFunction) => {
    const t = wordsFromBigInt(f.bits, f.n);
    if (!seen.setIfAbsent(t, count)) throw bad(`function ${formatWords(t, f.n)} is listed twice (directly or as a member of an orbit listed before)`);
    if ((count + 1) * words > keys.length) {
      const grown = new Uint32Array(keys.length * 2);
      grown.set(keys);
      keys = grown;
    }
    keys.set(t, count * words);
    count++;
  };
  try {
    for (const line of fileLines(path)) {
      lineNumber++;
      hash.update(line);
      hash.update("\n");
      let listed: ReturnType<typeof lineFunction>;
      let f: BooleanFunction;
      try {
        listed = lineFunction(line.toString("utf8"));
        if (!listed) continue;
        f = parseFunction(listed.function, arch.inputs);
      } catch (e) {
        if (e instanceof RangeError) throw bad(e.message);
        throw e;
      }
      if (listed.orbit === 1) {
        add(f);
        continue;
      }
      let members: BooleanFunction[];
      try {
        members = orbitMembers(arch, f, listed.orbit);
      } catch (e) {
        throw bad(`${(e as Error).message}: its orbit under this network's symmetries is not the row's (list the class's functions instead)`);
      }
      members.forEach(add);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--functions ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (count === 0) throw new UsageError(`--functions ${path} lists no function (truth tables one per line, or a table's JSON Lines)`);
  return { file: path, count, sha256: `sha256:${hash.digest("hex")}`, keys: keys.slice(0, count * words) };
}
