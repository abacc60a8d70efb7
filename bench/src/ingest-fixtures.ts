import { createBusinessCalendar, type SlaSettings, slaPoliciesSchema } from '@throughline/core';
import { createMockAdapter, signMockDelivery } from '@throughline/core/testing/fakes';

/** Secret the benchmark's mock platform signs with. */
export const benchSecret = 'bench-secret';

/** The mock adapter the ingest benchmarks deliver to. */
export function benchAdapter() {
  return createMockAdapter({ secrets: [benchSecret], accounts: { acme: 'acme' } });
}

const filler = 'Hello, I ordered a winter coat on Black Friday and the tracking page has not moved for three days. '.repeat(26);

/** Black Friday 2026, 00:00 UTC: deliveries start here, 100 ms apart. */
const BLACK_FRIDAY = Date.UTC(2026, 10, 27, 0, 0);

/** How the deliveries of a stream look. */
export interface DeliveryOptions {
  /** Customers are `<prefix><n>@example.com` (default `customer`) and event ids carry the prefix: a warm-up uses other customers and ids than the measured run. */
  readonly customerPrefix?: string;
  /** Epoch ms of delivery 0 (default Black Friday 2026, 00:00 UTC). */
  readonly startMs?: number;
  /** Every n-th message of a customer is a public agent reply instead of a customer message (default: none). */
  readonly agentReplyEvery?: number;
}

/** A ~3 KB delivery body: one inbound message from one of `customers` customers (or an agent's reply to them). */
export function deliveryBody(index: number, customers: number, options: DeliveryOptions = {}): string {
  const customer = index % customers;
  // A prefixed stream (a warm-up) has ids of its own: none is a duplicate of a measured delivery.
  const key = `${options.customerPrefix ?? ''}${index}`;
  const occurredAt = new Date((options.startMs ?? BLACK_FRIDAY) + index * 100).toISOString();
  const email = `${options.customerPrefix ?? 'customer'}${customer}@example.com`;
  const channel = index % 3 === 0 ? 'whatsapp' : index % 3 === 1 ? 'web' : 'email';
  const nth = Math.floor(index / customers) + 1;
  const agentReply = options.agentReplyEvery !== undefined && nth % options.agentReplyEvery === 0;
  const event = agentReply
    ? {
        id: `bench:${key}`,
        occurredAt,
        source: { system: 'mock', externalId: `m${key}` },
        channel,
        actor: { kind: 'agent', id: 'agent-7' },
        identities: [{ kind: 'email', value: email }],
        type: 'message.sent',
        data: { messageId: `m${key}`, body: filler, to: null, templateId: null, facts: null },
      }
    : {
        id: `bench:${key}`,
        occurredAt,
        source: { system: 'mock', externalId: `m${key}` },
        channel,
        actor: { kind: 'customer' },
        identities: [{ kind: 'email', value: email }],
        type: 'message.received',
        data: { messageId: `m${key}`, body: filler, subject: 'Where is my order?', media: [], from: null, to: null },
      };
  return JSON.stringify({ account: 'acme', deliveryId: `d${key}`, events: [event] });
}

/** Builds signed requests ahead of timing (signing is the platform's cost, not ours). */
export async function signedRequests(count: number, customers: number, offset = 0, options: DeliveryOptions = {}): Promise<Array<() => Request>> {
  const out: Array<() => Request> = [];
  for (let index = offset; index < offset + count; index++) {
    const body = deliveryBody(index, customers, options);
    const template = await signMockDelivery({ url: 'http://localhost/webhooks/mock', secret: benchSecret, account: 'acme', body });
    const headers = template.headers;
    out.push(() => new Request('http://localhost/webhooks/mock', { method: 'POST', headers, body }));
  }
  return out;
}

/**
 * A support team in New York (a DST zone): split shifts on weekdays, Saturday mornings, US holidays
 * (Thanksgiving among them), and extended hours from Black Friday to Cyber Monday.
 */
export function peakSeasonSla(): SlaSettings {
  const weekday = [
    { opens: '08:00', closes: '12:00' },
    { opens: '13:00', closes: '20:00' },
  ];
  const calendar = createBusinessCalendar({
    id: 'support-us',
    timeZone: 'America/New_York',
    weeklyHours: { monday: weekday, tuesday: weekday, wednesday: weekday, thursday: weekday, friday: weekday, saturday: [{ opens: '10:00', closes: '16:00' }] },
    holidays: [
      { date: '2026-01-01', name: 'New Year', repeatsYearly: true },
      { date: '2026-05-25', name: 'Memorial Day' },
      { date: '2026-07-03', name: 'Independence Day (observed)' },
      { date: '2026-09-07', name: 'Labor Day' },
      { date: '2026-11-26', name: 'Thanksgiving' },
      { date: '2026-12-25', name: 'Christmas', repeatsYearly: true },
    ],
    overrides: [
      { date: '2026-11-27', through: '2026-11-30', name: 'Black Friday to Cyber Monday', hours: [{ opens: '07:00', closes: '23:00' }] },
      { date: '2026-12-24', name: 'Christmas Eve', hours: [{ opens: '09:00', closes: '14:00' }] },
    ],
  });
  const policies = slaPoliciesSchema.parse([
    {
      id: 'vip-chat',
      conditions: { customerTiers: ['vip'], channels: ['whatsapp', 'sms', 'chat'] },
      targets: [
        { metric: 'first_reply', priority: 'normal', targetMinutes: 5 },
        { metric: 'next_reply', priority: 'normal', targetMinutes: 10 },
      ],
    },
    {
      id: 'chat',
      conditions: { channels: ['whatsapp', 'sms', 'chat', 'web'] },
      targets: [
        { metric: 'first_reply', priority: 'normal', targetMinutes: 15 },
        { metric: 'first_reply', priority: 'urgent', targetMinutes: 5 },
        { metric: 'next_reply', priority: 'normal', targetMinutes: 30 },
        { metric: 'periodic_update', priority: 'normal', targetMinutes: 120 },
      ],
    },
    {
      id: 'standard',
      calendarId: 'support-us',
      targets: [
        { metric: 'first_reply', priority: 'normal', targetMinutes: 120, businessHours: true },
        { metric: 'first_reply', priority: 'urgent', targetMinutes: 30 },
        { metric: 'next_reply', priority: 'normal', targetMinutes: 240, businessHours: true },
        { metric: 'requester_wait', priority: 'normal', targetMinutes: 1440, businessHours: true },
        { metric: 'total_resolution', priority: 'normal', targetMinutes: 4320, businessHours: true },
      ],
    },
  ]);
  return { policies, calendars: [calendar], warningShare: 0.75 };
}

/**
 * Checks, after the timed part, that every measured delivery was stored: a duplicate (an id the
 * warm-up already used) also answers 200, but takes a far cheaper path.
 * @param responses - the answers of the measured deliveries
 * @throws Error naming the first delivery that was a duplicate or stored nothing
 */
export async function expectAllAccepted(responses: ReadonlyArray<Response>): Promise<void> {
  for (const response of responses) {
    const answer = (await response.json()) as { accepted?: number; duplicates?: number };
    // `accepted` counts derived events too (SLA events appended by the same ingest).
    if (answer.duplicates !== 0 || (answer.accepted ?? 0) < 1) throw new Error(`a measured delivery was not stored as a new event: ${JSON.stringify(answer)}`);
  }
}
