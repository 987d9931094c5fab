/**
 * The complete exact volume tables beyond the fixtures: n = 5 binary and signed, n = 6 signed, both
 * priors, one row per symmetry class (`--classes`). Checks, recomputed here from the rows rather than
 * read from the summary: orbits add up to the published count; Σ orbit·uniform = 1 exactly;
 * Σ orbit·gaussian = 1 within 1e-12; and spot values of the constant function against independent
 * closed forms:
 *   uniform (signed): P(b > Σ|w_i|) = 1/(2·(n+1)!) (a cross-polytope under the cube);
 *   uniform (binary): Σ_k C(n,k)·2^−n/(2·(k+1)!) (only the negative w_i constrain b);
 *   Gaussian: p_k = P(b > Σ_{i≤k}|w_i|) by Gil-Pelaez inversion of the characteristic function
 *   e^{−(k+1)t²/2}·(1 − i·erfi(t/√2))^k, evaluated with mpmath at 30 digits by
 *   test/reference/halfNormalSums.py (stored in halfNormalSums.json beside it);
 *   binary Gaussian = Σ_k C(n,k)·2^−n·p_k.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { add, mul, parse, rat, toFraction, ZERO, type Rational } from "../../src/geometry/rational.js";
import { readReference } from "../reference/readReference.js";
import { ensureBuilt, runCliAsync } from "./_helpers/runCli.js";

interface ClassRow {
  function: string;
  orbit: number;
  gaussian: { p: number; err: number; method: string; converged: boolean };
  uniform: { fraction: string; p: number };
}
interface ClassTable {
  rows: ClassRow[];
  summary: {
    functions: number;
    classes: number;
    gaussianTotal: number;
    gaussianTotalErr: number;
    gaussianConverged: boolean;
    uniformTotal: string;
  };
}

/** p_k = P(b > Σ_{i≤k}|w_i|) for independent standard normals, k = 0…6 (Gil-Pelaez, mpmath). */
const P_CONST = readReference<{ p: string[] }>("halfNormalSums.json").p.map(Number);

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - i + 1)) / i;
  return c;
}

function factorial(n: number): bigint {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  return f;
}

function constantUniform(n: number, encoding: "binary" | "signed"): Rational {
  if (encoding === "signed") return rat(1n, 2n * factorial(n + 1));
  let total = ZERO;
  for (let k = 0; k <= n; k++) total = add(total, rat(BigInt(binomial(n, k)), 2n ** BigInt(n) * 2n * factorial(k + 1)));
  return total;
}

function constantGaussian(n: number, encoding: "binary" | "signed"): number {
  if (encoding === "signed") return P_CONST[n];
  let total = 0;
  for (let k = 0; k <= n; k++) total += (binomial(n, k) * P_CONST[k]) / 2 ** n;
  return total;
}

const CASES = [
  { inputs: 5, encoding: "binary" as const, functions: 94572, prior: "both" },
  { inputs: 5, encoding: "signed" as const, functions: 94572, classes: 63, prior: "both" },
  { inputs: 6, encoding: "signed" as const, functions: 15028134, classes: 567, prior: "both" },
];

beforeAll(() => ensureBuilt());

describe("complete exact volume tables (per class)", () => {
  it.concurrent.each(CASES)(
    "n = $inputs $encoding, --prior $prior",
    async ({ inputs, encoding, functions, classes, prior }) => {
      const r = await runCliAsync([
        "table", "--inputs", String(inputs), "--encoding", encoding, "--prior", prior, "--classes", "--format", "json",
      ]);
      const gaussianToo = prior === "both";
      expect(r.status, r.stderr).toBe(0);
      const table = JSON.parse(r.stdout) as ClassTable;
      if (classes !== undefined) expect(table.rows.length).toBe(classes);

      let count = 0;
      let gaussian = 0;
      let uniform = ZERO;
      for (const row of table.rows) {
        count += row.orbit;
        if (gaussianToo) gaussian += row.orbit * row.gaussian.p;
        uniform = add(uniform, mul(rat(row.orbit), parse(row.uniform.fraction)));
      }
      expect(count).toBe(functions);
      expect(table.summary.functions).toBe(functions);
      expect(toFraction(uniform)).toBe("1/1");
      expect(table.summary.uniformTotal).toBe("1/1");
      if (gaussianToo) {
        expect(Math.abs(gaussian - 1)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(table.summary.gaussianTotal - 1)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(table.summary.gaussianTotal - 1)).toBeLessThanOrEqual(table.summary.gaussianTotalErr);
        expect(table.rows.filter((row) => !row.gaussian.converged).map((row) => row.function)).toEqual([]);
        expect(table.summary.gaussianConverged).toBe(true);
      }

      const constant = table.rows.find((row) => /^(0+|1+)$/.test(row.function));
      expect(constant).toBeDefined();
      expect(constant!.uniform.fraction).toBe(toFraction(constantUniform(inputs, encoding)));
      if (gaussianToo) {
        expect(Math.abs(constant!.gaussian.p - constantGaussian(inputs, encoding))).toBeLessThanOrEqual(
          constant!.gaussian.err + 1e-16,
        );
      }
    },
    300_000,
  );
});
