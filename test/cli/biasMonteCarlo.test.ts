import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freshDir, removeFreshDirs, runCli } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

describe("weightspace bias --method mc", () => {
  it("relu 2-2-1 (no exact table): sampled summary with the note on unseen functions, also in --out DIR", () => {
    const dir = join(freshDir(), "new");
    const args = ["bias", "--arch", "relu", "--layers", "2,2,1", "--measure", "lz", "--method", "mc", "--samples", "20000", "--seed", "5", "--bootstrap", "20"];
    const r = runCli([...args, "--format", "json", "--out", dir]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.run).toMatchObject({ command: "bias", method: "mc", samples: 20000, seed: 5, bootstrap: 20 });
    expect(out.sampled).toMatchObject({ samples: 20000, seed: 5 });
    expect(out.sampled.functionsSeen.gaussian).toBeGreaterThan(8);
    expect(out.sampled.functionsSeen.gaussian).toBeLessThanOrEqual(16);
    expect(out.rankProbability.gaussian[0].ci).toHaveLength(2);
    expect(out.entropyBias.uniform.reduce((s: number, e: { hits: number }) => s + e.hits, 0)).toBe(20000);
    expect(JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"))).toEqual(out);
    const text = runCli(args);
    expect(text.stdout).toMatch(/\nsampled: P\(f\) sampled: hits\/20000 with a 95% Wilson interval; functions no sample produced .* are left out/);
  });

  it.each([
    [["--inputs", "3", "--measure", "lz", "--samples", "100"], /--samples does not apply: they set Monte Carlo sampling; add --method mc/],
    [["--inputs", "3", "--measure", "lz", "--method", "mc", "--samples", "0"], /--samples must be an integer from 1/],
    [["--inputs", "3", "--measure", "lz", "--method", "bogus"], /--method/],
  ])("bad input %j: one line, exit 2, no output file", (args, message) => {
    const dir = join(freshDir(), "out");
    const r = runCli(["bias", ...args, "--out", dir]);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
    expect(existsSync(dir)).toBe(false);
  });
});
