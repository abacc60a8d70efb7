/**
 * Replying on the customer's channel when an SLA clock warns. A customer writes on WhatsApp; the
 * case's first-reply clock (60 minutes) starts; at 75 % of it Throughline emits `sla.warning`, and
 * the listener answers through `cases.reply`, which picks the customer's last channel (WhatsApp),
 * checks its 24-hour window and sends through the Twilio adapter. The reply fulfils the clock.
 *
 * Twilio's REST API is the testing kit's msw fake and time is a test clock, so the hour passes at
 * once; in production drop both and the same code runs on real time.
 *
 * Run: `pnpm --filter @throughline-examples/reply-and-sla start`
 */
import { pathToFileURL } from 'node:url';
import { createMemoryStore, createThroughline, type SlaSettings, type TimelineEvent } from '@throughline/core';
import { createTestClock } from '@throughline/core/testing/fakes';
import { createTwilio } from '@throughline/twilio';
import { createTwilioFake, createTwilioWebhookBuilder, twilioSid } from '@throughline/twilio/testing';
import { setupServer } from 'msw/node';

/** What the run saw. */
export interface ReplyAndSlaResult {
  /** SLA events in the order they were emitted. */
  slaEvents: Array<{ type: string; metric: string; at: string }>;
  /** Messages the fake Twilio account sent. */
  sent: Array<{ to: string; body: string }>;
  /** The first-reply clock at the end. */
  firstReply: { status: string; fulfilledAt: string | null };
}

const accountSid = twilioSid('AC', 2);
const authToken = 'example-auth-token';
const shopNumber = '+15005550006';

/** Business hours are the subject of docs/sla.md; this policy runs on calendar time. */
const sla: SlaSettings = {
  policies: [{ id: 'messaging', conditions: { channels: ['whatsapp', 'sms'] }, targets: [{ metric: 'first_reply', priority: 'normal', targetMinutes: 60 }] }],
  calendars: [],
  warningShare: 0.75,
};

/**
 * Runs the scenario: inbound WhatsApp, an hour of (test) time, the warning, the reply.
 * @param options - where to print
 * @returns the SLA events, the sent messages and the final clock
 */
export async function main(options: { log?: (line: string) => void } = {}): Promise<ReplyAndSlaResult> {
  const log = options.log ?? console.log;
  const clock = createTestClock('2026-11-27T09:00:00Z');
  const now = () => new Date(clock.now());
  const fake = createTwilioFake({ accountSid, authToken, now });
  const api = setupServer(...fake.handlers);
  api.listen({ onUnhandledRequest: 'error' });
  const throughline = createThroughline({
    store: createMemoryStore(),
    adapters: [createTwilio({ accountSid, authTokens: [authToken], accounts: { [accountSid]: 'acme' }, messaging: { whatsappFrom: `whatsapp:${shopNumber}`, from: shopNumber }, now })],
    clock,
    sla,
  });
  const acme = throughline.tenant('acme');
  const slaEvents: ReplyAndSlaResult['slaEvents'] = [];
  const record = (event: TimelineEvent) => {
    if (event.type === 'sla.applied' || event.type === 'sla.warning' || event.type === 'sla.breached' || event.type === 'sla.fulfilled') {
      slaEvents.push({ type: event.type, metric: event.data.metric, at: event.occurredAt });
      log(`${event.occurredAt}  ${event.type} ${event.data.metric}`);
    }
  };
  for (const name of ['sla.applied', 'sla.breached', 'sla.fulfilled'] as const) throughline.events.on(name, record);

  // The reaction: when a clock warns, answer the customer where they wrote last.
  const replies: Array<Promise<unknown>> = [];
  throughline.events.on('sla.warning', (event) => {
    record(event);
    if (event.caseId === null) return;
    const reply = acme.cases.reply(event.caseId, { body: 'Thanks for your patience! Your parcel left our warehouse this morning; tracking follows.' });
    replies.push(reply.then((result) => log(`replied on the customer's channel: ${result.externalId}`)));
  });
  const warned = new Promise<void>((resolve) => throughline.events.once('sla.warning', () => resolve()));

  try {
    const webhooks = createTwilioWebhookBuilder({ authToken, accountSid, url: 'https://support.example.com/webhooks/twilio' });
    const inbound = await webhooks.inboundWhatsApp({ from: '+447700900123', to: shopNumber, body: 'Hi! Where is my order #1042?', profileName: 'Ana' });
    log(`${now().toISOString()}  WhatsApp in → ${(await throughline.webhooks.handle(inbound)).status}`);
    const [next] = await acme.sla.dueSoon({ within: 24 * 3_600_000 });
    log(`breaches next: ${next?.metric} of ${next?.caseId} at ${next?.dueAt}`);

    clock.advance(45 * 60_000); // the in-process timer fires `sla.warning` at 75 % of 60 minutes
    await warned;
    await Promise.all(replies);
    clock.advance(30 * 60_000); // past the due time: answered, so nothing breaches
    await throughline.sla?.tick();
    const clocks = next ? await acme.sla.forCase(next.caseId) : [];
    const firstReply = clocks.find((candidate) => candidate.metric === 'first_reply');
    const fulfilledAt = firstReply?.fulfilledAt ? new Date(firstReply.fulfilledAt).toISOString() : null;
    log(`first reply: ${firstReply?.status}${fulfilledAt ? ` at ${fulfilledAt}` : ''}`);
    return {
      slaEvents,
      sent: fake.messages.filter((message) => message.direction !== 'inbound').map((message) => ({ to: message.to, body: message.body })),
      firstReply: { status: firstReply?.status ?? 'none', fulfilledAt },
    };
  } finally {
    api.close();
    await throughline.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
