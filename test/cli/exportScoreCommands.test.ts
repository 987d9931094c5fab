import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { add, parse, ZERO, toFraction } from "../../src/geometry/rational.js";
import { ensureBuilt, expectUsageError, freshDir, listDir, removeFreshDirs, runCli, runCliAsync } from "./_helpers/runCli.js";

interface ExactFields {
  gaussian?: { p: number; err: number };
  uniform?: { fraction: string; p: number };
}
interface IndexFile {
  functions: { function: string; file: string; exact: ExactFields }[];
  parameters: string[];
}
interface RegionFile {
  function: string;
  parameters: string[];
  pieces: { rows: number[][]; inParameters: boolean; witness: number[] }[];
  anchor: number[];
  exact: ExactFields;
}

let truth = "";
let index: IndexFile;

beforeAll(() => {
  ensureBuilt();
  truth = join(freshDir(), "regions");
  const r = runCli(["export", "--inputs", "3", "--out", truth]);
  expect(r.status, r.stderr).toBe(0);
  index = JSON.parse(readFileSync(join(truth, "index.json"), "utf8")) as IndexFile;
});
afterAll(removeFreshDirs);

describe("weightspace export", () => {
  it("writes one file per realisable n = 3 function plus an index, with exact values that sum to 1", () => {
    expect(index.functions).toHaveLength(104);
    expect(listDir(truth)).toHaveLength(105);
    let uniform = ZERO;
    let gaussian = 0;
    let err = 0;
    for (const entry of index.functions) {
      uniform = add(uniform, parse(entry.exact.uniform?.fraction ?? "x"));
      gaussian += entry.exact.gaussian?.p ?? Number.NaN;
      err += entry.exact.gaussian?.err ?? Number.NaN;
    }
    expect(toFraction(uniform)).toBe("1/1");
    expect(Math.abs(gaussian - 1)).toBeLessThanOrEqual(err + 1e-15);
  });

  it("gives integer rows, parameter names and an anchor strictly inside every region (checked in integers)", () => {
    for (const entry of index.functions) {
      const region = JSON.parse(readFileSync(join(truth, entry.file), "utf8")) as RegionFile;
      expect(region.function).toBe(entry.function);
      expect(region.parameters).toEqual(["w1", "w2", "w3", "b"]);
      expect(region.exact).toEqual(entry.exact);
      expect(region.pieces).toHaveLength(1);
      for (const row of region.pieces[0].rows) {
        expect(row.every(Number.isInteger)).toBe(true);
        expect(row.reduce((s, a, k) => s + a * region.anchor[k], 0)).toBeGreaterThan(0);
      }
      // The anchor computes the function: output 1 iff w·x + b > 0 on row i (MSB-first bits).
      const table = Array.from({ length: 8 }, (_, i) => {
        const x = [(i >> 2) & 1, (i >> 1) & 1, i & 1];
        return x.reduce((s, v, k) => s + v * region.anchor[k], region.anchor[3]) > 0 ? "1" : "0";
      }).join("");
      expect(table).toBe(region.function);
    }
  });

  it("exports listed functions only, under one prior", async () => {
    const out = join(freshDir(), "two");
    const r = await runCliAsync(["export", "--inputs", "3", "--functions", "00010111,00000001", "--prior", "uniform", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(listDir(out)).toEqual(["00000001.json", "00010111.json", "index.json"]);
    const maj = JSON.parse(readFileSync(join(out, "00010111.json"), "utf8")) as RegionFile;
    expect(maj.exact).toEqual({ uniform: { fraction: "1/256", p: 1 / 256 } });
  });

  it("rejects unrealisable functions, --functions all without an enumeration and a non-empty folder (exit 2, nothing written)", async () => {
    await expectUsageError(["export", "--inputs", "2", "--functions", "0110"], /function 0110 is not realisable/);
    await expectUsageError(["export", "--arch", "relu", "--layers", "2,2,1"], /--functions all needs an enumeration/);
    await expectUsageError(["export", "--inputs", "2", "--functions", "01"], /--functions: '01'/);
    const r = await runCliAsync(["export", "--inputs", "2", "--out", truth]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not empty/);
    expect(listDir(truth)).toHaveLength(105);
  });
});

describe("weightspace score", () => {
  const write = (lines: object[]) => {
    const file = join(freshDir(), "estimates.jsonl");
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    return file;
  };

  it("scores exact estimates as perfect and known offsets as their bias, RMSE and log error", async () => {
    const [a, b] = index.functions;
    const pa = a.exact.gaussian?.p ?? Number.NaN;
    const pb = b.exact.gaussian?.p ?? Number.NaN;
    const file = write([
      { function: a.function, estimate: pa, ci: [pa / 2, pa * 2] },
      { function: b.function, estimate: pb * 1.1, ci: [pb * 1.05, pb * 1.2] },
      { function: b.function, estimate: pb * 0.9 },
    ]);
    const r = await runCliAsync(["score", "--truth", truth, "--estimates", file]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      prior: string;
      functions: { function: string; bias: number; relativeBias: number; relativeRmse: number; coverage: number | null; meanLogError: number }[];
      summary: { functions: number; estimates: number; coverage: number; intervals: number; unscored: number };
    };
    expect(out.prior).toBe("gaussian");
    const [sa, sb] = out.functions;
    expect(sa.bias).toBe(0);
    expect(sa.coverage).toBe(1);
    expect(sb.relativeBias).toBeCloseTo(0, 12);
    expect(sb.relativeRmse).toBeCloseTo(0.1, 12);
    expect(sb.coverage).toBe(0);
    expect(sb.meanLogError).toBeCloseTo((Math.log(1.1) + Math.log(0.9)) / 2, 12);
    expect(out.summary).toMatchObject({ functions: 2, estimates: 3, intervals: 2, coverage: 0.5, unscored: 102 });
  });

  it("rejects unknown functions and malformed lines (exit 2, one line, no output file)", async () => {
    await expectUsageError(["score", "--truth", truth, "--estimates", write([{ function: "0110", estimate: 0.1 }])], /line 1: function '0110' is not in the truth/);
    await expectUsageError(["score", "--truth", truth, "--estimates", write([{ function: "00000000", estimate: "x" }])], /"estimate" must be a finite number/);
    await expectUsageError(["score", "--truth", truth, "--estimates", write([{ function: "00000000", estimate: 0.2, ci: [0.3, 0.1] }])], /"ci" must be/);
    await expectUsageError(["score", "--truth", freshDir(), "--estimates", write([{ function: "00000000", estimate: 0.2 }])], /cannot read index.json/);
  });
});
