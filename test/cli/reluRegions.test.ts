/**
 * `weightspace regions` on ReLU nets: JSON and text shapes, --min-width, --out, and bad input (a
 * perceptron, an unrealisable function, malformed or two-hidden-layer nets: one line on stderr,
 * exit 2, no output file).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freshDir, removeFreshDirs, runCli, expectUsageError } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

describe("regions --arch relu", () => {
  it("JSON: function, pieces with pattern/signs/constraints/witness, summary with the minimal width", () => {
    const dir = freshDir();
    const out = join(dir, "xor.json");
    const r = runCli(["regions", "--arch", "relu", "--layers", "2,2,1", "--function", "0110", "--min-width", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const d = JSON.parse(readFileSync(out, "utf8"));
    expect(d).toMatchObject({ function: "0110", name: "XOR" });
    expect(d.pieces).toHaveLength(160);
    expect(Object.keys(d.pieces[0])).toEqual(["pattern", "signs", "constraints", "witness", "parameters"]);
    expect(d.pieces[0].pattern).toHaveLength(2);
    expect(d.summary).toMatchObject({ realizable: true, pieces: 160, minimalWidth: { width: 2 } });
    expect(d.summary.minimalWidth.proof).toMatch(/at width 1 all 28/);
    expect(d.summary.coordinateNames).toEqual(["u[1][1]", "u[1][2]", "ub[1]", "u[2][1]", "u[2][2]", "ub[2]", "c"]);
  });

  it("text: one block per piece with its pattern, signs, constraints and witnesses", () => {
    const r = runCli(["regions", "--arch", "relu", "--layers", "2,1,1", "--function", "0001", "--format", "text"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^function 0001 \(AND\): \d+ pieces\n/);
    expect(r.stdout).toMatch(/piece 1 pattern [01]{4} signs [+-]\n/);
    expect(r.stdout).toMatch(/witness θ = \(/);
  });

  it.each([
    [["regions", "--inputs", "2", "--function", "0110"], /a perceptron's region is one cone/],
    [["regions", "--arch", "relu", "--layers", "2,1,1", "--function", "0110"], /not realisable .*exhaustive: all 28/],
    [["regions", "--arch", "relu", "--layers", "2,,1", "--function", "0110"], /--layers '2,,1' is malformed/],
    [["regions", "--arch", "relu", "--layers", "2,2,2,1", "--function", "0110"], /one hidden layer/],
    [["regions", "--arch", "relu", "--layers", "2,2,1", "--function", "011"], /--function/],
    [["regions", "--arch", "relu", "--layers", "2,2,1"], /--function is required/],
  ])("%j: one line, exit 2, no output file", async (args, message) => {
    await expectUsageError(args, message);
  });
});
