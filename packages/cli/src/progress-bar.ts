import type { CliIo } from './cli-io';

/**
 * A progress indicator on standard error: a bar when the total is known, a counter otherwise.
 */
export interface ProgressBar {
  /**
   * Reports progress.
   * @param done - units done so far (bytes or events)
   * @param events - events read so far, shown beside the bar
   */
  update(done: number, events: number): void;
  /** Clears the line. */
  finish(): void;
}

/**
 * Creates a progress bar that redraws at most ten times a second, and only on a terminal.
 * @param io - where to draw
 * @param label - what is being read
 * @param total - total units (bytes of a file), or undefined when unknown (a store scan)
 * @returns the progress bar
 * @example
 * const bar = createProgressBar(io, 'reading events.jsonl', size);
 */
export function createProgressBar(io: CliIo, label: string, total: number | undefined): ProgressBar {
  let lastDraw = 0;
  let drawn = false;
  const width = 30;
  return {
    update(done, events) {
      if (!io.interactive) return;
      const now = Date.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      drawn = true;
      if (total === undefined || total <= 0) {
        io.err(`\r${label}: ${events.toLocaleString('en-US')} events`);
        return;
      }
      const share = Math.min(1, done / total);
      const filled = Math.round(share * width);
      io.err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${events.toLocaleString('en-US')} events`);
    },
    finish() {
      if (drawn) io.err('\r\u001b[2K');
    },
  };
}
