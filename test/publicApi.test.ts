/**
 * The published package as a consumer sees it (built dist/, fresh Node processes): importing it
 * does not start glpk.js, the curated index is small and compiles with `skipLibCheck: false`, the
 * subpaths resolve, and the README's library example runs.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createArchitecture } from "../src/arch/registry.js";
import { parseFunction } from "../src/boolean/truthTable.js";
import { ensureBuilt, ROOT } from "./cli/_helpers/runCli.js";

beforeAll(() => ensureBuilt());

/** A scratch consumer project with `weightspace` installed as a link to this repository. */
function consumer(): string {
  const dir = mkdtempSync(join(tmpdir(), "weightspace-consumer-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "weightspace"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  return dir;
}

function node(dir: string, script: string) {
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, encoding: "utf8" });
}

describe("the package as a consumer imports it", () => {
  it("importing the package does not start glpk.js; loadLp starts it", () => {
    const dir = consumer();
    const r = node(
      dir,
      `import * as w from "weightspace"; import { lpReady } from "weightspace/geometry";
       const before = lpReady(); await w.loadLp(); console.log(JSON.stringify([before, lpReady()]));`,
    );
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([false, true]);
  });

  it("without glpk.js the exact simplex decides regions: same facets and a realising witness", () => {
    const dir = consumer();
    const r = node(
      dir,
      `import { createArchitecture, parseFunction } from "weightspace";
       const arch = createArchitecture("perceptron", { inputs: 3 });
       const region = arch.region(parseFunction("00010111"));
       console.log(JSON.stringify({ realizable: region.realizable, constraints: region.pieces[0].constraints, witness: region.pieces[0].witness.map(String) }));`,
    );
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.realizable).toBe(true);
    // The facets are a fact about the cone: the LP-first path (loaded here) finds the same ones.
    const here = createArchitecture("perceptron", { inputs: 3 }).region(parseFunction("00010111"));
    expect(out.constraints).toEqual(here.pieces[0].constraints);
    const [w1, w2, w3, b] = out.witness.map(Number);
    // MAJ: output 1 iff at least two inputs are 1.
    for (let r = 0; r < 8; r++) {
      const x = [(r >> 2) & 1, (r >> 1) & 1, r & 1];
      const want = x[0] + x[1] + x[2] >= 2;
      expect(w1 * x[0] + w2 * x[1] + w3 * x[2] + b > 0).toBe(want);
    }
  });

  it("the curated index has at most about 40 names and every subpath resolves", () => {
    const dir = consumer();
    const r = node(
      dir,
      `const names = Object.keys(await import("weightspace"));
       const subs = {};
       for (const s of ["boolean", "geometry", "measure", "arch", "estimators", "tensor"]) subs[s] = Object.keys(await import("weightspace/" + s)).length;
       console.log(JSON.stringify({ names, subs }));`,
    );
    expect(r.stderr).toBe("");
    const { names, subs } = JSON.parse(r.stdout);
    expect(names.length).toBeLessThanOrEqual(45);
    expect(names).toContain("createArchitecture");
    expect(names).not.toContain("mapWitness");
    expect(names).not.toContain("canonicalSweep");
    for (const n of Object.values(subs)) expect(n).toBeGreaterThan(0);
  });

  it("compiles in a TypeScript consumer with skipLibCheck: false (no tfjs types pulled in)", () => {
    const dir = consumer();
    writeFileSync(
      join(dir, "main.ts"),
      `import { createArchitecture, gaussianPrior, parseFunction, priorFor, rational, type Region } from "weightspace";
       const arch = createArchitecture("perceptron", { inputs: 2 });
       const region: Region = arch.region(parseFunction("0001"));
       const prior = priorFor(arch, gaussianPrior, { weight: rational.ONE, bias: rational.ONE });
       export const p: number = prior.family.measureCone(region.pieces[0].rows, prior.scales).p;
`,
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          types: [],
          typeRoots: [join(ROOT, "node_modules/@types")],
        },
        files: ["main.ts"],
      }),
    );
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const r = spawnSync(process.execPath, [tsc, "-p", dir], { cwd: dir, encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("the README's library example runs and prints what the README says", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const m = /<!-- library-example -->\s*```js\n([\s\S]*?)```\s*Prints:\s*```\n([\s\S]*?)```/.exec(readme);
    expect(m, "README has a library example marked <!-- library-example --> followed by its output").not.toBeNull();
    const [, code, printed] = m as RegExpExecArray;
    const r = node(consumer(), code);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(printed);
  });
});
