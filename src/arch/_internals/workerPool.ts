/**
 * A pool of table worker threads (tableWorker.ts) fed one request at a time each: the one mechanism
 * behind Monte Carlo sampling on threads and exact tables measured on threads.
 *
 * The worker script is the compiled `tableWorker.js` next to this module. When it does not exist —
 * under vitest, which runs the TypeScript sources — callers run their work in-process; the built CLI
 * (and its tests) exercise the threads.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { WorkerReply, WorkerRequest } from "./tableWorker.js";

const WORKER_URL = new URL("./tableWorker.js", import.meta.url);

/** Whether the compiled worker script is present (false when running TypeScript sources). */
export function workersAvailable(): boolean {
  return WORKER_URL.protocol === "file:" && existsSync(fileURLToPath(WORKER_URL));
}

/** What a pool works through. */
export interface PoolWork {
  /** The next request, or undefined when none is left (called again after every reply). */
  next(): WorkerRequest | undefined;
  /** Handles the reply to a request (errors are handled by the pool); may throw to stop the pool. */
  done(reply: WorkerReply): void;
  /** Sent to each worker once no request is left; its reply is the worker's result (none: no result). */
  readonly finish?: WorkerRequest;
}

/**
 * Hands `work`'s requests to `count` workers, one at a time each, until none is left; returns each
 * worker's reply to `finish` (undefined without one). Workers are terminated on return or failure.
 * @throws Error when a worker reports an error or exits early, or what `done` throws.
 */
export async function runOnWorkers(count: number, work: PoolWork): Promise<(WorkerReply | undefined)[]> {
  const pool = Array.from({ length: count }, () => new Worker(WORKER_URL));
  try {
    return await Promise.all(
      pool.map(
        (worker) =>
          new Promise<WorkerReply | undefined>((resolve, reject) => {
            let finishing = false;
            const feed = () => {
              const request = work.next();
              if (request) return worker.postMessage(request);
              if (!work.finish) return resolve(undefined);
              finishing = true;
              worker.postMessage(work.finish);
            };
            worker.on("message", (reply: WorkerReply) => {
              if (reply.kind === "error") return reject(new Error(`table worker failed: ${reply.error}`));
              if (finishing) return resolve(reply);
              try {
                work.done(reply);
                feed();
              } catch (e) {
                reject(e);
              }
            });
            worker.on("error", reject);
            worker.on("exit", (code) => reject(new Error(`table worker exited early (code ${code})`)));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
