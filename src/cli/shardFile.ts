/**
 * The shard file of `table --shard i/N`: JSON Lines of the shard's records (exact: its classes'
 * measures, then its rows with their indices in the whole table; Monte Carlo: every function its
 * chunks drew, with its hits under each prior), then one `{"manifest": …}` line that says what the
 * shard is, what it holds and its partial totals, with a SHA-256 checksum of every byte before it.
 */
import { createHash, type Hash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import type { OutputSink } from "./outputSink.js";

/** A contiguous range [start, end) of the `total` items (classes or chunks) of a whole run. */
export interface ItemRange {
  readonly start: number;
  readonly end: number;
  readonly total: number;
}

/** What a shard file says about itself. Field names are a public interface. */
export interface ShardManifest {
  /** Always `weightspace-shard/1`. */
  readonly format: string;
  /** The tool version that wrote it (merge refuses a mix of versions). */
  readonly version: string;
  /** The command line of the whole job (without --shard, --out, --resume, --workers), for people. */
  readonly command: string;
  /** SHA-256 of the job's settings (run record, listing, output format): equal for one job's shards. */
  readonly job: string;
  /** `i/N`. */
  readonly shard: string;
  readonly index: number;
  readonly of: number;
  /** `exact` or `mc`. */
  readonly method: string;
  /** Exact: the classes this shard measured. */
  readonly classes?: ItemRange;
  /** Monte Carlo: the sample chunks this shard drew. */
  readonly chunks?: ItemRange;
  /** Records before the manifest that are rows (exact) or counted functions (Monte Carlo). */
  readonly rows: number;
  /** This shard's part of the totals (exact: Σ orbit · measure, uniform as an exact fraction; mc: samples). */
  readonly totals: Readonly<Record<string, unknown>>;
  /** Exact: the predicted cost of the shard and of the whole table (see classCost) that balanced the split. */
  readonly predictedCost?: { readonly shard: number; readonly table: number; readonly model: string };
  /** What the merge needs to write the table as a single run would. */
  readonly table: ShardTable;
  /** `sha256:` and the hex digest of every byte before the manifest line. */
  readonly checksum: string;
}

/** The settings of the whole table, identical in every shard of a job. */
export interface ShardTable {
  readonly inputs: number;
  readonly tableWords: number;
  readonly arch: Readonly<Record<string, unknown>>;
  readonly kinds: readonly string[];
  readonly output: { readonly format: string; readonly hex: boolean };
  /** The run record the table prints. */
  readonly run: Readonly<Record<string, unknown>>;
  /** Exact: the whole table's summary with this shard's totals in the totals' places. */
  readonly summary?: Readonly<Record<string, unknown>>;
  /** Exact: rows of the whole table. */
  readonly rowCount?: number;
  /** Monte Carlo: the run's samples and seed. */
  readonly samples?: number;
  readonly seed?: number;
}

/** The format tag of shard files. */
export const SHARD_FORMAT = "weightspace-shard/1";

/** Writes records as lines, hashing them, then the manifest line with the checksum. */
export class ShardWriter {
  private readonly hash: Hash = createHash("sha256");
  constructor(private readonly sink: OutputSink) {}

  /** Writes one record line. */
  record(value: unknown): void {
    const text = `${jsonLine(value)}\n`;
    this.hash.update(text);
    this.sink.write(text);
  }

  /** Writes the manifest (its checksum filled in here). */
  end(manifest: Omit<ShardManifest, "checksum">): void {
    this.sink.write(`${jsonLine({ manifest: { ...manifest, checksum: `sha256:${this.hash.digest("hex")}` } })}\n`);
  }
}

function jsonLine(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** Reads a file's lines (without their `\n`) in order, synchronously, in bounded memory. */
export function* fileLines(path: string): Generator<Buffer> {
  const fd = openSync(path, "r");
  try {
    const chunk = Buffer.alloc(1 << 20);
    let rest: Buffer = Buffer.alloc(0);
    for (;;) {
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      let data = Buffer.concat([rest, chunk.subarray(0, got)]);
      let nl: number;
      while ((nl = data.indexOf(10)) >= 0) {
        yield data.subarray(0, nl);
        data = data.subarray(nl + 1);
      }
      rest = Buffer.from(data);
    }
    if (rest.length > 0) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** A shard file that failed a check: the message names the file. */
export class ShardError extends Error {
  override readonly name = "ShardError";
}

/**
 * Reads a shard file once: checks that its last line is a manifest and that the checksum matches,
 * and hands every record before it to `visit` (parsed, before the checksum is known: act on them
 * only once this returns). Returns the manifest and the number of records.
 * @throws ShardError naming the file: not a shard file, or corrupted (checksum or record count).
 */
export function readShard(
  path: string,
  visit: (record: Record<string, unknown>) => void,
): { manifest: ShardManifest; records: number } {
  const hash = createHash("sha256");
  let pending: Buffer | undefined;
  let records = 0;
  const bad = (why: string) => new ShardError(`${path} ${why}`);
  const parse = (line: Buffer): Record<string, unknown> => {
    try {
      const v: unknown = JSON.parse(line.toString("utf8"));
      if (v !== null && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // reported below
    }
    throw bad(`is not a ${SHARD_FORMAT} file, or is corrupted: line ${records + 1} is not a JSON record`);
  };
  try {
    for (const line of fileLines(path)) {
      if (pending !== undefined) {
        hash.update(pending);
        hash.update("\n");
        visit(parse(pending));
        records++;
      }
      pending = line;
    }
  } catch (e) {
    if (e instanceof ShardError) throw e;
    throw bad(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const last = pending === undefined ? undefined : (() => {
    try {
      return JSON.parse(pending.toString("utf8")) as { manifest?: ShardManifest };
    } catch {
      return undefined;
    }
  })();
  const manifest = last?.manifest;
  if (!manifest || manifest.format !== SHARD_FORMAT) throw bad(`is not a ${SHARD_FORMAT} file (its last line is not a shard manifest)`);
  if (manifest.checksum !== `sha256:${hash.digest("hex")}`)
    throw bad("is corrupted: its content does not match the manifest's checksum");
  return { manifest, records };
}
