/**
 * `table --method mc --functions FILE` through the built CLI: the listed functions get exactly the
 * full Monte Carlo table's hits (same seed and samples), a class table's rows stand for their whole
 * orbits, the output is the same bytes for 1 and 2 workers, shards merged equal the single run
 * byte for byte, and bad input is one line with exit 2 and no output file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, expectUsageError, freshDir, listDir, removeFreshDirs, runCliAsync } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

// Three chunks of 2^20 (the last short), so two workers and three shards all get work.
const SAMPLES = String(2 ** 21 + 1000);
const MC = ["table", "--inputs", "4", "--method", "mc", "--prior", "both", "--samples", SAMPLES, "--seed", "9", "--format", "jsonl"];

type Row = { function: string; gaussian: { hits: number }; uniform: { hits: number } };
type Summary = { functionsListed: number; samplesOutside: { gaussian: number; uniform: number } };

function parse(jsonl: string): { rows: Row[]; summary: Summary } {
  const lines = jsonl.trimEnd().split("\n").map((l) => JSON.parse(l) as Row & { summary?: Summary });
  return { rows: lines.filter((l) => !l.summary), summary: lines[lines.length - 1].summary as Summary };
}

describe("table --method mc --functions", () => {
  let dir: string;
  let full: Map<string, Row>;
  let listFile: string;
  let listed: string[];
  beforeAll(async () => {
    dir = freshDir();
    const r = await runCliAsync([...MC, "--workers", "1"]);
    expect(r.status).toBe(0);
    full = new Map(parse(r.stdout).rows.map((row) => [row.function, row]));
    // Every fifth function the full table drew, parity (never drawn: no threshold function), a hex line, a comment.
    listed = [...full.keys()].filter((_, k) => k % 5 === 0);
    listFile = join(dir, "list.txt");
    writeFileSync(listFile, ["# listed functions", ...listed, "0110100110010110", "", "0x8000"].join("\n"));
  });

  it("gives each listed function the full table's hits, and 0 to one never drawn", async () => {
    const r = await runCliAsync([...MC, "--workers", "1", "--functions", listFile]);
    expect(r.status).toBe(0);
    const { rows, summary } = parse(r.stdout);
    const and = "0000000000000001";
    expect(rows.map((x) => x.function).sort()).toEqual([...new Set([...listed, "0110100110010110", and])].sort());
    for (const row of rows) {
      const f = full.get(row.function);
      expect(row.gaussian.hits).toBe(f?.gaussian.hits ?? 0);
      expect(row.uniform.hits).toBe(f?.uniform.hits ?? 0);
    }
    const inList = (k: "gaussian" | "uniform") => rows.reduce((s, x) => s + x[k].hits, 0);
    expect(summary.samplesOutside).toEqual({ gaussian: Number(SAMPLES) - inList("gaussian"), uniform: Number(SAMPLES) - inList("uniform") });
  });

  it("prints the same bytes with 1 and 2 workers, and shards merged print them too", async () => {
    const args = [...MC, "--functions", listFile];
    const shards = [1, 2, 3].map((i) => join(dir, `s${i}.jsonl`));
    const [one, two, ...parts] = await Promise.all([
      runCliAsync([...args, "--workers", "1"]),
      runCliAsync([...args, "--workers", "2"]),
      ...shards.map((f, i) => runCliAsync([...args, "--workers", "2", "--shard", `${i + 1}/3`, "--out", f])),
    ]);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    for (const p of parts) expect(p.status).toBe(0);
    const merged = await runCliAsync(["merge", ...[...shards].reverse()]);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
    // The list moved: merge reads it from --functions; another list is refused.
    const moved = join(dir, "moved.txt");
    writeFileSync(moved, readFileSync(listFile));
    const again = await runCliAsync(["merge", "--functions", moved, ...shards]);
    expect(again.stdout).toBe(one.stdout);
    writeFileSync(moved, `${readFileSync(listFile, "utf8")}\n0000000000000011`);
    await expectUsageError(["merge", "--functions", moved, ...shards], /merge: .*moved\.txt is not the list of functions the shards counted/);
  }, 120_000);

  it("lists every function of an exact class table's orbits", async () => {
    const classes = join(dir, "classes.jsonl");
    const exact = await runCliAsync(["table", "--inputs", "4", "--prior", "uniform", "--classes", "symmetry", "--format", "jsonl", "--out", classes]);
    expect(exact.status).toBe(0);
    const orbits = parse(readFileSync(classes, "utf8")).rows.reduce((s, r) => s + (r as unknown as { orbit: number }).orbit, 0);
    expect(orbits).toBe(1882);
    const r = await runCliAsync([...MC, "--workers", "1", "--functions", classes]);
    expect(r.status).toBe(0);
    const { rows, summary } = parse(r.stdout);
    expect(summary.functionsListed).toBe(1882);
    // The full table drew only threshold functions, so with every one of them listed nothing is outside.
    expect(summary.samplesOutside).toEqual({ gaussian: 0, uniform: 0 });
    for (const row of rows) expect(row.gaussian.hits).toBe(full.get(row.function)?.gaussian.hits ?? 0);
  });

  it.each([
    ["with --method exact", ["--method", "exact"], /--functions restricts a Monte Carlo table.*--method mc/],
    ["a missing file", ["--functions", "/nonexistent/list.txt"], /--functions \/nonexistent\/list\.txt cannot be read \(ENOENT\)/],
  ])("rejects --functions %s", async (_, extra, message) => {
    const args = ["table", "--inputs", "4", "--prior", "both", "--method", "mc", "--functions", listFile, ...extra];
    await expectUsageError(args, message);
  });

  it("rejects a list with a repeated function, a wrong width, or an orbit of another group", async () => {
    const bad = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return ["table", "--inputs", "4", "--prior", "gaussian", "--method", "mc", "--functions", path];
    };
    await expectUsageError(bad("twice.txt", "0000000000000001\n0x0001\n0x8000\n"), /twice\.txt line 3: function 0000000000000001 is listed twice/);
    await expectUsageError(bad("width.txt", "00000001\n"), /width\.txt line 1: .*/);
    await expectUsageError(bad("empty.txt", "# nothing\n"), /empty\.txt lists no function/);
    await expectUsageError(
      bad("npn.jsonl", '{"function":"0000000000000001","orbit":32}\n'),
      /npn\.jsonl line 1: .*orbit under this network's symmetries is not the row's/,
    );
    expect(listDir(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
