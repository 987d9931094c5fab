import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freshDir, listDir, removeFreshDirs, runCli } from "./_helpers/runCli.js";
import type { Row } from "./_helpers/tableRow.js";

afterAll(() => removeFreshDirs());

beforeAll(() => ensureBuilt());

interface Table {
  arch: Record<string, unknown>;
  rows: Row[];
  summary: Record<string, unknown> & { functions: number };
}

function tableJson(args: string[]): Table {
  const r = runCli(["table", ...args, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Table;
}

describe("table --format json", () => {
  it("is one object { arch, rows, summary } with summary.functions", () => {
    const t = tableJson(["--inputs", "2"]);
    expect(Object.keys(t).sort()).toEqual(["arch", "rows", "summary"]);
    expect(t.arch).toMatchObject({
      type: "perceptron",
      inputs: 2,
      bias: true,
      encoding: "binary",
      parameters: ["w1", "w2", "b"],
    });
    expect(t.summary.functions).toBe(14);
    expect(t.summary.publishedCount).toBe(14);
    expect(t.rows).toHaveLength(14);
    for (const row of t.rows) {
      expect(row.realizable).toBe(true);
      expect(row.function).toMatch(/^[01]{4}$/);
      expect(row.facets).toBe(row.constraints.length);
      expect(row.witness).toHaveLength(3);
      expect(row.witness!.every(Number.isInteger)).toBe(true);
    }
    const and = t.rows.find((r) => r.function === "0001")!;
    expect(and).toMatchObject({ name: "AND", facets: 3, constraints: ["w2+b<0", "w1+b<0", "w1+w2+b>0"] });
  });

  it("lists rows in truth-table string order; --all adds the unrealisable ones", () => {
    const t = tableJson(["--inputs", "2", "--all"]);
    expect(t.rows.map((r) => r.function)).toEqual(
      Array.from({ length: 16 }, (_, k) => k.toString(2).padStart(4, "0")),
    );
    const xor = t.rows.find((r) => r.function === "0110")!;
    expect(xor).toMatchObject({
      name: "XOR",
      realizable: false,
      facets: null,
      constraints: [],
      witness: null,
    });
    expect(t.summary.functions).toBe(14);
    expect(t.summary.rows).toBe(16);
  });

  it("counts the published functions for every variant (n = 4; smaller n in the fixtures and library tests)", () => {
    const expected: Record<string, number> = {
      "binary bias": 1882,
      "signed bias": 1882,
      "binary no-bias": 370,
      "signed no-bias": 104,
    };
    for (const [variant, count] of Object.entries(expected)) {
      const [encoding, bias] = variant.split(" ");
      const t = tableJson([
        "--inputs",
        "4",
        "--encoding",
        encoding,
        ...(bias === "no-bias" ? ["--no-bias"] : []),
      ]);
      expect(t.summary.functions, variant).toBe(count);
      expect(t.summary.publishedCount, variant).toBe(count);
      expect(t.rows).toHaveLength(count);
    }
  });

  it("--classes: one row per class with its orbit; the orbits sum to summary.functions", () => {
    for (const args of [
      ["--inputs", "3"],
      ["--inputs", "4", "--encoding", "signed"],
      ["--inputs", "3", "--no-bias"],
    ]) {
      const t = tableJson([...args, "--classes"]);
      expect(t.rows.length).toBe(t.summary.classes);
      expect(t.rows.reduce((s, r) => s + r.orbit!, 0)).toBe(t.summary.functions);
    }
    expect(tableJson(["--inputs", "4", "--encoding", "signed", "--classes"]).summary.classes).toBe(15);
  });

  it("--classes at 5 inputs (signed): the 63 NPN classes, orbits summing to 94,572", () => {
    const t = tableJson(["--inputs", "5", "--encoding", "signed", "--classes"]);
    expect(t.summary.classes).toBe(63);
    expect(t.rows).toHaveLength(63);
    expect(t.rows.reduce((s, r) => s + r.orbit!, 0)).toBe(94572);
    expect(t.summary.functions).toBe(94572);
  });

  it("at 7 inputs: the 14,755 NPN classes with orbits summing to 8,378,070,864, witnesses that realise them", () => {
    const t = tableJson(["--inputs", "7", "--encoding", "signed"]);
    expect(t.summary).toMatchObject({
      functions: 8378070864,
      publishedCount: 8378070864,
      classes: 14755,
      publishedClasses: 14755,
      rows: 14755,
    });
    expect(t.rows).toHaveLength(14755);
    expect(t.rows.reduce((s, r) => s + r.orbit!, 0)).toBe(8378070864);
    expect(t.arch).toMatchObject({ inputs: 7, parameters: ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "b"] });
    for (const row of t.rows.filter((_, k) => k % 101 === 0)) {
      // Signed inputs: output 1 iff Σ w_i x_i + b > 0 with x_i = ±1 (bit 0 ↦ −1).
      const w = row.witness!;
      for (let r = 0; r < 128; r++) {
        let s = w[7];
        for (let i = 0; i < 7; i++) s += ((r >> (6 - i)) & 1 ? 1 : -1) * w[i];
        expect(s > 0 ? "1" : "0").toBe(row.function[r]);
      }
      expect(row.constraints).toHaveLength(row.facets!);
    }
  });
});

describe("table: other formats", () => {
  it("jsonl has one row object per line, then a final {summary} line with the run's settings", () => {
    const r = runCli(["table", "--inputs", "3", "--format", "jsonl"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(105);
    for (const line of lines.slice(0, 104)) expect(JSON.parse(line)).toHaveProperty("function");
    const { summary } = JSON.parse(lines[104]);
    expect(summary.functions).toBe(104);
    expect(summary.run).toMatchObject({ tool: "weightspace", command: "table", method: "exact" });
    expect(summary.run.arch).toMatchObject({ type: "perceptron", inputs: 3, encoding: "binary", bias: true });
  });

  it("csv has a header and one line per function, quoting cells with commas", () => {
    const r = runCli(["table", "--inputs", "2", "--format", "csv"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n").filter((l) => !l.startsWith("#"));
    expect(lines[0]).toBe("function,name,facets,witness,constraints");
    expect(lines).toHaveLength(15);
    expect(r.stdout).toMatch(/\n# functions: 14\n/);
    expect(lines).toContain('0001,AND,3,2 2 -3,"w2+b<0, w1+b<0, w1+w2+b>0"');
  });

  it("markdown is a pipe table", () => {
    const r = runCli(["table", "--inputs", "2", "--format", "markdown"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("| function | name | facets | witness | constraints |");
    expect(lines[1]).toMatch(/^\|(---\|)+$/);
    expect(r.stdout).toContain("| 0001 | AND | 3 |");
  });

  it("text (the default) is a readable table with 'impossible' rows under --all", () => {
    const r = runCli(["table", "--inputs", "2", "--all"]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^function\s+name\s+facets\s+witness\s+constraints$/);
    expect(r.stdout).toMatch(/^0110\s+XOR\s+impossible$/m);
    expect(r.stdout).toMatch(/^0001\s+AND\s+3\s+.*w2\+b<0, w1\+b<0, w1\+w2\+b>0$/m);
    expect(r.stdout).toContain("# functions: 14");
  });
});

describe("table --out", () => {
  it("writes the file (same content as stdout), prints nothing, leaves no partial file", () => {
    const dir = freshDir();
    const file = join(dir, "t.json");
    const r = runCli(["table", "--inputs", "3", "--format", "json", "--out", file], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(existsSync(file)).toBe(true);
    expect(listDir(dir)).toEqual(["t.json"]);
    expect(readFileSync(file, "utf8")).toBe(runCli(["table", "--inputs", "3", "--format", "json"]).stdout);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("table --classes npn", () => {
  it("lists the NPN classes with orbits; with a prior (signed) Σ orbit·uniform = 1 exactly", () => {
    const r = runCli(["table", "--inputs", "4", "--encoding", "signed", "--classes", "npn", "--prior", "uniform", "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t.rows).toHaveLength(15);
    expect(t.rows.reduce((s: number, row: { orbit: number }) => s + row.orbit, 0)).toBe(1882);
    expect(t.summary.uniformTotal).toBe("1/1");
    expect(t.summary.certification).toMatch(/closed under facet flips/);
  });

  it("refuses a prior in the binary encoding, where NPN maps do not preserve it", () => {
    const r = runCli(["table", "--inputs", "3", "--classes", "npn", "--prior", "gaussian"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/not constant on NPN classes in the binary encoding/);
  });

  it("refuses 8 inputs up front, with or without priors (single functions of 8 inputs: volume)", () => {
    for (const args of [["--encoding", "signed", "--prior", "both"], ["--classes", "npn"]]) {
      const r = runCli(["table", "--inputs", "8", ...args]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/tables list functions or classes for inputs 0 to 7, got 8; .*\(volume\)\n$/);
    }
  });
});
