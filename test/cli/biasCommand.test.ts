import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freshDir, removeFreshDirs, runCli } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

describe("weightspace bias", () => {
  it("JSON summary of the 3-input perceptron, also written to --out DIR/summary.json", () => {
    const dir = join(freshDir(), "new");
    const r = runCli(["bias", "--inputs", "3", "--measure", "all", "--format", "json", "--bootstrap", "50", "--out", dir]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["run", "table", "functions", "classes", "measures", "entropyBias", "rankProbability"]);
    expect(out.functions).toBe(104);
    expect(Object.keys(out.measures)).toEqual(["lz", "entropy", "boolean", "csr", "sensitivity", "fourierL1", "facets", "minWeight"]);
    const lz = out.measures.lz.gaussian;
    expect(Object.keys(lz)).toEqual(["spearman", "kendall", "upperBound", "functions"]);
    expect(lz.spearman.ci.replicates).toBe(50);
    expect(out.entropyBias.uniform.map((e: { fraction: string }) => e.fraction)[4]).toBe("15/128");
    expect(out.rankProbability.gaussian[0]).toMatchObject({ rank: 1, functions: 2, function: "00000000" });
    expect(out.run).toMatchObject({ command: "bias", bootstrap: 50, seed: 1 });
    expect(JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"))).toEqual(out);
  });

  it("no bias: the anti-entropy check, text format", () => {
    const r = runCli(["bias", "--inputs", "3", "--no-bias", "--measure", "entropy", "--prior", "uniform", "--bootstrap", "20"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/anti-entropy uniform: P\(T=t\) = 1\/8 for t < 2\^n: holds \(max deviation 0\)/);
  });

  it("--measure with comma-separated names analyses those, in that order", () => {
    const r = runCli(["bias", "--inputs", "3", "--measure", "sensitivity,lz", "--prior", "uniform", "--bootstrap", "10", "--format", "json"]);
    expect(r.status).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout).measures)).toEqual(["sensitivity", "lz"]);
  });

  it.each([
    [["--inputs", "3", "--measure", "bogus"], /--measure 'bogus' is unknown; allowed: all, lz, entropy/],
    [["--inputs", "3", "--measure", "lz,bogus"], /--measure 'bogus' is unknown; allowed: all, lz, entropy/],
    [["--inputs", "3", "--measure", "lz,lz"], /--measure 'lz,lz' names a measure twice/],
    [["--inputs", "3"], /--measure is required/],
    [["--arch", "relu", "--layers", "2,2,1", "--measure", "lz"], /need an exact table.*--method mc/],
    [["--inputs", "8", "--measure", "lz"], /tables list functions or classes for inputs 0 to 7, got 8/],
  ])("bad input %j: one line, exit 2, no output file", (args, message) => {
    const dir = join(freshDir(), "out");
    const r = runCli(["bias", ...args, "--out", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
    expect(existsSync(dir)).toBe(false);
  });
});
