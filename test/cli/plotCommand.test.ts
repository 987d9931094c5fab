import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wellFormedXml } from "../experiments/plots/_helpers/wellFormedXml.js";
import { ensureBuilt, freshDir, removeFreshDirs, runCli } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

describe("weightspace plot sphere", () => {
  it("writes FILE.svg and its specification FILE.vl.json; labels from the exact table", () => {
    const file = join(freshDir(), "sphere.svg");
    const r = runCli(["plot", "sphere", "--inputs", "2", "--out", file]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const svg = readFileSync(file, "utf8");
    expect(wellFormedXml(svg)[0]).toBe("svg");
    const spec = JSON.parse(readFileSync(join(file, "..", "sphere.vl.json"), "utf8"));
    expect(spec.projection).toEqual({ type: "identity", reflectY: true });
    expect(spec.title.text).toBe("The 14 regions of the perceptron, 2 inputs (binary), with bias on the sphere of (w1, w2, b) directions");
    const labels = spec.layer[2].data.values.map((l: { label: string }) => l.label);
    expect(labels).toContain("AND\nU 1/48\nG 0.01462");
    expect(labels).toContain("const 1\nU 13/48\nG 0.2770");
  });

  it("--prior uniform: labels carry only the exact fraction; SVG on stdout without --out", () => {
    const r = runCli(["plot", "sphere", "--inputs", "2", "--prior", "uniform"]);
    expect(r.status).toBe(0);
    expect(wellFormedXml(r.stdout.trim())[0]).toBe("svg");
    expect(r.stdout).toContain("<tspan>OR</tspan><tspan x=\"0\" dy=\"12\">U 1/24</tspan></text>");
  });

  it.each([
    [["sphere", "--inputs", "3"], /plot sphere --inputs 3: .*3 parameters.*has 4 parameters/],
    [["circle", "--inputs", "2"], /plot kind 'circle' is unknown; allowed: sphere/],
    [["sphere", "--inputs", "2", "--prior", "uniform", "--sigma-w", "2"], /--sigma-w does not apply/],
    [["sphere", "--arch", "relu", "--layers", "2,1,1"], /3 parameters/],
  ])("bad input %j: one line, exit 2, no output file", (args, message) => {
    const file = join(freshDir(), "s.svg");
    const r = runCli(["plot", ...args, "--out", file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(file, "..", "s.vl.json"))).toBe(false);
  });
});
