#!/usr/bin/env node
// Network cost derivatives per anchor (never part of the tests): npm run build && node bench/costDerivatives.mjs [anchors]
// For the 2-2-1 and 3-8-1 nets (step: its sigmoid stand-in; relu) and each engine (float64; tfjs on
// every backend that starts: tensorflow, wasm, cpu), the time of one gradient plus one Hessian of the
// cross-entropy cost at each of `anchors` (default 50) points, after one warm-up anchor (tfjs builds
// its kernels on first use) and one untimed round for the JIT. CPU milliseconds (process.cpuUsage, this process) and wall milliseconds
// per anchor; the Fisher matrix is timed too, since the `fisher` proposal uses it instead.
import { createArchitecture } from "../dist/arch/registry.js";
import { denseNetOf } from "../dist/estimators/_internals/denseNet.js";
import { crossEntropyCost, float64CostEngine } from "../dist/estimators/regionCost.js";
import { tfjsCostEngine } from "../dist/estimators/tfjsCostEngine.js";
import { loadTensorBackend } from "../dist/tensor/tensorBackend.js";

const anchors = Number(process.argv[2] ?? 50);
const nets = [
  { label: "step 2-2-1 (sigmoid stand-in)", type: "step", layers: [2, 2, 1], hidden: "sigmoid" },
  { label: "relu 2-2-1", type: "relu", layers: [2, 2, 1] },
  { label: "step 3-8-1 (sigmoid stand-in)", type: "step", layers: [3, 8, 1], hidden: "sigmoid" },
  { label: "relu 3-8-1", type: "relu", layers: [3, 8, 1] },
];

/** Deterministic anchors in [−2, 2]^D. */
const point = (D, a) => Float64Array.from({ length: D }, (_, k) => 2 * Math.sin(12.9898 * (a * 131 + k) + 0.5));

function time(fn) {
  const c = process.cpuUsage();
  const w = performance.now();
  for (let a = 0; a < anchors; a++) fn(a);
  const used = process.cpuUsage(c);
  return { cpu: (used.user + used.system) / 1000 / anchors, wall: (performance.now() - w) / anchors };
}

function measure(engine) {
  for (const n of nets) {
    const arch = createArchitecture(n.type, { inputs: n.layers[0], layers: n.layers });
    const net = denseNetOf(arch, n.hidden);
    const D = net.dimension;
    const targets = Float64Array.from({ length: net.rows }, (_, r) => (r * 5) % 3 === 0 ? 1 : 0);
    const cost = crossEntropyCost(n.label, net, targets, false, engine);
    const g = new Float64Array(D);
    // Warm-up: tfjs compiles kernels and makes its constants on first use.
    cost.gradient(point(D, -1), g);
    cost.hessian(point(D, -1));
    cost.fisher(point(D, -1));
    const both = (a) => {
      cost.gradient(point(D, a), g);
      cost.hessian(point(D, a));
    };
    // A first timed round lets the JIT settle (Float64 code speeds up severalfold); the second counts.
    time(both);
    const gh = time(both);
    const fisher = time((a) => cost.fisher(point(D, a)));
    console.log(`| ${n.label} | ${D} | ${engine.method} | ${gh.cpu.toFixed(3)} | ${gh.wall.toFixed(3)} | ${fisher.cpu.toFixed(3)} |`);
  }
}

console.log(`${anchors} anchors per case; milliseconds per anchor`);
console.log("| net | D | engine | gradient + Hessian CPU ms | wall ms | Fisher CPU ms |");
console.log("| --- | ---: | --- | ---: | ---: | ---: |");
measure(float64CostEngine);
for (const name of ["tensorflow", "wasm", "cpu"]) {
  const backend = await loadTensorBackend([name]).catch(() => undefined);
  if (!backend || backend.name !== name) {
    console.log(`| (tfjs-${name} did not start) | | | | | |`);
    continue;
  }
  measure(tfjsCostEngine(backend));
}
