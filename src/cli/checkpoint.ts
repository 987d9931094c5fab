/**
 * Checkpoints of an exact shard: the classes measured so far, saved beside the output
 * (`OUT.checkpoint`) so that `--resume` continues an interrupted shard instead of starting over.
 * Saved atomically (a temporary file renamed over the old one), so a kill at any moment leaves the
 * previous checkpoint or the new one, never half of one.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import type { ClassMeasures } from "../arch/architecture.js";
import { UsageError } from "./usageError.js";

/** Save at most this often (classes), so that checkpoints cost little beside the measuring. */
const EVERY_CLASSES = 8;
/** … and at most once in this many milliseconds. */
const EVERY_MS = 2000;

/** What identifies the shard a checkpoint belongs to. */
export interface CheckpointIdentity {
  readonly job: string;
  readonly shard: string;
  readonly start: number;
  readonly end: number;
}

/** The checkpoint file of an output path. */
export function checkpointPath(out: string): string {
  return `${out}.checkpoint`;
}

/**
 * The measures a checkpoint holds, or none when there is no checkpoint.
 * @throws UsageError if the checkpoint is unreadable or belongs to another job or shard.
 */
export function readCheckpoint(path: string, identity: CheckpointIdentity): Map<number, ClassMeasures> {
  if (!existsSync(path)) return new Map();
  let data: { identity?: CheckpointIdentity; measured?: [number, ClassMeasures][] };
  try {
    data = JSON.parse(readFileSync(path, "utf8")) as typeof data;
  } catch {
    throw new UsageError(`--resume: ${path} is not a readable checkpoint; remove it to start the shard over`);
  }
  if (JSON.stringify(data.identity) !== JSON.stringify(identity) || !Array.isArray(data.measured))
    throw new UsageError(
      `--resume: ${path} belongs to another job or shard (${JSON.stringify(data.identity)}); remove it to start the shard over`,
    );
  return new Map(data.measured.filter(([k]) => k >= identity.start && k < identity.end));
}

/** Collects measured classes and saves them every few classes. */
export class Checkpointer {
  private unsaved = 0;
  private savedAt = Date.now();

  constructor(
    private readonly path: string,
    private readonly identity: CheckpointIdentity,
    private readonly measured: Map<number, ClassMeasures>,
  ) {}

  /** Records a class and saves when due. */
  add(classIndex: number, measures: ClassMeasures): void {
    this.measured.set(classIndex, measures);
    this.unsaved++;
    if (this.unsaved >= EVERY_CLASSES && Date.now() - this.savedAt >= EVERY_MS) this.save();
  }

  /** Saves now, atomically. */
  save(): void {
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ identity: this.identity, measured: [...this.measured] }));
    renameSync(temp, this.path);
    this.unsaved = 0;
    this.savedAt = Date.now();
  }

  /** Removes the checkpoint (the shard is complete). */
  remove(): void {
    rmSync(this.path, { force: true });
  }
}
