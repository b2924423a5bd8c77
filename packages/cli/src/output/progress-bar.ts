import { printable } from "@tokenmeter/core";
import { displayWidth, truncateToWidth } from "./style.ts";

/** Progress of a long read, drawn on stderr. */
export interface Progress {
  /** Sets how many bytes of `totalBytes` are done. Cheap to call often: redraws at most 10 times a second. */
  update(doneBytes: number): void;
  /** Changes the label (e.g. to the file being read). */
  label(text: string): void;
  /** Erases the bar. */
  done(): void;
}

const NO_PROGRESS: Progress = { update() {}, label() {}, done() {} };
const REDRAW_MS = 100;
const BAR_CELLS = 24;

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

/**
 * A progress bar on stderr, only when stderr is a terminal (never in pipes, files or CI logs, and
 * never on stdout, which carries data). `totalBytes` of 0 shows bytes read without a bar.
 */
export function createProgress(totalBytes: number, initialLabel: string): Progress {
  const stream = process.stderr;
  if (stream.isTTY !== true || process.env.TERM === "dumb") return NO_PROGRESS;
  let text = printable(initialLabel);
  let lastDraw = 0;
  let shown = false;
  function draw(doneBytes: number): void {
    const columns = stream.columns ?? 80;
    let line: string;
    if (totalBytes > 0) {
      const ratio = Math.min(1, doneBytes / totalBytes);
      const filled = Math.round(ratio * BAR_CELLS);
      line = `[${"█".repeat(filled)}${"░".repeat(BAR_CELLS - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${megabytes(doneBytes)} / ${megabytes(totalBytes)}`;
    } else {
      line = `${megabytes(doneBytes)} read`;
    }
    const room = Math.max(0, columns - displayWidth(line) - 2);
    const label = room > 4 ? `${truncateToWidth(text, room)} ` : "";
    stream.write(`\r\u001b[K${label}${line}`);
    shown = true;
  }
  return {
    update(doneBytes) {
      const now = performance.now();
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      draw(doneBytes);
    },
    label(next) {
      text = printable(next);
    },
    done() {
      if (shown) stream.write("\r\u001b[K");
      shown = false;
    },
  };
}
