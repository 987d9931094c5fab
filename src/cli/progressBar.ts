/**
 * A progress bar on stderr (never stdout, which carries data), shown only on a terminal (or with
 * WEIGHTSPACE_PROGRESS=1) and only once the work has taken more than a second.
 */
import cliProgress from "cli-progress";

/** Progress reporting for one task. */
export interface Progress {
  /** Reports `done` of `total` units. */
  update(done: number, total: number): void;
  /** Removes the bar. */
  stop(): void;
}

/** A progress bar labelled `label`. */
export function progressBar(label: string): Progress {
  const enabled = process.stderr.isTTY === true || process.env.WEIGHTSPACE_PROGRESS === "1";
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!enabled) return;
      if (!bar) {
        if (Date.now() - started < 1000) return;
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: `${label} [{bar}] {percentage}% {value}/{total}`, fps: 5 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** Progress of work in stages: a new bar whenever the label changes. */
export interface StagedProgress {
  /** Reports `done` of `total` units of the stage `label`. */
  update(label: string, done: number, total: number): void;
  /** Removes the current bar. */
  stop(): void;
}

/** Progress bars for work in labelled stages (one bar at a time). */
export function stagedProgress(): StagedProgress {
  let label: string | undefined;
  let bar: Progress | undefined;
  return {
    update(l, done, total) {
      if (l !== label) {
        bar?.stop();
        label = l;
        bar = progressBar(l);
      }
      bar?.update(done, total);
    },
    stop() {
      bar?.stop();
      bar = undefined;
      label = undefined;
    },
  };
}
