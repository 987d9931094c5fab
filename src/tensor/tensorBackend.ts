/**
 * The TensorFlow.js backend for the training experiments, chosen at run time: tfjs-node (native
 * libtensorflow) when that optional dependency installed, else WebAssembly, else plain JavaScript.
 * tfjs-node downloads libtensorflow when it installs, which fails on machines without internet, so
 * it is optional and every caller goes through this module instead of importing a backend.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Backends in order of preference: tfjs-node's native one, WebAssembly, plain JavaScript. */
export const TENSOR_BACKENDS = ["tensorflow", "wasm", "cpu"] as const;

/** A backend name. */
export type TensorBackendName = (typeof TENSOR_BACKENDS)[number];

/** The loaded TensorFlow.js module with its active backend. */
export interface TensorBackend {
  /** The `@tensorflow/tfjs` (or tfjs-node) module, ready to use. */
  readonly tf: typeof import("@tensorflow/tfjs");
  /** Which backend is active. */
  readonly name: TensorBackendName;
  /** Why each preferred backend before it could not be used. */
  readonly skipped: readonly { name: TensorBackendName; reason: string }[];
}

let loading: Promise<TensorBackend> | undefined;

function reason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/**
 * Loads TensorFlow.js and starts the first of `preferred` that works, every call anew and without
 * reporting (tensorBackend is the cached, reporting entry point).
 * @throws Error if not even the cpu backend starts.
 */
export async function loadTensorBackend(
  preferred: readonly TensorBackendName[] = TENSOR_BACKENDS,
): Promise<TensorBackend> {
  const skipped: { name: TensorBackendName; reason: string }[] = [];
  if (preferred.includes("tensorflow")) {
    try {
      // A computed name keeps TypeScript and bundlers from requiring the optional package.
      const nodeModule = "@tensorflow/tfjs-node";
      const tf = (await import(nodeModule)) as typeof import("@tensorflow/tfjs");
      if (await tf.setBackend("tensorflow")) return { tf, name: "tensorflow", skipped };
      skipped.push({ name: "tensorflow", reason: "tfjs-node loaded but its backend did not start" });
    } catch (e) {
      skipped.push({ name: "tensorflow", reason: reason(e) });
    }
  }
  const tf = await import("@tensorflow/tfjs");
  if (preferred.includes("wasm")) {
    try {
      const wasm = await import("@tensorflow/tfjs-backend-wasm");
      // In Node the .wasm binaries are read from the package's dist folder, not fetched.
      const require = createRequire(import.meta.url);
      wasm.setWasmPaths(`${join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist")}/`);
      if (await tf.setBackend("wasm")) {
        await tf.ready();
        return { tf, name: "wasm", skipped };
      }
      skipped.push({ name: "wasm", reason: "the WebAssembly backend did not start" });
    } catch (e) {
      skipped.push({ name: "wasm", reason: reason(e) });
    }
  }
  if (!(await tf.setBackend("cpu"))) throw new Error("no TensorFlow.js backend could start, not even cpu");
  await tf.ready();
  return { tf, name: "cpu", skipped };
}

/**
 * Loads TensorFlow.js with the best backend available (once per process; later calls return the
 * same result) and reports the choice once on stderr, e.g. `weightspace: tensor backend wasm`.
 * `preferred` limits the candidates (tests use it to force a fallback); it only applies to the
 * first call.
 * @throws Error if not even the cpu backend starts.
 */
export function tensorBackend(
  options: { preferred?: readonly TensorBackendName[]; report?: (line: string) => void } = {},
): Promise<TensorBackend> {
  loading ??= loadTensorBackend(options.preferred ?? TENSOR_BACKENDS).then((b) => {
    const why = b.skipped.map((s) => `${s.name}: ${s.reason}`).join("; ");
    const line = `weightspace: tensor backend ${b.name}${why ? ` (skipped ${why})` : ""}\n`;
    (options.report ?? ((l: string) => process.stderr.write(l)))(line);
    return b;
  });
  return loading;
}
