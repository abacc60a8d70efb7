import { deriveEventId, type IncomingEvent, ValidationError } from '@throughline/core/adapter';
import { createMemoryStore, createThroughline } from '@throughline/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accountSid, authToken, customerNumber, shopNumber, tenantId, testAdapter } from '../test-fixtures';
import { createTwilioFake } from '../testing/twilio-fake';
import { twilioSid } from '../testing/twilio-sids';

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
    // Answered: Twilio answered at 10:05, the caller waited, then a <Dial> reached an agent for 180 s.
    { sid: bridgedCall, from: customerNumber, to: shopNumber, startedAt: at(5), durationSeconds: 240 },
    { from: shopNumber, to: agentNumber, startedAt: new Date(at(5).getTime() + 45_000), direction: 'outbound-dial', parentCallSid: bridgedCall, durationSeconds: 180 },
    { from: customerNumber, to: shopNumber, startedAt: at(6), status: 'no-answer' },
    { from: customerNumber, to: shopNumber, startedAt: at(-5) },
  ]);
  return twilio;
}

const bridgedCall = twilioSid('CA', 0x501);
const agentNumber = '+15550001111';

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
    expect(events.find((event) => event.type === 'call.ended')).toMatchObject({ data: { callId: bridgedCall, talkSeconds: 180 } });
    expect(events.find((event) => event.type === 'call.missed')).toMatchObject({ data: { reason: 'no-answer' } });
    expect(events.some((event) => event.type === 'message.received' && event.data.body === 'before the backfill window')).toBe(false);
    expect(events.find((event) => event.type === 'message.status' && event.channel === 'whatsapp')).toMatchObject({ data: { status: 'undelivered', errorCode: '63016' } });
    const pages = twilio.requests.filter((request) => request.url.includes('/Messages.json'));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.slice(1).every((request) => request.url.includes('PageToken='))).toBe(true);
  });

  it('tells an abandoned inbound call from a bridged one by its child legs: only a bridged call ends with talk time, that of the agent leg', async () => {
    const twilio = seeded();
    const abandoned = twilio.seedCalls([
      // Twilio answered, the caller waited in the <Enqueue> queue for 200 s and hung up: the call is `completed` with no child leg.
      { from: customerNumber, to: shopNumber, startedAt: at(8), durationSeconds: 200 },
    ])[0]!;
    const outbound = twilio.seedCalls([{ from: shopNumber, to: customerNumber, startedAt: at(9), direction: 'outbound-api', durationSeconds: 75 }])[0]!;
    const { events } = await backfill();
    const ofCall = (sid: string) => events.filter((event) => event.source.externalId === sid).map((event) => event.type);
    expect(ofCall(abandoned.sid)).toEqual(['call.started']);
    expect(ofCall(bridgedCall)).toEqual(['call.started', 'call.answered', 'call.ended']);
    // The agent leg picked up 45 s into the call, under the id the <Dial> action callback gives the same answer.
    const answered = events.find((event) => event.type === 'call.answered' && event.data.callId === bridgedCall)!;
    expect(answered).toMatchObject({ actor: { kind: 'agent' }, occurredAt: new Date(at(5).getTime() + 45_000).toISOString(), data: { waitSeconds: null } });
    const agentLeg = twilio.calls.find((call) => call.parent_call_sid === bridgedCall)!;
    expect(answered.id).toBe(deriveEventId('twilio', bridgedCall, 'dial', agentLeg.sid, 'call.answered'));
    expect(events.find((event) => event.type === 'call.ended' && event.data.callId === bridgedCall)).toMatchObject({ data: { talkSeconds: 180 } });
    expect(events.find((event) => event.type === 'call.ended' && event.data.callId === outbound.sid)).toMatchObject({ data: { talkSeconds: 75 } });
    expect(twilio.requests.some((request) => request.url.includes(`ParentCallSid=${bridgedCall}`))).toBe(true);
  });

  it('claims no phone for a call whose caller withheld their number, and ties its events by the call reference', async () => {
    const twilio = seeded();
    const [hidden] = twilio.seedCalls([{ from: '+86282452253', to: shopNumber, startedAt: at(7), durationSeconds: 300 }]);
    twilio.seedCalls([{ from: shopNumber, to: agentNumber, startedAt: new Date(at(7).getTime() + 30_000), direction: 'outbound-dial', parentCallSid: hidden!.sid, durationSeconds: 240 }]);
    const { events } = await backfill();
    const ofCall = events.filter((event) => event.source.externalId === hidden!.sid);
    expect(ofCall.map((event) => event.type)).toEqual(['call.started', 'call.answered', 'call.ended']);
    for (const event of ofCall) expect(event.identities).toEqual([{ kind: 'reference', namespace: 'twilio:call', value: hidden!.sid }]);
    expect(ofCall[0]).toMatchObject({ data: { from: '+86282452253' } });
    // Stored, the three are one caller's: one customer and one case.
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [] });
    await throughline.ingest(tenantId, ofCall);
    const stored = await throughline.store.listEvents({ tenantId, limit: 10 });
    expect(new Set(stored.map((event) => event.customerId)).size).toBe(1);
    expect(new Set(stored.map((event) => event.caseId)).size).toBe(1);
    await throughline.close();
  });

  it('fails the page, rather than call the call unanswered, when the list of its legs comes back without calls', async () => {
    seeded();
    // Only the legs request answers without a list; every other request goes to the fake.
    server.use(
      http.get(`https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Calls.json`, ({ request }) =>
        new URL(request.url).searchParams.has('ParentCallSid') ? HttpResponse.json({ page: 0 }) : undefined,
      ),
    );
    await expect(backfill()).rejects.toBeInstanceOf(ValidationError);
  });

  it('maps auto-replies to a bot and API sends to the system, so neither counts as an agent reply', async () => {
    const twilio = seeded();
    twilio.seedMessages([{ from: shopNumber, to: customerNumber, body: 'Thanks! We will get back to you.', direction: 'outbound-reply', sentAt: at(1) }]);
    const { events } = await backfill();
    const sent = events.filter((event) => event.type === 'message.sent');
    expect(sent.find((event) => event.type === 'message.sent' && event.data.body === 'Thanks! We will get back to you.')).toMatchObject({ actor: { kind: 'bot' } });
    expect(sent.find((event) => event.type === 'message.sent' && event.data.body === 'answer')).toMatchObject({ actor: { kind: 'system' } });
    expect(sent.some((event) => event.actor.kind === 'agent')).toBe(false);
  });

  it('returns records it cannot read as unreadable instead of dropping them', async () => {
    seeded();
    const broken = { sid: 42, direction: 'inbound', date_sent: 'Sat, 10 Jan 2026 00:02:00 +0000' };
    server.use(
      http.get(`https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`, () =>
        HttpResponse.json({ messages: [broken], next_page_uri: null, page: 0, page_size: 3, start: 0, end: 0 }),
      ),
    );
    const page = await testAdapter({ pageSize: 3 }).doListEvents({ tenantId, since, cursor: null });
    expect(page.events).toEqual([]);
    expect(page.unreadable).toHaveLength(1);
    expect(page.unreadable![0]).toMatchObject({ reason: 'invalid_record', record: broken });
    expect(page.unreadable![0]!.url).toMatch(/^https:\/\/api\.twilio\.com\/2010-04-01\/Accounts\/AC[0-9a-f]+\/Messages\.json\?/);
    expect(page.unreadable![0]!.message).toMatch(/sid/);
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
