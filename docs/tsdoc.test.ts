import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTsdoc, formatTsdocProblem, readTsdocPending } from '../scripts/check-tsdoc';

const root = resolve(import.meta.dirname, '..');

function fixture(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'tsdoc-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), text);
  }
  return directory;
}

describe('TSDoc of the public API', () => {
  it('every exported declaration outside the pending paths has a summary, and every exported function @param, @returns, @throws (for a throw of its own) and @example', async () => {
    const report = await checkTsdoc(root, readTsdocPending(root));
    expect(report.problems.map(formatTsdocProblem)).toEqual([]);
    expect(report.declarations).toBeGreaterThan(1000);
  }, 120_000);

  it('reports undocumented properties (zod shape keys included, once however often they are inlined) and incomplete function docs (a throw of its own needs @throws), not the members zod makes up', async () => {
    const directory = fixture({
      'typedoc.json': JSON.stringify({ entryPoints: ['packages/demo/src/index.ts'], tsconfig: 'tsconfig.json', skipErrorChecking: true }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', noEmit: true, paths: { zod: [join(root, 'node_modules/zod')] } },
        include: ['packages/demo/src'],
      }),
      'packages/demo/src/index.ts': [
        "import { z } from 'zod';",
        '/** A parcel. */',
        'export const parcelSchema = z.object({',
        '  /** Where it is. */',
        "  status: z.enum(['packed', 'shipped']),",
        '  weight: z.number(),',
        '});',
        '/** A parcel. */',
        'export type Parcel = z.infer<typeof parcelSchema>;',
        '/** Two parcels. */',
        'export interface Shipment {',
        '  /** The first. */',
        '  first: Parcel;',
        '  /** The second. */',
        '  second: Parcel;',
        '  carrier: string;',
        '}',
        '/**',
        ' * Weighs a parcel.',
        ' * @param parcel - the parcel',
        ' * @returns its weight',
        ' * @example',
        " * weigh({ status: 'packed', weight: 2 }); // 2",
        ' */',
        'export function weigh(parcel: Parcel): number {',
        '  return parcel.weight;',
        '}',
        '/** Ships a parcel. */',
        'export function ship(parcel: Parcel, carrier: string): Shipment {',
        '  return { first: parcel, second: parcel, carrier };',
        '}',
        '/**',
        ' * Reads a weight.',
        ' * @param text - grams, as typed',
        ' * @returns grams',
        ' * @example',
        " * readWeight('2'); // 2",
        ' */',
        'export function readWeight(text: string): number {',
        "  const check = (value: number) => { if (value < 0) throw new Error('negative'); };",
        '  const value = Number(text);',
        "  if (Number.isNaN(value)) throw new Error('not a number');",
        '  check(value);',
        '  return value;',
        '}',
        '/**',
        ' * Weighs parcels.',
        ' * @param parcels - the parcels',
        ' * @returns their weights',
        ' * @example',
        " * weighAll([{ status: 'packed', weight: 2 }]); // [2]",
        ' */',
        'export function weighAll(parcels: Parcel[]): number[] {',
        "  return parcels.map((parcel) => { if (parcel.weight < 0) throw new Error('negative'); return parcel.weight; });",
        '}',
        '',
      ].join('\n'),
    });
    const report = await checkTsdoc(directory, {});
    expect(report.problems.map((problem) => `${problem.line} ${problem.name}: ${problem.missing.join(', ')}`)).toEqual([
      '6 parcelSchema.__type.weight: summary',
      '16 Shipment.carrier: summary',
      '29 ship: param parcel, param carrier, returns, example',
      '39 readWeight: throws',
    ]);
    const pending = await checkTsdoc(directory, { 'packages/demo/': 'later', 'packages/other/': 'later' });
    expect(pending.problems).toEqual([]);
    expect(pending.pending).toHaveLength(4);
    expect(pending.pendingButClean).toEqual(['packages/other/']);
  }, 120_000);
});
