import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contractEvent, minute } from '../../core/src/testing/store-contract/fixtures';
import { createSqliteStore } from './sqlite-store';

// A runtime without threads (or a bundle where the driver cannot be resolved by path).
vi.mock('node:worker_threads', () => ({
  Worker: class {
    constructor() {
      throw new Error('threads are not available here');
    }
  },
}));

let directory: string;
let filename: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'throughline-sqlite-checkpoint-'));
  filename = join(directory, 'store.sqlite');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('SQLite store without a checkpoint thread', () => {
  it('still works, and its writer copies the log into the file every 1,000 frames as SQLite does by default', async () => {
    const store = createSqliteStore({ filename });
    const initial = statSync(filename).size;
    // About 1,500 log frames: past the default automatic checkpoint, far below the distant one.
    for (let index = 0; index < 300; index++) {
      await store.transaction((transaction) =>
        transaction.putEvents([contractEvent({ tenantId: 'acme', id: `e-${index}`, customerId: `c-${index % 7}`, occurredAt: minute(index), body: 'x'.repeat(3000) })]),
      );
    }
    expect(statSync(filename).size).toBeGreaterThan(initial + 100 * 3000);
    expect((await store.listEvents({ tenantId: 'acme', limit: 500 })).length).toBe(300);
    await store.close();
  });
});
