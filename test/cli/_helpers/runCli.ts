/**
 * Runs the built CLI (`node dist/cli/main.js`) as a child process. `npm test` builds first (pretest);
 * when the tests are run directly and dist/cli/main.js is missing, `ensureBuilt` runs `npm run build`
 * once (a lock directory keeps parallel test files from building at the same time).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const CLI = join(ROOT, "dist/cli/main.js");

/** Builds the CLI if dist/cli/main.js is missing. */
export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  const lock = join(tmpdir(), `weightspace-build-lock-${ROOT.replace(/[^A-Za-z0-9]/g, "_")}`);
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    // Another test file is building; wait for it.
  }
  if (owner) {
    try {
      const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 180_000 && !existsSync(CLI); waited += 200) Atomics.wait(sleeper, 0, 0, 200);
  if (!existsSync(CLI)) throw new Error("dist/cli/main.js did not appear (build failed?)");
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function environment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.WEIGHTSPACE_PROGRESS;
  return env;
}

/** Runs the CLI synchronously. */
export function runCli(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: environment(),
    maxBuffer: 1 << 30,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI without blocking (for running many cases side by side), with extra environment variables. */
export function runCliAsync(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...environment(), ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

const made: string[] = [];

/** A fresh empty directory under the system temp dir (removed by `removeFreshDirs`). */
export function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "weightspace-cli-"));
  made.push(dir);
  return dir;
}

/** Removes every directory `freshDir` made in this test file (call it from afterAll). */
export function removeFreshDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Names in a directory (hidden files included). */
export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

/**
 * Asserts that `args` (run with `--out` in a fresh folder) is a usage error: exit 2, nothing on
 * stdout, one stderr line matching `message`, and no output file.
 */
export async function expectUsageError(args: string[], message: RegExp): Promise<void> {
  const out = join(freshDir(), "out.json");
  const r = await runCliAsync([...args, "--out", out]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(existsSync(out)).toBe(false);
}
