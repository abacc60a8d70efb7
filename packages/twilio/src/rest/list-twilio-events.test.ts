import { type IncomingEvent, ValidationError } from '@throughline/core/adapter';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accountSid, authToken, customerNumber, shopNumber, tenantId, testAdapter } from '../test-fixtures';
import { createTwilioFake } from '../testing/twilio-fake';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const since = new Date('2026-01-10T00:00:00Z');
const at = (minutes: number) => new Date(since.getTime() + minutes * 60_000);

function seeded() {
  const twilio = createTwilioFake({ accountSid, authToken });
  server.use(...twilio.handlers);
  twilio.seedMessages([
    { from: customerNumber, to: shopNumber, body: 'before the backfill window', sentAt: at(-60) },
    ...Array.from({ length: 7 }, (_, index) => ({ from: customerNumber, to: shopNumber, body: `question ${index}`, sentAt: at(index) })),
    { from: shopNumber, to: customerNumber, body: 'answer', direction: 'outbound-api' as const, status: 'delivered', sentAt: at(30) },
    { from: `whatsapp:${shopNumber}`, to: `whatsapp:${customerNumber}`, body: 'late', direction: 'outbound-api' as const, status: 'undelivered', errorCode: 63016, sentAt: at(31) },
  ]);
  twilio.seedCalls([
    { from: customerNumber, to: shopNumber, startedAt: at(5), durationSeconds: 240 },
    { from: customerNumber, to: shopNumber, startedAt: at(6), status: 'no-answer' },
    { from: shopNumber, to: '+15550001111', startedAt: at(6), direction: 'outbound-dial', parentCallSid: 'CA_parent' },
    { from: customerNumber, to: shopNumber, startedAt: at(-5) },
  ]);
  return twilio;
}

async function backfill(adapter = testAdapter({ pageSize: 3 }), cursor: string | null = null, stopAfter = 1000) {
  const events: IncomingEvent[] = [];
  const cursors: Array<string | null> = [];
  for (let page = 0; page < stopAfter; page++) {
    const result = await adapter.doListEvents({ tenantId, since, cursor });
    events.push(...result.events);
    cursor = result.nextCursor;
    cursors.push(cursor);
    if (cursor === null) break;
  }
  return { events, cursors, cursor };
}

describe('backfill', () => {
  it('lists messages then calls since the date, page by page through next_page_uri', async () => {
    const twilio = seeded();
    const { events, cursors } = await backfill();
    expect(cursors.at(-1)).toBeNull();
    const types = events.map((event) => event.type);
    expect(types.filter((type) => type === 'message.received')).toHaveLength(7);
    expect(types.filter((type) => type === 'message.sent')).toHaveLength(2);
    expect(types.filter((type) => type === 'call.started')).toHaveLength(2);
    expect(events.find((event) => event.type === 'call.ended')).toMatchObject({ data: { talkSeconds: 240 } });
    expect(events.find((event) => event.type === 'call.missed')).toMatchObject({ data: { reason: 'no-answer' } });
    expect(events.some((event) => event.type === 'message.received' && event.data.body === 'before the backfill window')).toBe(false);
    expect(events.find((event) => event.type === 'message.status' && event.channel === 'whatsapp')).toMatchObject({ data: { status: 'undelivered', errorCode: '63016' } });
    const pages = twilio.requests.filter((request) => request.url.includes('/Messages.json'));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.slice(1).every((request) => request.url.includes('PageToken='))).toBe(true);
  });

  it('uses the same event ids as the webhooks, so backfill and live deliveries deduplicate', async () => {
    const twilio = seeded();
    const { events } = await backfill();
    const inbound = twilio.messages.find((message) => message.body === 'question 0')!;
    expect(events.map((event) => event.id)).toContain(`twilio:${inbound.sid}:message.received`);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it('resumes from a checkpointed cursor without repeating or skipping records', async () => {
    seeded();
    const full = await backfill();
    const firstTwo = await backfill(undefined, null, 2);
    const rest = await backfill(undefined, firstTwo.cursor);
    expect([...firstTwo.events, ...rest.events].map((event) => event.id)).toEqual(full.events.map((event) => event.id));
  });

  it('refuses a cursor that points outside the account', async () => {
    seeded();
    const forged = JSON.stringify({ resource: 'messages', next: 'https://evil.test/2010-04-01/Accounts/AC/Messages.json' });
    await expect(testAdapter().doListEvents({ tenantId, since, cursor: forged })).rejects.toBeInstanceOf(ValidationError);
    await expect(testAdapter().doListEvents({ tenantId, since, cursor: 'garbage' })).rejects.toBeInstanceOf(ValidationError);
  });
});
