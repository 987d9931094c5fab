#!/usr/bin/env node
// Exact single-function volumes at d = 8 and 9 (issue 12 item 1): CPU cost per phase for a seeded
// sample of threshold functions of n = 7 and n = 8 inputs (binary, bias on), both priors.
//   node bench/volumes78.mjs [--inputs 7] [--count 12] [--seed 1] [--encoding binary] [--weights integer]
// Functions come from random weights, duplicates and constants skipped: `integer` (default) draws
// w_i ∈ {−10, …, 10} and places the threshold through a random input (b = ½ − ⟨w, x⟩), which
// gives functions of many facets and small volume; `gaussian` draws θ ~ N(0, I) (functions in
// proportion to their Gaussian volume: wide cones, few facets). Phases: facets (LP
// with exact certificates), extreme rays + pulling triangulation of the cone (the Gaussian
// method's pieces), the Gaussian measure (numerical, err, converged), the uniform one (exact,
// cone ∩ box triangulated). Times are CPU seconds of this process (process.cpuUsage).
import { parseArgs } from "node:util";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { perceptronArchitecture } from "../dist/arch/index.js";
import { parseFunction } from "../dist/boolean/truthTable.js";
import { extremeRays, homogenisePolytope, rational, triangulateCone, triangulateRays } from "../dist/geometry/index.js";
import { gaussianPrior, uniformPrior } from "../dist/measure/index.js";

const { values } = parseArgs({
  options: {
    inputs: { type: "string", default: "7" },
    count: { type: "string", default: "12" },
    seed: { type: "string", default: "1" },
    encoding: { type: "string", default: "binary" },
    weights: { type: "string", default: "integer" },
  },
});
const n = Number(values.inputs);
const count = Number(values.count);
const encoding = values.encoding;
const rng = xoroshiro128plus(Number(values.seed));
const int = (lo, hi) => uniformInt(rng, lo, hi);
const normal = () => Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng))) * Math.cos(2 * Math.PI * uniformFloat64(rng));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const timed = (f) => {
  const t0 = cpu();
  const value = f();
  return { value, s: cpu() - t0 };
};

/** A random threshold function of n inputs as a 0/1 string (character i = f(row i), MSB-first). */
function randomThreshold() {
  const x = (row, k) => {
    const bit = (row >> (n - 1 - k)) & 1;
    return encoding === "signed" ? 2 * bit - 1 : bit;
  };
  let w;
  let b;
  if (values.weights === "gaussian") {
    w = Array.from({ length: n }, normal);
    b = normal();
  } else {
    w = Array.from({ length: n }, () => int(-10, 10));
    const through = int(0, 2 ** n - 1);
    b = 0.5;
    for (let k = 0; k < n; k++) b -= w[k] * x(through, k);
  }
  let bits = "";
  for (let r = 0; r < 2 ** n; r++) {
    let a = b;
    for (let k = 0; k < n; k++) a += w[k] * x(r, k);
    bits += a > 0 ? "1" : "0";
  }
  return bits;
}

/** Simplices of the triangulation behind the uniform measure (cone ∩ [−1, 1]^d, homogenised). */
function boxSimplices(rows) {
  const d = rows[0].length;
  const B = rows.map((a) => a.map((v) => -v));
  const c = rows.map(() => 0n);
  for (let k = 0; k < d; k++) {
    for (const s of [1n, -1n]) {
      B.push(Array.from({ length: d }, (_, j) => (j === k ? s : 0n)));
      c.push(1n);
    }
  }
  const { rays, incidence } = extremeRays(homogenisePolytope(B, c));
  return { vertices: rays.length, simplices: triangulateRays(rays, incidence).length };
}

const arch = perceptronArchitecture({ inputs: n, bias: true, encoding });
const d = arch.parameters.length;
const scales = Array.from({ length: d }, () => rational.ONE);
console.log(`# n = ${n} ${encoding}, bias on (d = ${d}), ${count} random threshold functions (${values.weights} weights), seed ${values.seed}`);
console.log("facets rays simplices | box-vertices box-simplices | facets-s gauss-s uniform-s total-s | gaussian p (err, method, converged) | uniform p");
/** Functions costing more CPU seconds than this are printed, to rerun them alone. */
const SLOW = 5;
const seen = new Set();
const totals = [];
let unconverged = 0;
while (totals.length < count) {
  const bits = randomThreshold();
  if (seen.has(bits) || !bits.includes("0") || !bits.includes("1")) continue;
  seen.add(bits);
  const f = parseFunction(bits, n);
  const region = timed(() => arch.region(f));
  const rows = region.value.pieces[0].rows;
  const tri = triangulateCone(rows);
  const box = boxSimplices(rows);
  const g = timed(() => gaussianPrior.measureCone(rows, scales));
  const u = timed(() => uniformPrior.measureCone(rows, scales));
  const total = region.s + g.s + u.s;
  totals.push(total);
  if (!g.value.converged) unconverged++;
  console.log(
    `${rows.length} ${tri.rays.length} ${tri.simplices.length} | ${box.vertices} ${box.simplices} | ` +
      `${region.s.toFixed(2)} ${g.s.toFixed(2)} ${u.s.toFixed(2)} ${total.toFixed(2)} | ` +
      `${g.value.p.toExponential(4)} (${g.value.err.toExponential(1)}, ${g.value.method}, ${g.value.converged}) | ${u.value.p.toExponential(4)}` +
      (total > SLOW ? ` | slow: ${bits}` : ""),
  );
}
totals.sort((a, b) => a - b);
const q = (x) => totals[Math.min(totals.length - 1, Math.floor(x * totals.length))];
console.log(
  `CPU s per function (facets + both priors): median ${q(0.5).toFixed(2)}, max ${totals.at(-1).toFixed(2)}, ` +
    `sum ${totals.reduce((a, b) => a + b, 0).toFixed(1)}; Gaussian unconverged ${unconverged} of ${count}`,
);
