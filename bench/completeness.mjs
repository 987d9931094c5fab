#!/usr/bin/env node
// Completeness certificates by facet-flip closure, timed (never part of the tests):
//   npm run build && node bench/completeness.mjs          n ≤ 6 (about 10 s)
//   npm run build && node bench/completeness.mjs --n7     adds the n = 7 class list (minutes)
// Prints one line per case: wall time, classes, facet flips, rows the candidates got wrong, verdict.
import { certifyFunctionSource, certifyThresholdClassList } from "../dist/arch/perceptron/completenessCertificate.js";
import { functionSource } from "../dist/arch/perceptron/functionSource.js";
import { enumerateThresholdClasses } from "../dist/arch/perceptron/thresholdClassList.js";

const VARIANTS = [
  { bias: true, encoding: "binary" },
  { bias: true, encoding: "signed" },
  { bias: false, encoding: "binary" },
  { bias: false, encoding: "signed" },
];

function report(name, run) {
  const t = performance.now();
  const r = run();
  const s = ((performance.now() - t) / 1000).toFixed(2);
  console.log(`${name}: ${s} s, ${r.classes} classes, ${r.flipsChecked} flips, ${r.fallbacks} fallbacks, closed ${r.closed}`);
  if (!r.closed) console.log(`  ${r.certification}`);
}

for (const n of [4, 5]) {
  for (const v of VARIANTS) {
    const spec = { inputs: n, ...v };
    const source = functionSource(spec);
    report(`n=${n} ${v.encoding} ${v.bias ? "bias" : "no bias"} (function source)`, () => certifyFunctionSource(source));
  }
}
const source6 = functionSource({ inputs: 6, bias: false, encoding: "signed" });
report("n=6 signed no bias (function source)", () => certifyFunctionSource(source6));
const binary6 = functionSource({ inputs: 6, bias: false, encoding: "binary" });
report("n=6 binary no bias (function source, 1,512 classes)", () => certifyFunctionSource(binary6));
const list6 = enumerateThresholdClasses(6);
report("n=6 NPN class list (567 classes)", () =>
  certifyThresholdClassList({ inputs: 6, bias: true, encoding: "binary" }, { list: list6 }),
);
if (process.argv.includes("--n7")) {
  const list7 = enumerateThresholdClasses(7);
  const t = performance.now();
  report("n=7 NPN class list (14,755 classes)", () =>
    certifyThresholdClassList(
      { inputs: 7, bias: true, encoding: "binary" },
      {
        list: list7,
        onProgress: (done, total) => {
          if (done % 1000 === 0) console.log(`  ${done}/${total} classes, ${((performance.now() - t) / 1000).toFixed(0)} s`);
        },
      },
    ),
  );
}
