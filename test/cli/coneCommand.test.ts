import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseFunction } from "../../src/arch/perceptron/analyseFunction.js";
import { coneRows, type PerceptronSpec, parameterNames } from "../../src/arch/perceptron/perceptronSpec.js";
import { formatFunction, valueAt } from "../../src/boolean/truthTable.js";
import { describeOpenCone } from "../../src/geometry/describeOpenCone.js";
import { formatConstraints } from "../../src/geometry/formatLinearForm.js";
import { parseConstraints } from "../../src/geometry/parseConstraints.js";
import { rat } from "../../src/geometry/rational.js";
import { gaussianPrior } from "../../src/measure/gaussianPrior.js";
import { measureOpenCone } from "../../src/measure/measureOpenCone.js";
import { uniformPrior } from "../../src/measure/uniformPrior.js";
import { CLI, type CliResult, ensureBuilt, freshDir, listDir, removeFreshDirs, runCli } from "./_helpers/runCli.js";

afterAll(() => removeFreshDirs());
beforeAll(() => ensureBuilt());

interface Gaussian {
  p: number;
  err: number;
  method: string;
  converged: boolean;
}
interface Uniform {
  fraction: string;
  p: number;
}
interface Mc {
  p: number;
  ci: [number, number];
  hits: number;
  samples: number;
  method: string;
  seed: number;
}
type ConeJson = Record<string, unknown> & { gaussian: Gaussian; uniform: Uniform };

/** Runs the CLI with `input` on stdin. */
function runWithInput(args: string[], input: string): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `cone` on `input` (stdin), expecting success and one JSON line. */
function cone(input: string, args: string[] = []): ConeJson {
  const r = runWithInput(["cone", "--constraints", "-", ...args], input);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout.trimEnd().split("\n")).toHaveLength(1);
  return JSON.parse(r.stdout);
}

const SPEC: PerceptronSpec = { inputs: 3, bias: true, encoding: "binary" };
const NAMES = parameterNames(SPEC);

/** Every n = 3 perceptron function with bias: its bits, all 8 cone rows, and the volume region. */
const FUNCTIONS = Array.from({ length: 256 }, (_, bits) => {
  const f = { n: 3, bits: BigInt(bits) };
  return { f, region: analyseFunction(SPEC, f) };
}).filter(({ region }) => region.realizable);

describe("cone agrees with volume on every n = 3 perceptron function with bias", () => {
  it("there are 104 of them (OEIS A000609)", () => {
    expect(FUNCTIONS).toHaveLength(104);
  });

  it("library path (parse all 8 rows → facets → measure) equals volume's, for all 104", () => {
    const ones = NAMES.map(() => rat(1));
    let worst = 0;
    for (const { f, region } of FUNCTIONS) {
      const rows = coneRows(SPEC, (r) => valueAt(f, r));
      const system = parseConstraints(formatConstraints(rows, NAMES));
      expect(system.names).toEqual(NAMES);
      const shape = describeOpenCone(system.rows, NAMES.length);
      expect(shape.empty).toBe(false);
      if (shape.empty) continue;
      const facetRows = shape.facets.map((i) => system.rows[i]);
      expect(facetRows.map(String).sort()).toEqual(region.facetVectors.map(String).sort());
      const v = {
        gaussian: gaussianPrior.measureCone(region.facetVectors, ones),
        uniform: uniformPrior.measureCone(region.facetVectors, ones),
      };
      const g = measureOpenCone(facetRows, { family: gaussianPrior, scales: ones });
      const u = measureOpenCone(facetRows, { family: uniformPrior, scales: ones });
      expect(u.fraction).toBe(v.uniform!.fraction);
      const diff = Math.abs(g.p - v.gaussian!.p);
      const err = g.err + v.gaussian!.err;
      expect(diff).toBeLessThanOrEqual(err);
      if (diff > 0) worst = Math.max(worst, diff / err);
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it("CLI: cone on the region's own constraint strings equals `volume --prior both` (a handful)", () => {
    const picks = ["00000000", "00000001", "00010111", "01111111", "00110111", "11001000"];
    for (const bits of picks) {
      const entry = FUNCTIONS.find(({ f }) => formatFunction(f) === bits)!;
      const v = runCli(["volume", "--inputs", "3", "--function", bits, "--prior", "both", "--format", "json"]);
      expect(v.status).toBe(0);
      const vol = JSON.parse(v.stdout) as ConeJson & { constraints: string[] };
      // The table's strings use '<0' for zeros of f; the header keeps w1, w2, w3, b in order.
      const c = cone(`# names: ${NAMES.join(",")}\n${entry.region.constraints!.join("\n")}\n`);
      expect(c.facets).toBe(vol.facets);
      expect(c.dimension).toBe(4);
      expect(c.uniform.fraction).toBe(vol.uniform.fraction);
      expect(Math.abs(c.gaussian.p - vol.gaussian.p)).toBeLessThanOrEqual(c.gaussian.err + vol.gaussian.err);
    }
  });
});

describe("cone: known values", () => {
  it("orthants: 2^-d under both priors (text d = 3, JSON d = 5)", () => {
    const c3 = cone("a > 0\nb>0\n  c>0\n");
    expect(c3).toMatchObject({ dimension: 3, facets: 3, constraints: ["a>0", "b>0", "c>0"], empty: false, pointed: true });
    expect(Math.abs(c3.gaussian.p - 1 / 8)).toBeLessThanOrEqual(c3.gaussian.err + 1e-15);
    expect(c3.uniform).toEqual({ fraction: "1/8", p: 0.125 });
    const eye = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => (i === j ? 1 : 0)));
    const c5 = cone(JSON.stringify({ rows: eye }));
    expect(c5.names).toEqual(["x1", "x2", "x3", "x4", "x5"]);
    expect(Math.abs(c5.gaussian.p - 1 / 32)).toBeLessThanOrEqual(c5.gaussian.err + 1e-15);
    expect(c5.uniform.fraction).toBe("1/32");
  });

  it("an empty cone (lower-dimensional closure) has p = 0 and says so", () => {
    const c = cone("x1 - x2 > 0\nx2 - x1 > 0\n");
    expect(c).toMatchObject({ empty: true, fullDimensional: false, facets: 0, constraints: [] });
    expect(c.gaussian).toEqual({ p: 0, err: 0, method: "empty", converged: true });
    expect(c.uniform).toEqual({ fraction: "0/1", p: 0 });
    const text = runWithInput(["cone", "--constraints", "-", "--format", "text"], "x1 - x2 > 0\nx2 - x1 > 0\n");
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/empty/);
    expect(text.stdout).toMatch(/note: the open cone is empty/);
  });

  it("a cone that is not pointed (one row in d = 3) has p = 1/2 under both priors, any scales", () => {
    const c = cone("x1 + 2 x2 - x3 > 0\n", ["--sigma", "1,1/3,2", "--box", "0.5,3,1e-3"]);
    expect(c).toMatchObject({ pointed: false, linealityDimension: 2, sigma: ["1", "1/3", "2"], box: ["1/2", "3", "1/1000"] });
    expect(Math.abs(c.gaussian.p - 0.5)).toBeLessThanOrEqual(c.gaussian.err + 1e-15);
    expect(c.uniform.fraction).toBe("1/2");
  });

  it("no rows: p = 1", () => {
    const c = cone('{"rows": [], "names": ["a", "b", "c"]}');
    expect(c).toMatchObject({ dimension: 3, facets: 0, empty: false, linealityDimension: 3 });
    expect(Math.abs(c.gaussian.p - 1)).toBeLessThanOrEqual(c.gaussian.err + 1e-15);
    expect(c.uniform.fraction).toBe("1/1");
    expect(cone("# names: a b", ["--prior", "uniform"])).not.toHaveProperty("gaussian");
  });

  it("reads a file and writes --out only on success, nothing to stdout", () => {
    const dir = freshDir();
    writeFileSync(join(dir, "c.txt"), "w1 > 0\nw1 + w2 > 0\nw2 > 0\n");
    const r = runCli(["cone", "--constraints", join(dir, "c.txt"), "--out", join(dir, "o.json"), "--prior", "gaussian"]);
    expect(r).toMatchObject({ status: 0, stdout: "", stderr: "" });
    const c = JSON.parse(readFileSync(join(dir, "o.json"), "utf8"));
    expect(c).toMatchObject({ facets: 2, redundant: 1, inputRows: 3 });
    expect(Math.abs(c.gaussian.p - 0.25)).toBeLessThanOrEqual(c.gaussian.err + 1e-15);
  });
});

describe("cone --format text and big integers", () => {
  it("prints dimension, facets, the constraints one a line, and each prior's p", () => {
    const r = runWithInput(["cone", "--constraints", "-", "--format", "text"], "# names: w, b\nw > 0\nw + b > 0\n2w + b > 0\n");
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("cone in R^2 (w, b): 2 facets of 3 constraints (1 redundant)");
    expect(lines.slice(1, 3)).toEqual(["  w>0", "  w+b>0"]);
    expect(lines).toContain("uniform (box 1,1): p = 3/8 = 3.75e-1 (exact rational)");
    // The wedge between the rays (0, 1) and (1, −1) spans 135°, so p = 3/8 under the Gaussian too.
    const g = lines.map((l) => /^gaussian \(sigma 1,1\): p = (\S+) ± (\S+) \(numerical, \S+\)$/.exec(l)).find((m) => m !== null);
    expect(g).toBeDefined();
    expect(Math.abs(Number(g![1]) - 0.375)).toBeLessThanOrEqual(Number(g![2]) + 1e-15);
  });

  it("keeps integers beyond 2^53 exact, as decimal strings in JSON", () => {
    const c = cone('{"rows": [["123456789012345678901", 1], [0, 1]]}');
    expect(c.rows).toEqual([["123456789012345678901", 1], [0, 1]]);
    expect(c.constraints).toEqual(["123456789012345678901*x1+x2>0", "x2>0"]);
    expect(c.uniform.fraction).toBe("246913578024691357803/987654312098765431208");
  });
});

describe("cone --method mc", () => {
  it("lies within 5 standard errors of the exact value", () => {
    // Seeded, so deterministic; for a fresh seed a 5σ miss has probability ≈ 5.7e-7 per comparison.
    const input = "# names: w1, w2, w3, b\nw1+w2>0\n2*w1 - w3 + b > 0\nw1 - 2 w2 > 0\n";
    const scales = ["--sigma", "1,2,1/3,1e-1", "--box", "1,1,2,1/2"];
    const exact = cone(input, scales);
    const mc = cone(input, [...scales, "--method", "mc", "--samples", "2e5", "--seed", "7"]);
    expect(mc.method).toBe("mc");
    for (const kind of ["gaussian", "uniform"] as const) {
      const m = mc[kind] as unknown as Mc;
      expect(m).toMatchObject({ samples: 200000, seed: 7, method: "mc" });
      expect(m.p).toBe(m.hits / m.samples);
      const p = exact[kind].p;
      expect(Math.abs(m.p - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / m.samples));
    }
  });
});

describe("cone: bad input is one line on stderr, exit 2, no output", () => {
  const cases: [string, string[], string | undefined, RegExp][] = [
    ["no --constraints", [], undefined, /--constraints is required/],
    ["a missing file", ["--constraints", "/nonexistent/c.txt"], undefined, /cannot read it \(ENOENT\)/],
    ["'>=' instead of '>'", [], "x1 > 0\nx1 >= x2\n", /line 2: '>=' .*only strict '>'/],
    ["unknown syntax", [], "x1 > 0\n\nx1 ^ 2 > 0\n", /line 3: unexpected '\^'/],
    ["a non-integer coefficient", [], "1.5 x1 > 0\n", /line 1: coefficient 1\.5 is not an integer/],
    ["empty input", [], "\n# nothing\n", /empty input/],
    ["ragged JSON rows", [], '{"rows":[[1,2],[1]]}', /ragged/],
    ["non-integer JSON", [], '{"rows":[[1,0.5]]}', /rows\[0\]\[1\] = 0\.5 is not an integer/],
    ["names of the wrong length", [], '{"rows":[[1,0]],"names":["a","b","c"]}', /"names" has 3 entries but the rows have 2/],
    ["--sigma of the wrong length", ["--sigma", "1,2"], "a>0\nb>0\nc>0\n", /--sigma has 2 values .*expected 1 or 3/],
    ["--box of the wrong length", ["--box", "1,2,3,4"], "a>0\nb>0\nc>0\n", /--box has 4 values/],
    ["--sigma 0", ["--sigma", "0"], "a>0\n", /--sigma value 1 must be a number > 0/],
    ["--box -1", ["--box=-1"], "a>0\n", /--box value 1 must be a number > 0/],
    ["--sigma NaN", ["--sigma", "1,NaN"], "a>0\nb>0\n", /--sigma value 2 must be a number > 0.*'NaN'/],
    ["--samples 1.5", ["--method", "mc", "--samples", "1.5"], "a>0\n", /--samples must be an integer/],
    ["--samples 0", ["--method", "mc", "--samples", "0"], "a>0\n", /--samples must be an integer from 1/],
    ["--prior unknown", ["--prior", "cauchy"], "a>0\n", /--prior 'cauchy' is unknown/],
    ["--method unknown", ["--method", "qmc"], "a>0\n", /--method 'qmc' is unknown/],
    [
      "too many variables for exact",
      [],
      JSON.stringify({ rows: [[1, 0, 0, 0, 0, 0, 0, 0, 0, 0]] }),
      /at most 9 variables, these constraints have 10; use --method mc/,
    ],
  ];

  it.each(cases)("%s", (_, args, input, pattern) => {
    const dir = freshDir();
    const out = join(dir, "out.json");
    const full = ["cone", ...(input === undefined ? [] : ["--constraints", "-"]), ...args, "--out", out];
    const r = input === undefined ? runCli(full) : runWithInput(full, input);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    expect(listDir(dir)).toEqual([]);
  });

  it("too many variables is fine with --method mc", () => {
    const c = cone(JSON.stringify({ rows: [[1, 0, 0, 0, 0, 0, 0, 0]] }), ["--method", "mc", "--samples", "1e3"]);
    expect((c.gaussian as unknown as Mc).samples).toBe(1000);
  });
});
