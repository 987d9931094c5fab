#!/usr/bin/env node
// Benchmarks (run with `npm run bench`; never part of the tests). Each case runs the built CLI as
// a child process, discards its output and reports wall time; numbers go into bench/README.md.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const preload = fileURLToPath(new URL("./reportPeakMemory.cjs", import.meta.url));
const flags = new Set(["--volumes", "--expand"]);
const only = process.argv.slice(2).filter((a) => !flags.has(a));
const scratch = mkdtempSync(join(tmpdir(), "weightspace-bench-"));
const EXPAND_OUT = join(scratch, "n6-expanded.jsonl");

const cases = [
  { name: "table n=3 (104 functions)", args: ["table", "--inputs", "3", "--format", "jsonl"] },
  { name: "table n=4 (1,882 functions)", args: ["table", "--inputs", "4", "--format", "jsonl"] },
  {
    name: "table n=5 full (94,572 functions, facets + witnesses)",
    args: ["table", "--inputs", "5", "--format", "jsonl"],
  },
  {
    name: "table n=5 signed full",
    args: ["table", "--inputs", "5", "--encoding", "signed", "--format", "jsonl"],
  },
  { name: "table n=5 no bias (11,292)", args: ["table", "--inputs", "5", "--no-bias", "--format", "jsonl"] },
  {
    name: "table n=6 no bias, both priors, by class (1,512 / 1,066,044)",
    args: ["table", "--inputs", "6", "--no-bias", "--prior", "both", "--classes", "--workers", "1", "--format", "jsonl"],
  },
  {
    name: "table n=6 count + class list (15,028,134 / 567 NPN)",
    args: ["table", "--inputs", "6", "--encoding", "signed", "--format", "jsonl"],
  },
  {
    name: "table n=7 NPN class list (14,755 classes, 8,378,070,864 functions)",
    args: ["table", "--inputs", "7", "--format", "jsonl"],
  },
  {
    name: "table n=3 binary, both priors",
    args: ["table", "--inputs", "3", "--prior", "both", "--format", "jsonl"],
  },
  {
    name: "table n=4 binary, both priors",
    args: ["table", "--inputs", "4", "--prior", "both", "--format", "jsonl"],
  },
  {
    name: "table n=5 binary, both priors",
    args: ["table", "--inputs", "5", "--prior", "both", "--format", "jsonl"],
  },
  {
    name: "table n=5 signed, both priors",
    args: ["table", "--inputs", "5", "--encoding", "signed", "--prior", "both", "--format", "jsonl"],
  },
  {
    name: "table n=6 signed classes, both priors",
    args: ["table", "--inputs", "6", "--encoding", "signed", "--prior", "both", "--format", "jsonl"],
  },
  {
    name: "table n=6 binary classes, both priors (19,228 classes)",
    args: ["table", "--inputs", "6", "--prior", "both", "--format", "jsonl"],
  },
  {
    name: "volume mc n=5 1e6 samples, both priors",
    args: [
      "volume",
      "--inputs",
      "5",
      "--function",
      "00000000000000010000000100010111",
      "--method",
      "mc",
      "--samples",
      "1000000",
    ],
  },
  // Step nets: exact tables by sums over hidden-function tuples of products of perceptron cones.
  ...[
    ["2,2,1", "16 functions"],
    ["2,3,1", "16 functions"],
    ["3,2,1", "254 functions"],
    ["3,3,1", "256 functions"],
    ["2,2,2,1", "16 functions"],
  ].map(([layers, what]) => ({
    name: `table step ${layers.replaceAll(",", "-")} exact, both priors (${what})`,
    args: ["table", "--arch", "step", "--layers", layers, "--prior", "both", "--format", "jsonl"],
  })),
  {
    name: "table step 3-3-1 exact, signed, both priors",
    args: ["table", "--arch", "step", "--layers", "3,3,1", "--encoding", "signed", "--prior", "both", "--format", "jsonl"],
  },
  {
    name: "table step 3-3-1 mc 1e6 samples, both priors",
    args: ["table", "--arch", "step", "--layers", "3,3,1", "--method", "mc", "--samples", "1000000", "--prior", "both", "--format", "jsonl"],
  },
  {
    name: "table relu 3-3-1 mc 1e6 samples, both priors",
    args: ["table", "--arch", "relu", "--layers", "3,3,1", "--samples", "1000000", "--prior", "both", "--format", "jsonl"],
  },
];
// The full n = 6 expansions (signed, then binary) write 15 M rows (≈ 8.6 GB each) to a scratch file: only on request.
if (process.argv.includes("--expand")) {
  cases.push({
    name: "table n=6 signed --expand, both priors, jsonl to file",
    args: [
      "table", "--inputs", "6", "--encoding", "signed", "--expand", "--prior", "both",
      "--format", "jsonl", "--out", EXPAND_OUT,
    ],
    output: EXPAND_OUT,
  });
  cases.push({
    name: "table n=6 binary --expand, both priors, jsonl to file",
    args: ["table", "--inputs", "6", "--expand", "--prior", "both", "--format", "jsonl", "--out", EXPAND_OUT],
    output: EXPAND_OUT,
  });
}
const extra = process.argv.includes("--volumes") || only.length === 0;

console.log(
  `# machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
for (const c of cases) {
  if (only.length && !only.some((o) => c.name.includes(o))) continue;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", preload, cli, ...c.args], {
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const stderr = r.stderr.toString();
  const rss = /bench-max-rss-kib (\d+)/.exec(stderr);
  const memory = rss ? `${(Number(rss[1]) / 1024).toFixed(0)} MB peak` : "";
  const size = c.output && r.status === 0 ? `, ${(statSync(c.output).size / 1e9).toFixed(2)} GB written` : "";
  const status = r.status === 0 ? "ok" : `exit ${r.status}: ${stderr.replace(/bench-max-rss.*/, "").trim()}`;
  console.log(`${c.name.padEnd(60)} ${seconds.toFixed(2).padStart(8)} s  ${memory.padStart(12)}${size}  ${status}`);
}
rmSync(scratch, { recursive: true, force: true });
if (extra)
  for (const script of ["./volumes.mjs", "./monteCarlo.mjs", "./reluVolumes.mjs", "./rayDistance.mjs", "./forward.mjs"])
    spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], { stdio: "inherit" });
