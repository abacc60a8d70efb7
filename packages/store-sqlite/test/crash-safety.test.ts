import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createThroughline } from '@throughline/core';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalTenantState, createIngestScenario } from '../../core/src/testing/store-contract/ingest-scenario';
import { seededRandom } from '../../core/src/testing/store-contract/store-contract-context';
import { createMockAdapter, signMockDelivery } from '@throughline/core/testing/fakes';
import { createSqliteStore } from '../src/sqlite-store';

const here = dirname(fileURLToPath(import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'throughline-crash-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/**
 * Starts the ingesting child and kills it with SIGKILL once it has acknowledged `killAfterAcks`
 * deliveries, `killDelayMs` later: counting acknowledgements rather than wall time makes every
 * run crash mid-ingest however fast or loaded the machine is, and the extra delay spreads the
 * kills over every phase of a delivery (verify, transaction, commit, acknowledgement).
 */
function runChild(filename: string, deliveriesFile: string, ackFile: string, first: number, killAfterAcks: number, killDelayMs: number): Promise<{ code: number | null; killed: boolean }> {
  const child: ChildProcess = spawn(process.execPath, ['--conditions=@throughline/source', '--import', 'tsx', join(here, 'ingest-child.ts'), filename, deliveriesFile, ackFile, String(first)], {
    cwd: join(here, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  let acks = 0;
  let killed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  child.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  child.stdout?.on('data', (chunk) => {
    acks += String(chunk).split('ack').length - 1;
    if (acks >= killAfterAcks && timer === undefined) {
      timer = setTimeout(() => {
        if (child.exitCode !== null) return;
        killed = true;
        child.kill('SIGKILL');
      }, killDelayMs);
    }
  });
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== null && code !== 0) console.error(errors);
      resolve({ code, killed });
    }),
  );
}

function acknowledged(ackFile: string): { indexes: number[]; done: boolean } {
  if (!existsSync(ackFile)) return { indexes: [], done: false };
  const lines = readFileSync(ackFile, 'utf8').split('\n').filter(Boolean);
  return { indexes: lines.filter((line) => line !== 'done').map(Number), done: lines.includes('done') };
}

describe('SQLite crash safety', () => {
  it('keeps every acknowledged event exactly once when the ingesting process is SIGKILLed at random points', async () => {
    const deliveries = createIngestScenario({ seed: 11, account: 'acme', deliveries: 150, people: 40 });
    const deliveriesFile = join(directory, 'deliveries.json');
    writeFileSync(deliveriesFile, JSON.stringify(deliveries));
    const filename = join(directory, 'crashed.sqlite');
    const ackFile = join(directory, 'acks.log');
    const random = seededRandom(2026);
    let kills = 0;
    let next = 0;

    for (let run = 0; run < 200; run++) {
      const { code, killed } = await runChild(filename, deliveriesFile, ackFile, next, 1 + Math.floor(random() * 20), Math.floor(random() * 15));
      if (killed) kills++;
      const acks = acknowledged(ackFile);
      if (code !== null) expect(code).toBe(0);
      // Acknowledgements are in delivery order: everything after the last one is redelivered.
      expect(acks.indexes).toEqual(acks.indexes.map((_, position) => position));
      next = acks.indexes.length;
      if (acks.done) break;
    }

    expect(kills).toBeGreaterThanOrEqual(3);
    expect(acknowledged(ackFile)).toEqual({ indexes: deliveries.map((delivery) => delivery.index), done: true });

    const db = new Database(filename);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = db.prepare("SELECT id, count(*) AS copies FROM events WHERE tenant_id = 'acme' GROUP BY id").all() as Array<{ id: string; copies: number }>;
    db.close();
    const crashed = createSqliteStore({ filename });
    const sourceIds = deliveries.flatMap((delivery) => delivery.eventIds);
    expect((await crashed.existingEventIds('acme', sourceIds)).size).toBe(new Set(sourceIds).size);
    expect(stored.every((row) => row.copies === 1)).toBe(true);

    // The same deliveries, each once, in one process that never crashed.
    const reference = createSqliteStore({ filename: join(directory, 'reference.sqlite') });
    const throughline = createThroughline({ store: reference, adapters: [createMockAdapter({ secrets: ['crash-secret'], accounts: { acme: 'acme' } })] });
    for (const delivery of deliveries) {
      const response = await throughline.webhooks.handle(
        await signMockDelivery({ url: 'https://app.example/webhooks/mock', secret: 'crash-secret', account: 'acme', body: delivery.body }),
      );
      expect(response.status).toBe(200);
    }
    const expected = await canonicalTenantState(reference, 'acme');
    const actual = await canonicalTenantState(crashed, 'acme');
    expect(actual.events.length).toBe(expected.events.length);
    expect(actual).toEqual(expected);
    await crashed.close();
    await throughline.close();
  }, 240_000);
});
