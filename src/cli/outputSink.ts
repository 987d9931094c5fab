/**
 * Where a command's data goes (`--out`): stdout, or a path. What a path gets depends on what it is:
 * - `-` (or no --out): stdout.
 * - a regular file, or a name that does not exist yet: replaced atomically. The data goes to a
 *   temporary file beside it that is renamed over it only when the command succeeds (removed on
 *   failure), so readers never see half a table. An existing file keeps its mode (and owner where
 *   the process may set it); other hard links to it keep the old content.
 * - a symbolic link: followed (through any chain of links) and its final target treated as above,
 *   so the link stays a link and the file it points to gets the new content.
 * - a character or block device, a FIFO, or a file this process already has open behind a link into
 *   /proc (`/dev/stdout`, `/dev/fd/1`): written through, appending, as the shell's `>>` would;
 *   nothing can be undone there if the command fails.
 * Everything else (empty, trailing `/`, a folder, a missing folder, a socket, no permission) is a
 * UsageError that `checkOutputPath` raises before any work starts.
 *
 * Writes are synchronous, stdout's included (written through its descriptor, waiting while a pipe is
 * full), so rows can be streamed from synchronous enumeration callbacks without piling up in memory.
 */
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "./usageError.js";

/** A buffered text sink. */
export interface OutputSink {
  /** Appends text. */
  write(text: string): void;
  /** Flushes and, for a regular file, moves it into place. */
  commit(): void;
  /** Discards a regular file's partial output (what reached stdout or a device stays there). */
  abort(): void;
}

/** The --out value that means stdout. */
export const STDOUT = "-";
const CHUNK = 1 << 16;
/** Linux's own limit on links followed while resolving one path. */
const MAX_LINKS = 40;
const ALLOWED = "a file path, or '-' for stdout";

/** The path's status (following a final link when `follow`), or undefined if it does not exist. */
export function statOrUndefined(path: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    return undefined;
  }
}

/** True for files written in place: devices and FIFOs. */
const isSpecial = (s: Stats) => s.isCharacterDevice() || s.isBlockDevice() || s.isFIFO();

/** Where a write to an --out path lands. */
interface Destination {
  /** The path to open or replace. */
  path: string;
  /** What is there now (undefined: nothing yet). */
  stats: Stats | undefined;
  /** Written through (devices, FIFOs, open files behind /proc) instead of replaced. */
  inPlace: boolean;
  /** This process's own descriptor when the path is /proc/self/fd/N (/dev/stdout, /dev/fd/N). */
  fd?: number;
}

/**
 * Follows symbolic links one by one (a dangling link leads to the missing file it names, which is
 * then created).
 * @throws UsageError on a loop of links.
 */
function destination(path: string): Destination {
  let p = resolve(path);
  for (let i = 0; i < MAX_LINKS; i++) {
    if (!statOrUndefined(p, false)?.isSymbolicLink()) {
      const stats = statOrUndefined(p, true);
      return { path: p, stats, inPlace: stats !== undefined && isSpecial(stats) };
    }
    const folder = realpathSync(dirname(p));
    // /proc/<pid>/fd/N (behind /dev/stdout and /dev/fd/N) are handles on files a process has open,
    // often pipes or sockets with no name to follow (and sockets cannot be reopened): write to our
    // own descriptor itself, or through another process's, never replace what they name.
    if (folder === `/proc/${process.pid}/fd` && /^\d+$/.test(basename(p))) {
      return { path: p, stats: undefined, inPlace: true, fd: Number(basename(p)) };
    }
    if (folder.startsWith("/proc/")) return { path: p, stats: statOrUndefined(p, true), inPlace: true };
    // A relative link target is relative to the link's real folder, not to its lexical path.
    p = resolve(folder, readlinkSync(p));
  }
  throw new UsageError(`--out ${path}: too many levels of symbolic links; allowed: ${ALLOWED}`);
}

/** A hidden name beside `target`, unique to this process, for work in progress (`kind`: probe, partial). */
export const tempName = (target: string, kind: string) =>
  join(dirname(target), `.${basename(target)}.${process.pid}.${kind}`);

/**
 * Checks before any work that `path` can take the output (see the module comment for what each kind
 * of path gets). Creating and removing a probe file beside a replaced target is the only test of
 * writability that also holds for root and for read-only file systems.
 * @throws UsageError, one line naming the path, the problem and what --out accepts.
 */
export function checkOutputPath(path?: string): void {
  if (path === undefined || path === STDOUT) return;
  const bad = (problem: string) =>
    new UsageError(`--out ${path === "" ? "''" : path}: ${problem}; allowed: ${ALLOWED}`);
  if (path === "") throw bad("empty path");
  if (path.endsWith("/")) throw bad("ends with '/', which names a folder");
  const { path: target, stats, inPlace, fd } = destination(path);
  if (fd !== undefined) return;
  if (stats?.isDirectory()) throw bad("is a folder");
  if (stats !== undefined && !stats.isFile() && !isSpecial(stats)) {
    throw bad("is neither a file, a device nor a FIFO");
  }
  if (stats === undefined && !statOrUndefined(dirname(target), true)?.isDirectory()) {
    throw bad(`${dirname(target)} is not an existing folder`);
  }
  try {
    // Only a permission check in place: opening a FIFO for writing would wait for a reader.
    if (inPlace) return accessSync(target, constants.W_OK);
    if (stats !== undefined) closeSync(openSync(target, constants.O_WRONLY));
    const probe = tempName(target, "probe");
    closeSync(openSync(probe, "wx"));
    rmSync(probe, { force: true });
  } catch (e) {
    throw bad(`cannot be written (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** The file a sink writes to, opened on first use so nothing exists (and no FIFO blocks) before data. */
interface Target {
  open(): number;
  /** Makes the written data visible (rename for replaced files). */
  finish(): void;
  /** Undoes what can be undone. */
  discard(): void;
}

function replacedTarget(target: string): Target {
  const temp = tempName(target, "partial");
  return {
    open() {
      const fd = openSync(temp, "wx");
      const old = statOrUndefined(target, true);
      if (old !== undefined) {
        fchmodSync(fd, old.mode & 0o7777);
        try {
          fchownSync(fd, old.uid, old.gid);
        } catch {
          // Only root may give a file away; otherwise the new file is ours, as with any editor.
        }
      }
      return fd;
    },
    finish: () => renameSync(temp, target),
    discard: () => rmSync(temp, { force: true }),
  };
}

function descriptorTarget(fd: number): Target {
  return { open: () => fd, finish: () => {}, discard: () => {} };
}

function inPlaceTarget(target: string): Target {
  // Append, not truncate: behind /dev/stdout may be a file the shell opened with `>>`.
  const flags = constants.O_WRONLY | constants.O_APPEND;
  return { open: () => openSync(target, flags), finish: () => {}, discard: () => {} };
}

/** Collects text and hands it on in large chunks. */
function bufferedSink(emit: (text: string) => void, end: () => void, undo: () => void): OutputSink {
  let buffer = "";
  const flush = () => {
    if (buffer !== "") emit(buffer);
    buffer = "";
  };
  return {
    write(text) {
      buffer += text;
      if (buffer.length >= CHUNK) flush();
    },
    commit() {
      flush();
      end();
    },
    abort() {
      buffer = "";
      undo();
    },
  };
}

/** Something to sleep on (Atomics.wait) while a non-blocking pipe is full. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `bytes` to descriptor `fd`, synchronously. A pipe may take fewer bytes than offered,
 * and stdout's pipe is non-blocking once Node has opened it: while it is full (EAGAIN) this waits a
 * millisecond and tries again, so a slow reader holds the producer back. (process.stdout.write
 * queues what the pipe does not take at once; behind a slow reader the queued rows of a
 * 15-million-row table grew past 3 GB.)
 */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
}

/** Writes to stdout through its descriptor (see writeAll); a reader that stops early (`| head`) ends the job. */
function writeStdout(text: string): void {
  try {
    writeAll(1, Buffer.from(text));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EPIPE") process.exit(0);
    throw e;
  }
}

/** A sink writing to `path` ('-' or undefined: stdout); see the module comment for each kind of path. */
export function openSink(path?: string): OutputSink {
  if (path === undefined || path === STDOUT) return bufferedSink(writeStdout, () => {}, () => {});
  const dest = destination(path);
  // Our stdout through its /proc name (it may be a non-blocking pipe): written as stdout is.
  if (dest.fd === 1) return openSink(STDOUT);
  const own = dest.fd !== undefined;
  const target =
    dest.fd !== undefined ? descriptorTarget(dest.fd) : dest.inPlace ? inPlaceTarget(dest.path) : replacedTarget(dest.path);
  let fd = -1;
  const close = () => {
    if (fd >= 0 && !own) closeSync(fd);
    fd = -1;
  };
  return bufferedSink(
    (text) => {
      if (fd < 0) fd = target.open();
      writeAll(fd, Buffer.from(text));
    },
    () => {
      if (fd < 0) fd = target.open();
      close();
      target.finish();
    },
    () => {
      close();
      target.discard();
    },
  );
}

/**
 * Runs `produce` against a sink for `path` (stdout when undefined or '-'), committing on success and
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
