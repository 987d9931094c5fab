/**
 * Where a command's data goes: stdout, or a file that appears only when the command succeeds
 * (written to a temporary name beside it, renamed at the end, removed on failure). Writes are
 * synchronous (stdout writes are synchronous on Linux for files, pipes and terminals), so rows
 * can be streamed from synchronous enumeration callbacks without piling up in memory.
 */
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "./usageError.js";

/** A buffered text sink. */
export interface OutputSink {
  /** Appends text. */
  write(text: string): void;
  /** Flushes and, for a file, moves it into place. */
  commit(): void;
  /** Discards a file sink's partial output. */
  abort(): void;
}

const CHUNK = 1 << 16;

/**
 * Checks before any work that `path` can be created: its folder exists and it is not a folder.
 * @throws UsageError naming the path.
 */
export function checkOutputPath(path?: string): void {
  if (path === undefined) return;
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`--out ${path}: the folder ${dir} does not exist`);
  }
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UsageError(`--out ${path} is a folder, not a file`);
}

/** A sink writing to `path`, or to stdout when path is undefined. */
export function openSink(path?: string): OutputSink {
  let buffer = "";
  let fd = -1;
  const temp = path === undefined ? "" : join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  const flush = () => {
    if (buffer === "") return;
    if (path === undefined) process.stdout.write(buffer);
    else {
      if (fd < 0) fd = openSync(temp, "w");
      writeSync(fd, buffer);
    }
    buffer = "";
  };
  return {
    write(text) {
      buffer += text;
      if (buffer.length >= CHUNK) flush();
    },
    commit() {
      if (path !== undefined && fd < 0) fd = openSync(temp, "w");
      flush();
      if (path !== undefined) {
        closeSync(fd);
        fd = -1;
        renameSync(temp, path);
      }
    },
    abort() {
      buffer = "";
      if (fd >= 0) closeSync(fd);
      fd = -1;
      if (path !== undefined) rmSync(temp, { force: true });
    },
  };
}

/**
 * Runs `produce` against a sink for `path` (stdout when undefined), committing on success and
 * removing any partial file on failure.
 */
export function writeOutput(path: string | undefined, produce: (sink: OutputSink) => void): void {
  const sink = openSink(path);
  try {
    produce(sink);
    sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
}
