#!/usr/bin/env node
// How evenly `table --shard i/N` splits an exact table's measuring (never part of the tests):
//   npm run build && node bench/shardBalance.mjs [--inputs 6] [--encoding signed] [--shards 8]
// Measures every class of the table (both priors) in CPU seconds, then prints, for N contiguous
// shards cut by each cost model, each shard's measured CPU as a multiple of the mean shard: the
// model `table --shard` uses (simplices of the triangulation) beside equal class counts and equal
// facet sums. About 30 s of CPU at n = 6 signed (568 classes).
import { parseArgs } from "node:util";
import { balancedRange, classCost, measureClass, priorFor } from "../dist/arch/index.js";
import { createArchitecture } from "../dist/arch/registry.js";
import { ONE } from "../dist/geometry/rational.js";
import { loadLp } from "../dist/geometry/lp.js";
import { gaussianPrior, uniformPrior } from "../dist/measure/index.js";

const { values } = parseArgs({
  options: { inputs: { type: "string", default: "6" }, encoding: { type: "string", default: "signed" }, shards: { type: "string", default: "8" } },
});
await loadLp();
const arch = createArchitecture("perceptron", { inputs: Number(values.inputs), encoding: values.encoding, bias: true });
const priors = [gaussianPrior, uniformPrior].map((f) => priorFor(arch, f, { weight: ONE, bias: ONE }));
const classes = arch.exactTable({ priors, all: false, classes: "symmetry" }).classed.classes();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
for (const c of classes.slice(0, 5)) measureClass(priors, c.rows); // JIT warm-up
const measured = classes.map((c) => {
  const t = cpu();
  measureClass(priors, c.rows);
  return cpu() - t;
});
const N = Number(values.shards);
const models = {
  "simplices (table --shard)": classes.map(classCost),
  "class count": classes.map(() => 1),
  "facet count": classes.map((c) => c.rows.length),
};
const total = measured.reduce((s, x) => s + x, 0);
console.log(`${values.encoding} n = ${values.inputs}: ${classes.length} classes, ${total.toFixed(1)} CPU s measuring, ${N} shards`);
for (const [name, costs] of Object.entries(models)) {
  const shares = Array.from({ length: N }, (_, i) => {
    const { start, end } = balancedRange(costs, i + 1, N);
    return measured.slice(start, end).reduce((s, x) => s + x, 0) / (total / N);
  });
  console.log(`${name.padEnd(26)} ${shares.map((x) => x.toFixed(2)).join(" ")}   (max ${Math.max(...shares).toFixed(2)}×)`);
}
