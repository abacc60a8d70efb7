import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStore } from '@throughline/core/testing';
import { createSqliteStore } from './sqlite-store';

const directories: string[] = [];

describeStore(
  'sqlite',
  () => {
    const directory = mkdtempSync(join(tmpdir(), 'throughline-sqlite-'));
    directories.push(directory);
    return createSqliteStore({ filename: join(directory, 'contract.sqlite') });
  },
  {
    teardown() {
      for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
    },
  },
);

describeStore('sqlite :memory:', () => createSqliteStore({ filename: ':memory:' }));
