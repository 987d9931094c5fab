#!/usr/bin/env node
// Exact ReLU ray distances (issue 9 item 3; part of `npm run bench`, or alone after `npm run build`:
// `node bench/rayDistance.mjs [directions]`): directions per CPU-second of
// arch.implicitRegion(f).rayDistance on 2-2-1 and 3-8-1, f the function of each anchor θ ~ N(0, I).
// Directions are drawn beforehand (a pool of 4,096 reused), so only the distance is timed.
import { layeredArchitecture } from "../dist/arch/index.js";
import { wordsToBigInt } from "../dist/boolean/index.js";

const total = Number(process.argv[2] ?? 2_000_000);
let seed = 12345;
const uniform = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (seed + 0.5) / 2 ** 32;
};
const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());

for (const layers of [[2, 2, 1], [3, 8, 1]]) {
  const arch = layeredArchitecture({ activation: "relu", layers, encoding: "binary" });
  const d = arch.parameters.length;
  const pool = Array.from({ length: 4096 }, () => Float64Array.from({ length: d }, gauss));
  const anchors = 1000;
  const perAnchor = Math.ceil(total / anchors);
  const out = new Uint32Array(arch.tableWords);
  let cpu = 0;
  let finite = 0;
  let sum = 0;
  for (let a = 0; a < anchors; a++) {
    const theta = Float64Array.from({ length: d }, gauss);
    arch.forward(theta, 1, out);
    const region = arch.implicitRegion({ n: layers[0], bits: wordsToBigInt(out) });
    const start = process.cpuUsage();
    for (let k = 0; k < perAnchor; k++) {
      const t = region.rayDistance(theta, pool[(a * perAnchor + k) & 4095]);
      if (t < Infinity) {
        finite++;
        sum += t;
      }
    }
    const used = process.cpuUsage(start);
    cpu += (used.user + used.system) / 1e6;
  }
  const n = anchors * perAnchor;
  console.log(
    `relu ${layers.join("-")}: ${n} directions in ${cpu.toFixed(2)} CPU s = ${(n / cpu).toExponential(2)} directions/s ` +
      `(${((100 * finite) / n).toFixed(1)}% finite, mean finite distance ${(sum / finite).toFixed(3)})`,
  );
}
