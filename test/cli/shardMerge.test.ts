/**
 * What `table --shard` and `merge` refuse (one line naming the shard or option, exit 2, nothing
 * written), and `--resume`: a shard stopped twice (WEIGHTSPACE_STOP_AFTER_CLASSES, the deterministic
 * stand-in for a kill) and resumed from its checkpoints equals the uninterrupted shard.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, expectUsageError, freshDir, listDir, removeFreshDirs, runCliAsync } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

const TABLE = ["table", "--inputs", "3", "--prior", "uniform"];

describe("--shard is checked", () => {
  it.each(["0/0", "5/3", "a/b", "1/0", "2", "1.5/3"])("rejects --shard %s", async (text) => {
    await expectUsageError([...TABLE, "--shard", text], /--shard must be i\/N with 1 ≤ i ≤ N/);
  });

  it("rejects a shard without --out, --resume without --shard, and more shards than classes", async () => {
    const noOut = await runCliAsync([...TABLE, "--shard", "1/2"]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/^weightspace: --shard writes a shard file.*add --out FILE\n$/);
    await expectUsageError([...TABLE, "--resume"], /--resume continues a shard: add --shard/);
    await expectUsageError([...TABLE, "--shard", "18/18"], /this table has 17 classes; allowed: N from 1 to 17/);
  });
});

describe("merge refuses", () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = freshDir();
    files = [1, 2, 3].map((k) => join(dir, `s${k}.jsonl`));
    const other = join(dir, "gaussian-2.jsonl");
    const runs = await Promise.all([
      ...files.map((f, k) => runCliAsync([...TABLE, "--shard", `${k + 1}/3`, "--out", f])),
      runCliAsync(["table", "--inputs", "3", "--prior", "gaussian", "--shard", "2/3", "--out", other]),
      runCliAsync([...TABLE, "--shard", "2/2", "--out", join(dir, "half-2.jsonl")]),
    ]);
    for (const r of runs) expect(r.status).toBe(0);
    // A shard of another version: the manifest is not under the checksum, its content is.
    const text = readFileSync(files[1], "utf8").replace(/"version":"[^"]*"/, '"version":"0.0.1-other"');
    writeFileSync(join(dir, "old-2.jsonl"), text);
    // A corrupted shard: one digit of one row changed.
    const lines = readFileSync(files[1], "utf8").split("\n");
    const k = lines.findIndex((l) => l.startsWith('{"row"'));
    lines[k] = lines[k].replace(/"facets":(\d)/, (_m, d: string) => `"facets":${(Number(d) + 1) % 10}`);
    writeFileSync(join(dir, "bad-2.jsonl"), lines.join("\n"));
  });

  const cases: [string, (d: string) => string[], RegExp][] = [
    ["a missing shard", (d) => [`${d}/s1.jsonl`, `${d}/s3.jsonl`], /shard 2\/3 is missing/],
    ["a shard given twice (overlapping)", (d) => [`${d}/s1.jsonl`, `${d}/s2.jsonl`, `${d}/s2.jsonl`, `${d}/s3.jsonl`], /s2\.jsonl and .*s2\.jsonl are both shard 2\/3 \(overlapping\)/],
    ["a shard of another split (overlapping)", (d) => [`${d}/s1.jsonl`, `${d}/half-2.jsonl`, `${d}/s3.jsonl`], /half-2\.jsonl is shard 2\/2.*shards of different splits overlap/],
    ["a shard of another command (foreign)", (d) => [`${d}/s1.jsonl`, `${d}/gaussian-2.jsonl`, `${d}/s3.jsonl`], /gaussian-2\.jsonl belongs to another command \('table --inputs 3 --prior gaussian'\)/],
    ["a shard of another version", (d) => [`${d}/s1.jsonl`, `${d}/old-2.jsonl`, `${d}/s3.jsonl`], /old-2\.jsonl was written by weightspace 0\.0\.1-other/],
    ["a corrupted shard (checksum)", (d) => [`${d}/s1.jsonl`, `${d}/bad-2.jsonl`, `${d}/s3.jsonl`], /bad-2\.jsonl is corrupted: its content does not match the manifest's checksum/],
    ["a file that is not a shard", (d) => [`${d}/s1.jsonl`, join(d, "..", "nothing-here.jsonl")], /nothing-here\.jsonl cannot be read/],
  ];
  it.each(cases)("%s: one line naming the shard, exit 2, nothing written", async (_name, args, message) => {
    await expectUsageError(["merge", ...args(dir)], message);
  });

  it("accepts the same three shards (the refusals above are not the files' fault)", async () => {
    const r = await runCliAsync(["merge", ...files]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/# uniformTotal: 1\/1/);
  });
});

describe("--resume", () => {
  it("a shard stopped twice and resumed from its checkpoints equals the uninterrupted shard", async () => {
    const dir = freshDir();
    const args = ["table", "--inputs", "3", "--prior", "both", "--shard", "1/2", "--workers", "2"];
    const out = join(dir, "shard.jsonl");
    const whole = join(dir, "whole.jsonl");
    const [first, uninterrupted] = await Promise.all([
      runCliAsync([...args, "--out", out], undefined, { WEIGHTSPACE_STOP_AFTER_CLASSES: "3" }),
      runCliAsync([...args, "--out", whole]),
    ]);
    expect(first.status).toBe(3);
    expect(first.stderr).toMatch(/stopped after 3 classes .*continue with --resume/);
    expect(uninterrupted.status).toBe(0);
    expect(listDir(dir)).toEqual(["shard.jsonl.checkpoint", "whole.jsonl"]);
    const saved = (JSON.parse(readFileSync(`${out}.checkpoint`, "utf8")) as { measured: unknown[] }).measured;
    expect(saved).toHaveLength(3);
    const second = await runCliAsync([...args, "--out", out, "--resume"], undefined, { WEIGHTSPACE_STOP_AFTER_CLASSES: "2" });
    expect(second.status).toBe(3);
    expect((JSON.parse(readFileSync(`${out}.checkpoint`, "utf8")) as { measured: unknown[] }).measured).toHaveLength(5);
    const third = await runCliAsync([...args, "--out", out, "--resume"]);
    expect(third.status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(readFileSync(whole, "utf8"));
    expect(existsSync(`${out}.checkpoint`)).toBe(false);
    // Resuming a complete shard does nothing.
    const again = await runCliAsync([...args, "--out", out, "--resume"]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/already shard 1\/2, complete; nothing to do/);
  });

  it("refuses a checkpoint of another shard", async () => {
    const dir = freshDir();
    const out = join(dir, "shard.jsonl");
    const base = ["table", "--inputs", "3", "--prior", "uniform", "--out", out];
    const stopped = await runCliAsync([...base, "--shard", "1/2"], undefined, { WEIGHTSPACE_STOP_AFTER_CLASSES: "1" });
    expect(stopped.status).toBe(3);
    const r = await runCliAsync([...base, "--shard", "2/2", "--resume"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^weightspace: --resume: .*shard\.jsonl\.checkpoint belongs to another job or shard .*remove it to start the shard over\n$/);
    expect(existsSync(out)).toBe(false);
  });
});
