#!/usr/bin/env node
// Plan for the exact n = 7 signed table by NPN class (issue 12 item 2): measures the class list's
// cost and, on a seeded random sample of classes, the CPU cost of both exact priors per class, then
// predicts the full job (14,755 classes) with a bootstrap interval.
//   node bench/classCost7.mjs [--sample 30] [--seed 7] [--encoding signed]
// Times are CPU seconds of this process (process.cpuUsage). The sample is uniform over classes,
// which is what the table needs: every class is measured once (orbit sizes only weight the sums).
import { parseArgs } from "node:util";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { rowVector, thresholdClassRegions } from "../dist/arch/index.js";
import { rational } from "../dist/geometry/index.js";
import { gaussianPrior, uniformPrior } from "../dist/measure/index.js";

const { values } = parseArgs({
  options: {
    sample: { type: "string", default: "30" },
    seed: { type: "string", default: "7" },
    encoding: { type: "string", default: "signed" },
    resamples: { type: "string", default: "10000" },
  },
});
const sampleSize = Number(values.sample);
const spec = { inputs: 7, bias: true, encoding: values.encoding };
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

let t0 = cpu();
const table = thresholdClassRegions(spec);
const listSeconds = cpu() - t0;
const total = table.classes;
const rng = xoroshiro128plus(Number(values.seed));
const picked = new Set();
while (picked.size < Math.min(sampleSize, total)) picked.add(uniformInt(rng, 0, total - 1));

t0 = cpu();
const sample = [];
let index = 0;
table.forEach((row) => {
  if (picked.has(index)) sample.push({ index, row });
  index++;
});
const regionSeconds = cpu() - t0;
console.log(
  `# n = 7 ${spec.encoding}, bias on (d = 8): class list ${total} classes / ${table.count} functions in ${listSeconds.toFixed(1)} CPU s; ` +
    `every class's region (facets by adjacency) ${regionSeconds.toFixed(1)} CPU s`,
);
console.log("class orbit facets | gaussian-s uniform-s | gaussian p (err, method, converged) | uniform p");
const scales = Array.from({ length: 8 }, () => rational.ONE);
const costs = [];
let unconverged = 0;
for (const { index: k, row } of sample) {
  const rows = row.facetRows.map((r) => {
    const s = row.function[r] === "1" ? 1n : -1n;
    return rowVector(spec, r).map((c) => s * BigInt(c));
  });
  let t = cpu();
  const g = gaussianPrior.measureCone(rows, scales);
  const gs = cpu() - t;
  t = cpu();
  const u = uniformPrior.measureCone(rows, scales);
  const us = cpu() - t;
  costs.push(gs + us);
  if (!g.converged) unconverged++;
  console.log(
    `${k} ${row.orbit} ${rows.length} | ${gs.toFixed(2)} ${us.toFixed(2)} | ` +
      `${g.p.toExponential(4)} (${g.err.toExponential(1)}, ${g.method}, ${g.converged}) | ${u.p.toExponential(4)}`,
  );
}

// Bootstrap (seeded) of the mean per-class cost: the cost distribution is heavy-tailed, so a
// normal interval would be too narrow on its upper side.
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const means = [];
for (let b = 0; b < Number(values.resamples); b++) {
  const draw = costs.map(() => costs[uniformInt(rng, 0, costs.length - 1)]);
  means.push(mean(draw));
}
means.sort((a, b) => a - b);
const lo = means[Math.floor(0.025 * means.length)];
const hi = means[Math.floor(0.975 * means.length)];
const sorted = [...costs].sort((a, b) => a - b);
const fmtH = (s) => ((s * total) / 3600).toFixed(2);
console.log(
  `per class CPU s: median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)}, mean ${mean(costs).toFixed(2)}, max ${sorted.at(-1).toFixed(2)}; ` +
    `Gaussian unconverged ${unconverged} of ${costs.length}`,
);
console.log(
  `predicted full table (${total} classes, both priors): ${fmtH(mean(costs))} CPU-hours, ` +
    `95% bootstrap interval ${fmtH(lo)}–${fmtH(hi)} CPU-hours (plus ${(listSeconds + regionSeconds).toFixed(0)} s for the class list and regions)`,
);
