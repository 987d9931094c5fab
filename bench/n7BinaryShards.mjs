#!/usr/bin/env node
// Checks shards of the exact n = 7 binary table (`table --inputs 7 --prior both --shard i/N --out F`)
// and compares them with a Monte Carlo table of the same perceptron (issue 12 item 7).
//   npm run build && node bench/n7BinaryShards.mjs --exact S1 [--exact S2 …] [--mc MC.jsonl | --mc-shard M1 …] [--recompute k]
// For each shard: the checksum (readShard), every class row's orbit against the class record, the
// totals recomputed from the records (uniform as an exact fraction, Gaussian within the summed
// error) against the manifest's, and the first k classes (default 3) re-measured from their region
// found by LP (the single-function path, not chamber adjacency).
// Comparison: every function of the covered classes has the exact P(f) of its class; the Monte Carlo
// table (jsonl, `table --method mc --prior both --format jsonl`, full or `--functions` listed) estimates
// hits/samples. Or --mc-shard: the shard files of a listed Monte Carlo table (`table --method mc
// --functions EXACT --shard i/N --out M`), as many as ran: each checked (checksum, one job, disjoint
// chunks) and their hits summed, K = the samples of the shards given. Reported per prior: covered
// functions, those the sample misses (0 hits), those it misestimates by more than 2× (split by the
// expected hits K·p), and the misses expected, Σ (1 − p)^K over the covered functions.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { measureClass } from "../dist/arch/classMeasures.js";
import { binaryClassKey } from "../dist/arch/perceptron/binaryClassList.js";
import { perceptronArchitecture } from "../dist/arch/perceptron/perceptronArchitecture.js";
import { wordsFromBigInt } from "../dist/boolean/tableWords.js";
import { parseFunction } from "../dist/boolean/truthTable.js";
import { readShard } from "../dist/cli/shardFile.js";
import { gaussianPrior, uniformPrior } from "../dist/measure/index.js";
import { rational } from "../dist/geometry/index.js";

const { values } = parseArgs({
  options: {
    exact: { type: "string", multiple: true, default: [] },
    mc: { type: "string" },
    "mc-shard": { type: "string", multiple: true, default: [] },
    recompute: { type: "string", default: "3" },
  },
});
const n = 7;
const spec = { inputs: n, bias: true, encoding: "binary" };
const arch = perceptronArchitecture(spec);
const scales = Array.from({ length: n + 1 }, () => rational.ONE);
const priors = [
  { family: gaussianPrior, scales },
  { family: uniformPrior, scales },
];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const keyOf = (text) => binaryClassKey(wordsFromBigInt(parseFunction(text, n).bits, n), n).join(",");

/** key → { gaussian, uniform, orbit } over every covered class. */
const covered = new Map();
let ok = true;
for (const path of values.exact) {
  const t0 = cpu();
  const classes = new Map();
  const rows = [];
  const { manifest } = readShard(path, (r) => (r.class !== undefined ? classes.set(r.class, r) : rows.push(r)));
  let gauss = 0;
  let gaussErr = 0;
  let unif = rational.ZERO;
  let converged = true;
  for (const c of classes.values()) {
    gauss += c.orbit * c.measures.gaussian.p;
    gaussErr += c.orbit * c.measures.gaussian.err;
    converged &&= c.measures.gaussian.converged;
    unif = rational.add(unif, rational.mul(rational.parse(c.measures.uniform.fraction), rational.rat(c.orbit)));
  }
  const t = manifest.totals;
  const uniformSame = rational.toFraction(unif) === t.uniformTotal;
  const gaussSame = Math.abs(gauss - t.gaussianTotal) <= 1e-12 * Math.max(1, gauss) && t.gaussianConverged === converged;
  let rowsSame = rows.length === classes.size && rows.length === manifest.rows;
  for (const r of rows) {
    const c = classes.get(r.row);
    rowsSame &&= c !== undefined && c.orbit === r.data.orbit && r.data.gaussian.p === c.measures.gaussian.p;
    if (!c) continue;
    const key = keyOf(r.data.function);
    if (covered.has(key)) rowsSame = false;
    covered.set(key, { gaussian: c.measures.gaussian.p, uniform: c.measures.uniform.p, orbit: c.orbit, function: r.data.function });
  }
  // Re-measure the first classes from their region found by LP.
  let recomputed = 0;
  let agree = true;
  for (const r of rows.slice(0, Number(values.recompute))) {
    const region = arch.region(parseFunction(r.data.function, n));
    const m = measureClass(priors, region.pieces[0].rows);
    const c = classes.get(r.row).measures;
    agree &&= m.uniform.fraction === c.uniform.fraction;
    agree &&= Math.abs(m.gaussian.p - c.gaussian.p) <= m.gaussian.err + c.gaussian.err;
    recomputed++;
  }
  const orbits = [...classes.values()].reduce((s, c) => s + c.orbit, 0);
  const fine = uniformSame && gaussSame && rowsSame && agree;
  ok &&= fine;
  console.log(
    `${path}: shard ${manifest.shard}, classes ${manifest.classes.start}–${manifest.classes.end - 1} (${classes.size}), ${orbits} functions; ` +
      `Σ orbit·gaussian ${gauss} (err ${gaussErr.toExponential(2)}, converged ${converged}), Σ orbit·uniform ${rational.toFraction(unif)}; ` +
      `totals ${uniformSame && gaussSame ? "equal the manifest's" : "DIFFER from the manifest"}, rows ${rowsSame ? "match" : "DO NOT match"} their classes, ` +
      `${recomputed} classes re-measured by LP region ${agree ? "agree" : "DISAGREE"} (${(cpu() - t0).toFixed(1)} CPU s)`,
  );
}

/** Every sampled function's hits per prior (gaussian, uniform) and the samples K: from a table's jsonl or from shards. */
async function* mcTableRows(path) {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith('{"function"')) continue;
    const row = JSON.parse(line);
    yield { function: row.function, hits: [row.gaussian.hits, row.uniform.hits], samples: row.gaussian.samples };
  }
}

function mcShardRows(paths) {
  // A function drawn in several shards: its hits summed.
  const byFunction = new Map();
  let samples = 0;
  let job;
  const chunks = [];
  for (const path of paths) {
    const { manifest } = readShard(path, (r) => {
      if (typeof r.function !== "string") return;
      const sum = byFunction.get(r.function);
      if (sum) r.hits.forEach((h, q) => (sum[q] += h));
      else byFunction.set(r.function, [...r.hits]);
    });
    if (manifest.method !== "mc" || !manifest.table.run.functions) throw new Error(`${path} is not a shard of a listed Monte Carlo table`);
    if (job !== undefined && manifest.job !== job) throw new Error(`${path} belongs to another job`);
    job = manifest.job;
    for (const c of chunks)
      if (manifest.chunks.start < c.end && c.start < manifest.chunks.end) throw new Error(`${path} overlaps another shard's chunks`);
    chunks.push(manifest.chunks);
    samples += manifest.totals.samples;
  }
  const total = chunks[0]?.total;
  const rows = [...byFunction].map(([f, hits]) => ({ function: f, hits }));
  console.log(
    `Monte Carlo shards: ${paths.length}, chunks ${chunks.reduce((s, c) => s + c.end - c.start, 0)} of ${total}, K = ${samples} samples per prior, ` +
      `${rows.length} listed functions drawn`,
  );
  return { rows, samples };
}

if (values.mc || values["mc-shard"].length > 0) {
  const t0 = cpu();
  const kinds = ["gaussian", "uniform"];
  const seen = kinds.map(() => 0);
  const off2 = kinds.map(() => 0);
  // Seen and off by > 2×, among functions expected at least once (K·p ≥ 1) and at least 10 times.
  const likely = kinds.map(() => ({ seen1: 0, off1: 0, seen10: 0, off10: 0 }));
  let samples = 0;
  let rows;
  if (values.mc) rows = mcTableRows(values.mc);
  else {
    const shards = mcShardRows(values["mc-shard"]);
    samples = shards.samples;
    rows = shards.rows;
  }
  for await (const row of rows) {
    if (row.samples !== undefined) samples = row.samples;
    // A listed table's rows of functions never drawn: nothing to compare (they count as missed).
    if (row.hits.every((h) => h === 0)) continue;
    const c = covered.get(keyOf(row.function));
    if (!c) continue;
    kinds.forEach((k, q) => {
      const hits = row.hits[q];
      if (hits === 0) return;
      seen[q]++;
      const ratio = hits / samples / c[k];
      const off = ratio > 2 || ratio < 0.5;
      if (off) off2[q]++;
      const expected = samples * c[k];
      if (expected >= 1) {
        likely[q].seen1++;
        if (off) likely[q].off1++;
      }
      if (expected >= 10) {
        likely[q].seen10++;
        if (off) likely[q].off10++;
      }
    });
  }
  const functions = [...covered.values()].reduce((s, c) => s + c.orbit, 0);
  kinds.forEach((k, q) => {
    const expectedMisses = [...covered.values()].reduce((s, c) => s + c.orbit * Math.exp(samples * Math.log1p(-c[k])), 0);
    const rarest = Math.min(...[...covered.values()].map((c) => c[k]));
    const commonest = Math.max(...[...covered.values()].map((c) => c[k]));
    const atLeast = (m) => [...covered.values()].reduce((s, c) => s + (samples * c[k] >= m ? c.orbit : 0), 0);
    console.log(
      `${k}: ${functions} covered functions (${covered.size} classes, p from ${rarest.toExponential(3)} to ${commonest.toExponential(3)}); K = ${samples} samples: ` +
        `${functions - seen[q]} missed entirely (expected ${expectedMisses.toFixed(1)}), ${off2[q]} of the ${seen[q]} seen off by more than 2×; ` +
        `K·p ≥ 1: ${atLeast(1)} functions, ${likely[q].seen1} seen, ${likely[q].off1} off by > 2×; ` +
        `K·p ≥ 10: ${atLeast(10)} functions, ${likely[q].seen10} seen, ${likely[q].off10} off by > 2×`,
    );
  });
  console.log(`(comparison ${(cpu() - t0).toFixed(1)} CPU s)`);
}
if (!ok) process.exitCode = 1;
