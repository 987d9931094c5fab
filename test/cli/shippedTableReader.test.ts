/**
 * `table` prints a shipped table (shippedTable.ts) instead of measuring it: a 4-input signed table by
 * NPN class, computed here and shipped in a folder of the test's own (WEIGHTSPACE_DATA_DIR).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDir, removeFreshDirs, runCliAsync } from "./_helpers/runCli.js";

const TABLE = ["table", "--inputs", "4", "--encoding", "signed", "--prior", "both", "--classes", "npn"];
let dir = "";
let computed = "";

beforeAll(async () => {
  dir = freshDir();
  const r = await runCliAsync([...TABLE, "--format", "jsonl"]);
  expect(r.status).toBe(0);
  computed = r.stdout;
});
afterAll(removeFreshDirs);

/** Ships `text` as the 4-input signed table and runs `table` with these extra arguments. */
async function shippedRun(text: string, extra: string[]) {
  writeFileSync(join(dir, "perceptron-4-signed.jsonl.gz"), gzipSync(text));
  return runCliAsync([...TABLE, ...extra], undefined, { WEIGHTSPACE_DATA_DIR: dir });
}

describe("table with a shipped table", () => {
  it("prints the shipped file in every format exactly as the computed table", async () => {
    for (const format of ["jsonl", "csv", "json"]) {
      const fresh = await runCliAsync([...TABLE, "--format", format]);
      const read = await shippedRun(computed, ["--format", format]);
      expect(read.status).toBe(0);
      expect(read.stderr).toContain("perceptron-4-signed.jsonl.gz");
      expect(read.stdout).toBe(fresh.stdout);
    }
  });

  it("reads the file rather than measuring: a changed value is printed as shipped", async () => {
    const changed = computed.replace('"uniform":{"fraction":"1/240"', '"uniform":{"fraction":"2/480"');
    expect(changed).not.toBe(computed);
    const read = await shippedRun(changed, ["--format", "jsonl", "--out", join(dir, "out.jsonl")]);
    expect(read.status).toBe(0);
    expect(readFileSync(join(dir, "out.jsonl"), "utf8")).toBe(changed);
  });

  it("measures instead with --recompute, other prior scales, or one prior", async () => {
    const changed = computed.replace('"uniform":{"fraction":"1/240"', '"uniform":{"fraction":"2/480"');
    for (const extra of [["--recompute"], ["--sigma-w", "2"]]) {
      const r = await shippedRun(changed, ["--format", "jsonl", ...extra]);
      expect(r.status).toBe(0);
      expect(r.stderr).not.toContain("perceptron-4-signed.jsonl.gz");
      expect(r.stdout).not.toBe(changed);
    }
    const recomputed = await shippedRun(changed, ["--format", "jsonl", "--recompute"]);
    expect(recomputed.stdout).toBe(computed);
    const gaussian = await runCliAsync(["table", "--inputs", "4", "--encoding", "signed", "--prior", "gaussian", "--classes", "npn"], undefined, {
      WEIGHTSPACE_DATA_DIR: dir,
    });
    expect(gaussian.status).toBe(0);
    expect(gaussian.stderr).not.toContain("perceptron-4-signed.jsonl.gz");
  });
});
