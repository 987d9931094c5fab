/**
 * The CLI on networks with hidden layers: `table` and `volume` with --arch step|relu --layers,
 * the --activation alias, default methods (step: exact, relu: mc), and bad input (one line on
 * stderr, exit 2, no output file).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, removeFreshDirs, runCli, expectUsageError } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());
afterAll(() => removeFreshDirs());

function json(args: string[]) {
  const r = runCli(args);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe("table and volume for step and ReLU nets", () => {
  it("table --arch step --layers 2,2,1 is exact by default: 16 rows, pieces, totals", () => {
    const t = json(["table", "--arch", "step", "--layers", "2,2,1", "--prior", "both", "--format", "json"]);
    expect(t.arch).toMatchObject({ type: "step", inputs: 2, layers: [2, 2, 1], encoding: "binary" });
    expect(t.arch.parameters).toEqual(["W1[1][1]", "W1[1][2]", "W1[2][1]", "W1[2][2]", "b1[1]", "b1[2]", "v[1]", "v[2]", "c"]);
    expect(t.rows).toHaveLength(16);
    const xor = t.rows.find((r: { function: string }) => r.function === "0110");
    expect(xor).toMatchObject({ name: "XOR", realizable: true, uniform: { fraction: "7/9216" }, pieces: 16 });
    expect(xor.gaussian).toMatchObject({ converged: true });
    expect(xor.gaussian.err).toBeGreaterThan(0);
    expect(t.summary).toMatchObject({ functions: 16, uniformTotal: "1/1", gaussianConverged: true });
    expect(t.summary.run.method).toBe("exact");
  });

  it("--activation step is an alias of --arch step, --inputs may repeat the first width, --sigma-w/--box-b apply per kind", () => {
    const a = json(["table", "--activation", "step", "--layers", "2,1,1", "--inputs", "2", "--prior", "uniform", "--box-b", "1/2", "--format", "json"]);
    const b = json(["table", "--arch", "step", "--layers", "2,1,1", "--prior", "uniform", "--box-b", "1/2", "--format", "json"]);
    expect(a.rows).toEqual(b.rows);
    expect(a.summary.run.priors.uniform).toEqual({ "half-width": { W1: "1", b1: "1/2", v: "1", c: "1/2" } });
  });

  it("volume --arch step: exact values equal the table's; text output; 3-3-1 counts its pieces without listing them", () => {
    const v = json(["volume", "--arch", "step", "--layers", "2,2,1", "--function", "0110", "--prior", "uniform"]);
    expect(v.uniform.fraction).toBe("7/9216");
    expect(v.pieces).toHaveLength(16);
    const big = json(["volume", "--arch", "step", "--layers", "3,3,1", "--function", "01101001", "--prior", "uniform"]);
    expect(big).toMatchObject({ pieces: 2976, piecesListed: false });
    expect(big.uniform.fraction).toMatch(/^\d+\/\d+$/);
  });

  it("relu: table runs the Rao-Blackwell integrand on scrambled Sobol' points by default, rao-blackwell on request, --method mc samples; volume --method mc works", () => {
    const d = json(["table", "--arch", "relu", "--layers", "2,2,1", "--prior", "gaussian", "--samples", "2048", "--format", "json"]);
    expect(d.summary.run.method).toBe("qmc");
    expect(d.rows).toHaveLength(16);
    expect(d.rows[0].gaussian).toMatchObject({ method: "qmc", samples: 2048, scrambles: 16 });
    const rb = json(["table", "--arch", "relu", "--layers", "2,2,1", "--prior", "uniform", "--method", "rao-blackwell", "--samples", "2000", "--format", "json"]);
    expect(rb.rows[0].uniform).toMatchObject({ method: "rao-blackwell", samples: 2000 });
    const two = json(["table", "--arch", "relu", "--layers", "2,3,2,1", "--prior", "uniform", "--samples", "1024", "--format", "json"]);
    expect(two.summary.run.method).toBe("qmc");
    expect(two.rows).toHaveLength(16);
    expect(Math.abs(two.summary.uniformTotal - 1)).toBeLessThan(1e-9);
    const t = json(["table", "--arch", "relu", "--layers", "2,2,1", "--prior", "gaussian", "--method", "mc", "--samples", "20000", "--workers", "1", "--format", "json"]);
    expect(t.summary.run.method).toBe("mc");
    expect(t.rows.length).toBeGreaterThan(8);
    for (const r of t.rows) expect(r.gaussian.ci).toHaveLength(2);
    const v = json(["volume", "--arch", "relu", "--layers", "2,2,1", "--function", "0110", "--method", "mc", "--samples", "20000", "--workers", "1"]);
    expect(v.gaussian.samples).toBe(20000);
  });

  it.each([
    [["table", "--arch", "step", "--layers", "2,,1"], /--layers '2,,1' is malformed/],
    [["table", "--arch", "step", "--layers", "2,0,1"], /hidden widths must be from 1/],
    [["table", "--arch", "step", "--layers", "2,2"], /give n,h1,1 or n,h1,h2,1/],
    [["table", "--arch", "step", "--layers", "2,2,3"], /the last width is the output unit and must be 1/],
    [["table", "--arch", "step"], /--arch step needs --layers/],
    [["table", "--arch", "step", "--layers", "2,2,1", "--inputs", "3"], /disagree/],
    [["table", "--layers", "2,2,1", "--inputs", "2"], /--layers applies to --arch step\|relu/],
    [["table", "--arch", "step", "--layers", "2,2,1", "--no-bias"], /every unit of a step net has a bias/],
    [["table", "--activation", "tanh", "--layers", "2,2,1"], /--activation 'tanh' is unknown; allowed: step, relu/],
    [["table", "--arch", "mlp", "--layers", "2,2,1"], /--arch 'mlp' is unknown/],
    [["table", "--arch", "step", "--activation", "relu", "--layers", "2,2,1"], /disagree/],
    [["table", "--arch", "perceptron", "--activation", "step", "--layers", "2,2,1"], /--arch perceptron and --activation step disagree/],
    [["table", "--arch", "relu", "--layers", "2,2,1", "--method", "exact"], /no exact table yet; the method that can: mc/],
    [["table", "--arch", "step", "--layers", "2,2,1", "--method", "qmc", "--prior", "gaussian"], /--method qmc applies to --arch relu with at most 2 units in the last hidden layer/],
    [["table", "--arch", "relu", "--layers", "2,3,1", "--method", "rao-blackwell", "--prior", "gaussian"], /at most 2 units/],
    [["table", "--arch", "relu", "--layers", "2,30,2,1", "--method", "qmc", "--prior", "gaussian"], /at most 64; --arch relu --layers 2,30,2,1 has 152; the methods that can: rao-blackwell, mc/],
    [["volume", "--arch", "relu", "--layers", "2,2,1", "--function", "0110", "--method", "qmc", "--workers", "2"], /runs in-process/],
    [["table", "--arch", "relu", "--layers", "2,2,1", "--prior", "gaussian", "--shard", "1/2"], /--method qmc runs in-process/],
    [["table", "--arch", "step", "--layers", "4,3,1", "--prior", "uniform"], /use Monte Carlo \(method mc\)/],
    [["table", "--arch", "step", "--layers", "5,2,1"], /up to 4; use Monte Carlo/],
    [["volume", "--arch", "relu", "--layers", "2,2,1", "--function", "0110", "--method", "exact"], /ReLU regions are pieces in z.*the method that can: mc/],
  ])("%j: one line, exit 2, no output file", async (args, message) => {
    await expectUsageError(args, message);
  });
});
