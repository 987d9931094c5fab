import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openSink } from "../../src/cli/outputSink.js";
import { freshDir, listDir, removeFreshDirs } from "./_helpers/runCli.js";

afterAll(() => removeFreshDirs());

const dirs: string[] = [];
const dir = () => {
  const d = freshDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("openSink(path)", () => {
  it("creates the file only on commit, with everything written, and no partial file left", () => {
    const d = dir();
    const file = join(d, "out.txt");
    const sink = openSink(file);
    const big = "x".repeat(100_000);
    sink.write("head\n");
    sink.write(big);
    expect(existsSync(file)).toBe(false);
    sink.commit();
    expect(readFileSync(file, "utf8")).toBe(`head\n${big}`);
    expect(listDir(d)).toEqual(["out.txt"]);
  });

  it("creates an empty file when nothing was written", () => {
    const d = dir();
    const sink = openSink(join(d, "empty.txt"));
    sink.commit();
    expect(readFileSync(join(d, "empty.txt"), "utf8")).toBe("");
  });

  it("abort removes the partial output (even after a flush) and keeps an existing file", () => {
    const d = dir();
    const file = join(d, "out.txt");
    writeFileSync(file, "old");
    const sink = openSink(file);
    sink.write("y".repeat(200_000)); // large enough to be flushed to the temporary file
    expect(listDir(d).length).toBe(2);
    sink.abort();
    expect(listDir(d)).toEqual(["out.txt"]);
    expect(readFileSync(file, "utf8")).toBe("old");
  });
});
