/**
 * Golden fixtures (Turf style): the CLI's JSON tables for n = 2 and n = 3, every variant, with
 * `--all`, stored in fixtures/perceptron/*.json and compared with a fresh run.
 *
 * Goldens are written only with REGEN=1; a missing one fails. Top-level metadata (tool, version) is
 * left out of the comparison. To regenerate after an intended change, run
 *     REGEN=1 npx vitest run test/cli/tableFixtures.test.ts
 * and review the diff of fixtures/perceptron/ before committing it.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateStrict } from "../arch/_helpers/bruteForce.js";
import { readGolden, REGEN, withoutMetadata } from "./_helpers/golden.js";
import { ensureBuilt, ROOT, runCli } from "./_helpers/runCli.js";
import type { Row } from "./_helpers/tableRow.js";

const DIR = join(ROOT, "fixtures/perceptron");
const SELF = "test/cli/tableFixtures.test.ts";

interface Table {
  arch: { inputs: number; bias: boolean; encoding: "binary" | "signed"; parameters: string[] };
  rows: Row[];
  summary: { functions: number; rows: number };
}

const FIXTURES = [2, 3].flatMap((n) =>
  (["binary", "signed"] as const).flatMap((encoding) =>
    [true, false].map((bias) => ({
      file: `table-n${n}-${encoding}-${bias ? "bias" : "nobias"}.json`,
      args: [
        "table",
        "--inputs",
        String(n),
        "--encoding",
        encoding,
        ...(bias ? [] : ["--no-bias"]),
        "--all",
        "--format",
        "json",
      ],
      n,
      encoding,
      bias,
    })),
  ),
);

const PUBLISHED: Record<string, number> = {
  "2 binary true": 14,
  "2 signed true": 14,
  "2 binary false": 6,
  "2 signed false": 4,
  "3 binary true": 104,
  "3 signed true": 104,
  "3 binary false": 32,
  "3 signed false": 14,
};

beforeAll(() => ensureBuilt());

describe.each(FIXTURES)("fixtures/perceptron/$file", ({ file, args, n, encoding, bias }) => {
  const path = join(DIR, file);

  it(REGEN ? "is regenerated (REGEN=1)" : "equals a fresh run of the CLI", () => {
    const r = runCli(args);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const golden = readGolden<object>(path, SELF, r.stdout);
    expect(withoutMetadata(JSON.parse(r.stdout) as object)).toEqual(withoutMetadata(golden));
  });

  it("is self-consistent: all 2^(2^n) functions, published count, witnesses realise their rows", () => {
    const t = readGolden<Table>(path, SELF);
    expect(t.arch).toMatchObject({ inputs: n, encoding, bias });
    expect(t.rows).toHaveLength(2 ** (2 ** n));
    expect(t.summary.functions).toBe(PUBLISHED[`${n} ${encoding} ${bias}`]);
    expect(t.rows.filter((r) => r.realizable)).toHaveLength(t.summary.functions);
    for (const row of t.rows) {
      if (!row.realizable) {
        expect(row.witness).toBeNull();
        continue;
      }
      let bits = 0n;
      for (let i = 0; i < row.function.length; i++) if (row.function[i] === "1") bits |= 1n << BigInt(i);
      expect(evaluateStrict({ inputs: n, bias, encoding }, row.witness!), row.function).toBe(bits);
      expect(row.constraints).toHaveLength(row.facets!);
      expect(row.facetRows).toHaveLength(row.facets!);
    }
    // Facets by adjacency inside the fixture itself: a row is a facet iff flipping it (with its
    // partner −x when signed without bias) gives a realisable row of the same table.
    const realisable = new Set(t.rows.filter((r) => r.realizable).map((r) => r.function));
    const rows = 2 ** n;
    for (const row of t.rows.filter((r) => r.realizable)) {
      const expected: number[] = [];
      for (let r = 0; r < rows; r++) {
        if (!bias && encoding === "binary" && r === 0) continue;
        const partner = !bias && encoding === "signed" ? rows - 1 - r : r;
        if (partner < r) continue;
        const chars = [...row.function];
        for (const q of new Set([r, partner])) chars[q] = chars[q] === "1" ? "0" : "1";
        if (realisable.has(chars.join(""))) expected.push(r);
      }
      expect(row.facetRows, row.function).toEqual(expected);
    }
  });
});

describe("the n = 2 fixture agrees with the hand table of issue 2", () => {
  // x, y, z = w1, w2, b; rows are the outputs on inputs 00, 01, 10, 11.
  const HAND: [string, string[] | "impossible"][] = [
    ["0001", ["x+y+z>0", "x+z<0", "y+z<0"]],
    ["0111", ["z<0", "x+z>0", "y+z>0"]],
    ["0011", ["z<0", "x+y+z>0", "x+z>0", "y+z<0"]],
    ["0110", "impossible"],
    ["1111", ["z>0", "x+z>0", "y+z>0", "x+y+z>0"]],
  ];
  const rename = (c: string) => c.replaceAll("x", "w1").replaceAll("y", "w2").replaceAll("z", "b");

  it.each(HAND)("%s", (fn, hand) => {
    const path = join(DIR, "table-n2-binary-bias.json");
    const row = readGolden<Table>(path, SELF).rows.find((r) => r.function === fn)!;
    if (hand === "impossible") {
      expect(row.realizable).toBe(false);
      return;
    }
    expect(row.realizable).toBe(true);
    expect(row.facets).toBe(hand.length);
    expect([...row.constraints].sort()).toEqual(hand.map(rename).sort());
  });
});
