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
  /** Customers are `<prefix><n>@example.com` (default `customer`): a warm-up uses other customers than the measured run. */
  readonly customerPrefix?: string;
  /** Epoch ms of delivery 0 (default Black Friday 2026, 00:00 UTC). */
  readonly startMs?: number;
  /** Every n-th message of a customer is a public agent reply instead of a customer message (default: none). */
  readonly agentReplyEvery?: number;
}

/** A ~3 KB delivery body: one inbound message from one of `customers` customers (or an agent's reply to them). */
export function deliveryBody(index: number, customers: number, options: DeliveryOptions = {}): string {
  const customer = index % customers;
  const occurredAt = new Date((options.startMs ?? BLACK_FRIDAY) + index * 100).toISOString();
  const email = `${options.customerPrefix ?? 'customer'}${customer}@example.com`;
  const channel = index % 3 === 0 ? 'whatsapp' : index % 3 === 1 ? 'web' : 'email';
  const nth = Math.floor(index / customers) + 1;
  const agentReply = options.agentReplyEvery !== undefined && nth % options.agentReplyEvery === 0;
  const event = agentReply
    ? {
        id: `bench:${index}`,
        occurredAt,
        source: { system: 'mock', externalId: `m${index}` },
        channel,
        actor: { kind: 'agent', id: 'agent-7' },
        identities: [{ kind: 'email', value: email }],
        type: 'message.sent',
        data: { messageId: `m${index}`, body: filler, to: null, templateId: null, facts: null },
      }
    : {
        id: `bench:${index}`,
        occurredAt,
        source: { system: 'mock', externalId: `m${index}` },
        channel,
        actor: { kind: 'customer' },
        identities: [{ kind: 'email', value: email }],
        type: 'message.received',
        data: { messageId: `m${index}`, body: filler, subject: 'Where is my order?', media: [], from: null, to: null },
      };
  return JSON.stringify({ account: 'acme', deliveryId: `d${index}`, events: [event] });
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
