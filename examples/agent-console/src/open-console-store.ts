import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createMemoryStore, type TimelineStore } from '@throughline/core';

/**
 * Opens the store the console reads: a SQLite file when given, else memory. The SQLite package
 * (and its native module) is loaded only when a file is asked for.
 *
 * @param options - the SQLite file, and whether a missing file may be created (seed mode)
 * @returns the store
 * @throws {Error} when the file does not exist and would not be seeded
 */
export async function openConsoleStore(options: { db: string | undefined; create: boolean }): Promise<TimelineStore> {
  if (options.db === undefined) return createMemoryStore();
  const filename = resolve(options.db);
  if (!options.create && !existsSync(filename)) {
    throw new Error(`No database at ${filename}: run the peak-day demo first, or add --seed to create one`);
  }
  const { createSqliteStore } = await import('@throughline/store-sqlite');
  return createSqliteStore({ filename });
}
