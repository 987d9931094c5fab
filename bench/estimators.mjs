#!/usr/bin/env node
// Random-direction estimator benchmarks (run with `npm run build && node bench/estimators.mjs`;
// never part of the tests). Speeds are directions per CPU-second (process.cpuUsage, user + system)
// of the library's estimator, one process, after a warm-up run; `validate` is timed as the CLI
// (wall time) and in-process (CPU seconds). Numbers go into bench/README.md.
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { createArchitecture } from "../dist/arch/registry.js";
import { priorFor } from "../dist/arch/architecture.js";
import { parseFunction } from "../dist/boolean/truthTable.js";
import { functionRegion } from "../dist/estimators/functionRegion.js";
import { randomDirectionEstimate, randomDirectionEstimator } from "../dist/estimators/randomDirectionEstimator.js";
import { validateRegion } from "../dist/estimators/validateEstimator.js";
import { loadLp } from "../dist/geometry/lp.js";
import { ONE } from "../dist/geometry/rational.js";
import { gaussianPrior } from "../dist/measure/gaussianPrior.js";
import { uniformPrior } from "../dist/measure/uniformPrior.js";

await loadLp();
const cli = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const only = process.argv[2];
const cpuSeconds = (f) => {
  const t = process.cpuUsage();
  const r = f();
  const u = process.cpuUsage(t);
  return { seconds: (u.user + u.system) / 1e6, result: r };
};
const priors = (arch) => [priorFor(arch, gaussianPrior, { weight: ONE, bias: ONE }), priorFor(arch, uniformPrior, { weight: ONE, bias: ONE })];

/** Directions per CPU-second of one region under one prior and proposal (a warm-up run first). */
function speed(label, region, prior, directions, proposal = "identity") {
  const options = { directions, seed: 1, bootstrap: 0, proposal };
  randomDirectionEstimate(region, prior, { ...options, directions: Math.min(directions, 20000) });
  const { seconds } = cpuSeconds(() => randomDirectionEstimate(region, prior, options));
  console.log(`${label} ${prior.family.kind} ${proposal}: ${(directions / seconds).toExponential(3)} directions/s (${directions} in ${seconds.toFixed(2)} s CPU)`);
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}`);
if (!only || "cone".includes(only)) {
  // D = 6: the 5-input perceptron; majority-like threshold function 0x…, the AND of five inputs and x1.
  const arch = createArchitecture("perceptron", { inputs: 5 });
  for (const bits of ["00000000000000000000000000000001", "00000000000000001111111111111111"]) {
    const ps = priors(arch);
    const region = functionRegion(arch, parseFunction(bits), ps);
    for (const prior of ps) speed(`perceptron D=6 f=${bits}`, region, prior, 2_000_000);
    speed(`perceptron D=6 f=${bits}`, region, ps[0], 1_000_000, "full");
  }
}
if (!only || "nets".includes(only)) {
  const step = createArchitecture("step", { inputs: 2, layers: [2, 2, 1] });
  const ps = priors(step);
  const region = functionRegion(step, parseFunction("0110"), ps);
  for (const prior of ps) speed("step 2-2-1 XOR (D=9)", region, prior, 200_000);
  const relu = createArchitecture("relu", { inputs: 2, layers: [2, 2, 1] });
  const rp = priors(relu);
  const rr = functionRegion(relu, parseFunction("0110"), rp);
  try {
    speed("relu 2-2-1 XOR (D=9)", rr, rp[0], 200_000);
  } catch (e) {
    console.log(`relu 2-2-1 XOR (D=9): ${e.message}`);
  }
}
if (!only || "validate".includes(only)) {
  const arch = createArchitecture("perceptron", { inputs: 3 });
  const [g] = priors(arch);
  const functions = [];
  arch.exactTable({ priors: [], all: false, classes: "none" }).forEachRow((row) => functions.push(row.function));
  const { seconds } = cpuSeconds(() => {
    for (const bits of functions) {
      const region = functionRegion(arch, parseFunction(bits), [g]);
      validateRegion(randomDirectionEstimator, region, g, { directions: 500, repeats: 100, seed: 1 });
    }
  });
  console.log(`validate n=3, ${functions.length} functions × 100 repeats × 500 directions, in-process: ${seconds.toFixed(2)} s CPU`);
  const t = Date.now();
  const r = spawnSync(process.execPath, [cli, "validate", "--inputs", "3", "--directions", "500", "--repeats", "100", "--seed", "1"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  const summary = JSON.parse(r.stdout).summary;
  console.log(`validate n=3 CLI: ${((Date.now() - t) / 1000).toFixed(2)} s wall (summary seconds ${summary.seconds.toFixed(2)} CPU inside the estimates)`);
}
