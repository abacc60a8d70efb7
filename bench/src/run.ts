import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchModule, BenchResult } from './bench-result';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

function format(result: BenchResult): string[] {
  const rate = result.opsPerSecond === undefined ? '' : Math.round(result.opsPerSecond).toLocaleString('en-US');
  const value = result.value === undefined ? '' : `${Number(result.value.toPrecision(4)).toLocaleString('en-US')} ${result.unit ?? ''}`.trim();
  return [result.name, rate, value, result.note ?? ''];
}

const rows: string[][] = [];
for (const file of files) {
  const module = (await import(join(here, file))) as BenchModule;
  process.stderr.write(`running ${file}…\n`);
  try {
    for (const result of await module.run()) rows.push([file.replace('.bench.ts', ''), ...format(result)]);
  } catch (error) {
    rows.push([file.replace('.bench.ts', ''), 'FAILED', '', '', error instanceof Error ? error.message : String(error)]);
  }
}
const header = ['suite', 'measure', 'ops/s', 'value', 'note'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((cell, column) => (column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
