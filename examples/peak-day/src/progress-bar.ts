/**
 * The run's progress on standard error: a bar redrawn in place on a terminal, a line every tenth
 * of the way otherwise (CI logs, pipes).
 */
import type { PeakDayProgress } from './run-peak-day';

/** Draws progress. */
export interface ProgressBar {
  update(progress: PeakDayProgress): void;
  /** Clears the bar (or prints nothing more). */
  finish(): void;
}

/**
 * Creates the progress bar.
 * @param stream - where to draw (standard error)
 * @param timeZone - the zone simulated time is shown in
 * @returns the bar
 */
export function createProgressBar(stream: NodeJS.WriteStream, timeZone: string): ProgressBar {
  const interactive = stream.isTTY === true;
  const time = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const width = 32;
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(progress) {
      const share = progress.total === 0 ? 1 : progress.done / progress.total;
      const label = progress.phase === 'history' ? 'order history' : progress.phase === 'summary' ? 'reading the day back' : time.format(progress.simulatedAt);
      const counts = `${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')} steps`;
      if (interactive) {
        const now = performance.now();
        if (now - lastDraw < 80 && progress.done < progress.total) return;
        lastDraw = now;
        drawn = true;
        const filled = Math.round(share * width);
        stream.write(`\r\u001b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${label.padEnd(20)} ${counts}`);
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`peak day: ${(share * 100).toFixed(0)}%  ${label}  ${counts}\n`);
      }
    },
    finish() {
      if (interactive && drawn) stream.write('\r\u001b[2K');
    },
  };
}
