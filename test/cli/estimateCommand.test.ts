/**
 * `weightspace estimate` and `weightspace validate` end to end: the fields the issue names, the
 * exact value beside the estimate, formats, and bad input (one line, exit 2, no output file).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureBuilt, expectUsageError, freshDir, removeFreshDirs, runCliAsync } from "./_helpers/runCli.js";

beforeAll(ensureBuilt);
afterAll(removeFreshDirs);

const json = async (args: string[]) => {
  const r = await runCliAsync(args);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

describe("weightspace estimate", () => {
  it("prints estimate, ci, logMeanExp, max, exact, directions and proposal", async () => {
    const r = await json(["estimate", "--estimator", "random-direction", "--arch", "perceptron", "--inputs", "3", "--function", "00010111", "--directions", "4000", "--seed", "3", "--prior", "uniform"]);
    expect(r).toMatchObject({ function: "00010111", name: "MAJ", estimator: "random-direction", prior: "uniform", directions: 4000, proposal: "identity", exact: { p: 1 / 256, fraction: "1/256" } });
    const ci = r.ci as number[];
    expect(ci[0]).toBeLessThan(r.estimate as number);
    expect(ci[1]).toBeGreaterThan(r.estimate as number);
    expect(r.logMeanExp).toBeCloseTo(Math.log(r.estimate as number), 10);
    expect(r.max as number).toBeGreaterThan(r.estimate as number);
    expect(Math.abs((r.estimate as number) - 1 / 256)).toBeLessThan(5 * ((r.details as Record<string, number>).standardError));
    expect(r.run).toMatchObject({ command: "estimate", method: "random-direction", samples: 4000, seed: 3 });
  });
  it("is reproducible for a seed, and takes every proposal", async () => {
    const args = ["estimate", "--inputs", "2", "--function", "0001", "--directions", "500", "--seed", "9", "--bootstrap", "0"];
    const a = await json(args);
    const b = await json(args);
    expect(a.estimate).toBe(b.estimate);
    for (const proposal of ["hessian", "fisher", "adam", "full"]) {
      const r = await json([...args, "--proposal", proposal]);
      expect(r.proposal).toBe(proposal);
      expect(Number.isFinite(r.estimate)).toBe(true);
    }
  });
  it("estimates a user's cone and a behavioural region, and prints text", async () => {
    const dir = freshDir();
    const file = join(dir, "cone.txt");
    writeFileSync(file, "# names: a, b\na - b > 0\nb > 0\n");
    const cone = await json(["estimate", "--constraints", file, "--directions", "2000", "--bootstrap", "0"]);
    expect(cone.exact).toMatchObject({ p: expect.closeTo(0.125, 12) });
    const beh = await json(["estimate", "--inputs", "2", "--epsilon", "0.05", "--reference", "2,2,-3", "--directions", "200", "--bootstrap", "0"]);
    expect(beh).toMatchObject({ epsilon: 0.05, reference: [2, 2, -3], anchorMethod: "reference" });
    expect(beh.exact).toBeUndefined();
    const text = await runCliAsync(["estimate", "--inputs", "2", "--function", "0111", "--directions", "300", "--format", "text"]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^perceptron n=2 f=0111\nrandom-direction \(gaussian, identity proposal, 300 directions\): \S+ {2}95% interval \[/);
    expect(text.stdout).toMatch(/\nexact 0\.04166/);
  });
  it("runs every registered rival by name: mc and gp-ep on a function, laplace and llc on a behavioural region", async () => {
    const fn = ["estimate", "--inputs", "3", "--function", "00010111", "--directions", "2000"];
    const mc = await json([...fn, "--estimator", "mc"]);
    expect(mc).toMatchObject({ estimator: "mc", proposal: null, directions: 2000 });
    expect((mc.ci as number[])[0]).toBeLessThanOrEqual(mc.estimate as number);
    const gp = await json([...fn, "--estimator", "gp-ep"]);
    // EP's |ln(EP/exact)| on n = 3 perceptrons is at most 0.101 (the rivals' tests).
    expect(Math.abs(Math.log((gp.estimate as number) / (gp.exact as { p: number }).p))).toBeLessThan(0.11);
    const beh = ["estimate", "--inputs", "3", "--function", "00010111", "--epsilon", "0.01", "--directions", "400"];
    const rd = await json([...beh, "--bootstrap", "0"]);
    const laplace = await json([...beh, "--estimator", "laplace"]);
    const llc = await json([...beh, "--estimator", "llc"]);
    expect((laplace.details as Record<string, unknown>).hessian).toBe("closed form");
    expect((llc.details as Record<string, number>).lambda).toBeCloseTo(2, 1);
    // Small ε: the quadratic model is close, so both land within 20% of the random-direction estimate.
    for (const r of [laplace, llc]) expect(Math.abs((r.estimate as number) / (rd.estimate as number) - 1)).toBeLessThan(0.2);
    const text = await runCliAsync([...fn, "--estimator", "mc", "--format", "text"]);
    expect(text.stdout).toMatch(/\nmc \(gaussian, 2000 directions\): /);
  });
  it("differentiates a net's cost through tfjs by default and in Float64 with --grad-engine float64, recording the engine", async () => {
    const args = ["estimate", "--arch", "step", "--layers", "2,2,1", "--function", "0110", "--proposal", "fisher", "--directions", "500", "--bootstrap", "0"];
    const t = await runCliAsync(args);
    expect(t.status).toBe(0);
    // The tensor module reports its backend once on stderr.
    expect(t.stderr).toMatch(/^weightspace: tensor backend (tensorflow|wasm|cpu)/);
    const viaTfjs = JSON.parse(t.stdout) as { estimate: number; details: Record<string, unknown> };
    expect(viaTfjs.details.derivatives).toMatch(/^tfjs-(tensorflow|wasm|cpu)$/);
    const viaFloat64 = await json([...args, "--grad-engine", "float64"]);
    expect((viaFloat64.details as Record<string, unknown>).derivatives).toBe("float64");
    // Same directions, preconditioners equal to float32 accuracy: the estimates nearly coincide.
    expect(Math.abs(viaTfjs.estimate / (viaFloat64.estimate as number) - 1)).toBeLessThan(1e-3);
    // Perceptrons keep closed forms: tfjs is not loaded (nothing on stderr) whatever the engine.
    const p = await json(["estimate", "--inputs", "2", "--function", "0001", "--proposal", "full", "--directions", "200", "--grad-engine", "tfjs"]);
    expect((p.details as Record<string, unknown>).derivatives).toBe("float64 (closed form)");
  });
  it("rejects bad input with one line and exit 2", async () => {
    const base = ["estimate", "--inputs", "2", "--function", "0001"];
    await expectUsageError([...base, "--grad-engine", "gpu"], /--grad-engine 'gpu' is unknown; allowed: tfjs, float64/);
    // Through tfjs too, an indefinite Hessian is one line: the backend's report waits for success.
    await expectUsageError(["estimate", "--arch", "step", "--layers", "2,2,1", "--function", "0110", "--proposal", "full"], /the Hessian is singular or not positive definite at the anchor: eigenvalue \S+ \(largest \S+\); use --proposal fisher/);
    await expectUsageError([...base, "--estimator", "mc", "--proposal", "full"], /--proposal does not apply: it applies to the random-direction estimator only, not mc/);
    await expectUsageError([...base, "--estimator", "gp-ep", "--bootstrap", "10"], /--bootstrap does not apply/);
    await expectUsageError([...base, "--estimator", "laplace"], /laplace needs a behavioural region/);
    await expectUsageError([...base, "--directions", "1"], /--directions must be an integer from 2 to/);
    await expectUsageError([...base, "--anchor", "1,1,1"], /--anchor: the anchor is not inside the region: it violates (-w1-b|-w2-b|-b)>0/);
    await expectUsageError([...base, "--anchor", "1,1"], /--anchor has 2 entries, expected 3 \(one per parameter: w1, w2, b\)/);
    await expectUsageError(["estimate", "--inputs", "2", "--function", "0110"], /not a threshold function/);
    await expectUsageError([...base, "--estimator", "magic"], /--estimator: unknown estimator 'magic'; allowed: random-direction/);
    await expectUsageError([...base, "--proposal", "newton"], /--proposal 'newton' is unknown; allowed: identity, hessian, fisher, adam, full/);
    await expectUsageError(["estimate", "--inputs", "2", "--epsilon", "0", "--reference", "1,1,1"], /--epsilon must be a finite number > 0/);
    await expectUsageError([...base, "--prior", "uniform", "--anchor", "0.5,0.5,-0.9", "--box-w", "1/4"], /outside the uniform prior's box/);
  });
});

describe("weightspace validate", () => {
  it("reports per function and in the summary: exact, mean, bias, RMSE, coverage, log error, cost", async () => {
    const r = await json(["validate", "--estimator", "random-direction", "--inputs", "2", "--functions", "0001,0111", "--directions", "200", "--repeats", "20", "--seed", "4"]);
    const rows = r.rows as Record<string, unknown>[];
    expect(rows.map((x) => x.function)).toEqual(["0001", "0111"]);
    for (const row of rows) {
      for (const field of ["exact", "meanEstimate", "relativeBias", "relativeRmse", "coverage", "meanLogError", "evaluations", "seconds", "directionsFor10Percent"]) expect(row).toHaveProperty(field);
      expect(row.repeats).toBe(20);
    }
    const s = r.summary as Record<string, unknown>;
    expect(s).toMatchObject({ functions: 2, estimator: "random-direction", proposal: "identity", prior: "gaussian", evaluations: 2 * 20 * 200 });
    expect(s.coverage as number).toBeGreaterThan(0.5);
    expect((s.rarest as Record<string, unknown>).function).toBe("0001");
  });
  it("records the derivatives' engine of a net's proposal per function and in the summary", async () => {
    const r = await runCliAsync(["validate", "--arch", "step", "--layers", "2,2,1", "--functions", "0110,0001", "--proposal", "hessian", "--directions", "100", "--repeats", "2", "--grad-engine", "float64"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { rows: Record<string, unknown>[]; summary: Record<string, unknown> };
    for (const row of out.rows) expect(row.derivatives).toBe("float64");
    expect(out.summary.derivatives).toBe("float64");
  });
  it("lists every realisable function with --functions all and prints markdown", async () => {
    const r = await runCliAsync(["validate", "--inputs", "2", "--directions", "50", "--repeats", "2", "--format", "markdown", "--prior", "uniform"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("| function | exact | mean | rel_bias | rel_rmse | coverage | log_error | K_10% | evaluations | seconds | star |");
    expect(lines.filter((l) => /^\| [01]{4} \|/.test(l))).toHaveLength(14);
    expect(r.stdout).toMatch(/\n- functions: 14\n/);
  });
  it("runs the rivals by name: mc within its intervals, gp-ep deterministic", async () => {
    const args = ["validate", "--inputs", "2", "--functions", "0001,0111", "--directions", "400", "--repeats", "20", "--seed", "2"];
    const mc = await json([...args, "--estimator", "mc"]);
    expect(mc.summary).toMatchObject({ estimator: "mc", proposal: null, functions: 2 });
    expect((mc.summary as Record<string, number>).coverage).toBeGreaterThan(0.8);
    const gp = await json([...args, "--estimator", "gp-ep"]);
    for (const row of gp.rows as Record<string, number>[]) {
      // The same number every repeat: RMSE = |bias|.
      expect(row.relativeRmse).toBeCloseTo(Math.abs(row.relativeBias), 12);
      expect(Math.abs(row.relativeBias)).toBeLessThan(0.05);
    }
    await expectUsageError([...args, "--estimator", "llc"], /0001: llc needs a behavioural region/);
  });
  it("rejects bad input with one line and exit 2", async () => {
    await expectUsageError(["validate", "--inputs", "2", "--repeats", "0"], /--repeats must be an integer from 1 to/);
    await expectUsageError(["validate", "--inputs", "2", "--directions", "1"], /--directions must be an integer from 2/);
    await expectUsageError(["validate", "--inputs", "2", "--functions", "0110"], /0110: .*not a threshold function/);
    await expectUsageError(["validate", "--inputs", "2", "--functions", "01"], /--functions '01'/);
    await expectUsageError(["validate", "--arch", "relu", "--layers", "2,2,1"], /--functions all needs an exact table/);
  });
});
