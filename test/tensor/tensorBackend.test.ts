import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { loadTensorBackend, TENSOR_BACKENDS, tensorBackend } from "../../src/tensor/tensorBackend.js";

/**
 * Whether tfjs-node actually loads: the package can be present without its native library (npm 11
 * skips install scripts unless approved, and the download fails offline), which counts as missing.
 */
function nodeBackendInstalled(): boolean {
  try {
    createRequire(import.meta.url)("@tensorflow/tfjs-node");
    return true;
  } catch {
    return false;
  }
}

async function matmulOn(b: Awaited<ReturnType<typeof loadTensorBackend>>): Promise<number[][]> {
  const a = b.tf.tensor2d([
    [1, 2],
    [3, 4],
  ]);
  const out = (await a.matMul(a).array()) as number[][];
  a.dispose();
  return out;
}

describe("tensor backend", () => {
  it("falls back to plain JavaScript when asked to, and computes there", async () => {
    const b = await loadTensorBackend(["cpu"]);
    expect(b.name).toBe("cpu");
    expect(b.tf.getBackend()).toBe("cpu");
    expect(await matmulOn(b)).toEqual([
      [7, 10],
      [15, 22],
    ]);
  });

  it("starts WebAssembly when tfjs-node is missing, and says why tfjs-node was skipped", async () => {
    const b = await loadTensorBackend(["tensorflow", "wasm", "cpu"]);
    if (nodeBackendInstalled()) expect(b.name).toBe("tensorflow");
    else {
      expect(b.name).toBe("wasm");
      expect(b.skipped.map((s) => s.name)).toEqual(["tensorflow"]);
      expect(b.skipped[0].reason).toMatch(/tfjs-node/);
    }
    expect(b.tf.getBackend()).toBe(b.name);
    expect(await matmulOn(b)).toEqual([
      [7, 10],
      [15, 22],
    ]);
  });

  it("chooses once per process and reports the choice once", async () => {
    const lines: string[] = [];
    const first = await tensorBackend({ report: (l) => lines.push(l) });
    const second = await tensorBackend({ report: (l) => lines.push(l) });
    expect(second).toBe(first);
    expect(TENSOR_BACKENDS).toContain(first.name);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^weightspace: tensor backend ${first.name}`));
  });
});
