import { createMemoryStore, createThroughline, type IncomingEvent } from '@throughline/core';
import { createTestClock, type TestClock } from '@throughline/core/testing/fakes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ApiErrorBody,
  CustomerResponse,
  DueSoonResponse,
  OpenCaseResponse,
  SearchResponse,
  TimelineEntry,
  TimelineResponse,
} from '../src/api/console-api-types';
import { consoleSlaSettings } from '../src/console-sla-settings';
import { startAgentConsole } from '../src/server/agent-console-server';
import { type SeededConsole, startSeededConsole } from './start-seeded-console';

const minute = 60_000;
const start = '2026-11-27T14:00:00.000Z';

let clock: TestClock;
let app: SeededConsole;

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app.base}${path}`);
  expect(response.headers.get('content-type')).toContain('application/json');
  return { status: response.status, body: (await response.json()) as T };
}

async function customerIdOf(term: string): Promise<string> {
  const { body } = await get<SearchResponse>(`/api/search?q=${encodeURIComponent(term)}`);
  const [match] = body.matches;
  if (!match) throw new Error(`no customer for ${term}`);
  return match.customerId;
}

async function wholeTimeline(customerId: string, pageSize: number): Promise<{ entries: TimelineEntry[]; pages: number }> {
  const entries: TimelineEntry[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = `limit=${pageSize}${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`;
    const { status, body } = await get<TimelineResponse>(`/api/customers/${customerId}/timeline?${query}`);
    expect(status).toBe(200);
    entries.push(...body.entries);
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 100);
  return { entries, pages };
}

function whatsapp(id: string, at: number, body: string): IncomingEvent {
  return {
    id,
    tenantId: 'acme',
    occurredAt: new Date(at).toISOString(),
    source: { system: 'twilio', externalId: id },
    channel: 'whatsapp',
    actor: { kind: 'customer' },
    identities: [{ kind: 'phone', value: 'whatsapp:+447700900123' }],
    type: 'message.received',
    data: { messageId: id, body, subject: null, media: [], from: 'whatsapp:+447700900123', to: null },
  };
}

beforeEach(async () => {
  clock = createTestClock(start);
  app = await startSeededConsole(clock);
});

afterEach(async () => {
  await app.close();
});

describe('GET /api/search', () => {
  it('finds a customer by email whatever its case and spacing', async () => {
    const { status, body } = await get<SearchResponse>(`/api/search?q=${encodeURIComponent('  Ana.Silva@EXAMPLE.com ')}`);
    expect(status).toBe(200);
    expect(body.readAs).toEqual(['email']);
    expect(body.matches).toEqual([expect.objectContaining({ displayName: 'Ana Silva', matchedBy: 'email', matchedValue: 'email:ana.silva@example.com' })]);
  });

  it('finds a customer by phone in any format the normaliser reads', async () => {
    const ana = await customerIdOf('ana.silva@example.com');
    for (const phone of ['+44 7700 900123', 'whatsapp:+447700900123', '+44 (0)7700-900123']) {
      const { body } = await get<SearchResponse>(`/api/search?q=${encodeURIComponent(phone)}`);
      expect(body.matches.map((match) => [match.customerId, match.matchedBy, match.matchedValue]), phone).toEqual([[ana, 'phone', 'phone:+447700900123']]);
    }
    // A national number is read in the instance's default region (US here).
    const { body } = await get<SearchResponse>(`/api/search?q=${encodeURIComponent('502.459.2181')}`);
    expect(body.matches.map((match) => match.displayName)).toEqual(['Ben Okafor']);
  });

  it('finds a customer by order number, with or without #', async () => {
    for (const term of ['#1042', '1042', ' #1042 ']) {
      const { body } = await get<SearchResponse>(`/api/search?q=${encodeURIComponent(term)}`);
      expect(body.readAs, term).toContain('order');
      expect(body.matches.map((match) => [match.displayName, match.matchedBy, match.matchedValue]), term).toEqual([['Ana Silva', 'order', '#1042']]);
    }
    const { body } = await get<SearchResponse>('/api/search?q=%231051');
    expect(body.matches.map((match) => match.displayName)).toEqual(['Ben Okafor']);
  });

  it.each([
    ['Ana Silva', ['#1042', 'ana.silva@example.com', '+44 7700 900123']],
    ['Ben Okafor', ['#1051', '(502) 459-2181']],
    ['Chloé Martin', ['#1063', 'chloe.martin@example.fr']],
    ['Dev Patel', ['#1077', '+1 415 555 0142']],
    ['Erin Walsh', ['#1012', 'erin.walsh@example.com']],
  ])('finds %s by every term the guide gives', async (name, terms) => {
    for (const term of terms) {
      const { body } = await get<SearchResponse>(`/api/search?q=${encodeURIComponent(term)}`);
      expect(body.matches.map((match) => match.displayName), term).toEqual([name]);
    }
  });

  it('answers an empty list for an order nobody placed', async () => {
    const { status, body } = await get<SearchResponse>('/api/search?q=%239999');
    expect(status).toBe(200);
    expect(body.matches).toEqual([]);
  });

  it('finds orders ingested after the console started', async () => {
    await app.throughline.ingest('acme', [
      {
        id: 'order-2001',
        tenantId: 'acme',
        occurredAt: new Date(clock.now()).toISOString(),
        source: { system: 'shopify', externalId: '2001' },
        channel: null,
        actor: { kind: 'customer' },
        identities: [{ kind: 'email', value: 'new.buyer@example.com' }],
        profile: { name: 'New Buyer' },
        type: 'order.placed',
        data: { orderId: '2001', orderName: '#2001', orderNumber: '2001', financialStatus: 'paid', fulfillmentStatus: null, total: null, itemCount: 1, statusUrl: null, cancelledAt: null, cancelReason: null },
      },
    ]);
    const { body } = await get<SearchResponse>('/api/search?q=%232001');
    expect(body.matches.map((match) => match.displayName)).toEqual(['New Buyer']);
  });

  it('rescans the store for an order another process wrote, once the rescan interval has passed', async () => {
    // A second instance over the same store: its events never reach the console's index.
    const writer = createThroughline({ store: app.throughline.store, adapters: [], clock, sla: { ...consoleSlaSettings, timers: false } });
    await writer.ingest('acme', [
      {
        id: 'order-3001',
        tenantId: 'acme',
        occurredAt: new Date(clock.now()).toISOString(),
        source: { system: 'shopify', externalId: '3001' },
        channel: null,
        actor: { kind: 'customer' },
        identities: [{ kind: 'email', value: 'ben.okafor@example.com' }],
        type: 'order.placed',
        data: { orderId: '3001', orderName: '#3001', orderNumber: '3001', financialStatus: 'paid', fulfillmentStatus: null, total: null, itemCount: 2, statusUrl: null, cancelledAt: null, cancelReason: null },
      },
    ]);
    expect((await get<SearchResponse>('/api/search?q=%233001')).body.matches).toEqual([]);
    clock.advance(11_000);
    expect((await get<SearchResponse>('/api/search?q=%233001')).body.matches.map((match) => match.displayName)).toEqual(['Ben Okafor']);
  });

  it('answers 400 with a typed error for a term that cannot be searched', async () => {
    for (const term of ['', '   ', 'where is my parcel', 'not-an-email@', 'x'.repeat(201)]) {
      const { status, body } = await get<ApiErrorBody>(`/api/search?q=${encodeURIComponent(term)}`);
      expect(status, JSON.stringify(term)).toBe(400);
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message.length).toBeGreaterThan(0);
    }
  });
});

describe('GET /api/customers/:id', () => {
  it('shows the customer with the identities every channel proved', async () => {
    const ana = await customerIdOf('#1042');
    const { status, body } = await get<CustomerResponse>(`/api/customers/${ana}`);
    expect(status).toBe(200);
    expect(body.displayName).toBe('Ana Silva');
    expect(body.identities.map((identity) => identity.key).sort()).toEqual(['email:ana.silva@example.com', 'phone:+447700900123', 'shopify:customer:7203958472']);
    expect(body.cases).toHaveLength(1);
    expect(body.cases[0]).toMatchObject({ status: 'new', channel: 'web', subject: 'Where is my order #1042?', repeatContactCount: 2 });
  });

  it('answers 404 customer_not_found for an unknown customer, on every customer route', async () => {
    for (const path of ['/api/customers/cus_missing', '/api/customers/cus_missing/timeline', '/api/customers/cus_missing/open-case']) {
      const { status, body } = await get<ApiErrorBody>(path);
      expect(status, path).toBe(404);
      expect(body.error.code).toBe('customer_not_found');
    }
  });

  it('answers 400 for an id that cannot be a customer id', async () => {
    const { status, body } = await get<ApiErrorBody>(`/api/customers/${encodeURIComponent('<script>')}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
  });
});

describe('GET /api/customers/:id/timeline', () => {
  it('puts orders and shipments next to messages, calls and tickets, newest first', async () => {
    const ana = await customerIdOf('ana.silva@example.com');
    const { body } = await get<TimelineResponse>(`/api/customers/${ana}/timeline?limit=200`);
    const types = body.entries.map((entry) => `${entry.type}/${entry.channel ?? '-'}`);
    for (const expected of ['order.placed/-', 'fulfillment.updated/-', 'ticket.opened/web', 'message.received/web', 'message.received/whatsapp', 'call.started/voice', 'call.missed/voice']) {
      expect(types).toContain(expected);
    }
    const instants = body.entries.map((entry) => entry.occurredAt);
    expect(instants).toEqual([...instants].sort().reverse());
    expect(body.entries.find((entry) => entry.type === 'order.placed')?.title).toBe('Order #1042 placed');
    expect(body.entries.find((entry) => entry.channel === 'whatsapp')).toMatchObject({ title: 'WhatsApp message received', detail: 'Hello? Still no news about my parcel', repeatContact: true });
    expect(body.nextCursor).toBeNull();
  });

  it('pages with a cursor without losing or repeating an event', async () => {
    const ana = await customerIdOf('ana.silva@example.com');
    const all = (await get<TimelineResponse>(`/api/customers/${ana}/timeline?limit=200`)).body.entries;
    expect(all.length).toBeGreaterThan(8);
    const paged = await wholeTimeline(ana, 3);
    expect(paged.pages).toBe(Math.ceil(all.length / 3));
    expect(paged.entries.map((entry) => entry.id)).toEqual(all.map((entry) => entry.id));
  });

  it('filters by event type and channel', async () => {
    const ana = await customerIdOf('ana.silva@example.com');
    const orders = (await get<TimelineResponse>(`/api/customers/${ana}/timeline?types=order.placed,fulfillment.updated`)).body.entries;
    expect(new Set(orders.map((entry) => entry.type))).toEqual(new Set(['order.placed', 'fulfillment.updated']));
    const voice = (await get<TimelineResponse>(`/api/customers/${ana}/timeline?channels=voice`)).body.entries;
    expect(voice.map((entry) => entry.type).sort()).toEqual(['call.missed', 'call.started']);
  });

  it('answers 400 for a forged cursor, an unknown type or channel and a bad limit', async () => {
    const ana = await customerIdOf('ana.silva@example.com');
    for (const query of ['before=not-a-cursor', 'types=order.exploded', 'channels=pigeon', 'limit=0', 'limit=abc', 'limit=100000']) {
      const { status, body } = await get<ApiErrorBody>(`/api/customers/${ana}/timeline?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('bad_request');
    }
  });

  it('hands platform text over as data and drops links that are not http(s)', async () => {
    const chloe = await customerIdOf('chloe.martin@example.fr');
    const chloeEntries = (await get<TimelineResponse>(`/api/customers/${chloe}/timeline?limit=200`)).body.entries;
    expect(chloeEntries.some((entry) => entry.detail.includes('<img src=x onerror="alert(\'pwned\')">'))).toBe(true);
    const ben = await customerIdOf('#1051');
    const shipment = (await get<TimelineResponse>(`/api/customers/${ben}/timeline?types=fulfillment.updated`)).body.entries[0];
    expect(shipment?.detail).toContain('1Z999AA10123456784<script>');
    expect(shipment?.link).toBeNull();
  });
});

describe('GET /api/customers/:id/open-case', () => {
  it('shows the open case with its SLA clocks counting from the first contact', async () => {
    const ana = await customerIdOf('ana.silva@example.com');
    const { body } = await get<OpenCaseResponse>(`/api/customers/${ana}/open-case`);
    expect(body.asOf).toBe(start);
    expect(body.openCase).toMatchObject({ channel: 'web', status: 'new' });
    const firstReply = body.clocks.find((clock) => clock.metric === 'first_reply');
    // The web form came in 3 hours ago; email-web answers within 4 hours.
    expect(firstReply).toMatchObject({ status: 'active', policyId: 'email-web', targetMs: 240 * minute, remainingMs: 60 * minute });
    expect(firstReply?.dueAt).toBe(new Date(Date.parse(start) + 60 * minute).toISOString());
  });

  it('says there is no open case once every case is solved', async () => {
    const erin = await customerIdOf('erin.walsh@example.com');
    const { body } = await get<OpenCaseResponse>(`/api/customers/${erin}/open-case`);
    expect(body).toMatchObject({ openCase: null, clocks: [] });
  });

  it('shows a clock as breached once its target passes', async () => {
    const ben = await customerIdOf('#1051');
    const before = (await get<OpenCaseResponse>(`/api/customers/${ben}/open-case`)).body.clocks.find((clock) => clock.metric === 'first_reply');
    expect(before).toMatchObject({ status: 'active', remainingMs: 10 * minute });
    clock.advance(11 * minute);
    const after = (await get<OpenCaseResponse>(`/api/customers/${ben}/open-case`)).body.clocks.find((clock) => clock.metric === 'first_reply');
    expect(after).toMatchObject({ status: 'breached', remainingMs: -minute });
  });
});

describe('GET /api/due-soon', () => {
  it('lists what breaches next, soonest first, with the customer and the case', async () => {
    const { status, body } = await get<DueSoonResponse>('/api/due-soon');
    expect(status).toBe(200);
    expect(body.items.map((item) => [item.displayName, item.metric])).toEqual([
      ['Ben Okafor', 'first_reply'],
      ['Dev Patel', 'first_reply'],
      ['Ana Silva', 'first_reply'],
      ['Chloé Martin', 'next_reply'],
    ]);
    expect(body.items.map((item) => item.remainingMs)).toEqual([10 * minute, 53 * minute, 60 * minute, 205 * minute]);
    expect(body.items[3]).toMatchObject({ subject: 'Wrong size delivered', channel: 'email', priority: 'high' });
  });

  it('keeps to the window and the limit', async () => {
    expect((await get<DueSoonResponse>(`/api/due-soon?within=${11 * minute}`)).body.items.map((item) => item.displayName)).toEqual(['Ben Okafor']);
    expect((await get<DueSoonResponse>('/api/due-soon?limit=2')).body.items).toHaveLength(2);
    for (const query of ['within=0', 'within=soon', 'limit=101']) {
      const { status, body } = await get<ApiErrorBody>(`/api/due-soon?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('bad_request');
    }
  });

  it('drops a breach from the queue once it has fired', async () => {
    clock.advance(11 * minute);
    // The in-process timer re-arms asynchronously, so a jump over several timers is finished with tick().
    await app.throughline.sla?.tick();
    const { body } = await get<DueSoonResponse>('/api/due-soon');
    expect(body.items.map((item) => item.displayName)).toEqual(['Dev Patel', 'Ana Silva', 'Chloé Martin']);
    const ben = await customerIdOf('#1051');
    const timeline = (await get<TimelineResponse>(`/api/customers/${ben}/timeline?types=sla.breached`)).body.entries;
    expect(timeline.map((entry) => entry.title)).toEqual(['SLA first reply breached']);
  });
});

describe('the rest of the API', () => {
  it('is read-only and answers unknown routes with 404', async () => {
    const post = await fetch(`${app.base}/api/search?q=%231042`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(((await post.json()) as ApiErrorBody).error.code).toBe('method_not_allowed');
    const { status, body } = await get<ApiErrorBody>('/api/orders');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('serves the page with a policy that allows no inline or foreign script', async () => {
    const page = await fetch(`${app.base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="/console.js">');
    const script = await fetch(`${app.base}/console.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(await script.text()).toContain('/api/due-soon');
  });

  it('tells connected pages which customer changed', async () => {
    const ana = await customerIdOf('ana.silva@example.com');
    const abort = new AbortController();
    const stream = await fetch(`${app.base}/api/changes`, { signal: abort.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    await app.throughline.ingest('acme', [whatsapp('SMnew', clock.now(), 'Any update?')]);
    let text = '';
    while (!text.includes('event: changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    abort.abort();
    const data = /event: changed\ndata: (.*)\n/.exec(text)?.[1];
    expect(JSON.parse(data ?? '{}')).toMatchObject({ customerIds: [ana] });
  });
});

describe('a console over a store another tenant shares', () => {
  it('never shows another tenant', async () => {
    const store = createMemoryStore();
    const throughline = createThroughline({ store, adapters: [], clock, sla: consoleSlaSettings });
    await throughline.ingest('other', [{ ...whatsapp('SMother', clock.now(), 'hello'), tenantId: 'other' }]);
    const other = await startAgentConsole({ throughline, tenantId: 'acme', now: () => clock.now(), port: 0 });
    try {
      const response = await fetch(`${other.url}api/search?q=${encodeURIComponent('+447700900123')}`);
      expect(((await response.json()) as SearchResponse).matches).toEqual([]);
    } finally {
      await other.close();
      await throughline.close();
    }
  });
});
