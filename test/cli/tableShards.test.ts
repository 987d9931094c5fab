/**
 * `table --shard i/N` and `merge` through the built CLI: merged shards are byte-identical to the
 * single run (exact: 1 shard and 7 shards on 2 workers; Monte Carlo: 3 shards of the sample chunks),
 * whatever order the files are given in. Small tables (n ≤ 4) keep the file near 15 s of CPU.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freshDir, removeFreshDirs, runCliAsync } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

/** Runs each shard of `args` (N shards) into `dir`, returns the files. */
async function shards(args: string[], count: number, dir: string, extra: string[] = []): Promise<string[]> {
  const files = Array.from({ length: count }, (_, k) => join(dir, `shard-${k + 1}-of-${count}.jsonl`));
  const runs = await Promise.all(files.map((f, k) => runCliAsync([...args, ...extra, "--shard", `${k + 1}/${count}`, "--out", f])));
  for (const r of runs) expect(r.stderr).toBe("");
  return files;
}

interface Manifest {
  shard: string;
  classes?: { start: number; end: number; total: number };
  chunks?: { start: number; end: number; total: number };
  rows: number;
  totals: Record<string, unknown>;
  checksum: string;
}

const manifestOf = (file: string): Manifest => {
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  return (JSON.parse(lines[lines.length - 1]) as { manifest: Manifest }).manifest;
};

describe("table --shard and merge", () => {
  it("merges 1 shard and 7 shards (2 workers each) into the single run's bytes (exact, function rows)", async () => {
    const args = ["table", "--inputs", "4", "--prior", "uniform"];
    const dir = freshDir();
    const [single, one, seven] = await Promise.all([
      runCliAsync(args),
      shards(args, 1, dir),
      shards(args, 7, dir, ["--workers", "2"]),
    ]);
    expect(single.status).toBe(0);
    const mergedOne = await runCliAsync(["merge", ...one]);
    // Any order of the files: the merge orders them by their manifests.
    const mergedSeven = await runCliAsync(["merge", ...[...seven].reverse(), "--out", join(dir, "merged.txt")]);
    expect(mergedOne.stdout).toBe(single.stdout);
    expect(mergedSeven.status).toBe(0);
    expect(readFileSync(join(dir, "merged.txt"), "utf8")).toBe(single.stdout);
    // The seven class ranges tile the classes, each shard non-empty; partial uniform totals are
    // exact fractions that add up to 1.
    const ranges = seven.map(manifestOf);
    expect(ranges[0].classes?.start).toBe(0);
    ranges.forEach((m, k) => {
      expect(m.shard).toBe(`${k + 1}/7`);
      expect(m.classes?.end).toBeGreaterThan(m.classes?.start ?? Infinity);
      if (k > 0) expect(m.classes?.start).toBe(ranges[k - 1].classes?.end);
      expect(m.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    });
    expect(ranges[6].classes?.end).toBe(ranges[6].classes?.total);
    let num = 0n;
    let den = 1n;
    for (const m of ranges) {
      const [p, q] = String(m.totals.uniformTotal).split("/").map(BigInt);
      [num, den] = [num * q + p * den, den * q];
    }
    expect(num).toBe(den);
    expect(ranges.reduce((s, m) => s + m.rows, 0)).toBe(1882);
  });

  it("merges 3 shards of a table of classes with both priors (Gaussian totals summed in table order) as json", async () => {
    const args = ["table", "--inputs", "3", "--prior", "both", "--classes", "--format", "json"];
    const dir = freshDir();
    const [single, files] = await Promise.all([runCliAsync(args), shards(args, 3, dir, ["--workers", "2"])]);
    const merged = await runCliAsync(["merge", files[1], files[2], files[0]]);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
    expect(JSON.parse(merged.stdout).summary.uniformTotal).toBe("1/1");
  });

  it("merges 3 Monte Carlo shards of the sample chunks into the single run's counts and bytes", async () => {
    // 2^21 + 1000 samples: 3 chunks, one short; each shard draws its chunks from their jumped streams.
    const args = ["table", "--inputs", "3", "--method", "mc", "--prior", "both", "--samples", String(2 ** 21 + 1000), "--seed", "9", "--format", "jsonl"];
    const dir = freshDir();
    const [single, files] = await Promise.all([runCliAsync([...args, "--workers", "1"]), shards(args, 3, dir, ["--workers", "2"])]);
    const merged = await runCliAsync(["merge", ...files]);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
    const chunks = files.map((f) => manifestOf(f).chunks);
    expect(chunks).toEqual([
      { start: 0, end: 1, total: 3 },
      { start: 1, end: 2, total: 3 },
      { start: 2, end: 3, total: 3 },
    ]);
    expect(files.reduce((s, f) => s + Number(manifestOf(f).totals.samples), 0)).toBe(2 ** 21 + 1000);
  });
});
