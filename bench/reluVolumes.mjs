#!/usr/bin/env node
// ReLU 2-2-1 volume benchmark (part of `npm run bench`): plain Monte Carlo, Rao-Blackwell and
// scrambled-Sobol' QMC on all 16 functions under both priors. For each estimator: wall time, the
// worst relative standard error over the functions (XOR/XNOR, p ≈ 3e-4), the time that error would
// need to reach 1e-3 (time × (RSE / 1e-3)², i.e. assuming variance ∝ 1/N, which QMC beats at
// small N and approaches at large N), and the variance reduction per unit time against plain MC
// (var_mc·t_mc / var·t, per function: min, median, max). `--target` also runs QMC with 2^20 points.
// `--defaults` instead measures what `weightspace table --arch relu --layers 2,2,1` runs when no
// --method or --samples is given, in CPU seconds of this process, against the 1e-3 target.
import { performance } from "node:perf_hooks";
import { layeredArchitecture, monteCarloTable, priorFor, reluEstimateTable } from "../dist/arch/index.js";
import { rational } from "../dist/geometry/index.js";
import { gaussianPrior, uniformPrior } from "../dist/measure/index.js";
import { DEFAULT_RELU_ESTIMATOR, defaultReluSamples } from "../dist/cli/reluEstimates.js";

const spec = { activation: "relu", layers: [2, 2, 1], encoding: "binary" };
const arch = layeredArchitecture(spec);
const bits = (f) => f.toString(2).padStart(4, "0").split("").reverse().join("");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => x.toExponential(2);

if (process.argv.includes("--defaults")) {
  const samples = defaultReluSamples(arch);
  for (const family of [gaussianPrior, uniformPrior]) {
    const prior = priorFor(arch, family, { weight: rational.ONE, bias: rational.ONE });
    const cpu = process.cpuUsage();
    const r = reluEstimateTable(spec, prior, { method: DEFAULT_RELU_ESTIMATOR, samples, seed: 1 });
    const { user, system } = process.cpuUsage(cpu);
    const rse = r.estimates.map((e) => e.err / e.p);
    const worst = rse.indexOf(Math.max(...rse));
    const xor = r.estimates[6];
    console.log(
      `${family.kind.padEnd(8)} default ${DEFAULT_RELU_ESTIMATOR} ${samples} samples: ${((user + system) / 1e6).toFixed(1)} CPU s, ` +
        `worst RSE ${fmt(rse[worst])} (${bits(worst)}), XOR p ${xor.p.toPrecision(5)} (95% CI ${xor.ci[0].toPrecision(5)} to ${xor.ci[1].toPrecision(5)}), ` +
        `target ${rse[worst] <= 1e-3 && user + system < 60e6 ? "met" : "NOT met"}`,
    );
  }
  process.exit(0);
}

for (const family of [gaussianPrior, uniformPrior]) {
  const prior = priorFor(arch, family, { weight: rational.ONE, bias: rational.ONE });
  const mcSamples = 1 << 22;
  let t = performance.now();
  const mc = await monteCarloTable(arch, [prior], mcSamples, 1);
  const mcMs = performance.now() - t;
  const mcSe = Array.from({ length: 16 }, (_, f) => {
    const p = mc.rows.find((r) => r.function === bits(f))?.[family.kind]?.p ?? 0;
    return { p, se: Math.sqrt((p * (1 - p)) / mcSamples) };
  });
  const report = (label, est, ms) => {
    const rse = est.map((e) => e.se / e.p);
    const worst = Math.max(...rse);
    const gains = est.map((e, f) => (mcSe[f].se ** 2 * mcMs) / (e.se ** 2 * ms));
    console.log(
      `${family.kind.padEnd(8)} ${label.padEnd(26)} ${(ms / 1000).toFixed(1).padStart(6)} s  worst RSE ${fmt(worst)}  XOR RSE ${fmt(rse[6])}  ` +
        `time to RSE 1e-3 ${((ms / 1000) * (worst / 1e-3) ** 2).toFixed(0).padStart(6)} s  gain vs mc min/median/max ${gains.map((g) => g.toFixed(1)).sort((a, b) => a - b)[0]}/${median(gains).toFixed(1)}/${Math.max(...gains).toFixed(1)}`,
    );
  };
  report(`mc ${mcSamples}`, mcSe, mcMs);
  for (const [method, samples] of [
    ["rao-blackwell", 1 << 17],
    ["qmc", 1 << 17],
    ...(process.argv.includes("--target") ? [["qmc", 1 << 20]] : []),
  ]) {
    t = performance.now();
    const r = reluEstimateTable(spec, prior, { method, samples, seed: 1 });
    const ms = performance.now() - t;
    const total = r.estimates.reduce((s, e) => s + e.p, 0);
    if (Math.abs(total - 1) > 1e-6) throw new Error(`${method}: total ${total}`);
    report(`${method} ${samples}`, r.estimates.map((e) => ({ p: e.p, se: e.err })), ms);
  }
}
