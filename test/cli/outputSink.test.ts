/**
 * --out: what each kind of path gets (regular files replaced atomically with their mode kept,
 * symlinks kept and their targets written, FIFOs written through, '-' is stdout), and every bad path
 * refused before any work with one UsageError line and nothing created. Everything happens in fresh
 * temporary folders; no real device (/dev/stdout, /dev/null) is ever named, because a broken
 * implementation running as root would replace it.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOutputPath, openSink, writeOutput } from "../../src/cli/outputSink.js";
import { UsageError } from "../../src/cli/usageError.js";
import { CLI, ensureBuilt, freshDir, listDir, removeFreshDirs, runCli } from "./_helpers/runCli.js";

afterAll(() => removeFreshDirs());

const isRoot = process.getuid?.() === 0;
const hasProc = existsSync("/proc/self/fd/1");

function mkfifo(path: string): void {
  const r = spawnSync("mkfifo", [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr.toString()}`);
}

/** The UsageError message `checkOutputPath(path)` throws (fails the test if it throws nothing else). */
function refusal(path: string): string {
  try {
    checkOutputPath(path);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`checkOutputPath accepted '${path}'`);
}

describe("openSink(path)", () => {
  it("creates the file only on commit, with everything written, and no partial file left", () => {
    const d = freshDir();
    const file = join(d, "out.txt");
    const sink = openSink(file);
    const big = "x".repeat(100_000);
    sink.write("head\n");
    sink.write(big);
    expect(existsSync(file)).toBe(false);
    sink.commit();
    expect(readFileSync(file, "utf8")).toBe(`head\n${big}`);
    expect(listDir(d)).toEqual(["out.txt"]);
  });

  it("creates an empty file when nothing was written", () => {
    const d = freshDir();
    const sink = openSink(join(d, "empty.txt"));
    sink.commit();
    expect(readFileSync(join(d, "empty.txt"), "utf8")).toBe("");
  });

  it("abort removes the partial output (even after a flush) and keeps an existing file", () => {
    const d = freshDir();
    const file = join(d, "out.txt");
    writeFileSync(file, "old");
    const sink = openSink(file);
    sink.write("y".repeat(200_000)); // large enough to be flushed to the temporary file
    expect(listDir(d).length).toBe(2);
    sink.abort();
    expect(listDir(d)).toEqual(["out.txt"]);
    expect(readFileSync(file, "utf8")).toBe("old");
  });
});

describe("writeOutput(path, produce)", () => {
  it("keeps a regular file's mode (600 stays 600) and replaces its content", () => {
    const d = freshDir();
    const file = join(d, "secret.txt");
    writeFileSync(file, "old", { mode: 0o600 });
    chmodSync(file, 0o600); // whatever the umask
    writeOutput(file, (s) => s.write("new"));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(listDir(d)).toEqual(["secret.txt"]);
  });

  it("keeps a symlink and writes its target (relative link, through a chain of two links)", () => {
    const d = freshDir();
    mkdirSync(join(d, "sub"));
    writeFileSync(join(d, "sub", "real.txt"), "old", { mode: 0o640 });
    chmodSync(join(d, "sub", "real.txt"), 0o640);
    symlinkSync("sub/real.txt", join(d, "link.txt"));
    symlinkSync("link.txt", join(d, "link2.txt"));
    writeOutput(join(d, "link2.txt"), (s) => s.write("new"));
    expect(lstatSync(join(d, "link.txt")).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(d, "link2.txt")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, "link.txt"))).toBe("sub/real.txt");
    expect(readFileSync(join(d, "sub", "real.txt"), "utf8")).toBe("new");
    expect(statSync(join(d, "sub", "real.txt")).mode & 0o777).toBe(0o640);
    expect(listDir(join(d, "sub"))).toEqual(["real.txt"]);
  });

  it("creates the missing file a dangling symlink names, keeping the link", () => {
    const d = freshDir();
    symlinkSync("target.txt", join(d, "link.txt"));
    checkOutputPath(join(d, "link.txt"));
    writeOutput(join(d, "link.txt"), (s) => s.write("new"));
    expect(lstatSync(join(d, "link.txt")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, "target.txt"), "utf8")).toBe("new");
  });

  it("writes through a FIFO to its reader, and the FIFO stays a FIFO", async () => {
    const d = freshDir();
    const fifo = join(d, "pipe");
    mkfifo(fifo);
    checkOutputPath(fifo); // must not block: no reader yet
    const reader = spawn("cat", [fifo]);
    let got = "";
    reader.stdout.setEncoding("utf8").on("data", (t: string) => (got += t));
    const closed = new Promise((done) => reader.on("close", done));
    const big = "z".repeat(300_000);
    writeOutput(fifo, (s) => {
      s.write("head\n");
      s.write(big);
    });
    // Checked before waiting: had the FIFO been replaced, the reader would wait forever.
    const stillFifo = lstatSync(fifo).isFIFO();
    if (!stillFifo) reader.kill();
    expect(stillFifo).toBe(true);
    await closed;
    expect(got).toBe(`head\n${big}`);
    expect(listDir(d)).toEqual(["pipe"]);
  });

  // A null device made in the temporary folder, never the real /dev/null: an implementation that
  // renames over devices would replace it for everyone (as root it can).
  it("writes through a character device without replacing it", (ctx) => {
    const d = freshDir();
    const device = join(d, "null");
    if (spawnSync("mknod", ["-m", "666", device, "c", "1", "3"]).status !== 0) ctx.skip();
    checkOutputPath(device);
    writeOutput(device, (s) => s.write("discarded"));
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(listDir(d)).toEqual(["null"]);
  });

  it("leaves no partial file and the old content when produce throws after a flush", () => {
    const d = freshDir();
    const file = join(d, "out.txt");
    writeFileSync(file, "old");
    expect(() =>
      writeOutput(file, (s) => {
        s.write("w".repeat(200_000));
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(listDir(d)).toEqual(["out.txt"]);
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(() =>
      writeOutput(join(d, "new.txt"), () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(listDir(d)).toEqual(["out.txt"]);
  });
});

describe("checkOutputPath(path)", () => {
  it("accepts stdout ('-' or none), new and existing files, and leaves no probe behind", () => {
    const d = freshDir();
    writeFileSync(join(d, "old.txt"), "old");
    for (const p of [undefined, "-", join(d, "new.txt"), join(d, "old.txt")]) checkOutputPath(p);
    expect(listDir(d)).toEqual(["old.txt"]);
  });

  it("refuses every bad path with one line naming it and what is allowed, creating nothing", () => {
    const d = freshDir();
    writeFileSync(join(d, "file.txt"), "");
    symlinkSync("loop2", join(d, "loop1"));
    symlinkSync("loop1", join(d, "loop2"));
    const before = listDir(d);
    const cases: [string, RegExp][] = [
      ["", /empty path/],
      [join(d, "new") + "/", /ends with '\/'/],
      [join(d, "missing", "x.json"), /is not an existing folder/],
      [join(d, "file.txt", "x.json"), /is not an existing folder/],
      [d, /is a folder/],
      [join(d, "loop1"), /symbolic links/],
    ];
    for (const [path, problem] of cases) {
      const message = refusal(path);
      expect(message, path).toMatch(problem);
      expect(message).toMatch(/^--out .*; allowed: a file path, or '-' for stdout$/);
      expect(message).not.toContain("\n");
    }
    expect(listDir(d)).toEqual(before);
  });

  it.skipIf(isRoot)("refuses a folder without write permission", () => {
    const d = freshDir();
    mkdirSync(join(d, "locked"), { mode: 0o500 });
    expect(refusal(join(d, "locked", "x.json"))).toMatch(/cannot be written/);
    expect(listDir(join(d, "locked"))).toEqual([]);
  });

  it.skipIf(!existsSync("/sys/kernel"))("refuses a place no one may create files in (/sys)", () => {
    expect(refusal("/sys/weightspace-out.json")).toMatch(/cannot be written/);
    expect(existsSync("/sys/weightspace-out.json")).toBe(false);
  });
});

describe("--out through the built CLI", () => {
  beforeAll(() => ensureBuilt());
  const table = ["table", "--inputs", "1"];

  it("'-' is stdout: the same text as without --out, and no file named '-'", () => {
    const d = freshDir();
    const plain = runCli(table, d);
    const dash = runCli([...table, "--out", "-"], d);
    expect(dash.status, dash.stderr).toBe(0);
    expect(dash.stdout).toBe(plain.stdout);
    expect(dash.stdout).toContain("function");
    expect(listDir(d)).toEqual([]);
  });

  it("stdout behind a pipe whose reader pauses (the pipe fills: EAGAIN) gets every byte, in order, as --out FILE does", async () => {
    const d = freshDir();
    const args = ["table", "--inputs", "4", "--format", "jsonl"];
    const file = join(d, "t.jsonl");
    expect(runCli([...args, "--out", file], d).status).toBe(0);
    const child = spawn(process.execPath, [CLI, ...args], { cwd: d, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    // Read nothing for a while: the CLI meets a full pipe (64 KiB) long before its ≈ 0.5 MB are out.
    child.stdout.pause();
    const paused = new Promise((resolve) => setTimeout(resolve, 300));
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    await paused;
    child.stdout.resume();
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(status).toBe(0);
    const want = readFileSync(file);
    expect(want.length).toBeGreaterThan(1 << 17);
    expect(Buffer.concat(chunks).equals(want)).toBe(true);
  });

  it.skipIf(!hasProc)("a link to /proc/self/fd/1 (what /dev/stdout is) writes to stdout and stays a link", () => {
    const d = freshDir();
    symlinkSync("/proc/self/fd/1", join(d, "stdout"));
    const r = runCli([...table, "--out", join(d, "stdout")], d);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(runCli(table, d).stdout);
    expect(lstatSync(join(d, "stdout")).isSymbolicLink()).toBe(true);
    expect(listDir(d)).toEqual(["stdout"]);
  });

  it("bad paths (empty, trailing '/', missing folder, folder, unwritable): exit 2, one line, nothing created", () => {
    const d = freshDir();
    const unwritable = existsSync("/sys/kernel") ? ["/sys/weightspace-out.json"] : [];
    for (const out of ["", join(d, "new") + "/", join(d, "missing", "x.json"), d, ...unwritable]) {
      const r = runCli([...table, "--out", out], d);
      expect(r.status, out).toBe(2);
      expect(r.stderr).toMatch(/^weightspace: --out .*allowed: a file path, or '-' for stdout\n$/);
      expect(r.stdout).toBe("");
      expect(listDir(d)).toEqual([]);
    }
  });

  it("keeps a mode-600 file's mode and writes the table", () => {
    const d = freshDir();
    const file = join(d, "t.txt");
    writeFileSync(file, "old");
    chmodSync(file, 0o600);
    const r = runCli([...table, "--out", file], d);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe(runCli(table, d).stdout);
  });
});
