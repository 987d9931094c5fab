/**
 * `weightspace plan`: its exact output size interval holds the real table's size, its counts are the
 * table's, its intervals are ordered, and it names the shard count for a wall time. CPU numbers
 * depend on the machine and are only checked for consistency, never for speed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, expectUsageError, runCliAsync } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());

interface Interval {
  estimate: number;
  low: number;
  high: number;
}

describe("plan", () => {
  it("plans an exact table: its classes and rows, an output size that holds the real one, shards for a wall time", async () => {
    // All 17 classes sampled: the measures' lengths then bound every row's exactly.
    const [plan, table] = await Promise.all([
      runCliAsync(["plan", "--inputs", "3", "--prior", "both", "--sample-classes", "17", "--wall", "1", "--format", "json"]),
      runCliAsync(["table", "--inputs", "3", "--prior", "both", "--format", "jsonl"]),
    ]);
    expect(plan.status).toBe(0);
    const p = JSON.parse(plan.stdout) as Record<string, unknown>;
    expect(p.table).toBe("weightspace table --inputs 3 --prior both");
    expect(p).toMatchObject({ method: "exact", classes: 17, rows: 104, sampledClasses: 17 });
    const rowsBytes = Buffer.byteLength(table.stdout.slice(0, table.stdout.lastIndexOf('{"summary"')));
    const bytes = p.outputBytes as Interval;
    expect(bytes.low).toBeLessThanOrEqual(rowsBytes);
    expect(bytes.high).toBeGreaterThanOrEqual(rowsBytes);
    const cpu = p.measuringCpuHours as Interval;
    expect(cpu.low).toBeLessThanOrEqual(cpu.estimate);
    expect(cpu.estimate).toBeLessThanOrEqual(cpu.high);
    expect(cpu.estimate).toBeGreaterThan(0);
    expect(p.wall).toMatchObject({ hours: 1, fits: true, shards: 1 });
  });

  it("says when no number of shards fits, and plans a Monte Carlo job from pilot runs", async () => {
    const [tight, mc] = await Promise.all([
      runCliAsync(["plan", "--inputs", "3", "--prior", "uniform", "--sample-classes", "4", "--wall", "1/36000000", "--format", "json"]),
      runCliAsync(["plan", "--inputs", "3", "--method", "mc", "--prior", "gaussian", "--samples", "1e9", "--pilot-samples", "20000", "--wall", "2", "--format", "json"]),
    ]);
    expect(tight.status).toBe(0);
    expect((JSON.parse(tight.stdout) as { wall: { fits: boolean; why: string } }).wall).toMatchObject({ fits: false, why: expect.stringMatching(/set-up alone takes|more than the 17/) });
    expect(mc.status).toBe(0);
    const m = JSON.parse(mc.stdout) as { rows: { low: number; high: number }; chunks: number; cpuHours: Interval; wall: { shards: number } };
    expect(m.rows.high).toBe(104);
    expect(m.rows.low).toBeGreaterThan(50);
    expect(m.rows.low).toBeLessThanOrEqual(104);
    expect(m.chunks).toBe(954);
    expect(m.cpuHours.low).toBeLessThanOrEqual(m.cpuHours.high);
    expect(m.wall.shards).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ["--wall 0", ["--wall", "0"], /--wall must be a number > 0/],
    ["--sample-classes 1", ["--sample-classes", "1"], /--sample-classes must be an integer from 2/],
    ["--samples with exact", ["--samples", "1000"], /--samples does not apply/],
    ["--pilot-samples with exact", ["--pilot-samples", "5000"], /--pilot-samples does not apply/],
  ])("rejects %s", async (_name, extra, message) => {
    await expectUsageError(["plan", "--inputs", "3", "--prior", "uniform", ...extra], message);
  });
});
