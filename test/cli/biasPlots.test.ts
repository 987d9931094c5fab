import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wellFormedXml } from "../experiments/plots/_helpers/wellFormedXml.js";
import { ensureBuilt, freshDir, removeFreshDirs, runCli } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

describe("weightspace bias --out DIR: plots", () => {
  it("writes NAME.svg and NAME.vl.json beside summary.json for each measure, rank–probability and entropy bias", () => {
    const dir = join(freshDir(), "out");
    const r = runCli(["bias", "--inputs", "2", "--measure", "sensitivity", "--bootstrap", "10", "--out", dir]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const names = ["complexity-sensitivity", "entropy-bias", "rank-probability"];
    expect(readdirSync(dir).sort()).toEqual([...names.flatMap((n) => [`${n}.svg`, `${n}.vl.json`]), "summary.json"].sort());
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    for (const n of names) {
      expect(wellFormedXml(readFileSync(join(dir, `${n}.svg`), "utf8"))[0]).toBe("svg");
      const spec = JSON.parse(readFileSync(join(dir, `${n}.vl.json`), "utf8"));
      expect(spec.title.text).toContain("perceptron, 2 inputs (binary), with bias");
    }
    const entropy = JSON.parse(readFileSync(join(dir, "entropy-bias.vl.json"), "utf8"));
    const uniform = entropy.layer[0].data.values.filter((d: { prior: string }) => d.prior.startsWith("Uniform"));
    expect(uniform.map((d: { fraction: string }) => d.fraction)).toEqual(summary.entropyBias.uniform.map((e: { fraction: string }) => e.fraction));
  });
});
