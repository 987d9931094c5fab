import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freshDir, listDir, removeFreshDirs, runCli } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

function complexity(args: string[]): Record<string, unknown> {
  const r = runCli(["complexity", ...args]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout.trimEnd().split("\n")).toHaveLength(1);
  return JSON.parse(r.stdout);
}

describe("weightspace complexity", () => {
  it("all measures of majority-3, keys named after the measures", () => {
    const out = complexity(["--function", "00010111"]);
    expect(Object.keys(out)).toEqual([
      "function", "n", "lz", "entropy", "boolean", "csr", "sensitivity", "fourierL1", "facets", "minWeight", "run",
    ]);
    expect(out.n).toBe(3);
    expect(out.lz).toEqual({ phrases: 4, phrasesReversed: 4, cLz: 12 });
    expect(out.csr).toEqual({ fraction: "3/4", value: 0.75 });
    expect(out.facets).toBe(6);
    expect((out.minWeight as { weights: number[] }).weights).toEqual([1, 1, 1]);
  });

  it("XOR: facets and minWeight null with the reason", () => {
    const out = complexity(["--function", "0110", "--measure", "facets"]);
    expect(out.facets).toBeNull();
    expect((out.reasons as Record<string, string>).facets).toMatch(/not a threshold function/);
    expect(out).not.toHaveProperty("lz");
  });

  it("one measure, text format, --out", () => {
    const dir = freshDir();
    const file = join(dir, "c.txt");
    const r = runCli(["complexity", "--function", "0x8000", "--measure", "fourierL1", "--format", "text", "--out", file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("fourierL1: 11/4 (2.75)");
  });

  it.each([
    [["--function", "011"], /--function: .*length 3/],
    [["--function", "0110", "--measure", "kolmogorov"], /--measure 'kolmogorov' is unknown/],
    [["--function", "0".repeat(512)], /--function/],
    [[], /--function is required/],
  ])("bad input %j: one line, exit 2, no output file", (args, message) => {
    const dir = freshDir();
    const r = runCli(["complexity", ...args, "--out", join(dir, "out.json")]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(listDir(dir)).toEqual([]);
    expect(existsSync(join(dir, "out.json"))).toBe(false);
  });
});
