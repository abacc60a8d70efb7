/**
 * Renders rows as a plain-text table with aligned columns: text left, numbers right.
 * @param headers - column titles
 * @param rows - cells; a number cell is right-aligned
 * @returns the table, one line per row, ending with a newline
 * @example
 * formatTable(['channel', 'contacts'], [['voice', '1,204']]);
 */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const numeric = headers.map((_, column) => rows.length > 0 && rows.every((row) => /^[-+]?[\d,.]+[%s]?$|^–$/.test(row[column] ?? '')));
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return `${[line(headers), rule, ...rows.map(line)].join('\n')}\n`;
}

/**
 * Formats a count with thousands separators; `–` for NaN.
 * @param value - the number
 * @param digits - decimals (default 0)
 * @returns the text
 * @example
 * formatNumber(1234.5, 1); // '1,234.5'
 */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Formats a share as a percentage; `–` for NaN.
 * @param value - a fraction (0.8 → "80.0%")
 * @returns the text
 * @example
 * formatPercent(0.8); // '80.0%'
 */
export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '–';
}

/**
 * Formats seconds compactly: `42s`, `3m05s`, `2h10m`, `1d04h`; `–` for NaN.
 * @param seconds - a duration
 * @returns the text
 * @example
 * formatDuration(185); // '3m05s'
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 86_400)}d${String(Math.floor((s % 86_400) / 3600)).padStart(2, '0')}h`;
}
