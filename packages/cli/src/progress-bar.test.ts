import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { formatDuration, formatNumber, formatPercent, formatTable } from './format-table';
import { createProgressBar } from './progress-bar';

function io(interactive: boolean): CliIo & { written: string[] } {
  const written: string[] = [];
  return { out: () => {}, err: (text) => written.push(text), interactive, written };
}

describe('progress bar', () => {
  it('draws a bar with percentage on a terminal and clears the line at the end', () => {
    const terminal = io(true);
    const bar = createProgressBar(terminal, 'reading events.jsonl', 1000);
    bar.update(250, 5000);
    bar.finish();
    expect(terminal.written[0]).toMatch(/^\rreading events\.jsonl \[#{8}\.{22}\] {2}25% 5,000 events$/);
    expect(terminal.written.at(-1)).toBe('\r\u001b[2K');
  });

  it('counts events when the total is unknown, and stays silent off a terminal', () => {
    const terminal = io(true);
    createProgressBar(terminal, 'reading sqlite:x.db', undefined).update(42, 42);
    expect(terminal.written).toEqual(['\rreading sqlite:x.db: 42 events']);
    const pipe = io(false);
    const bar = createProgressBar(pipe, 'x', 10);
    bar.update(5, 5);
    bar.finish();
    expect(pipe.written).toEqual([]);
  });
});

describe('terminal formatting', () => {
  it('aligns numbers right and text left', () => {
    expect(formatTable(['channel', 'contacts'], [['voice', '1,204'], ['chat', '87']])).toBe(
      'channel  contacts\n───────  ────────\nvoice       1,204\nchat           87\n',
    );
    expect(formatDuration(185)).toBe('3m05s');
    expect(formatDuration(7800)).toBe('2h10m');
    expect(formatDuration(Number.NaN)).toBe('–');
    expect(formatPercent(0.8)).toBe('80.0%');
    expect(formatNumber(1234.5, 1)).toBe('1,234.5');
  });
});
