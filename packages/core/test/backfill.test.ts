import { describe, expect, it } from 'vitest';
import type { ChannelAdapterV1, EventPage, ListEventsOptions } from '../src/adapter/index';
import { createMemoryStore, createThroughline } from '../src/index';
import { createTestClock } from '../src/testing/index';
import { email, inbound } from './event-factory';

/** A platform whose history is three pages; the second holds a record the adapter cannot read. */
function pagedAdapter(): ChannelAdapterV1 & { requests: Array<string | null> } {
  const pages: Record<string, EventPage> = {
    first: { events: [inbound('h1', 0, [email('ana@example.com')])], nextCursor: 'second' },
    second: {
      events: [inbound('h2', 5, [email('ana@example.com')])],
      nextCursor: 'third',
      unreadable: [{ reason: 'invalid_record', message: 'ticket 7 has no id', record: { subject: 'Where is my order?' }, url: 'https://platform.example/api/history?page=2' }],
    },
    third: { events: [inbound('h3', 9, [email('ana@example.com')])], nextCursor: null },
  };
  const requests: Array<string | null> = [];
  return {
    specificationVersion: 'v1',
    id: 'history',
    capabilities: { channels: ['web'], webhooks: false, backfill: true, send: false },
    matchesWebhook: () => false,
    doVerifyWebhook: async () => ({ ok: false, reason: 'missing_signature', message: 'this platform sends no webhooks' }),
    doParseWebhook: async () => ({ ok: false, reason: 'malformed_body', message: 'this platform sends no webhooks' }),
    async doListEvents(options: ListEventsOptions) {
      requests.push(options.cursor);
      return pages[options.cursor ?? 'first']!;
    },
    requests,
  };
}

describe('backfill.run', () => {
  it('keeps what a page could not read as dead letters, once, and resumes from the checkpoint', async () => {
    const store = createMemoryStore();
    const adapter = pagedAdapter();
    const throughline = createThroughline({ store, adapters: [adapter], clock: createTestClock('2026-11-28T00:00:00Z') });
    const kept: string[] = [];
    throughline.events.on('webhook.dead_lettered', (letter) => kept.push(letter.reason));
    const since = new Date('2026-11-01T00:00:00Z');
    const first = await throughline.backfill.run({ adapterId: 'history', tenantId: 'acme', since, maxPages: 2 });
    expect(first).toEqual({ pages: 2, events: 2, duplicates: 0, unreadable: 1, complete: false, cursor: 'third' });
    const letters = await store.listDeadLetters('acme', 10);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      tenantId: 'acme',
      adapterId: 'history',
      reason: 'invalid_record',
      message: 'ticket 7 has no id',
      url: 'https://platform.example/api/history?page=2',
      body: '{"subject":"Where is my order?"}',
      headers: {},
    });
    expect(kept).toEqual(['invalid_record']);
    // The next run starts after the page that held it: the record is not kept twice.
    const rest = await throughline.backfill.run({ adapterId: 'history', tenantId: 'acme', since });
    expect(rest).toEqual({ pages: 1, events: 1, duplicates: 0, unreadable: 0, complete: true, cursor: null });
    expect(adapter.requests).toEqual([null, 'second', 'third']);
    expect(await store.listDeadLetters('acme', 10)).toHaveLength(1);
    expect(await throughline.backfill.run({ adapterId: 'history', tenantId: 'acme', since })).toMatchObject({ pages: 0, complete: true });
  });
});
