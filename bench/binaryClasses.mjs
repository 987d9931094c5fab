#!/usr/bin/env node
// The binary-encoding symmetry classes derived from the NPN class list (issue 12 item 7):
// checks at n = 6 that they are the classes of the existing binary class table (keys by walking the
// whole group, orbits equal), then derives n = 7 and reports its class count, Σ orbit and cost.
//   npm run build && node bench/binaryClasses.mjs [--skip6]
// Times are CPU seconds of this process (process.cpuUsage).
import { deriveBinaryClasses } from "../dist/arch/perceptron/binaryClassList.js";
import { symmetryClassKey } from "../dist/arch/perceptron/classKeys.js";
import { perceptronTable } from "../dist/arch/perceptron/perceptronTable.js";
import { enumerateThresholdClasses } from "../dist/arch/perceptron/thresholdClassList.js";
import { parseFunction } from "../dist/boolean/truthTable.js";
import { wordsFromBigInt } from "../dist/boolean/tableWords.js";

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

if (!process.argv.includes("--skip6")) {
  const spec = { inputs: 6, bias: true, encoding: "binary" };
  const key = symmetryClassKey(spec);
  let t0 = cpu();
  const table = new Map();
  perceptronTable(spec, { priors: [], all: false, classes: "symmetry" }).forEachRow((row) => {
    table.set(key(wordsFromBigInt(parseFunction(row.function, 6).bits, 6)), row.orbit);
  });
  const tableSeconds = cpu() - t0;
  t0 = cpu();
  const derived = deriveBinaryClasses(enumerateThresholdClasses(6));
  let same = table.size === derived.classes;
  for (let k = 0; k < derived.classes && same; k++) same = table.get(key(derived.rep(k))) === derived.orbit(k);
  console.log(
    `n = 6: table ${table.size} classes (${tableSeconds.toFixed(1)} CPU s), derived ${derived.classes} classes, Σ orbit ${derived.count}; ` +
      `${same ? "the same classes with the same orbits" : "DIFFERENT"} (${(cpu() - t0).toFixed(1)} CPU s with the group walks)`,
  );
  if (!same) process.exitCode = 1;
}

let t0 = cpu();
const list = enumerateThresholdClasses(7);
const listSeconds = cpu() - t0;
t0 = cpu();
const derived = deriveBinaryClasses(list);
console.log(
  `n = 7: ${list.classes.length} NPN classes (${listSeconds.toFixed(1)} CPU s) → ${derived.classes} binary classes, Σ orbit ${derived.count} ` +
    `(${(cpu() - t0).toFixed(1)} CPU s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`,
);
