#!/usr/bin/env node
// Forward-pass throughput of layered nets (issue 9 item 6; part of `npm run bench`, or alone after
// `npm run build`: `node bench/forward.mjs [samples]`): samples per CPU-second on 2-2-1 and 3-8-1,
// step and relu, binary inputs, against the vectorised numpy baseline bench/numpyForward.py run in
// the same benchmark (BLAS on one thread; skipped when python3 with numpy is absent). Two figures:
//  - forward: `arch.forward` on parameter vectors drawn beforehand (batches of 512, the batch the
//    Monte Carlo table uses), truth tables out;
//  - sampled: `sampleFunctions` in-process (draw θ ~ N(0, I), forward, histogram), i.e. what
//    `table --method mc --workers 1` does per sample.
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { layeredArchitecture, priorFor, sampleFunctions } from "../dist/arch/index.js";
import { rational } from "../dist/geometry/index.js";
import { gaussianPrior } from "../dist/measure/index.js";

const samples = Number(process.argv[2] ?? 4e6);
const numpyScript = fileURLToPath(new URL("./numpyForward.py", import.meta.url));
const cpuSeconds = (start) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};

function numpyRates(n, h, activation) {
  const r = spawnSync("python3", [numpyScript, String(n), String(h), activation, String(samples)], {
    env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
    encoding: "utf8",
  });
  if (r.error || r.status !== 0) return undefined;
  return JSON.parse(r.stdout.trim());
}

console.log(`# forward pass, ${samples.toExponential()} samples; machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`);
const M = (x) => `${(x / 1e6).toFixed(2)} M/s`;
for (const activation of ["step", "relu"]) {
  for (const [n, h] of [[2, 2], [3, 8]]) {
    const arch = layeredArchitecture({ activation, layers: [n, h, 1], encoding: "binary" });
    const d = arch.parameters.length;
    const batch = 512;
    const pool = 64;
    // A pool of 64 batches drawn beforehand (N(0, 1) by Box–Muller), cycled.
    let s = 99;
    const u = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return (s + 0.5) / 2 ** 32;
    };
    const params = Float64Array.from({ length: pool * batch * d }, () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
    const tables = new Uint32Array(batch * arch.tableWords);
    // Warm-up (untimed): let V8 optimise the kernel before it is timed.
    for (let k = 0; k < pool; k++) arch.forward(params.subarray(k * batch * d, (k + 1) * batch * d), batch, tables);
    let start = process.cpuUsage();
    for (let done = 0, k = 0; done < samples; done += batch, k = (k + 1) % pool) {
      arch.forward(params.subarray(k * batch * d, (k + 1) * batch * d), batch, tables);
    }
    const forward = samples / cpuSeconds(start);
    const prior = priorFor(arch, gaussianPrior, { weight: rational.ONE, bias: rational.ONE });
    start = process.cpuUsage();
    const histogram = await sampleFunctions(arch, prior, samples, 1);
    const sampled = samples / cpuSeconds(start);
    const np = numpyRates(n, h, activation);
    const name = `${activation} ${n}-${h}-1`.padEnd(10);
    if (!np) console.log(`${name} forward ${M(forward)}, sampled ${M(sampled)} (${histogram.size} functions); numpy skipped (no python3 with numpy)`);
    else
      console.log(
        `${name} forward ${M(forward)} vs numpy ${M(np.forwardPerSecond)} = ${(forward / np.forwardPerSecond).toFixed(2)}×; ` +
          `sampled ${M(sampled)} vs numpy ${M(np.sampledPerSecond)} = ${(sampled / np.sampledPerSecond).toFixed(2)}× (${histogram.size} functions)`,
      );
  }
}
