/**
 * README's "What the exact tables say" is the output of scripts/biasFindings.mjs for the committed
 * summaries in docs/plots/ (regenerate with `node scripts/biasFindings.mjs`), and those summaries
 * are whole: exact uniform P(T = t) summing to 1.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { committedSummaries, count, END, findingsMarkdown, START } from "../scripts/biasFindings.mjs";
import { add, parse, toString, ZERO } from "../src/geometry/rational.js";
import { ROOT } from "./cli/_helpers/runCli.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
type Summary = {
  functions: number;
  entropyBias: Record<string, { fraction?: string; functions: number; hits?: number }[]>;
  sampled?: { samples: number };
};
const summaries = committedSummaries() as { dir: string; summary: Summary }[];

describe("README findings", () => {
  it("the block between the markers is the script's output for the committed summaries", () => {
    const block = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(block).toBe(findingsMarkdown(summaries));
  });

  it("the n = 5 binary summary is committed and whole (exact P(T = t) sums to 1, counts to the functions)", () => {
    expect(summaries.map((s) => s.dir)).toContain("n5-binary");
    for (const { summary } of summaries) {
      // A Monte Carlo summary: P(T = t) counts every sample.
      if (summary.sampled) {
        const gaussian = summary.entropyBias.gaussian;
        expect(gaussian.reduce((s, e) => s + e.hits!, 0)).toBe(summary.sampled.samples);
        continue;
      }
      const uniform = summary.entropyBias.uniform;
      expect(toString(uniform.reduce((s, e) => add(s, parse(e.fraction!)), ZERO))).toBe("1");
      expect(uniform.reduce((s, e) => s + e.functions, 0)).toBe(summary.functions);
    }
  });

  it("every image the README shows is committed", () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(5);
    for (const path of images) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });

  it("counts read as English", () => {
    expect(count(1, "function")).toBe("1 function");
    expect(count(94572, "function")).toBe("94,572 functions");
    expect(count(1, "symmetry class", "symmetry classes")).toBe("1 symmetry class");
    expect(readme).not.toMatch(/\b1 (functions|classes|measures)\b/);
  });
});
