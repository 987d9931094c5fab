/**
 * The command line's contract for bad input (issue 2, "Bad input"): exactly one line on stderr naming
 * the problem, exit code 2, nothing on stdout, and no --out file (nor a leftover partial file).
 */
import { spawn } from "node:child_process";
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CLI,
  type CliResult,
  ensureBuilt,
  freshDir,
  listDir,
  removeFreshDirs,
  runCli,
  runCliAsync,
} from "./_helpers/runCli.js";

const AND = ["--inputs", "2", "--function", "0001"];

/** [description, arguments, what stderr must mention]. */
const BAD_INPUT: [string, string[], RegExp][] = [
  ["table: no class list at 8 inputs", ["table", "--inputs", "8"], /tables list functions or classes for inputs 0 to 7, got 8/],
  ["table: --inputs out of range (9)", ["table", "--inputs", "9"], /--inputs.*0 to 8.*'9'/],
  ["table: --expand at 7 inputs", ["table", "--inputs", "7", "--expand"], /--expand.*--inputs 6.*got --inputs 7/],
  [
    "table: the n = 7 binary exact table with priors only as shards",
    ["table", "--inputs", "7", "--prior", "both"],
    /--inputs 7 --encoding binary --prior both.*tens of CPU-hours.*plan.*--shard i\/N.*merge.*--method mc/,
  ],
  ["table: --no-bias at 7 inputs", ["table", "--inputs", "7", "--no-bias"], /--no-bias.*1 to 6/],
  ["table: --inputs negative", ["table", "--inputs", "-1"], /--inputs.*'-1'/],
  ["table: --inputs not an integer (2.5)", ["table", "--inputs", "2.5"], /--inputs.*'2\.5'/],
  ["table: --inputs not a number", ["table", "--inputs", "abc"], /--inputs.*'abc'/],
  ["table: --inputs missing", ["table"], /--inputs is required/],
  ["table: unknown option", ["table", "--inputs", "2", "--bogus"], /unknown option '--bogus'/],
  [
    "table: unknown --format",
    ["table", "--inputs", "2", "--format", "xml"],
    /--format 'xml'.*allowed: text, csv/,
  ],
  [
    "table: unknown --encoding",
    ["table", "--inputs", "2", "--encoding", "gray"],
    /--encoding 'gray'.*binary, signed/,
  ],
  ["table: unknown --arch", ["table", "--arch", "mlp", "--inputs", "2"], /--arch 'mlp'.*perceptron/],
  ["table: --all at 5 inputs", ["table", "--inputs", "5", "--all"], /--all.*0 to 4/],
  ["table: --all with --classes", ["table", "--inputs", "2", "--all", "--classes"], /--all.*--classes.*lists functions, not classes/],
  ["table: --no-bias with 0 inputs", ["table", "--inputs", "0", "--no-bias"], /--no-bias.*1 to 8/],
  [
    "table: --no-bias binary at 7 inputs names the limit",
    ["table", "--inputs", "7", "--no-bias", "--classes"],
    /--no-bias --classes: without bias.*1 to 6 \(binary\).*got 7/,
  ],
  ["table: stray argument", ["table", "--inputs", "2", "extra"], /too many arguments|extra/],
  [
    "volume: bit string too short",
    ["volume", "--inputs", "2", "--function", "011"],
    /length 3.*4 characters/,
  ],
  ["volume: bit string too long", ["volume", "--inputs", "2", "--function", "00010"], /length 5/],
  ["volume: bad character", ["volume", "--inputs", "2", "--function", "01a1"], /character 'a'.*only 0 and 1/],
  ["volume: --function missing", ["volume", "--inputs", "2"], /--function is required/],
  ["volume: unrealisable (XOR)", ["volume", "--inputs", "2", "--function", "0110"], /0110 is not realisable/],
  [
    "volume: unrealisable without bias (AND)",
    ["volume", ...AND, "--no-bias"],
    /0001 is not realisable.*--no-bias/,
  ],
  ["volume: --samples 0", ["volume", ...AND, "--samples", "0"], /--samples.*'0'/],
  ["volume: --samples -3", ["volume", ...AND, "--samples", "-3"], /--samples.*'-3'/],
  ["volume: --samples 1.5", ["volume", ...AND, "--samples", "1.5"], /--samples.*'1\.5'/],
  ["volume: --samples abc", ["volume", ...AND, "--samples", "abc"], /--samples.*'abc'/],
  ["volume: --seed -1", ["volume", ...AND, "--seed", "-1"], /--seed.*'-1'/],
  ["volume: --sigma-w -1", ["volume", ...AND, "--sigma-w", "-1"], /--sigma-w.*> 0.*'-1'/],
  ["volume: --sigma-w NaN", ["volume", ...AND, "--sigma-w", "NaN"], /--sigma-w.*'NaN'/],
  ["volume: --sigma-w 0", ["volume", ...AND, "--sigma-w", "0"], /--sigma-w.*'0'/],
  ["volume: --sigma-b abc", ["volume", ...AND, "--sigma-b", "abc"], /--sigma-b.*'abc'/],
  ["volume: --box-w 0", ["volume", ...AND, "--box-w", "0"], /--box-w.*'0'/],
  ["volume: unknown --method", ["volume", ...AND, "--method", "foo"], /--method 'foo'/],
  ["volume: unknown --prior", ["volume", ...AND, "--prior", "cauchy"], /--prior 'cauchy'/],
  ["volume: unknown --format", ["volume", ...AND, "--format", "csv"], /--format 'csv'.*json, text/],
  ["volume: unknown --encoding", ["volume", ...AND, "--encoding", "ternary"], /--encoding 'ternary'/],
  ["volume: --inputs out of range", ["volume", "--inputs", "9", "--function", "01"], /--inputs.*'9'/],
  ["unknown command", ["bogus"], /unknown command 'bogus'/],
];

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

describe("bad input: one line on stderr, exit 2, nothing on stdout, no --out file", () => {
  const dir = freshDir();
  const results = new Map<string, CliResult>();
  beforeAll(async () => {
    // Run the cases side by side, each writing (if it wrongly did) to its own file in one directory.
    const runs = BAD_INPUT.map(async ([what, args], i) => {
      results.set(what, await runCliAsync([...args, "--out", join(dir, `out${i}.json`)], dir));
    });
    await Promise.all(runs);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(BAD_INPUT)("%s", (what, _args, mentions) => {
    const r = results.get(what)!;
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^weightspace: [^\n]+\n$/);
    expect(r.stderr).toMatch(mentions);
    expect(r.status).toBe(2);
  });

  it("left no output file and no partial file in the directory", () => {
    expect(listDir(dir)).toEqual([]);
  });

  it("leaves an existing --out file untouched when the command fails", async () => {
    const d = freshDir();
    const { writeFileSync, readFileSync } = await import("node:fs");
    const file = join(d, "keep.json");
    writeFileSync(file, "old\n");
    const r = runCli(["volume", "--inputs", "2", "--function", "0110", "--out", file], d);
    expect(r.status).toBe(2);
    expect(readFileSync(file, "utf8")).toBe("old\n");
    expect(listDir(d)).toEqual(["keep.json"]);
    rmSync(d, { recursive: true, force: true });
  });
});

describe("--help", () => {
  it.each([
    [["--help"], /Usage: weightspace/],
    [["table", "--help"], /Usage: weightspace table/],
    [["volume", "--help"], /Usage: weightspace volume/],
    [["help", "table"], /Usage: weightspace table/],
    [["help", "volume"], /Usage: weightspace volume/],
    [["table", "-h"], /--inputs/],
  ])("%j exits 0 and prints usage on stdout", (args, usage) => {
    const r = runCli(args);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(usage);
    expect(r.stderr).toBe("");
  });

  it("table --help documents every option", () => {
    const out = runCli(["table", "--help"]).stdout;
    for (const o of [
      "--arch",
      "--inputs",
      "--encoding",
      "--no-bias",
      "--prior",
      "--all",
      "--format",
      "--out",
    ]) {
      expect(out).toContain(o);
    }
  });

  it("volume --help documents every option", () => {
    const out = runCli(["volume", "--help"]).stdout;
    for (const o of [
      "--inputs",
      "--function",
      "--method",
      "--samples",
      "--seed",
      "--prior",
      "--sigma-w",
      "--out",
    ]) {
      expect(out).toContain(o);
    }
  });
});

describe("other failures", () => {
  // Running the program with no command at all prints nothing and exits 0 today; it should at least
  // say how to use it (commander's default is the help text on stderr).
  it("with no command, says how to use the program", () => {
    const r = runCli([]);
    expect(`${r.stdout}${r.stderr}`).toMatch(/usage|command/i);
  });

  // An --out path in a directory that does not exist is bad input too: one line naming the path,
  // not a stack trace.
  it("an --out file in a missing directory gives one line naming the path, without a stack trace", () => {
    const dir = freshDir();
    const target = join(dir, "no-such-dir", "out.json");
    const r = runCli(["table", "--inputs", "1", "--format", "json", "--out", target], dir);
    expect(r.stdout).toBe("");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/^weightspace: [^\n]+\n$/);
    expect(r.stderr).toContain("no-such-dir");
    expect(r.stderr).not.toMatch(/ at \S+ \(/);
    rmSync(dir, { recursive: true, force: true });
  });

  it("a reader that closes the pipe early (| head) ends the run quietly with exit code 0", async () => {
    const child = spawn(process.execPath, [CLI, "table", "--inputs", "5", "--format", "jsonl"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  // npx runs the bin file itself, so a build that leaves it without the execute bit breaks the quick start.
  it.skipIf(process.platform === "win32")("the built CLI file is executable", () => {
    expect(statSync(CLI).mode & 0o111).toBe(0o111);
  });
});
