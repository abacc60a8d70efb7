import { describe, expect, it } from 'vitest';
import { createMemoryStore, createThroughline } from '../src/index';
import { createMockAdapter, createTestClock, signMockDelivery } from '../src/testing/index';
import { email, inbound, order, phone, reply, shopifyId, ticketStatus } from './event-factory';

const secret = 'mock-secret';

function setup() {
  const store = createMemoryStore();
  const throughline = createThroughline({
    store,
    adapters: [createMockAdapter({ secrets: [secret], accounts: { acme: 'acme', globex: 'globex' } })],
    clock: createTestClock('2026-11-27T12:00:00Z'),
    defaultRegion: 'US',
  });
  return { store, throughline, acme: throughline.tenant('acme') };
}

async function deliver(throughline: ReturnType<typeof setup>['throughline'], events: unknown[], options: { account?: string; deliveryId?: string } = {}) {
  const request = await signMockDelivery({
    url: 'https://shop.example/webhooks/mock',
    secret,
    account: options.account ?? 'acme',
    body: { account: options.account ?? 'acme', deliveryId: options.deliveryId ?? 'd1', events: events as never },
  });
  return throughline.webhooks.handle(request);
}

const strip = ({ tenantId: _tenantId, ...event }: { tenantId: string }) => event;

describe('webhooks.handle', () => {
  it('acknowledges a signed delivery only after the events are stored', async () => {
    const { throughline, acme } = setup();
    const response = await deliver(throughline, [strip(inbound('m1', 0, [email(' Ana@Example.com ')]))]);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, accepted: 1, duplicates: 0 });
    const view = await acme.customers.findByIdentity(email('ana@example.com'));
    expect(view?.identities.map((identity) => identity.key)).toEqual(['email:ana@example.com']);
    const page = await acme.timeline.forCustomer(view!.customer.id);
    expect(page.events.map((event) => event.id)).toEqual(['m1']);
  });

  it('drops a redelivery as a duplicate', async () => {
    const { throughline } = setup();
    const events = [strip(inbound('m1', 0, [email('ana@example.com')]))];
    await deliver(throughline, events);
    const again = await deliver(throughline, events);
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('issues the duplicate check together with the first event\'s locks and identity lookup (one round trip on a networked store)', async () => {
    const store = createMemoryStore();
    const calls: string[] = [];
    const recording: typeof store = {
      ...store,
      transaction: (work) =>
        store.transaction((transaction) => {
          const traced = <Name extends 'existingEventIds' | 'lockKeys' | 'findIdentities'>(name: Name) =>
            (async (...args: never[]) => {
              calls.push(`${name} issued`);
              const answer = await (transaction[name] as (...parameters: never[]) => Promise<unknown>)(...args);
              calls.push(`${name} answered`);
              return answer;
            }) as (typeof transaction)[Name];
          return work({ ...transaction, existingEventIds: traced('existingEventIds'), lockKeys: traced('lockKeys'), findIdentities: traced('findIdentities') });
        }),
    };
    const throughline = createThroughline({ store: recording, adapters: [], clock: createTestClock('2026-11-27T12:00:00Z') });
    const event = inbound('m1', 0, [email('ana@example.com')]);
    await throughline.ingest('acme', [event]);
    expect(calls.slice(0, 3)).toEqual(['existingEventIds issued', 'lockKeys issued', 'findIdentities issued']);
    // A redelivery: the lookup was issued before the store said it is a duplicate, and nothing else is written.
    calls.length = 0;
    const report = await throughline.ingest('acme', [event]);
    expect(report.duplicates).toEqual(['m1']);
    expect(calls.filter((call) => call.endsWith('issued'))).toEqual(['existingEventIds issued', 'lockKeys issued', 'findIdentities issued']);
  });

  it('answers 401 to a wrong signature and keeps the delivery as a dead letter', async () => {
    const { throughline, store } = setup();
    const request = await signMockDelivery({ url: 'https://shop.example/webhooks/mock', secret: 'wrong', account: 'acme', body: { account: 'acme', deliveryId: 'x', events: [] } });
    const response = await throughline.webhooks.handle(request);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ reason: 'invalid_signature' });
    expect((await store.listDeadLetters(null, 10)).map((letter) => letter.reason)).toEqual(['invalid_signature']);
  });

  it('answers 401 unknown_tenant to an account no tenant owns', async () => {
    const { throughline } = setup();
    const request = await signMockDelivery({ url: 'https://shop.example/webhooks/mock', secret, account: 'initech', body: { account: 'initech', deliveryId: 'x', events: [] } });
    const response = await throughline.webhooks.handle(request);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ reason: 'unknown_tenant' });
  });

  it('answers 400 to truncated JSON and keeps the raw body', async () => {
    const { throughline, store } = setup();
    const request = await signMockDelivery({ url: 'https://shop.example/webhooks/mock', secret, account: 'acme', body: '{"account":"acme","events":[{"id":' });
    const response = await throughline.webhooks.handle(request);
    expect(response.status).toBe(400);
    const [letter] = await store.listDeadLetters('acme', 10);
    expect(letter).toMatchObject({ reason: 'malformed_body', body: '{"account":"acme","events":[{"id":' });
  });

  it('answers 400 to an event missing fields, naming the field', async () => {
    const { throughline } = setup();
    const broken = { ...strip(inbound('m1', 0, [email('a@b.co')])), occurredAt: 'yesterday' };
    const response = await deliver(throughline, [broken]);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/occurredAt/);
  });

  it('answers 413 to an oversized body without reading it all', async () => {
    const store = createMemoryStore();
    const throughline = createThroughline({ store, adapters: [createMockAdapter({ secrets: [secret], accounts: { acme: 'acme' } })], maxBodyBytes: 1000 });
    const response = await deliver(throughline, [strip(inbound('m1', 0, [email('a@b.co')], 'web', 'acme', 'x'.repeat(5000)))]);
    expect(response.status).toBe(413);
    expect((await store.listDeadLetters(null, 10))[0]?.reason).toBe('body_too_large');
  });

  it('answers 404 to a request no adapter recognises and 405 to a GET', async () => {
    const { throughline } = setup();
    expect((await throughline.webhooks.handle(new Request('https://shop.example/webhooks/other', { method: 'POST', body: '{}' }))).status).toBe(404);
    expect((await throughline.webhooks.handle(new Request('https://shop.example/webhooks/mock'))).status).toBe(405);
  });

  it('takes the methods an adapter declares, and those alone', async () => {
    const mock = createMockAdapter({ secrets: [secret], accounts: { acme: 'acme' } });
    // A platform that sends GETs only (as a Twilio number can be set up to).
    const getOnly = { ...mock, id: 'getonly', capabilities: { ...mock.capabilities, webhookMethods: ['GET'] as const } };
    const store = createMemoryStore();
    const throughline = createThroughline({ store, adapters: [mock, getOnly] });
    const refused = await throughline.webhooks.handle(new Request('https://shop.example/webhooks/getonly', { method: 'POST', body: '{}' }));
    expect(refused.status).toBe(405);
    expect(await refused.json()).toMatchObject({ error: 'method_not_allowed' });
    // Routed and verified: the GET reaches the adapter, which finds no signature.
    expect((await throughline.webhooks.handle(new Request('https://shop.example/webhooks/getonly'))).status).toBe(401);
    expect((await throughline.webhooks.handle(new Request('https://shop.example/webhooks/mock', { method: 'PUT', body: '{}' }))).status).toBe(405);
    // Nothing refused for its method is kept: it never was a delivery.
    expect((await store.listDeadLetters(null, 10)).map((letter) => letter.reason)).toEqual(['missing_signature']);
  });

  it('a listener that throws never breaks ingest', async () => {
    const { throughline } = setup();
    const failures: string[] = [];
    throughline.events.on('timeline.appended', () => {
      throw new Error('listener bug');
    });
    throughline.events.on('listener.failed', ({ event }) => failures.push(event));
    const response = await deliver(throughline, [strip(inbound('m1', 0, [email('a@b.co')]))]);
    expect(response.status).toBe(200);
    expect(failures).toEqual(['timeline.appended']);
  });
});

describe('identity resolution', () => {
  it('links a web form, a WhatsApp and a call to one customer through shared identifiers', async () => {
    const { throughline, acme } = setup();
    await throughline.ingest('acme', [
      order('1001', 0, [shopifyId('820982911946154508'), email('ana@example.com'), phone('+1(502)-459-2181')]),
      inbound('w1', 10, [email('ANA@example.com')], 'web'),
      inbound('wa1', 20, [phone('whatsapp:+15024592181')], 'whatsapp'),
    ]);
    const view = await acme.customers.findByIdentity(phone('502-459-2181'));
    expect(view?.identities.map((identity) => identity.key).sort()).toEqual(['email:ana@example.com', 'phone:+15024592181', 'shopify:customer:820982911946154508']);
    const explained = await acme.customers.explain(view!.customer.id);
    expect(explained.find((item) => item.identity.key === 'phone:+15024592181')?.evidence?.id).toBe('1001');
  });

  it('never links customers through a placeholder phone or an empty id someone typed', async () => {
    const { throughline, store } = setup();
    // Each pair typed the same placeholder into a required field: it must not make them one customer.
    const placeholders = ['000-000-0000', '(000) 000-0000', '1234567890', '+1 999 999 9999', '+1 (123) 555-0100'];
    const events = placeholders.flatMap((value, index) => [
      inbound(`p${index}a`, index, [phone(value), email(`a${index}@example.com`)], 'web'),
      inbound(`p${index}b`, index, [phone(value), email(`b${index}@example.com`)], 'web'),
    ]);
    events.push(inbound('s1', 20, [{ kind: 'social', network: 'twitter', value: ' @ ' }, email('c@example.com')], 'web'));
    events.push(inbound('s2', 21, [{ kind: 'social', network: 'twitter', value: '@' }, email('d@example.com')], 'web'));
    await throughline.ingest('acme', events);
    const stored = await store.listEvents({ tenantId: 'acme', limit: 100 });
    expect(new Set(stored.map((event) => event.customerId)).size).toBe(stored.length);
    // Numbers of the shape reserved for examples still link.
    await throughline.ingest('acme', [inbound('r1', 30, [phone('+1 415 555 0100')], 'sms'), inbound('r2', 31, [phone('415-555-0100')], 'whatsapp')]);
    const [r1, r2] = await Promise.all(['r1', 'r2'].map((id) => store.getEvent('acme', id)));
    expect(r1!.customerId).toBe(r2!.customerId);
  });

  it('merges two customers that turn out to share an identifier, with evidence, and unmerge restores both', async () => {
    const { throughline, acme } = setup();
    await throughline.ingest('acme', [inbound('a', 0, [email('ana@example.com')]), inbound('b', 5, [phone('+14155550100')], 'sms')]);
    const a = (await acme.customers.findByIdentity(email('ana@example.com')))!;
    const b = (await acme.customers.findByIdentity(phone('+14155550100')))!;
    const before = { a: await acme.timeline.forCustomer(a.customer.id), b: await acme.timeline.forCustomer(b.customer.id) };
    expect(a.customer.id).not.toBe(b.customer.id);
    await throughline.ingest('acme', [inbound('c', 10, [email('ana@example.com'), phone('+14155550100')], 'whatsapp')]);
    const merged = (await acme.customers.findByIdentity(phone('+14155550100')))!;
    expect(merged.customer.id).toBe(a.customer.id);
    const [merge] = (await throughline.store.mergesOf('acme', a.customer.id)).filter((item) => item.undoneAt === null);
    expect(merge).toMatchObject({ survivorId: a.customer.id, absorbedId: b.customer.id, evidenceEventId: 'c', sharedIdentityKey: expect.any(String) });
    await acme.customers.unmerge(merge!.id);
    const restoredB = (await acme.customers.findByIdentity(phone('+14155550100')))!;
    expect(restoredB.customer.id).toBe(b.customer.id);
    const afterB = await acme.timeline.forCustomer(b.customer.id);
    expect(afterB.events.map((event) => event.id)).toEqual(before.b.events.map((event) => event.id));
    const afterA = await acme.timeline.forCustomer(a.customer.id, { types: ['message.received'] });
    expect(afterA.events.map((event) => event.id)).toEqual(['c', 'a']);
    expect(await acme.customers.proposals()).toHaveLength(1);
  });

  it('never merges two Shopify customers sharing a household phone: it proposes, and accepting merges', async () => {
    const { throughline, acme } = setup();
    await throughline.ingest('acme', [
      order('1', 0, [shopifyId('111'), phone('+14155550100'), email('mum@example.com')]),
      order('2', 5, [shopifyId('222'), phone('+14155550100'), email('son@example.com')]),
    ]);
    const mum = (await acme.customers.findByIdentity(shopifyId('111')))!;
    const son = (await acme.customers.findByIdentity(shopifyId('222')))!;
    expect(mum.customer.id).not.toBe(son.customer.id);
    const [proposal] = await acme.customers.proposals();
    expect(proposal).toMatchObject({ reason: 'conflicting_platform_ids', status: 'open' });
    expect([...proposal!.customerIds].sort()).toEqual([mum.customer.id, son.customer.id].sort());
    const merge = await acme.customers.acceptProposal(proposal!.id);
    expect(merge.kind).toBe('accepted_proposal');
    expect((await acme.customers.findByIdentity(shopifyId('222')))!.customer.id).toBe(merge.survivorId);
    expect(await acme.customers.proposals()).toHaveLength(0);
  });

  it('links an event carrying only a reference (a refund) to the customer of the referenced order', async () => {
    const { throughline, acme } = setup();
    const orderRef = { kind: 'reference' as const, namespace: 'shopify:order', value: '820982911946154508' };
    const otherOrder = { kind: 'reference' as const, namespace: 'shopify:order', value: '1' };
    await throughline.ingest('acme', [
      order('o1', 0, [email('ana@example.com'), orderRef]),
      order('o2', 5, [phone('+14155550100'), otherOrder]),
      inbound('m1', 10, [email('ana@example.com'), phone('+14155550100')]),
      { ...order('r1', 20, [orderRef]), type: 'order.refunded', data: { orderId: '820982911946154508', orderName: null, refundId: 'r1', amount: { amount: '10.00', currency: 'EUR' }, note: null } },
    ]);
    const ana = (await acme.customers.findByIdentity(email('ana@example.com')))!;
    const keys = ana.identities.map((identity) => identity.key).sort();
    expect(keys).toEqual(['email:ana@example.com', 'phone:+14155550100', 'ref:shopify:order:1', 'ref:shopify:order:820982911946154508']);
    const refunds = await acme.timeline.forCustomer(ana.customer.id, { types: ['order.refunded'] });
    expect(refunds.events.map((event) => event.id)).toEqual(['r1']);
    expect(await acme.customers.proposals()).toEqual([]);
  });

  it('never returns another tenant\'s records', async () => {
    const { throughline } = setup();
    await throughline.ingest('acme', [inbound('a', 0, [email('ana@example.com')])]);
    await throughline.ingest('globex', [inbound('g', 0, [email('ana@example.com')], 'web', 'globex')]);
    const acme = await throughline.tenant('acme').customers.findByIdentity(email('ana@example.com'));
    const globex = await throughline.tenant('globex').customers.findByIdentity(email('ana@example.com'));
    expect(acme?.customer.tenantId).toBe('acme');
    expect(globex?.customer.tenantId).toBe('globex');
    const page = await throughline.tenant('globex').timeline.forCustomer(globex!.customer.id);
    expect(page.events.map((event) => event.id)).toEqual(['g']);
    await expect(throughline.tenant('globex').timeline.forCustomer(acme!.customer.id)).rejects.toThrow(/does not exist/);
  });

  it('refuses events that name another tenant', async () => {
    const { throughline } = setup();
    await expect(throughline.ingest('acme', [inbound('a', 0, [email('a@b.co')], 'web', 'globex')])).rejects.toThrow(/tenant/);
  });
});

describe('cases', () => {
  it('joins contacts on any channel to the open case and marks a repeat on another channel', async () => {
    const { throughline, acme } = setup();
    await throughline.ingest('acme', [
      inbound('web1', 0, [email('ana@example.com'), phone('+14155550100')], 'web'),
      inbound('wa1', 30, [phone('+14155550100')], 'whatsapp'),
      inbound('wa2', 31, [phone('+14155550100')], 'whatsapp'),
    ]);
    const customer = (await acme.customers.findByIdentity(email('ana@example.com')))!;
    const cases = await acme.cases.forCustomer(customer.customer.id);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ contactCount: 3, repeatContactCount: 1, channel: 'web', lastInboundChannel: 'whatsapp' });
    const page = await acme.timeline.forCase(cases[0]!.id);
    expect(page.events.filter((event) => event.repeatContact).map((event) => event.id)).toEqual(['wa1']);
  });

  it('reopens a solved case within the window and opens a new one after it', async () => {
    const { throughline, acme } = setup();
    const ana = [email('ana@example.com')];
    await throughline.ingest('acme', [
      inbound('m1', 0, ana),
      reply('r1', 10, ana),
      ticketStatus('s1', 11, ana, 'solved', 'zendesk:ticket:1'),
      inbound('m2', 60, ana),
    ]);
    const id = (await acme.customers.findByIdentity(ana[0]!))!.customer.id;
    let cases = await acme.cases.forCustomer(id);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.status).toBe('open');
    await acme.cases.setStatus(cases[0]!.id, 'solved');
    await throughline.ingest('acme', [inbound('m3', 60 * 24 * 10, ana)]);
    cases = await acme.cases.forCustomer(id);
    expect(cases).toHaveLength(2);
  });

  it('splits and merges cases explicitly, on the timeline', async () => {
    const { throughline, acme } = setup();
    const ana = [email('ana@example.com')];
    await throughline.ingest('acme', [inbound('m1', 0, ana), inbound('m2', 5, ana)]);
    const id = (await acme.customers.findByIdentity(ana[0]!))!.customer.id;
    const [original] = await acme.cases.forCustomer(id);
    const newCaseId = await acme.cases.split(original!.id, ['m2']);
    expect((await acme.timeline.forCase(newCaseId)).events.map((event) => event.id)).toEqual(['m2']);
    await acme.cases.merge(original!.id, newCaseId);
    const ids = (await acme.timeline.forCase(original!.id, { types: ['message.received'] })).events.map((event) => event.id);
    expect(ids).toEqual(['m2', 'm1']);
  });
});

describe('timeline', () => {
  it('pages newest first with a cursor and filters by type and channel', async () => {
    const { throughline, acme } = setup();
    const ana = [email('ana@example.com')];
    await throughline.ingest('acme', Array.from({ length: 7 }, (_, index) => inbound(`m${index}`, index, ana, index % 2 ? 'sms' : 'web')));
    const id = (await acme.customers.findByIdentity(ana[0]!))!.customer.id;
    const first = await acme.timeline.forCustomer(id, { limit: 3 });
    expect(first.events.map((event) => event.id)).toEqual(['m6', 'm5', 'm4']);
    const second = await acme.timeline.forCustomer(id, { limit: 3, before: first.nextCursor! });
    expect(second.events.map((event) => event.id)).toEqual(['m3', 'm2', 'm1']);
    const sms = await acme.timeline.forCustomer(id, { channels: ['sms'] });
    expect(sms.events.map((event) => event.id)).toEqual(['m5', 'm3', 'm1']);
    await expect(acme.timeline.forCustomer(id, { before: 'garbage' })).rejects.toThrow(/cursor/);
  });

  it('keeps the newest version of an entity whatever the arrival order', async () => {
    const { throughline, acme } = setup();
    const newer = { ...order('o2', 10, [email('a@b.co')]), entity: { key: 'shopify:order:1', version: 2 } };
    const older = { ...order('o1', 5, [email('a@b.co')]), entity: { key: 'shopify:order:1', version: 1 } };
    await throughline.ingest('acme', [newer]);
    await throughline.ingest('acme', [older]);
    expect((await acme.entities.current('shopify:order:1'))?.id).toBe('o2');
  });
});
