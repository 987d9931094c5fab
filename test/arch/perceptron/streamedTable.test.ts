/**
 * The 6-input table path (functions walked NPN class by NPN class from the class list, symmetry
 * classes partitioned one NPN class at a time, the expansion streamed row by row) run below 6
 * inputs, against the catalogue tables those inputs normally use.
 */
import { describe, expect, it } from "vitest";
import { priorFor, type TableRow } from "../../../src/arch/architecture.js";
import { measureClass, measuredInProcess } from "../../../src/arch/classMeasures.js";
import { symmetryClassKey } from "../../../src/arch/perceptron/classKeys.js";
import { streamedFunctionSource } from "../../../src/arch/perceptron/functionSource.js";
import { perceptronArchitecture } from "../../../src/arch/perceptron/perceptronArchitecture.js";
import type { PerceptronSpec } from "../../../src/arch/perceptron/perceptronSpec.js";
import { functionTable } from "../../../src/arch/perceptron/perceptronTable.js";
import { formatWords, parseFunction } from "../../../src/boolean/truthTable.js";
import { wordsFromBigInt } from "../../../src/boolean/tableWords.js";
import { ONE } from "../../../src/geometry/rational.js";
import { gaussianPrior } from "../../../src/measure/gaussianPrior.js";
import { uniformPrior } from "../../../src/measure/uniformPrior.js";

type Row = TableRow & Record<string, unknown>;

function rowsOf(table: { forEachRow(visit: (row: TableRow) => void): void }): Row[] {
  const rows: Row[] = [];
  table.forEachRow((r) => rows.push(r as Row));
  return rows;
}

const byFunction = (rows: readonly Row[]) => [...rows].sort((a, b) => (a.function < b.function ? -1 : a.function > b.function ? 1 : 0));

describe("the streamed expansion (n = 6 path) below 6 inputs", () => {
  it("lists the catalogue's rows in the walk's order: same regions and witnesses, same exact uniform volumes, Gaussian within its errors, same totals (n = 4, both priors, both encodings)", () => {
    for (const encoding of ["binary", "signed"] as const) {
      const spec: PerceptronSpec = { inputs: 4, bias: true, encoding };
      const arch = perceptronArchitecture(spec);
      const unit = { weight: ONE, bias: ONE };
      const priors = [priorFor(arch, gaussianPrior, unit), priorFor(arch, uniformPrior, unit)];
      const options = { priors, all: false, classes: "none" as const };
      const catalogue = measuredInProcess(functionTable(spec, options));
      const streamed = measuredInProcess(functionTable(spec, options, streamedFunctionSource));
      const listed = rowsOf(catalogue);
      const walked = rowsOf(streamed);
      // The walk's order: NPN class by NPN class, as the source visits them.
      const order: string[] = [];
      streamedFunctionSource(spec).forEach((t) => order.push(formatWords(t, 4)));
      expect(walked.map((r) => r.function)).toEqual(order);
      const sorted = byFunction(walked);
      expect(sorted).toHaveLength(1882);
      sorted.forEach((row, k) => {
        const want = listed[k];
        const { gaussian, ...rest } = row as Row & { gaussian: { p: number; err: number } };
        const { gaussian: wantGaussian, ...wantRest } = want as Row & { gaussian: { p: number; err: number } };
        expect(rest).toEqual(wantRest);
        expect(Math.abs(gaussian.p - wantGaussian.p)).toBeLessThanOrEqual(gaussian.err + wantGaussian.err);
      });
      const a = streamed.summary() as Record<string, unknown>;
      const b = catalogue.summary() as Record<string, unknown>;
      expect(a.uniformTotal).toBe("1/1");
      expect(a.uniformTotal).toBe(b.uniformTotal);
      expect(Math.abs(Number(a.gaussianTotal) - 1)).toBeLessThanOrEqual(Number(a.gaussianTotalErr));
      expect({ ...a, gaussianTotal: 0, gaussianTotalErr: 0, order: "" }).toEqual({ ...b, gaussianTotal: 0, gaussianTotalErr: 0, order: "" });
      expect(a.order).toBe("class by class");
    }
  });

  it("lists the same functions with the same regions as the catalogue, and the same symmetry classes with the same orbits (n = 5 binary, no prior)", () => {
    const spec: PerceptronSpec = { inputs: 5, bias: true, encoding: "binary" };
    const options = { priors: [], all: false, classes: "none" as const };
    const listed = rowsOf(measuredInProcess(functionTable(spec, options)));
    const walked = rowsOf(measuredInProcess(functionTable(spec, options, streamedFunctionSource)));
    expect(byFunction(walked)).toEqual(listed);
    const classes = { ...options, classes: "symmetry" as const };
    const key = symmetryClassKey(spec);
    const orbits = (rows: readonly Row[]) =>
      new Map(rows.map((r) => [key(wordsFromBigInt(parseFunction(r.function, 5).bits, 5)), r.orbit]));
    const listedClasses = rowsOf(measuredInProcess(functionTable(spec, classes)));
    const walkedClasses = rowsOf(measuredInProcess(functionTable(spec, classes, streamedFunctionSource)));
    expect(walkedClasses).toHaveLength(860);
    expect(orbits(walkedClasses)).toEqual(orbits(listedClasses));
  });

  it("split into class ranges (as shards measure them), gives each row once with its index in the whole table (n = 4 binary, uniform)", () => {
    const spec: PerceptronSpec = { inputs: 4, bias: true, encoding: "binary" };
    const arch = perceptronArchitecture(spec);
    const priors = [priorFor(arch, uniformPrior, { weight: ONE, bias: ONE })];
    const classed = functionTable(spec, { priors, all: false, classes: "none" }, streamedFunctionSource);
    const classes = classed.classes();
    const measures = classes.map((c) => measureClass(priors, c.rows));
    const whole: string[] = [];
    classed.forEachRow((k) => measures[k], (row, i, k) => whole.push(`${i} ${k} ${JSON.stringify(row)}`));
    expect(whole).toHaveLength(1882);
    const cuts = [0, 7, Math.floor(classes.length / 2), classes.length];
    const parts: string[] = [];
    for (let j = 0; j + 1 < cuts.length; j++) {
      const mine = (k: number) => (k >= cuts[j] && k < cuts[j + 1] ? measures[k] : undefined);
      classed.forEachRow(mine, (row, i, k) => parts.push(`${i} ${k} ${JSON.stringify(row)}`));
    }
    const index = (line: string) => Number(line.slice(0, line.indexOf(" ")));
    expect(parts.sort((a, b) => index(a) - index(b))).toEqual(whole);
  });
});
