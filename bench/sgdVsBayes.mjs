#!/usr/bin/env node
// SGD vs Bayes speed (never part of the tests): npm run build && node bench/sgdVsBayes.mjs [--skip-tfjs]
//  1. the issue-11 target: `sgd-vs-bayes` with 10,000 runs of a 3-8-1 ReLU net (the built CLI, whole
//     process: start-up, 1e6 Monte Carlo samples for P(f), training, comparison), CPU seconds and
//     wall, with the default engine (tfjs) and with `--engine float64`;
//  2. the two training engines on the same networks and steps: hand-written Float64 gradients
//     against one tfjs tensor program (wasm and cpu backends, each in its own process), CPU seconds
//     per 1e6 network-steps taken, on parity (almost no 3-8-1 net fits it within S steps, so both
//     engines do about R·S network-steps; the tensor program also carries fitted networks until
//     half of its batch has fitted, which costs it a little more than it is credited here).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const self = fileURLToPath(import.meta.url);
const cpuReport = "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`\\nbench-cpu-us ${u.user + u.system}\\n`); });";

/** Runs the CLI in a child: CPU seconds (its own), wall seconds, stdout. */
function cliRun(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(cpuReport)}`, cli, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 1 << 28,
  });
  const wall = (performance.now() - t) / 1000;
  const m = /bench-cpu-us (\d+)/.exec(r.stderr.toString());
  if (r.status !== 0 || !m) throw new Error(`sgd-vs-bayes failed: ${r.stderr}`);
  return { cpu: Number(m[1]) / 1e6, wall, out: r.stdout.toString() };
}

/** Child mode: time one engine on R networks for S steps each; prints JSON. */
async function engineChild(engine, backend, R, S) {
  const { createArchitecture } = await import("../dist/arch/registry.js");
  const { trainableNet, encodedRows } = await import("../dist/experiments/sgd/trainableNet.js");
  const { trainFloat64 } = await import("../dist/experiments/sgd/float64Trainer.js");
  const { trainTfjs } = await import("../dist/experiments/sgd/tfjsTrainer.js");
  const { tensorBackend } = await import("../dist/tensor/tensorBackend.js");
  const { gaussianPrior } = await import("../dist/measure/gaussianPrior.js");
  const { randomStream } = await import("../dist/measure/randomStream.js");
  const arch = createArchitecture("relu", { inputs: 3, layers: [3, 8, 1] });
  const net = trainableNet(arch);
  const params = new Float64Array(R * net.parameters);
  gaussianPrior.sample(new Float64Array(net.parameters).fill(1), R, randomStream(7), params);
  // All 8 rows with the labels of parity: no 3-8-1 net fits parity from the prior within S steps
  // often enough to matter, so (almost) every network runs S steps in both engines.
  const rows = [0, 1, 2, 3, 4, 5, 6, 7];
  const labels = Uint8Array.from(rows, (r) => (r.toString(2).split("1").length - 1) % 2);
  const x = encodedRows(net, rows);
  const options = { optimizer: "adam", loss: "ce", learningRate: 0.01, maxSteps: S };
  if (engine === "tfjs") await tensorBackend({ preferred: [backend], report: () => {} });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = engine === "tfjs" ? await trainTfjs({ net, x, labels, params, count: R }, options) : trainFloat64({ net, x, labels, params, count: R }, options);
  const c = process.cpuUsage(c0);
  let netSteps = 0;
  for (const s of out.steps) netSteps += s;
  console.log(JSON.stringify({ engine, backend: out.backend ?? "-", R, S, cpu: (c.user + c.system) / 1e6, wall: (performance.now() - t0) / 1000, netSteps }));
}

if (process.argv[2] === "--child") {
  await engineChild(process.argv[3], process.argv[4], Number(process.argv[5]), Number(process.argv[6]));
} else {
  const target = ["sgd-vs-bayes", "--arch", "relu", "--layers", "3,8,1", "--inputs", "3", "--target", "00010111", "--train", "4", "--runs", "10000", "--seed", "1", "--format", "json"];
  const skipTfjs = process.argv.includes("--skip-tfjs");
  for (const engine of skipTfjs ? ["float64"] : ["tfjs", "float64"]) {
    const full = cliRun([...target, "--engine", engine]);
    const s = JSON.parse(full.out);
    console.log(
      `sgd-vs-bayes relu 3,8,1, 10,000 runs, --engine ${engine}${s.run.training.backend ? ` (${s.run.training.backend})` : ""} (target < 300 s): ` +
        `${full.cpu.toFixed(2)} CPU s, ${full.wall.toFixed(2)} s wall; ` +
        `${s.networks.fitted} fitted, steps mean ${s.networks.steps.mean.toFixed(1)} max ${s.networks.steps.max}, P(f) by ${s.posterior.method}`,
    );
  }
  const cases = [["float64", "-", 2000, 200]];
  if (!skipTfjs) cases.push(["tfjs", "wasm", 2000, 200], ["tfjs", "cpu", 2000, 200]);
  for (const [engine, backend, R, S] of cases) {
    const r = spawnSync(process.execPath, [self, "--child", engine, backend, String(R), String(S)], { stdio: ["ignore", "pipe", "inherit"] });
    if (r.status !== 0) throw new Error(`${engine} ${backend} failed`);
    const j = JSON.parse(r.stdout.toString());
    console.log(
      `engine ${j.engine}${j.backend !== "-" ? ` (${j.backend})` : ""}: ${j.R} nets × ≤ ${j.S} steps, ${j.netSteps} network-steps: ` +
        `${j.cpu.toFixed(2)} CPU s, ${j.wall.toFixed(2)} s wall, ${((j.cpu / j.netSteps) * 1e6).toFixed(2)} CPU s per 1e6 network-steps`,
    );
  }
}
