import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freshDir, removeFreshDirs, runCli } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

describe("weightspace sgd-vs-bayes", () => {
  it("perceptron, exact uniform posterior: JSON summary, summary.json and the log–log SVG in --out", () => {
    const dir = join(freshDir(), "new");
    const args = ["sgd-vs-bayes", "--inputs", "3", "--target", "00010111", "--train", "4", "--runs", "300", "--seed", "3", "--prior", "uniform"];
    const r = runCli([...args, "--format", "json", "--out", dir]);
    // The default engine is tfjs: its backend is named once on stderr, nothing else is written there.
    expect(r.stderr).toMatch(/^weightspace: tensor backend (tensorflow|wasm|cpu)\b[^\n]*\n$/);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      "run",
      "target",
      "trainingSet",
      "networks",
      "posterior",
      "correlation",
      "totalVariation",
      "samplingTotalVariation",
      "bayesMassUnfound",
      "sgdMassOutsideBayes",
      "functions",
    ]);
    expect(out.run).toMatchObject({ command: "sgd-vs-bayes", method: "exact", seed: 3, training: { optimizer: "adam", loss: "ce", engine: "tfjs" } });
    expect(["tensorflow", "wasm", "cpu"]).toContain(out.run.training.backend);
    expect(out.trainingSet.rows).toHaveLength(4);
    expect(out.networks).toMatchObject({ runs: 300, fitted: 300, unfitted: 0, disagreements: 0 });
    const counts = out.functions.reduce((s: number, f: { sgd: { count: number } }) => s + f.sgd.count, 0);
    expect(counts).toBe(300);
    // The posterior's exact fractions are P(f)/P(S) and the SGD frequencies count/300.
    for (const f of out.functions) {
      expect(f.sgd.p).toBe(f.sgd.count / 300);
      expect(f.bayes.fraction).toMatch(/^\d+\/\d+$/);
      expect(f.function.length).toBe(8);
    }
    expect(out.totalVariation).toBeGreaterThanOrEqual(0);
    expect(out.totalVariation).toBeLessThanOrEqual(1);
    expect(JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"))).toEqual(out);
    const svg = readFileSync(join(dir, "sgd-vs-bayes.svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toMatch(/P_B\(f \| S\)/);
    // Same seed, same result; the text format prints the table and the statistics.
    const text = runCli([...args]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^training set: rows \d+,\d+,\d+,\d+ labels [01]{4}\n/);
    expect(text.stdout).toMatch(new RegExp(`total variation: ${out.totalVariation.toFixed(4)} \\(sampling alone`));
    // The Float64 cross-check loads no tensor backend.
    const f64 = runCli([...args, "--engine", "float64", "--format", "json"]);
    expect(f64.stderr).toBe("");
    expect(f64.status).toBe(0);
    const o64 = JSON.parse(f64.stdout);
    expect(o64.run.training).toMatchObject({ engine: "float64" });
    expect(o64.run.training.backend).toBeUndefined();
    expect(o64.networks).toMatchObject({ runs: 300, fitted: 300, unfitted: 0, disagreements: 0 });
  });

  it("relu 3-2-1 takes P(f) from the Rao-Blackwell estimator", () => {
    const r = runCli(["sgd-vs-bayes", "--arch", "relu", "--layers", "3,2,1", "--target", "00000001", "--train", "3", "--runs", "200", "--p-samples", "2000", "--format", "json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.posterior.method).toBe("rao-blackwell");
    expect(out.run).toMatchObject({ samples: 2000 });
    expect(out.functions[0].bayes.ci).toHaveLength(2);
  });

  it.each([
    [["--inputs", "3", "--target", "0001", "--train", "2", "--runs", "5"], /--target: function '0001' has length 4; with 3 inputs it must have 2\^3 = 8 characters/],
    [["--inputs", "3", "--target", "00010111", "--train", "9", "--runs", "5"], /--train 9 exceeds the 2\^3 = 8 inputs; allowed: 1 to 8/],
    [["--inputs", "3", "--target", "00010111", "--train", "0", "--runs", "5"], /--train must be an integer from 1/],
    [["--inputs", "3", "--target", "00010111", "--train", "2", "--runs", "0"], /--runs must be an integer from 1/],
    [["--inputs", "3", "--target", "00010111", "--train", "2"], /--runs is required/],
    [["--inputs", "3", "--target", "00010111", "--train", "2", "--runs", "5", "--prior", "both"], /--prior both does not apply/],
    [["--inputs", "3", "--target", "00010111", "--train", "2", "--runs", "5", "--p-method", "qmc"], /--p-method qmc does not apply to --inputs 3; allowed: exact, mc/],
    [["--inputs", "3", "--target", "01101001", "--train", "8", "--runs", "5"], /posterior is undefined/],
  ])("bad input %j: one line, exit 2, no output", (args, message) => {
    const dir = join(freshDir(), "out");
    const r = runCli(["sgd-vs-bayes", ...args, "--out", dir]);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
    expect(existsSync(dir)).toBe(false);
  });
});
