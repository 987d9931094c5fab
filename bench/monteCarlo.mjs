#!/usr/bin/env node
// Monte Carlo table throughput (part of `npm run bench`, or alone: node bench/monteCarlo.mjs
// [samples]): samples per CPU-second of `table --method mc --workers 1` (the built CLI, whole
// process: startup, sampling, output) at n = 4 and 5 under the Gaussian prior, against the
// vectorised numpy baseline bench/numpyMonteCarlo.py (its sampling loop only, BLAS on one thread)
// when python3 with numpy is present; prints the ratio.
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const numpyScript = fileURLToPath(new URL("./numpyMonteCarlo.py", import.meta.url));
const samples = Number(process.argv[2] ?? 2e7);

/** CPU seconds (user + system) of a node child running the CLI, read at its exit. */
function oursCpuSeconds(n) {
  const report = "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`\\nbench-cpu-us ${u.user + u.system}\\n`); });";
  const r = spawnSync(
    process.execPath,
    ["--import", `data:text/javascript,${encodeURIComponent(report)}`, cli, "table", "--inputs", String(n), "--method", "mc",
      "--prior", "gaussian", "--samples", String(samples), "--seed", "1", "--workers", "1", "--format", "jsonl"],
    { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 },
  );
  const m = /bench-cpu-us (\d+)/.exec(r.stderr.toString());
  if (r.status !== 0 || !m) throw new Error(`table --method mc failed: ${r.stderr}`);
  return Number(m[1]) / 1e6;
}

/** CPU seconds of the numpy baseline, or undefined without python3 + numpy. */
function numpyCpuSeconds(n) {
  const r = spawnSync("python3", [numpyScript, String(n), String(samples)], {
    env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
    encoding: "utf8",
  });
  if (r.error || r.status !== 0) return undefined;
  return JSON.parse(r.stdout.trim()).cpuSeconds;
}

console.log(`# Monte Carlo table, Gaussian prior, ${samples.toExponential()} samples, 1 worker; machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`);
const rate = (s) => `${(samples / s / 1e6).toFixed(2)} M samples/CPU-s`;
for (const n of [4, 5]) {
  const ours = oursCpuSeconds(n);
  const numpy = numpyCpuSeconds(n);
  const line = `n=${n}: weightspace ${ours.toFixed(2)} CPU-s (${rate(ours)})`;
  if (numpy === undefined) console.log(`${line}; numpy baseline skipped (no python3 with numpy)`);
  else console.log(`${line}; numpy ${numpy.toFixed(2)} CPU-s (${rate(numpy)}); ratio ${(numpy / ours).toFixed(2)}×`);
}
