import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freshDir, listDir, removeFreshDirs, runCli } from "./_helpers/runCli.js";

afterAll(() => removeFreshDirs());

beforeAll(() => ensureBuilt());

interface Estimate {
  p: number;
  ci: [number, number];
  samples: number;
  method: string;
}

function volume(args: string[]): Record<string, unknown> & { function: string } {
  const r = runCli(["volume", ...args]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout.trimEnd().split("\n")).toHaveLength(1);
  return JSON.parse(r.stdout);
}

const AND = ["--inputs", "2", "--function", "0001", "--method", "mc"];

describe("volume --method mc (JSON)", () => {
  it("is { function, gaussian: { p, ci, samples, method }, uniform: {…} }", () => {
    const v = volume([...AND, "--samples", "10000", "--seed", "1"]);
    expect(v.function).toBe("0001");
    for (const kind of ["gaussian", "uniform"]) {
      const e = v[kind] as Estimate;
      expect(e).toMatchObject({ samples: 10000, method: "mc" });
      expect(e.p).toBeGreaterThanOrEqual(0);
      expect(e.p).toBeLessThanOrEqual(1);
      expect(e.ci).toHaveLength(2);
      expect(e.ci[0]).toBeLessThanOrEqual(e.p);
      expect(e.ci[1]).toBeGreaterThanOrEqual(e.p);
    }
  });

  it("gives the same output for the same seed and different output for another seed", () => {
    const a = runCli(["volume", ...AND, "--samples", "5000", "--seed", "7"]).stdout;
    expect(runCli(["volume", ...AND, "--samples", "5000", "--seed", "7"]).stdout).toBe(a);
    expect(runCli(["volume", ...AND, "--samples", "5000", "--seed", "8"]).stdout).not.toBe(a);
  });

  it("--prior gaussian gives only the gaussian estimate", () => {
    const v = volume([...AND, "--samples", "1000", "--prior", "gaussian"]);
    expect(v).toHaveProperty("gaussian");
    expect(v).not.toHaveProperty("uniform");
  });

  it("estimates AND within 5 standard errors of 1/48 (uniform) and 0.0146233 (Gaussian)", () => {
    // Exact values derived in test/measure/monteCarlo.test.ts.
    const v = volume([...AND, "--samples", "200000", "--seed", "3"]);
    const check = (e: Estimate, p: number) =>
      expect(Math.abs(e.p - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / e.samples));
    check(v.uniform as Estimate, 1 / 48);
    check(v.gaussian as Estimate, 0.014623304674318483);
  });

  it("works for the other variants: signed, no bias", () => {
    expect(
      (
        volume([
          "--inputs",
          "2",
          "--function",
          "0001",
          "--encoding",
          "signed",
          "--method",
          "mc",
          "--samples",
          "100",
        ]).gaussian as Estimate
      ).samples,
    ).toBe(100);
    expect(
      volume(["--inputs", "2", "--function", "0111", "--no-bias", "--method", "mc", "--samples", "100"])
        .function,
    ).toBe("0111");
  });

  // With every sample inside the cone p = 1, and the interval must contain it. Seed 4255 draws 10
  // positive Gaussian biases for the 0-input constant 1 (found by search).
  it("ci contains p even when every sample hits", () => {
    const v = volume([
      "--inputs",
      "0",
      "--function",
      "1",
      "--method",
      "mc",
      "--samples",
      "10",
      "--seed",
      "439",
      "--prior",
      "gaussian",
    ]);
    const e = v.gaussian as Estimate;
    expect(e.p).toBe(1);
    expect(e.ci[1]).toBeGreaterThanOrEqual(e.p);
  });
});

describe("volume: text format and --out", () => {
  it("--format text prints one line per prior, then the run's settings as # lines", () => {
    const r = runCli(["volume", ...AND, "--samples", "1000", "--format", "text"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^function 0001 \(AND\)\ngaussian: p = [\d.e+-]+ \(95% CI .*\)\nuniform: p = [\d.e+-]+ \(95% CI .*\)\n(# .*\n)+$/,
    );
    expect(r.stdout).toContain("# version: ");
    expect(r.stdout).toContain("# seed: 1\n");
  });

  it("--out writes the JSON to the file and nothing to stdout", () => {
    const dir = freshDir();
    const file = join(dir, "v.json");
    const r = runCli(["volume", ...AND, "--samples", "1000", "--seed", "2", "--out", file], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(listDir(dir)).toEqual(["v.json"]);
    expect(readFileSync(file, "utf8")).toBe(
      runCli(["volume", ...AND, "--samples", "1000", "--seed", "2"]).stdout,
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("volume --method exact (the default)", () => {
  it("prints the exact fields of a table row: gaussian { p, err, method }, uniform { fraction, p }", () => {
    const r = runCli(["volume", "--inputs", "2", "--function", "0001"]);
    expect(r.status, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.function).toBe("0001");
    expect(v.constraints).toEqual(["w2+b<0", "w1+b<0", "w1+w2+b>0"]);
    expect(v.uniform).toEqual({ fraction: "1/48", p: 1 / 48 });
    // Closed-form solid angle of AND's cone (see the Monte Carlo tests for its provenance).
    expect(Math.abs(v.gaussian.p - 0.014623304674318483)).toBeLessThanOrEqual(1e-15 + v.gaussian.err);
    expect(v.gaussian.method).toBe("van-oosterom-strackee");
  });

  it("agrees with the table row of the same function and with non-default scales", () => {
    const table = JSON.parse(
      runCli([
        "table",
        "--inputs",
        "3",
        "--prior",
        "both",
        "--sigma-b",
        "2",
        "--box-b",
        "1/2",
        "--format",
        "json",
      ]).stdout,
    );
    const row = table.rows.find((x: { function: string }) => x.function === "00010111");
    const v = JSON.parse(
      runCli(["volume", "--inputs", "3", "--function", "00010111", "--sigma-b", "2", "--box-b", "1/2"])
        .stdout,
    );
    expect(v.uniform).toEqual(row.uniform);
    expect(Math.abs(v.gaussian.p - row.gaussian.p)).toBeLessThanOrEqual(v.gaussian.err + row.gaussian.err);
  });
});

describe("volume: extreme but valid scale ratios", () => {
  it("σ_w/σ_b = 1e-300: Monte Carlo samples it, the exact Gaussian says it underflowed instead of claiming 0", () => {
    const mc = runCli(["volume", ...AND, "--sigma-w", "1e-300", "--prior", "gaussian", "--samples", "1e4"]);
    expect(mc.status, mc.stderr).toBe(0);
    expect(JSON.parse(mc.stdout).gaussian.samples).toBe(10_000);
    const exact = runCli(["volume", "--inputs", "2", "--function", "0001", "--sigma-w", "1e-300", "--prior", "gaussian"]);
    expect(exact.status, exact.stderr).toBe(0);
    const g = JSON.parse(exact.stdout).gaussian;
    expect(g.converged).toBe(false);
    // The true value is positive: p = 0 must come with err > 0 (here the half-space bound 1/2).
    expect(g.p + g.err).toBeGreaterThan(0);
    expect(g.warning).toMatch(/too thin for double precision/);
    expect(exact.stderr).toMatch(/warning: gaussian estimate did not converge/);
  });
});
