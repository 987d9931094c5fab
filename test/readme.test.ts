/**
 * The README's command-line examples are what the built CLI prints today (regenerate them with
 * `npm run build && node scripts/readmeExamples.mjs`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { examples, runExample } from "../scripts/readmeExamples.mjs";
import { ensureBuilt, ROOT } from "./cli/_helpers/runCli.js";

const text = readFileSync(join(ROOT, "README.md"), "utf8");
const blocks = examples(text) as { args: string; shown: string }[];

beforeAll(() => ensureBuilt());

describe("README examples", () => {
  it("has command-line examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });
  it.each(blocks)("weightspace $args prints what the README shows", ({ args, shown }) => {
    expect(runExample(args)).toBe(shown);
  });
});
