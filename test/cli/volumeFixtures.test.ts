/**
 * Golden fixtures of the exact volume tables: `table --prior both --format json` for n = 0 … 4,
 * binary and signed, stored in fixtures/volumes/*.json and compared with a fresh run: everything
 * exactly, except Gaussian probabilities, which must agree within their stated error (the float
 * method is deterministic, but the comparison should not hinge on the last bit).
 *
 * Goldens are written only with REGEN=1; a missing one fails. To regenerate after an intended
 * change, run
 *     REGEN=1 npx vitest run test/cli/volumeFixtures.test.ts
 * and review the diff of fixtures/volumes/ before committing it. Only rows are compared, so the
 * header (arch, tool, version) and the summary wording may change without a new golden.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readGolden } from "./_helpers/golden.js";
import { ensureBuilt, ROOT, runCliAsync } from "./_helpers/runCli.js";

const DIR = join(ROOT, "fixtures/volumes");
const SELF = "test/cli/volumeFixtures.test.ts";

interface Row {
  function: string;
  gaussian: { p: number; err: number; method: string };
  uniform: { fraction: string; p: number };
  [k: string]: unknown;
}
interface Table {
  rows: Row[];
  summary: { functions: number; gaussianTotal: number; gaussianTotalErr: number; uniformTotal: string };
}

const CASES = [0, 1, 2, 3, 4].flatMap((n) =>
  (["binary", "signed"] as const).map((encoding) => ({
    file: `table-n${n}-${encoding}-volumes.json`,
    args: ["table", "--inputs", String(n), "--encoding", encoding, "--prior", "both", "--format", "json"],
  })),
);

beforeAll(() => ensureBuilt());

describe("exact volume tables match the golden fixtures", () => {
  it.concurrent.each(CASES)("$file", async ({ file, args }) => {
    const r = await runCliAsync(args);
    expect(r.status, r.stderr).toBe(0);
    const fresh = JSON.parse(r.stdout) as Table;
    const golden = readGolden<Table>(join(DIR, file), SELF, `${JSON.stringify(fresh, null, 1)}\n`);
    expect(fresh.rows.length).toBe(golden.rows.length);
    fresh.rows.forEach((row, i) => {
      const want = golden.rows[i];
      const { gaussian, ...rest } = row;
      const { gaussian: wantGaussian, ...wantRest } = want;
      expect(rest).toEqual(wantRest);
      expect(gaussian.method).toBe(wantGaussian.method);
      expect(Math.abs(gaussian.p - wantGaussian.p)).toBeLessThanOrEqual(
        gaussian.err + wantGaussian.err + 1e-15,
      );
    });
    // The global checks: exact uniform total, Gaussian total within 1e-12 and within its error.
    expect(fresh.summary.uniformTotal).toBe("1/1");
    expect(Math.abs(fresh.summary.gaussianTotal - 1)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(fresh.summary.gaussianTotal - 1)).toBeLessThanOrEqual(
      fresh.summary.gaussianTotalErr + 1e-15,
    );
  });
});
