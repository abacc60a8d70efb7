import type { Customer, DeliveryOutcome, IncomingEvent, SupportCase, WebhookParseResult } from '@throughline/core/adapter';
import { incomingEventSchema } from '@throughline/core/adapter';
import { createMemoryStore, createThroughline } from '@throughline/core';
import { describe, expect, it } from 'vitest';
import { customerNumber, ingest, shopNumber, tenantId, testAdapter, webhooks } from './test-fixtures';
import { twilioSid } from './testing/twilio-sids';
import type { VoiceCallContext } from './voice/voice-responder';

function eventsOf(parsed: WebhookParseResult | null): IncomingEvent[] {
  if (!parsed?.ok || parsed.kind !== 'events') throw new Error(`expected events, got ${JSON.stringify(parsed)}`);
  for (const event of parsed.events) expect(incomingEventSchema.safeParse(event).success).toBe(true);
  return parsed.events;
}

async function parse(request: Request, adapter = testAdapter()) {
  const { verification, parsed } = await ingest(adapter, request);
  expect(verification.ok).toBe(true);
  return parsed!;
}

const emptyOutcome: DeliveryOutcome = { events: [], customer: null, openCase: null, slaClocks: [] };

describe('messages', () => {
  it('maps an inbound SMS to message.received with the phone identity and answers an empty TwiML response', async () => {
    const parsed = await parse(await webhooks.inboundSms({ from: customerNumber, to: shopNumber, body: 'Where is my order?', messageSid: twilioSid('SM', 1) }));
    const [event] = eventsOf(parsed);
    expect(event).toMatchObject({
      type: 'message.received',
      id: `twilio:${twilioSid('SM', 1)}:message.received`,
      tenantId,
      channel: 'sms',
      actor: { kind: 'customer' },
      identities: [{ kind: 'phone', value: customerNumber }],
      data: { body: 'Where is my order?', from: customerNumber, to: shopNumber, media: [] },
    });
    if (!(parsed.ok && parsed.kind === 'events' && parsed.respond)) throw new Error('expected a respond hook');
    const response = await parsed.respond(emptyOutcome);
    expect(response.headers.get('content-type')).toContain('text/xml');
    expect(await response.text()).toMatch(/<Response\/>$/);
  });

  it('records MMS media URLs and content types without fetching them', async () => {
    const media = [
      { url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', contentType: 'image/jpeg' },
      { url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2', contentType: 'application/pdf' },
    ];
    let fetched = 0;
    const adapter = testAdapter({ fetch: async () => { fetched++; return new Response(); } });
    const [event] = eventsOf(await parse(await webhooks.inboundMms({ from: customerNumber, to: shopNumber, body: '', media }), adapter));
    expect(event?.type === 'message.received' && event.data.media).toEqual(media);
    expect(fetched).toBe(0);
  });

  it('maps WhatsApp with the whatsapp: prefix kept and the profile name as the customer name', async () => {
    const [event] = eventsOf(await parse(await webhooks.inboundWhatsApp({ from: customerNumber, to: shopNumber, body: 'Olá', profileName: 'Ana Souza' })));
    expect(event).toMatchObject({
      channel: 'whatsapp',
      identities: [{ kind: 'phone', value: `whatsapp:${customerNumber}` }],
      profile: { name: 'Ana Souza' },
      actor: { kind: 'customer', name: 'Ana Souza' },
    });
  });

  it('maps status callbacks to message.status versioned by rank, so a late sent never beats delivered', async () => {
    const sid = twilioSid('SM', 42);
    const statuses = ['delivered', 'sent', 'read', 'queued'];
    const events = [];
    for (const status of statuses) {
      const [event] = eventsOf(await parse(await webhooks.messageStatus({ messageSid: sid, status, to: customerNumber, from: shopNumber })));
      events.push(event!);
    }
    expect(events.map((event) => event.entity?.key)).toEqual(statuses.map(() => `twilio:message:${sid}`));
    const versions = Object.fromEntries(events.map((event) => [event.type === 'message.status' ? event.data.status : '', event.entity!.version]));
    expect(versions.delivered).toBeGreaterThan(versions.sent!);
    expect(versions.read).toBeGreaterThan(versions.delivered!);
    expect(versions.sent).toBeGreaterThan(versions.queued!);
    expect(new Set(events.map((event) => event.id)).size).toBe(4);
    expect(events[0]).toMatchObject({ identities: [{ kind: 'phone', value: customerNumber }], actor: { kind: 'system' } });
  });

  it('keeps the error code of a failed message and recognises WhatsApp statuses', async () => {
    const [event] = eventsOf(
      await parse(await webhooks.messageStatus({ messageSid: twilioSid('SM', 7), status: 'failed', errorCode: '63016', to: `whatsapp:${customerNumber}`, from: `whatsapp:${shopNumber}` })),
    );
    expect(event).toMatchObject({ type: 'message.status', channel: 'whatsapp', data: { status: 'failed', errorCode: '63016' } });
  });

  it('answers missing_fields for a message without its sender, malformed_body for unreadable JSON', async () => {
    const missing = await parse(await webhooks.signedRequest([['MessageSid', twilioSid('SM', 3)], ['Body', 'hi']]));
    expect(missing).toMatchObject({ ok: false, reason: 'missing_fields' });
    expect(missing.ok === false && missing.message).toMatch(/From/);
    const neither = await parse(await webhooks.signedRequest([['MessageSid', twilioSid('SM', 4)]]));
    expect(neither).toMatchObject({ ok: false, reason: 'missing_fields' });
  });

  it('ignores Twilio events it does not map', async () => {
    expect(await parse(await webhooks.signedRequest([['EventType', 'onConversationAdded'], ['ConversationSid', 'CH1']]))).toMatchObject({ ok: true, kind: 'ignored' });
  });

  it('reads JSON deliveries like form ones', async () => {
    const [event] = eventsOf(await parse(await webhooks.inboundSms({ from: customerNumber, to: shopNumber, body: 'json' }, { format: 'json' })));
    expect(event).toMatchObject({ type: 'message.received', data: { body: 'json' } });
  });
});

const customer: Customer = {
  tenantId,
  id: 'cus_1',
  profile: { name: 'Ana Souza', firstName: 'Ana' },
  tier: 'vip',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdByEventId: 'e1',
  mergedInto: null,
  lastEventKey: 'x',
};
const openCase: SupportCase = {
  tenantId,
  id: 'case_1',
  customerId: 'cus_1',
  status: 'open',
  priority: 'normal',
  channel: 'whatsapp',
  lastInboundChannel: 'voice',
  lastInboundAt: '2026-01-01T10:00:00.000Z',
  subject: null,
  tags: [],
  threads: [],
  openedAt: '2026-01-01T09:00:00.000Z',
  solvedAt: null,
  contactCount: 2,
  repeatContactCount: 0,
  awaitingReplySince: '2026-01-01T10:00:00.000Z',
  lastActivityAt: '2026-01-01T10:00:00.000Z',
  mergedInto: null,
};

describe('voice', () => {
  const callSid = twilioSid('CA', 9);

  it('maps an incoming call to call.started and enqueues by default with the action callback wired', async () => {
    const parsed = await parse(await webhooks.incomingCall({ callSid, from: customerNumber, to: shopNumber }), testAdapter({ voice: { waitUrl: 'https://acme.test/hold.xml' } }));
    const [event] = eventsOf(parsed);
    expect(event).toMatchObject({
      type: 'call.started',
      id: `twilio:${callSid}:call.started`,
      channel: 'voice',
      identities: [{ kind: 'phone', value: customerNumber }, { kind: 'reference', namespace: 'twilio:call', value: callSid }],
      thread: `twilio:call:${callSid}`,
      data: { callId: callSid, direction: 'inbound', from: customerNumber, to: shopNumber },
    });
    if (!(parsed.ok && parsed.kind === 'events' && parsed.respond)) throw new Error('expected a respond hook');
    const twiml = await (await parsed.respond(emptyOutcome)).text();
    // The action URL carries when the call started: Twilio calls it only after a bridged caller hung up.
    const startedAt = Date.parse(event!.occurredAt);
    expect(twiml).toContain(
      `<Enqueue action="https://hooks.acme.test/webhooks/twilio?throughlineCallStartedAt=${startedAt}" method="POST" waitUrl="https://acme.test/hold.xml" waitUrlMethod="POST">support</Enqueue>`,
    );
  });

  it('lets the voiceResponder route a caller whose open case breaches soon to a priority queue and greet them by name', async () => {
    const seen: VoiceCallContext[] = [];
    const now = new Date('2026-01-01T10:00:00Z');
    const adapter = testAdapter({
      now: () => now,
      voiceResponder: (context) => {
        seen.push(context);
        const soon = context.slaClocks.some((clock) => clock.state === 'active' && clock.dueAt !== null && clock.dueAt.getTime() - context.now.getTime() < 15 * 60_000);
        const name = context.customer?.profile.firstName;
        return soon
          ? { kind: 'enqueue', queue: 'priority', ...(name ? { greeting: `Hello ${name} & welcome back, connecting you now.` } : {}) }
          : { kind: 'enqueue', queue: context.defaultQueue };
      },
    });
    const parsed = await parse(await webhooks.incomingCall({ callSid, from: customerNumber, to: shopNumber }), adapter);
    if (!(parsed.ok && parsed.kind === 'events' && parsed.respond)) throw new Error('expected a respond hook');
    const breachingSoon: DeliveryOutcome = {
      events: [],
      customer,
      openCase,
      slaClocks: [{ metric: 'first_reply', state: 'active', dueAt: new Date('2026-01-01T10:05:00Z') }],
    };
    const twiml = await (await parsed.respond(breachingSoon)).text();
    expect(twiml).toContain('<Say>Hello Ana &amp; welcome back, connecting you now.</Say>');
    expect(twiml).toContain('>priority</Enqueue>');
    expect(seen[0]).toMatchObject({ tenantId, call: { callSid, from: customerNumber, direction: 'inbound' }, customer: { id: 'cus_1' }, openCase: { id: 'case_1' } });

    const relaxed = await (await parsed.respond({ ...breachingSoon, slaClocks: [{ metric: 'first_reply', state: 'active', dueAt: new Date('2026-01-01T14:00:00Z') }] })).text();
    expect(relaxed).toContain('>support</Enqueue>');
  });

  it('falls back to the default queue when the voiceResponder throws, and passes custom TwiML through', async () => {
    const failing = testAdapter({ voiceResponder: () => { throw new Error('boom'); } });
    const parsed = await parse(await webhooks.incomingCall({ callSid, from: customerNumber, to: shopNumber }), failing);
    if (!(parsed.ok && parsed.kind === 'events' && parsed.respond)) throw new Error('expected a respond hook');
    expect(await (await parsed.respond(emptyOutcome)).text()).toContain('>support</Enqueue>');

    const custom = testAdapter({ voiceResponder: () => ({ kind: 'twiml', twiml: '<Response><Hangup/></Response>' }) });
    const again = await parse(await webhooks.incomingCall({ callSid, from: customerNumber, to: shopNumber }), custom);
    if (!(again.ok && again.kind === 'events' && again.respond)) throw new Error('expected a respond hook');
    expect(await (await again.respond(emptyOutcome)).text()).toBe('<Response><Hangup/></Response>');
  });

  it('maps call status callbacks with SequenceNumber as the entity version and Timestamp as the time', async () => {
    const timestamp = new Date('2026-01-01T10:00:07Z');
    const base = { callSid, from: customerNumber, to: shopNumber, timestamp };
    const cases = [
      { status: 'ringing', sequenceNumber: 0, type: 'call.started' },
      { status: 'in-progress', sequenceNumber: 1, type: 'call.answered' },
      { status: 'completed', sequenceNumber: 3, type: 'call.ended', callDuration: 95 },
    ] as const;
    for (const item of cases) {
      const [event] = eventsOf(await parse(await webhooks.callStatus({ ...base, ...item })));
      expect(event).toMatchObject({ type: item.type, occurredAt: '2026-01-01T10:00:07.000Z', entity: { key: `twilio:call:${callSid}`, version: item.sequenceNumber } });
      if (event?.type === 'call.ended') expect(event.data.talkSeconds).toBe(95);
    }
  });

  it('does not claim a withheld caller ID as a phone: callers who hide their number stay apart', async () => {
    const store = createMemoryStore();
    const throughline = createThroughline({ store, adapters: [testAdapter()] });
    // As Twilio sends them: words since 2022, keypad spellings before (+86282452253 is UNAVAILABLE, and a possible Chinese number).
    const withheld = ['+86282452253', '+86282452253', '+266696687', '+7378742833', 'Anonymous', 'RESTRICTED'];
    for (const [index, from] of withheld.entries()) {
      const answer = await throughline.webhooks.handle(await webhooks.incomingCall({ callSid: twilioSid('CA', 0x700 + index), from, to: shopNumber }));
      expect(answer.status).toBe(200);
    }
    await throughline.webhooks.handle(await webhooks.incomingCall({ callSid: twilioSid('CA', 0x7ff), from: customerNumber, to: shopNumber }));
    const calls = await store.listEvents({ tenantId, types: ['call.started'], limit: 100 });
    expect(calls).toHaveLength(withheld.length + 1);
    expect(new Set(calls.map((event) => event.customerId)).size).toBe(withheld.length + 1);
    for (const event of calls) {
      const phones = event.identities.filter((claim) => claim.kind === 'phone');
      expect(phones).toEqual(event.type === 'call.started' && event.data.from === customerNumber ? [{ kind: 'phone', value: customerNumber }] : []);
    }
    await throughline.close();
  });

  it("ignores a child leg's status callbacks: the agent's phone it rang is not the customer's", async () => {
    const store = createMemoryStore();
    const throughline = createThroughline({ store, adapters: [testAdapter()] });
    const agentPhone = '+15025550199';
    // Two callers' calls, each <Dial>ed to the same agent, with the child legs' status callbacks pointed at the webhook.
    for (const [index, caller] of ['+14155550100', '+14155550101'].entries()) {
      const parent = twilioSid('CA', 0x800 + index);
      await throughline.webhooks.handle(await webhooks.incomingCall({ callSid: parent, from: caller, to: shopNumber }));
      for (const [sequence, status] of ['ringing', 'in-progress', 'completed'].entries()) {
        const leg = await webhooks.callStatus({ callSid: twilioSid('CA', 0x900 + index), parentCallSid: parent, status, sequenceNumber: sequence, timestamp: new Date(), from: shopNumber, to: agentPhone, direction: 'outbound-dial', callDuration: 60 });
        const parsed = await parse(leg.clone());
        expect(parsed).toMatchObject({ ok: true, kind: 'ignored' });
        expect((await throughline.webhooks.handle(leg)).status).toBe(200);
      }
    }
    const events = await store.listEvents({ tenantId, limit: 100 });
    expect(events.map((event) => event.type)).toEqual(['call.started', 'call.started']);
    expect(new Set(events.map((event) => event.customerId)).size).toBe(2);
    await throughline.close();
  });

  it('maps busy, no-answer, failed and canceled calls to call.missed with that reason', async () => {
    for (const status of ['busy', 'no-answer', 'failed', 'canceled'] as const) {
      const [event] = eventsOf(await parse(await webhooks.callStatus({ callSid, status, sequenceNumber: 2, timestamp: new Date(0), from: shopNumber, to: customerNumber, direction: 'outbound-api' })));
      expect(event).toMatchObject({ type: 'call.missed', data: { reason: status }, identities: [{ kind: 'phone', value: customerNumber }, { kind: 'reference', namespace: 'twilio:call', value: callSid }] });
    }
  });

  it('maps the Enqueue action: a hang-up in the queue is an abandoned call with its wait, a bridge an answer with its wait', async () => {
    const [abandoned] = eventsOf(await parse(await webhooks.enqueueAction({ callSid, from: customerNumber, to: shopNumber, queueResult: 'hangup', queueTime: 184 })));
    expect(abandoned).toMatchObject({ type: 'call.missed', data: { callId: callSid, reason: 'abandoned', waitSeconds: 184 } });
    const [bridged] = eventsOf(await parse(await webhooks.enqueueAction({ callSid, from: customerNumber, to: shopNumber, queueResult: 'bridged', queueTime: 42 })));
    expect(bridged).toMatchObject({ type: 'call.answered', actor: { kind: 'agent' }, data: { waitSeconds: 42 } });
    expect(bridged!.id).not.toBe(abandoned!.id);
  });

  it('places a bridged caller\'s answer at the call start the action URL carries plus the queue wait, not when the action arrives after the conversation', async () => {
    const startedAt = Date.now() - 20 * 60_000;
    const actionUrl = `https://hooks.acme.test/webhooks/twilio?throughlineCallStartedAt=${startedAt}`;
    const [bridged] = eventsOf(await parse(await webhooks.enqueueAction({ callSid, from: customerNumber, to: shopNumber, queueResult: 'bridged', queueTime: 95 }, { url: actionUrl })));
    expect(bridged).toMatchObject({ type: 'call.answered', actor: { kind: 'agent' }, occurredAt: new Date(startedAt + 95_000).toISOString(), data: { waitSeconds: 95 } });
    // An abandonment is placed when it arrives: Twilio calls the action as soon as the caller hangs up.
    const [abandoned] = eventsOf(await parse(await webhooks.enqueueAction({ callSid, from: customerNumber, to: shopNumber, queueResult: 'hangup', queueTime: 95 }, { url: actionUrl })));
    expect(Date.now() - Date.parse(abandoned!.occurredAt)).toBeLessThan(10_000);
    expect(abandoned!.actor).toEqual({ kind: 'customer' });
    // Without a start (TwiML of the app's own), or with one no call of a day could have, the arrival is all there is.
    for (const url of ['https://hooks.acme.test/webhooks/twilio', `https://hooks.acme.test/webhooks/twilio?throughlineCallStartedAt=${Date.now() - 3 * 86_400_000}`, `https://hooks.acme.test/webhooks/twilio?throughlineCallStartedAt=${Date.now() + 60_000}`, 'https://hooks.acme.test/webhooks/twilio?throughlineCallStartedAt=soon']) {
      const [late] = eventsOf(await parse(await webhooks.enqueueAction({ callSid, from: customerNumber, to: shopNumber, queueResult: 'bridged', queueTime: 95 }, { url })));
      expect(Date.now() - Date.parse(late!.occurredAt)).toBeLessThan(10_000);
    }
  });

  it('answers every Enqueue action with TwiML, a caller who left the queue with an empty Response and no event', async () => {
    for (const queueResult of ['leave', 'redirected', 'bridged', 'hangup']) {
      const parsed = await parse(await webhooks.enqueueAction({ callSid, from: customerNumber, to: shopNumber, queueResult, queueTime: 5 }));
      const events = eventsOf(parsed);
      expect(events).toHaveLength(queueResult === 'leave' || queueResult === 'redirected' ? 0 : 1);
      if (!(parsed.ok && parsed.kind === 'events' && parsed.respond)) throw new Error('expected a respond hook');
      const response = await parsed.respond(emptyOutcome);
      expect(response.headers.get('content-type')).toContain('text/xml');
      expect(await response.text()).toMatch(/<Response\/>$/);
    }
  });

  it('answers an Enqueue action that left the queue with TwiML through webhooks.handle, never JSON', async () => {
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [testAdapter()] });
    const answer = await throughline.webhooks.handle(await webhooks.enqueueAction({ callSid, from: customerNumber, to: shopNumber, queueResult: 'leave', queueTime: 12 }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/xml');
    expect(await answer.text()).toMatch(/^<\?xml[^>]*\?><Response\/>$/);
    await throughline.close();
  });

  it('recognises a Dial action callback: an answered dial is call.answered (when it was answered), an unanswered one call.missed, both answered with empty TwiML, never re-enqueued', async () => {
    const dialCallSid = twilioSid('CA', 77);
    const cases = [
      { dialCallStatus: 'completed', type: 'call.answered' },
      { dialCallStatus: 'no-answer', type: 'call.missed' },
      { dialCallStatus: 'busy', type: 'call.missed' },
    ] as const;
    for (const item of cases) {
      const parsed = await parse(await webhooks.dialAction({ callSid, dialCallSid, from: customerNumber, to: shopNumber, dialCallStatus: item.dialCallStatus, dialCallDuration: 130 }));
      const [event, ...rest] = eventsOf(parsed);
      expect(rest).toHaveLength(0);
      expect(event).toMatchObject({ type: item.type, data: { callId: callSid, waitSeconds: null }, thread: `twilio:call:${callSid}` });
      // The dialled party is the shop's side: its answer is an agent's; a dial nobody took stays the caller's.
      expect(event!.actor.kind).toBe(item.type === 'call.answered' ? 'agent' : 'customer');
      if (event?.type === 'call.missed') expect(event.data.reason).toBe(item.dialCallStatus);
      // The callback comes as the dialled leg ends: an answer is placed the 130 s of DialCallDuration earlier.
      const before = Date.now() - Date.parse(event!.occurredAt);
      if (event?.type === 'call.answered') expect(before).toBeGreaterThanOrEqual(130_000);
      expect(before).toBeLessThan(event?.type === 'call.answered' ? 140_000 : 10_000);
      if (!(parsed.ok && parsed.kind === 'events' && parsed.respond)) throw new Error('expected a respond hook');
      const twiml = await (await parsed.respond(emptyOutcome)).text();
      expect(twiml).not.toContain('<Enqueue');
      expect(twiml).toMatch(/<Response\/>$/);
    }
  });

  it('routes the status callback of a recorded call to call.ended, not voicemail.left', async () => {
    const recording = { recordingSid: twilioSid('RE', 8), durationSeconds: 90 };
    const parsed = await parse(
      await webhooks.callStatus({ callSid, status: 'completed', sequenceNumber: 3, timestamp: new Date('2026-01-01T10:01:35Z'), from: shopNumber, to: customerNumber, direction: 'outbound-api', callDuration: 95, recording }),
    );
    const events = eventsOf(parsed);
    expect(events.map((event) => event.type)).toEqual(['call.ended']);
    expect(events[0]).toMatchObject({ entity: { key: `twilio:call:${callSid}`, version: 3 }, data: { callId: callSid, talkSeconds: 95 } });
    const inbound = await parse(
      await webhooks.callStatus({ callSid, status: 'completed', sequenceNumber: 3, timestamp: new Date('2026-01-01T10:01:35Z'), from: customerNumber, to: shopNumber, callDuration: 95, recording }),
    );
    expect(eventsOf(inbound).map((event) => event.type)).toEqual(['call.ended']);
  });

  it('ignores the recording status callback of a recorded conversation: only <Record> leaves a voicemail', async () => {
    const parsed = await parse(await webhooks.recording({ callSid, from: customerNumber, to: shopNumber, durationSeconds: 90, status: 'completed', withCaller: false, source: 'DialVerb' }));
    expect(parsed).toMatchObject({ ok: true, kind: 'ignored' });
  });

  it('maps a recording to voicemail.left, with the same id from the Record action and the recording status callback', async () => {
    const recordingSid = twilioSid('RE', 5);
    const [fromAction] = eventsOf(await parse(await webhooks.recording({ callSid, recordingSid, from: customerNumber, to: shopNumber, durationSeconds: 31 })));
    expect(fromAction).toMatchObject({
      type: 'voicemail.left',
      identities: [{ kind: 'phone', value: customerNumber }, { kind: 'reference', namespace: 'twilio:call', value: callSid }],
      thread: `twilio:call:${callSid}`,
      data: { callId: callSid, recordingId: recordingSid, durationSeconds: 31 },
    });
    const [fromStatus] = eventsOf(await parse(await webhooks.recording({ callSid, recordingSid, from: customerNumber, to: shopNumber, durationSeconds: 31, status: 'completed', withCaller: false })));
    expect(fromStatus!.id).toBe(fromAction!.id);
    expect(fromStatus!.thread).toBe(`twilio:call:${callSid}`);
    // Without the caller, the call reference still links the recording to the caller's customer.
    expect(fromStatus!.identities).toEqual([{ kind: 'reference', namespace: 'twilio:call', value: callSid }]);
    expect(await parse(await webhooks.recording({ callSid, from: customerNumber, to: shopNumber, durationSeconds: 0, status: 'failed' }))).toMatchObject({ ok: true, kind: 'ignored' });
  });

  it('answers missing_fields for a call status callback with an unreadable SequenceNumber', async () => {
    const parsed = await parse(await webhooks.signedRequest([['CallSid', callSid], ['CallStatus', 'completed'], ['SequenceNumber', 'x'], ['CallbackSource', 'call-progress-events']]));
    expect(parsed).toMatchObject({ ok: false, reason: 'missing_fields' });
  });
});
