#!/usr/bin/env node
// Volume benchmarks (part of `npm run bench`): exact cost per cone by dimension, and exact versus
// plain Monte Carlo for the same wall time on the rarest functions of the n = 5 binary table.
import { performance } from "node:perf_hooks";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { ClassPartition, facetRowsByAdjacency, functionSource, rowVector } from "../dist/arch/index.js";
import { rational } from "../dist/geometry/index.js";
import { cubeVolume, cubeVolumeByTriangulation, gaussianPrior, uniformPrior } from "../dist/measure/index.js";

const ONE = rational.ONE;
/** Unit scales for a d-dimensional cone (σ = 1, box half-width 1). */
const unit = (rows) => rows[0].map(() => ONE);

function classes(spec) {
  const src = functionSource(spec);
  const part = new ClassPartition(spec, spec.inputs <= 5 ? 1 : 2, src.count);
  const out = [];
  src.forEach((t) => {
    const orbit = part.visit(t);
    if (!orbit) return;
    const rows = facetRowsByAdjacency(spec, src.has, t).map((r) =>
      rowVector(spec, r).map((c) => BigInt(((t[r >>> 5] >>> (r & 31)) & 1) === 1 ? c : -c)),
    );
    out.push({ table: Uint32Array.from(t), orbit, rows });
  });
  return out;
}

// Class representatives with their facet rows, d = 3 … 7, computed once for both comparisons.
const CASES = [
  [2, "binary"],
  [3, "binary"],
  [4, "binary"],
  [5, "binary"],
  [6, "signed"],
].map(([n, encoding]) => {
  const spec = { inputs: n, bias: true, encoding };
  return { n, encoding, spec, cls: classes(spec) };
});

console.log("## exact volume cost per cone (symmetry-class representatives, both priors)");
for (const { n, encoding, cls } of CASES) {
  let g = 0;
  let u = 0;
  for (const c of cls) {
    let t0 = performance.now();
    gaussianPrior.measureCone(c.rows, unit(c.rows));
    g += performance.now() - t0;
    t0 = performance.now();
    uniformPrior.measureCone(c.rows, unit(c.rows));
    u += performance.now() - t0;
  }
  console.log(
    `d=${n + 1} (n=${n} ${encoding}, ${cls.length} classes): gaussian ${(g / cls.length).toFixed(2)} ms/cone, uniform ${(u / cls.length).toFixed(2)} ms/cone, total ${((g + u) / 1000).toFixed(1)} s`,
  );
}

// Why the uniform prior uses triangulation: both exact methods on the same cones, same answers.
console.log("\n## exact cube volume: triangulation (used) versus Lasserre's recursion (cross-check)");
for (const { n, cls } of CASES.filter((c) => c.n >= 3)) {
  const time = (f) => {
    const t0 = performance.now();
    const out = cls.map((c) => rational.toFraction(f(c.rows).fraction));
    return { ms: (performance.now() - t0) / cls.length, out };
  };
  const tri = time(cubeVolumeByTriangulation);
  const las = time(cubeVolume);
  const agree = tri.out.every((f, i) => f === las.out[i]);
  console.log(
    `d=${n + 1} (${cls.length} classes): triangulation ${tri.ms.toFixed(2)} ms/cone, Lasserre ${las.ms.toFixed(2)} ms/cone, identical fractions: ${agree}`,
  );
}

console.log("\n## n=5 binary, Gaussian prior: exact table versus plain Monte Carlo for the same wall time");
const spec = { inputs: 5, bias: true, encoding: "binary" };
const t0 = performance.now();
const cls = classes(spec).map((c) => ({
  ...c,
  g: gaussianPrior.measureCone(c.rows, unit(c.rows)),
}));
const exactSeconds = (performance.now() - t0) / 1000;
// Monte Carlo: draw θ ~ N(0, I_6), read off the function, count; for the same wall time.
const rng = xoroshiro128plus(1);
const counts = new Map();
const normal = () =>
  Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng))) * Math.cos(2 * Math.PI * uniformFloat64(rng));
let samples = 0;
const deadline = performance.now() + exactSeconds * 1000;
const theta = new Float64Array(6);
while (performance.now() < deadline) {
  for (let batch = 0; batch < 10000; batch++) {
    for (let k = 0; k < 6; k++) theta[k] = normal();
    let table = 0;
    for (let r = 0; r < 32; r++) {
      let s = theta[5];
      for (let i = 0; i < 5; i++) if ((r >> (4 - i)) & 1) s += theta[i];
      if (s > 0) table |= 1 << r;
    }
    counts.set(table >>> 0, (counts.get(table >>> 0) ?? 0) + 1);
  }
  samples += 10000;
}
const rarest = [...cls].sort((a, b) => a.g.p - b.g.p).slice(0, 10);
console.log(
  `exact: ${exactSeconds.toFixed(1)} s for ${cls.length} classes; Monte Carlo in the same time: ${samples} samples`,
);
console.log("p_exact                err_exact  rel_err_exact  mc_hits  rel_err_mc");
for (const c of rarest) {
  const hits = counts.get(c.table[0]) ?? 0;
  const pmc = hits / samples;
  console.log(
    `${c.g.p.toExponential(6).padEnd(22)} ${c.g.err.toExponential(1).padEnd(10)} ${(c.g.err / c.g.p).toExponential(1).padEnd(14)} ${String(hits).padEnd(8)} ${(Math.abs(pmc - c.g.p) / c.g.p).toExponential(2)}`,
  );
}
