/**
 * `--workers K` through the built CLI (where the compiled worker script exists, so K ≥ 2 really
 * runs threads): the output is byte-identical for 1 and 2 (and 3) workers, for Monte Carlo tables
 * and volumes and for exact tables (classes measured on the threads).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli, runCliAsync } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());

// 2^21 + 1000 samples: three chunks, so two and three workers all get work, one a short chunk.
const SAMPLES = String(2 ** 21 + 1000);

describe("--workers", () => {
  it("table --method mc prints the same bytes with 1, 2 and 3 workers", async () => {
    const args = ["table", "--inputs", "3", "--method", "mc", "--prior", "both", "--samples", SAMPLES, "--seed", "5"];
    const [one, two, three] = await Promise.all(["1", "2", "3"].map((k) => runCliAsync([...args, "--workers", k])));
    for (const r of [one, two, three]) expect(r.status).toBe(0);
    expect(one.stdout.length).toBeGreaterThan(1000);
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(one.stdout);
  });

  it("volume --method mc prints the same bytes with 1 and 2 workers, another seed differs", async () => {
    const args = ["volume", "--inputs", "4", "--function", "0000000000000001", "--method", "mc", "--samples", SAMPLES];
    const [one, two, other] = await Promise.all([
      runCliAsync([...args, "--seed", "5", "--workers", "1"]),
      runCliAsync([...args, "--seed", "5", "--workers", "2"]),
      runCliAsync([...args, "--seed", "6", "--workers", "2"]),
    ]);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(other.stdout).not.toBe(one.stdout);
  });

  it("exact tables print the same bytes with 1 and 2 workers, in every listing", async () => {
    const tables = [
      ["table", "--inputs", "4", "--prior", "both", "--format", "jsonl"],
      ["table", "--inputs", "4", "--encoding", "signed", "--classes", "npn", "--prior", "both", "--format", "text"],
      ["table", "--inputs", "3", "--prior", "uniform", "--all", "--format", "csv"],
    ];
    const runs = await Promise.all(tables.flatMap((args) => ["1", "2"].map((k) => runCliAsync([...args, "--workers", k]))));
    for (let t = 0; t < tables.length; t++) {
      const [one, two] = runs.slice(2 * t, 2 * t + 2);
      expect(one.status).toBe(0);
      expect(one.stdout).toMatch(/uniform/);
      expect(two.stdout).toBe(one.stdout);
    }
  });

  it.each([
    ["0 workers", ["table", "--inputs", "2", "--method", "mc", "--prior", "gaussian", "--workers", "0"], /--workers must be an integer from 1/],
    ["0 workers, exact", ["table", "--inputs", "2", "--prior", "gaussian", "--workers", "0"], /--workers must be an integer from 1/],
    ["-1 workers, exact", ["table", "--inputs", "2", "--prior", "gaussian", "--workers", "-1"], /--workers must be an integer from 1/],
    ["volume --workers without mc", ["volume", "--inputs", "2", "--function", "0001", "--workers", "2"], /--workers.*--method mc/],
  ])("rejects %s with one line and exit 2", (_, args, message) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
