import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createThroughline } from '@throughline/core';
import { createTestClock } from '@throughline/core/testing/fakes';
import { afterEach, describe, expect, it } from 'vitest';
import type { DueSoonResponse, OpenCaseResponse, SearchResponse, TimelineResponse } from '../src/api/console-api-types';
import { consoleSlaSettings } from '../src/console-sla-settings';
import { openConsoleStore } from '../src/open-console-store';
import { createSeedEvents } from '../src/seed/seed-events';
import { startAgentConsole } from '../src/server/agent-console-server';

const directories: string[] = [];

afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('the console over a SQLite file another process wrote', () => {
  it('refuses a database file that does not exist unless it may create one', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'agent-console-'));
    directories.push(directory);
    await expect(openConsoleStore({ db: join(directory, 'missing.sqlite'), create: false })).rejects.toThrow(/No database at/);
  });

  it('finds customers, shows their timeline, clocks and the due-soon queue from the file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'agent-console-'));
    directories.push(directory);
    const filename = join(directory, 'peak-day.sqlite');
    const clock = createTestClock('2026-11-27T14:00:00.000Z');

    // The writer (the peak-day demo in real life) fills the file and goes away.
    const writer = createThroughline({ store: await openConsoleStore({ db: filename, create: true }), adapters: [], clock, sla: { ...consoleSlaSettings, timers: false } });
    await writer.ingest('acme', createSeedEvents('acme', clock.now()));
    await writer.close();

    const throughline = createThroughline({ store: await openConsoleStore({ db: filename, create: false }), adapters: [], clock, sla: { ...consoleSlaSettings, timers: false } });
    const agentConsole = await startAgentConsole({ throughline, tenantId: 'acme', now: () => clock.now(), port: 0 });
    try {
      const get = async <T>(path: string): Promise<T> => (await (await fetch(new URL(path, agentConsole.url))).json()) as T;
      expect(throughline.store.kind).toBe('sqlite');
      const search = await get<SearchResponse>('/api/search?q=%231042');
      expect(search.matches.map((match) => match.displayName)).toEqual(['Ana Silva']);
      const ana = search.matches[0]!.customerId;
      const timeline = await get<TimelineResponse>(`/api/customers/${ana}/timeline?limit=200`);
      expect(timeline.entries.map((entry) => entry.type)).toEqual(expect.arrayContaining(['order.placed', 'message.received', 'call.started']));
      const openCase = await get<OpenCaseResponse>(`/api/customers/${ana}/open-case`);
      expect(openCase.clocks.find((clock) => clock.metric === 'first_reply')).toMatchObject({ status: 'active', remainingMs: 3_600_000 });
      const dueSoon = await get<DueSoonResponse>('/api/due-soon');
      expect(dueSoon.items.map((item) => item.displayName)).toEqual(['Ben Okafor', 'Dev Patel', 'Ana Silva', 'Chloé Martin']);
    } finally {
      await agentConsole.close();
      await throughline.close();
    }
  });
});
