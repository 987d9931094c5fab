/**
 * examples/slurm and examples/kubernetes: every `weightspace` command they run exists with every
 * option they pass (checked against the command's --help), the shard count agrees everywhere (array
 * size, completions, --shard i/N, the merge's file pattern), and the shell scripts parse (bash -n).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT, runCli } from "./_helpers/runCli.js";

beforeAll(() => ensureBuilt());

const FOLDERS = ["examples/slurm", "examples/kubernetes"];

/** A file's text with shell line continuations and YAML folded scalars (`>-`) joined into lines. */
function joinedLines(path: string): string[] {
  const lines = readFileSync(path, "utf8").replace(/\\\n/g, " ").split("\n");
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const folded = /^(\s*)- >-\s*$/.exec(lines[k]);
    if (!folded) {
      out.push(lines[k]);
      continue;
    }
    const parts: string[] = [];
    while (k + 1 < lines.length && /^\s*/.exec(lines[k + 1])![0].length > folded[1].length && lines[k + 1].trim() !== "") parts.push(lines[++k].trim());
    out.push(parts.join(" "));
  }
  return out;
}

/** Every `weightspace COMMAND …` the files run: the command and its --options. */
function invocations(folder: string): { file: string; command: string; options: string[]; text: string }[] {
  const found: { file: string; command: string; options: string[]; text: string }[] = [];
  for (const name of readdirSync(join(ROOT, folder))) {
    for (const line of joinedLines(join(ROOT, folder, name))) {
      const m = /(?:^|[\s$`(])weightspace ([a-z]+)(.*)$/.exec(line.replace(/^\$ /, " "));
      if (!m || line.trimStart().startsWith("#")) continue;
      const options = [...m[2].matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)].map((o) => o[1]);
      found.push({ file: name, command: m[1], options, text: m[0] });
    }
  }
  return found;
}

describe.each(FOLDERS)("%s", (folder) => {
  const runs = invocations(folder);

  it("runs table --shard, merge and plan", () => {
    const commands = new Set(runs.map((r) => r.command));
    for (const c of ["table", "merge", "plan"]) expect(commands).toContain(c);
    expect(runs.some((r) => r.command === "table" && r.options.includes("--shard") && r.options.includes("--resume"))).toBe(true);
  });

  it("passes only options the commands have", () => {
    const help = new Map<string, string>();
    for (const { file, command, options } of runs) {
      if (!help.has(command)) {
        const r = runCli([command, "--help"]);
        expect(r.status, `${file}: weightspace ${command} --help`).toBe(0);
        help.set(command, r.stdout);
      }
      for (const o of options) expect(help.get(command), `${file}: weightspace ${command} ${o}`).toMatch(new RegExp(`${o}[ ,=<\\[\\n]`));
    }
  });

  it("uses one shard count everywhere", () => {
    const text = readdirSync(join(ROOT, folder))
      .map((name) => readFileSync(join(ROOT, folder, name), "utf8"))
      .join("\n");
    const counts = [
      ...[...text.matchAll(/--array=1-(\d+)/g)].map((m) => m[1]),
      ...[...text.matchAll(/^N=(\d+)$/gm)].map((m) => m[1]),
      ...[...text.matchAll(/completions: (\d+)/g)].map((m) => m[1]),
      ...[...text.matchAll(/--shard "\$I\/(\d+)"/g)].map((m) => m[1]),
      ...[...text.matchAll(/shard-\*-of-(\d+)\.jsonl/g)].map((m) => m[1]),
    ];
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(counts).size).toBe(1);
  });
});

describe("examples/slurm scripts", () => {
  it.each(["table-array.sbatch", "merge.sbatch", "submit.sh"])("%s parses (bash -n)", (name) => {
    const r = spawnSync("bash", ["-n", join(ROOT, "examples/slurm", name)], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("queues the merge after the array (afterok)", () => {
    const submit = readFileSync(join(ROOT, "examples/slurm/submit.sh"), "utf8");
    expect(submit).toMatch(/array=\$\(sbatch --parsable table-array\.sbatch\)/);
    expect(submit).toMatch(/sbatch --dependency="afterok:\$\{array\}" merge\.sbatch/);
  });
});

describe("examples/kubernetes manifests", () => {
  it("are an Indexed Job and a merge Job on one shared ReadWriteMany volume", () => {
    const job = readFileSync(join(ROOT, "examples/kubernetes/table-job.yaml"), "utf8");
    const merge = readFileSync(join(ROOT, "examples/kubernetes/merge-job.yaml"), "utf8");
    const volume = readFileSync(join(ROOT, "examples/kubernetes/volume.yaml"), "utf8");
    expect(job).toMatch(/completionMode: Indexed/);
    expect(job).toMatch(/JOB_COMPLETION_INDEX \+ 1/);
    expect(volume).toMatch(/kind: PersistentVolumeClaim[\s\S]*name: weightspace-data[\s\S]*ReadWriteMany/);
    for (const manifest of [job, merge]) {
      expect(manifest).toMatch(/claimName: weightspace-data/);
      expect(manifest).toMatch(/mountPath: \/data/);
      // YAML indentation: spaces only.
      expect(manifest).not.toMatch(/\t/);
    }
  });
});
