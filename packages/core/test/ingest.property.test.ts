import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createThroughline, type IncomingEvent, type TimelineStore } from '../src/index';
import { email, inbound, order, phone, reply, shopifyId, ticketStatus } from './event-factory';

const emails = ['ana@example.com', 'ben@example.com', 'cy@example.com', 'di@example.com'];
const phones = ['+14155550100', '+14155550101', '+14155550102'];
const shopifyIds = ['111', '222', '333'];
const universeKeys = [...emails.map((value) => `email:${value}`), ...phones.map((value) => `phone:${value}`), ...shopifyIds.map((value) => `shopify:customer:${value}`)];

const claimArbitrary = fc.oneof(
  fc.constantFrom(...emails).map(email),
  fc.constantFrom(...phones).map(phone),
  fc.constantFrom(...shopifyIds).map(shopifyId),
);

const eventArbitrary = fc
  .record({
    kind: fc.constantFrom('inbound', 'reply', 'order', 'solve'),
    minute: fc.integer({ min: 0, max: 60 * 24 * 6 }),
    claims: fc.uniqueArray(claimArbitrary, { minLength: 1, maxLength: 3, selector: (claim) => `${claim.kind}:${claim.value}` }),
    channel: fc.constantFrom('web' as const, 'sms' as const, 'whatsapp' as const, 'email' as const),
  })
  .map(({ kind, minute, claims, channel }, index = 0) => ({ kind, minute, claims, channel, index }));

function toEvents(specs: Array<{ kind: string; minute: number; claims: ReturnType<typeof email>[]; channel: 'web' | 'sms' | 'whatsapp' | 'email' }>, tenantId = 'acme'): IncomingEvent[] {
  return specs.map((spec, index) => {
    const id = `e${index}`;
    if (spec.kind === 'reply') return reply(id, spec.minute, spec.claims, spec.channel, tenantId);
    if (spec.kind === 'order') return { ...order(id, spec.minute, spec.claims, tenantId), tenantId };
    if (spec.kind === 'solve') return { ...ticketStatus(id, spec.minute, spec.claims, 'solved', 'zendesk:ticket:1', tenantId), tenantId };
    return inbound(id, spec.minute, spec.claims, spec.channel, tenantId);
  });
}

async function snapshot(store: TimelineStore, tenantId: string, eventIds: string[]) {
  const identities = (await store.findIdentities(tenantId, universeKeys)).map(({ key, customerId, evidenceEventId }) => ({ key, customerId, evidenceEventId }));
  const customerIds = [...new Set(identities.map((identity) => identity.customerId))].sort();
  const events = [];
  for (const id of eventIds) {
    const event = await store.getEvent(tenantId, id);
    events.push(event ? { id, customerId: event.customerId, caseId: event.caseId, repeat: event.repeatContact } : null);
  }
  const cases = [];
  const merges = [];
  const proposals = [];
  for (const id of customerIds) {
    cases.push(...(await store.casesOf(tenantId, id)).map((supportCase) => JSON.stringify(supportCase)));
    merges.push(...(await store.mergesOf(tenantId, id)).map((merge) => JSON.stringify(merge)));
    proposals.push(...(await store.proposalsOf(tenantId, id)).map((proposal) => JSON.stringify(proposal)));
  }
  return { identities: identities.sort((a, b) => a.key.localeCompare(b.key)), events, cases: [...new Set(cases)].sort(), merges: [...new Set(merges)].sort(), proposals: [...new Set(proposals)].sort() };
}

async function ingestOneByOne(events: IncomingEvent[], tenantId = 'acme') {
  const store = createMemoryStore();
  const throughline = createThroughline({ store, adapters: [] });
  for (const event of events) await throughline.ingest(tenantId, [event]);
  return { store, throughline };
}

describe('ingest is a function of the events, not of their arrival', () => {
  it('any permutation, with duplicates, yields the same customers, merges, cases and timeline', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArbitrary, { minLength: 1, maxLength: 14 }),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (specs, randomness, duplicatePicks) => {
          const events = toEvents(specs);
          const ids = events.map((event) => event.id);
          const ordered = [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
          const shuffled = [...events, ...duplicatePicks.map((pick) => events[pick % events.length]!)];
          const iterator = randomness[Symbol.iterator]();
          for (let index = shuffled.length - 1; index > 0; index--) {
            const swap = iterator.next().value! % (index + 1);
            [shuffled[index], shuffled[swap]] = [shuffled[swap]!, shuffled[index]!];
          }
          const expected = await snapshot((await ingestOneByOne(ordered)).store, 'acme', ids);
          const actual = await snapshot((await ingestOneByOne(shuffled)).store, 'acme', ids);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('unmerge after a manual merge restores the original state exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventArbitrary, { minLength: 2, maxLength: 10 }), fc.nat(), fc.nat(), async (specs, pickA, pickB) => {
        const events = toEvents(specs);
        const ids = events.map((event) => event.id);
        const { store, throughline } = await ingestOneByOne(events);
        const before = await snapshot(store, 'acme', ids);
        const customerIds = [...new Set(before.identities.map((identity) => identity.customerId))];
        const a = customerIds[pickA % customerIds.length]!;
        const b = customerIds[pickB % customerIds.length]!;
        fc.pre(a !== b);
        const merge = await throughline.tenant('acme').customers.merge(a, b);
        const merged = await snapshot(store, 'acme', ids);
        expect(new Set(merged.identities.map((identity) => identity.customerId)).size).toBe(customerIds.length - 1);
        await throughline.tenant('acme').customers.unmerge(merge.id);
        const after = await snapshot(store, 'acme', ids);
        expect(after.identities).toEqual(before.identities);
        expect(after.events).toEqual(before.events);
        expect(after.cases).toEqual(before.cases);
      }),
      { numRuns: 80 },
    );
  });

  it('no query returns another tenant\'s records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventArbitrary, { minLength: 1, maxLength: 8 }), fc.array(eventArbitrary, { minLength: 1, maxLength: 8 }), async (specsA, specsB) => {
        const store = createMemoryStore();
        const throughline = createThroughline({ store, adapters: [] });
        const acmeEvents = toEvents(specsA, 'acme');
        const globexEvents = toEvents(specsB, 'globex').map((event) => ({ ...event, id: `g-${event.id}` }));
        for (const event of acmeEvents) await throughline.ingest('acme', [event]);
        for (const event of globexEvents) await throughline.ingest('globex', [event]);
        const seen = [
          ...(await store.findIdentities('acme', universeKeys)),
          ...(await store.listEvents({ tenantId: 'acme', limit: 1000 })),
        ];
        for (const record of seen) expect(record.tenantId).toBe('acme');
        for (const event of globexEvents) expect(await store.getEvent('acme', event.id)).toBeUndefined();
        for (const identity of await store.findIdentities('acme', universeKeys)) {
          for (const event of await store.eventsOfCustomers('acme', [identity.customerId])) expect(event.tenantId).toBe('acme');
          for (const supportCase of await store.casesOf('acme', identity.customerId)) expect(supportCase.tenantId).toBe('acme');
        }
      }),
      { numRuns: 40 },
    );
  });
});
