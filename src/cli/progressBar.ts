/**
 * Progress on stderr (never stdout, which carries data): a bar on a terminal, periodic lines with
 * WEIGHTSPACE_PROGRESS=1 when stderr is redirected, and only once the work has taken over a second.
 */
import cliProgress from "cli-progress";

/** Progress reporting for one task. */
export interface Progress {
  /** Reports `done` of `total` units. */
  update(done: number, total: number): void;
  /** Removes the bar. */
  stop(): void;
}

/** Seconds between progress lines when stderr is not a terminal. */
const LINE_INTERVAL_MS = 3000;

/**
 * A progress indicator labelled `label`: a bar on a terminal, or with WEIGHTSPACE_PROGRESS=1 and
 * stderr redirected, one line every few seconds (`label: done/total (p%)`); WEIGHTSPACE_PROGRESS=0
 * silences both. Nothing is shown for work that ends within a second. `stop` after finished work
 * shows 100%.
 */
export function progressBar(label: string): Progress {
  const setting = process.env.WEIGHTSPACE_PROGRESS;
  const tty = process.stderr.isTTY === true;
  const mode = setting === "0" ? "off" : tty ? "bar" : setting === "1" ? "lines" : "off";
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  let lastLine = 0;
  let last: [number, number] | undefined;
  let shown = false;
  const line = (done: number, total: number) =>
    process.stderr.write(`${label}: ${done}/${total} (${total > 0 ? Math.floor((100 * done) / total) : 100}%)\n`);
  return {
    update(done, total) {
      last = [done, total];
      if (mode === "off" || Date.now() - started < 1000) return;
      if (mode === "lines") {
        if (Date.now() - lastLine >= LINE_INTERVAL_MS) {
          line(done, total);
          lastLine = Date.now();
          shown = true;
        }
        return;
      }
      if (!bar) {
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
      // The last update may be throttled away: show where the work ended (100% when it finished).
      if (bar && last) bar.update(last[0]);
      bar?.stop();
      bar = undefined;
      if (shown && last) line(last[0], last[1]);
      shown = false;
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
