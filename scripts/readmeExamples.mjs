#!/usr/bin/env node
// Regenerates the command-line examples in README.md: every block
//   <!-- example: ARGS -->
//   ```console
//   $ weightspace ARGS
//   …output…
//   ```
// is rerun with the built CLI (npm run build first) and its output replaced. `--check` rewrites
// nothing and exits 1 when an example is stale (the tests do the same comparison).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const BLOCK = /<!-- example: (.*?) -->\n```console\n\$ weightspace (.*?)\n([\s\S]*?)```/g;

/** The output of one example: `weightspace ARGS` (a trailing `| head -N` keeps the first N lines). */
export function runExample(args) {
  const head = /\s*\|\s*head -(\d+)$/.exec(args);
  const argv = (head ? args.slice(0, head.index) : args).trim().split(/\s+/);
  const r = spawnSync(process.execPath, [CLI, ...argv], {
    encoding: "utf8",
    env: { ...process.env, WEIGHTSPACE_PROGRESS: "0" },
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`weightspace ${args} exited ${r.status}: ${r.stderr}`);
  const lines = r.stdout.split("\n");
  return head ? `${lines.slice(0, Number(head[1])).join("\n")}\n` : r.stdout;
}

/** Every example block of the README: its arguments and the output printed there. */
export function examples(text) {
  return [...text.matchAll(BLOCK)].map((m) => ({ args: m[1], shown: m[3] }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(README, "utf8");
  const check = process.argv.includes("--check");
  let stale = 0;
  const updated = text.replace(BLOCK, (_all, args) => {
    const out = runExample(args);
    return `<!-- example: ${args} -->\n\`\`\`console\n$ weightspace ${args}\n${out}\`\`\``;
  });
  for (const e of examples(text)) if (runExample(e.args) !== e.shown) stale++;
  if (check) {
    console.log(stale === 0 ? "README examples are current" : `${stale} README example(s) are stale`);
    process.exit(stale === 0 ? 0 : 1);
  }
  writeFileSync(README, updated);
  console.log(`README examples regenerated (${examples(updated).length})`);
}
