#!/usr/bin/env node
// The cost of a Monte Carlo table of listed functions (`table --method mc --functions FILE`) at n = 7,
// binary, with bias, step by step, in process (one thread):
//   npm run build && node bench/listedMonteCarloRate.mjs --functions FILE [--samples 8388608]
// reading the list (class rows expanded to their orbits), building the set, sampling each prior
// (samples per CPU second, forward pass and set look-up), and ordering the rows. For comparison,
// the same samples counting one target only (the forward pass alone).
import { parseArgs } from "node:util";
import { monteCarloListedTable } from "../dist/arch/listedMonteCarloTable.js";
import { monteCarloFunction } from "../dist/arch/monteCarloTable.js";
import { perceptronArchitecture } from "../dist/arch/perceptron/perceptronArchitecture.js";
import { readFunctionList } from "../dist/cli/functionList.js";
import { parseFunction } from "../dist/boolean/truthTable.js";
import { rational } from "../dist/geometry/index.js";
import { gaussianPrior, uniformPrior } from "../dist/measure/index.js";

const { values } = parseArgs({ options: { functions: { type: "string" }, samples: { type: "string", default: String(2 ** 23) } } });
const n = 7;
const arch = perceptronArchitecture({ inputs: n, bias: true, encoding: "binary" });
const scales = Array.from({ length: n + 1 }, () => rational.ONE);
const samples = Number(values.samples);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
let t0 = cpu();
const list = readFunctionList(values.functions, arch);
console.log(`read ${list.count} listed functions: ${(cpu() - t0).toFixed(1)} CPU s`);
// One chunk's table: the list's set built, 2^20 samples, the rows ordered and visited.
t0 = cpu();
const small = await monteCarloListedTable(arch, [{ family: gaussianPrior, scales }], 2 ** 20, 1, list.keys);
small.forEachCount(() => {});
const fixed = cpu() - t0;
console.log(`set, 2^20 samples and row order: ${fixed.toFixed(1)} CPU s`);
for (const family of [gaussianPrior, uniformPrior]) {
  const prior = { family, scales };
  t0 = cpu();
  const mc = await monteCarloListedTable(arch, [prior], samples + 2 ** 20, 1, list.keys);
  mc.forEachCount(() => {});
  const listed = cpu() - t0 - fixed;
  t0 = cpu();
  await monteCarloFunction(arch, prior, parseFunction("0".repeat(2 ** n), n), samples, 1);
  const target = cpu() - t0;
  console.log(
    `${family.kind}: ${samples} samples, listed ${Math.round(samples / listed)} samples/CPU s ` +
      `(${mc.summary.samplesOutside[family.kind]} outside the list), one target ${Math.round(samples / target)} samples/CPU s`,
  );
}
