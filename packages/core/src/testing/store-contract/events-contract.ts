import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../model/timeline-event';
import { contractEvent, minute } from './fixtures';
import { collect, type StoreContractContext, seededRandom, sortBy, write } from './store-contract-context';

const ids = (events: ReadonlyArray<TimelineEvent>) => events.map((event) => event.id);

/**
 * Contract: storing, replacing, finding, scanning and deleting timeline events.
 * @param context - the store under test
 */
export function describeEventStorage(context: StoreContractContext): void {
  describe('events', () => {
    it('stores events and returns them exactly as given', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const message = contractEvent({ tenantId, id: 'e-1', customerId: 'c-1', caseId: 'case-1', occurredAt: minute(1) });
      const order = contractEvent({ tenantId, id: 'e-2', customerId: 'c-1', occurredAt: minute(2), kind: 'order' });
      await write(store, (transaction) => transaction.putEvents([message, order]));
      expect(await store.getEvent(tenantId, 'e-1')).toEqual(message);
      expect(await store.getEvent(tenantId, 'e-2')).toEqual(order);
      expect(await store.getEvent(tenantId, 'missing')).toBeUndefined();
    });

    it('treats putEvents as an upsert: the same id stored twice is stored once, the latest wins', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const first = contractEvent({ tenantId, id: 'e-1', customerId: 'c-1', occurredAt: minute(1), body: 'first' });
      const second = contractEvent({ tenantId, id: 'e-1', customerId: 'c-1', occurredAt: minute(1), body: 'second' });
      await write(store, (transaction) => transaction.putEvents([first]));
      await write(store, (transaction) => transaction.putEvents([second, second]));
      expect(await store.getEvent(tenantId, 'e-1')).toEqual(second);
      expect(ids(await store.listEvents({ tenantId, limit: 10 }))).toEqual(['e-1']);
      expect(ids(await store.eventsOfCustomers(tenantId, ['c-1']))).toEqual(['e-1']);
    });

    it('answers which event ids already exist (the idempotency check), for large batches too', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const events = Array.from({ length: 1200 }, (_, index) =>
        contractEvent({ tenantId, id: `e-${index}`, customerId: `c-${index % 7}`, occurredAt: minute(index / 10) }),
      );
      await write(store, (transaction) => transaction.putEvents(events));
      const asked = [...Array.from({ length: 1500 }, (_, index) => `e-${index * 2}`), 'e-0'];
      const existing = await store.existingEventIds(tenantId, asked);
      expect(existing).toBeInstanceOf(Set);
      expect([...existing].sort()).toEqual(Array.from({ length: 600 }, (_, index) => `e-${index * 2}`).sort());
      expect(await store.existingEventIds(tenantId, [])).toEqual(new Set());
    });

    it('returns every event of a set of customers', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await write(store, (transaction) =>
        transaction.putEvents([
          contractEvent({ tenantId, id: 'a-1', customerId: 'a', occurredAt: minute(1) }),
          contractEvent({ tenantId, id: 'b-1', customerId: 'b', occurredAt: minute(2) }),
          contractEvent({ tenantId, id: 'c-1', customerId: 'c', occurredAt: minute(3) }),
          contractEvent({ tenantId, id: 'a-2', customerId: 'a', occurredAt: minute(4), kind: 'order' }),
        ]),
      );
      expect(ids(await store.eventsOfCustomers(tenantId, ['a', 'c'])).sort()).toEqual(['a-1', 'a-2', 'c-1']);
      expect(await store.eventsOfCustomers(tenantId, ['nobody'])).toEqual([]);
      expect(await store.eventsOfCustomers(tenantId, [])).toEqual([]);
    });

    it('scans a tenant in (occurredAt, id) order, `from` inclusive and `to` exclusive', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const events = [
        contractEvent({ tenantId, id: 'e-b', customerId: 'c-1', occurredAt: minute(2) }),
        contractEvent({ tenantId, id: 'e-a', customerId: 'c-2', occurredAt: minute(2) }),
        contractEvent({ tenantId, id: 'e-c', customerId: 'c-1', occurredAt: minute(1) }),
        contractEvent({ tenantId, id: 'e-d', customerId: 'c-3', occurredAt: minute(3) }),
      ];
      await write(store, (transaction) => transaction.putEvents(events));
      expect(ids(await collect(store.scanEvents(tenantId)))).toEqual(['e-c', 'e-a', 'e-b', 'e-d']);
      expect(ids(await collect(store.scanEvents(tenantId, { from: minute(2) })))).toEqual(['e-a', 'e-b', 'e-d']);
      expect(ids(await collect(store.scanEvents(tenantId, { to: minute(2) })))).toEqual(['e-c']);
      expect(ids(await collect(store.scanEvents(tenantId, { from: minute(2), to: minute(3) })))).toEqual(['e-a', 'e-b']);
      expect(await collect(store.scanEvents(context.tenant('empty')))).toEqual([]);
    });

    it('scans more events than fit in one page without skipping or repeating any', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const events = Array.from({ length: 2500 }, (_, index) =>
        contractEvent({ tenantId, id: `e-${String(index).padStart(5, '0')}`, customerId: `c-${index % 13}`, occurredAt: minute(Math.floor(index / 3)) }),
      );
      await write(store, (transaction) => transaction.putEvents(events));
      const scanned = ids(await collect(store.scanEvents(tenantId)));
      expect(scanned).toEqual(ids(events));
    });

    it('deletes derived events and every index entry that pointed at them', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await write(store, (transaction) =>
        transaction.putEvents([
          contractEvent({ tenantId, id: 'keep', customerId: 'c-1', caseId: 'case-1', occurredAt: minute(1) }),
          contractEvent({ tenantId, id: 'breach', customerId: 'c-1', caseId: 'case-1', occurredAt: minute(2), kind: 'breach' }),
        ]),
      );
      await write(store, (transaction) => transaction.deleteEvents(tenantId, ['breach', 'never-stored']));
      expect(await store.getEvent(tenantId, 'breach')).toBeUndefined();
      expect(await store.existingEventIds(tenantId, ['keep', 'breach'])).toEqual(new Set(['keep']));
      expect(ids(await store.listEvents({ tenantId, customerId: 'c-1', limit: 10 }))).toEqual(['keep']);
      expect(ids(await store.listEvents({ tenantId, caseId: 'case-1', limit: 10 }))).toEqual(['keep']);
      expect(ids(await store.listEvents({ tenantId, limit: 10 }))).toEqual(['keep']);
      expect(ids(await store.eventsOfCustomers(tenantId, ['c-1']))).toEqual(['keep']);
      expect(ids(await collect(store.scanEvents(tenantId)))).toEqual(['keep']);
    });
  });
}

/**
 * Contract: reading timelines newest first with cursors, filters and placement changes.
 * @param context - the store under test
 */
export function describeTimelineReads(context: StoreContractContext): void {
  describe('timelines', () => {
    async function seed() {
      const store = context.store();
      const tenantId = context.tenant();
      const events = [
        contractEvent({ tenantId, id: 'e-01', customerId: 'jane', caseId: 'case-1', occurredAt: minute(1), channel: 'sms' }),
        contractEvent({ tenantId, id: 'e-02', customerId: 'jane', occurredAt: minute(2), kind: 'order' }),
        contractEvent({ tenantId, id: 'e-03b', customerId: 'jane', caseId: 'case-1', occurredAt: minute(3), channel: 'whatsapp' }),
        contractEvent({ tenantId, id: 'e-03a', customerId: 'jane', caseId: 'case-1', occurredAt: minute(3), channel: 'email', kind: 'note' }),
        contractEvent({ tenantId, id: 'e-04', customerId: 'omar', caseId: 'case-2', occurredAt: minute(4), channel: 'voice' }),
        contractEvent({ tenantId, id: 'e-05', customerId: 'jane', caseId: 'case-3', occurredAt: minute(5), channel: 'sms' }),
        contractEvent({ tenantId, id: 'e-06', customerId: 'jane', caseId: 'case-1', occurredAt: minute(6), kind: 'breach' }),
      ];
      // Stored out of order and in two transactions: order comes from the store, not from arrival.
      await write(store, (transaction) => transaction.putEvents([events[5]!, events[2]!, events[0]!]));
      await write(store, (transaction) => transaction.putEvents([events[6]!, events[1]!, events[4]!, events[3]!]));
      return { store, tenantId };
    }

    it("lists a customer's timeline newest first, ties broken by id descending", async () => {
      const { store, tenantId } = await seed();
      expect(ids(await store.listEvents({ tenantId, customerId: 'jane', limit: 50 }))).toEqual(['e-06', 'e-05', 'e-03b', 'e-03a', 'e-02', 'e-01']);
      expect(ids(await store.listEvents({ tenantId, customerId: 'omar', limit: 50 }))).toEqual(['e-04']);
      expect(await store.listEvents({ tenantId, customerId: 'nobody', limit: 50 })).toEqual([]);
    });

    it('lists a case timeline and the whole tenant timeline', async () => {
      const { store, tenantId } = await seed();
      expect(ids(await store.listEvents({ tenantId, caseId: 'case-1', limit: 50 }))).toEqual(['e-06', 'e-03b', 'e-03a', 'e-01']);
      expect(ids(await store.listEvents({ tenantId, limit: 50 }))).toEqual(['e-06', 'e-05', 'e-04', 'e-03b', 'e-03a', 'e-02', 'e-01']);
      expect(ids(await store.listEvents({ tenantId, caseId: 'case-1', customerId: 'omar', limit: 50 }))).toEqual([]);
      expect(ids(await store.listEvents({ tenantId, caseId: 'case-1', customerId: 'jane', limit: 2 }))).toEqual(['e-06', 'e-03b']);
    });

    it('pages with `before` (strictly older than the cursor) and `limit` without gaps or repeats', async () => {
      const { store, tenantId } = await seed();
      const first = await store.listEvents({ tenantId, customerId: 'jane', limit: 3 });
      expect(ids(first)).toEqual(['e-06', 'e-05', 'e-03b']);
      const second = await store.listEvents({ tenantId, customerId: 'jane', limit: 3, before: first[2]! });
      expect(ids(second)).toEqual(['e-03a', 'e-02', 'e-01']);
      expect(await store.listEvents({ tenantId, customerId: 'jane', limit: 3, before: second[2]! })).toEqual([]);
      const between = await store.listEvents({ tenantId, customerId: 'jane', limit: 50, before: { occurredAt: minute(3), id: 'e-03b' } });
      expect(ids(between)).toEqual(['e-03a', 'e-02', 'e-01']);
      const cursorNotStored = await store.listEvents({ tenantId, limit: 50, before: { occurredAt: minute(3), id: 'e-03c' } });
      expect(ids(cursorNotStored)).toEqual(['e-03b', 'e-03a', 'e-02', 'e-01']);
    });

    it('filters by type and by channel (events without a channel never match a channel filter)', async () => {
      const { store, tenantId } = await seed();
      expect(ids(await store.listEvents({ tenantId, customerId: 'jane', limit: 50, types: ['order.placed', 'sla.breached'] }))).toEqual(['e-06', 'e-02']);
      expect(ids(await store.listEvents({ tenantId, customerId: 'jane', limit: 50, channels: ['sms', 'email'] }))).toEqual(['e-05', 'e-03a', 'e-01']);
      expect(ids(await store.listEvents({ tenantId, limit: 50, types: ['message.received'], channels: ['voice', 'whatsapp'] }))).toEqual(['e-04', 'e-03b']);
      const page = await store.listEvents({ tenantId, customerId: 'jane', limit: 1, types: ['message.received'], before: { occurredAt: minute(5), id: 'e-05' } });
      expect(ids(page)).toEqual(['e-03b']);
      expect(await store.listEvents({ tenantId, limit: 50, types: [] })).toEqual([]);
    });

    it('moves an event between customers and cases when it is stored again with a new placement', async () => {
      const { store, tenantId } = await seed();
      const moved = { ...(await store.getEvent(tenantId, 'e-03b'))!, customerId: 'omar', caseId: 'case-2' };
      await write(store, (transaction) => transaction.putEvents([moved]));
      expect(ids(await store.listEvents({ tenantId, customerId: 'jane', limit: 50 }))).toEqual(['e-06', 'e-05', 'e-03a', 'e-02', 'e-01']);
      expect(ids(await store.listEvents({ tenantId, customerId: 'omar', limit: 50 }))).toEqual(['e-04', 'e-03b']);
      expect(ids(await store.listEvents({ tenantId, caseId: 'case-1', limit: 50 }))).toEqual(['e-06', 'e-03a', 'e-01']);
      expect(ids(await store.listEvents({ tenantId, caseId: 'case-2', limit: 50 }))).toEqual(['e-04', 'e-03b']);
      expect(ids(await store.eventsOfCustomers(tenantId, ['omar'])).sort()).toEqual(['e-03b', 'e-04']);
      const unassigned = { ...moved, caseId: null };
      await write(store, (transaction) => transaction.putEvents([unassigned]));
      expect(ids(await store.listEvents({ tenantId, caseId: 'case-2', limit: 50 }))).toEqual(['e-04']);
      expect(await store.getEvent(tenantId, 'e-03b')).toEqual(unassigned);
    });

    it('re-sorts an event whose time changed when stored again', async () => {
      const { store, tenantId } = await seed();
      const later = { ...(await store.getEvent(tenantId, 'e-01'))!, occurredAt: minute(10) };
      await write(store, (transaction) => transaction.putEvents([later]));
      expect(ids(await store.listEvents({ tenantId, customerId: 'jane', limit: 50 }))).toEqual(['e-01', 'e-06', 'e-05', 'e-03b', 'e-03a', 'e-02']);
      expect(ids(await collect(store.scanEvents(tenantId))).at(-1)).toBe('e-01');
    });

    it('keeps a random mix of placements and upserts in the same order as a sorted model', async () => {
      for (const seedValue of [1, 2, 3]) {
        const store = context.store();
        const tenantId = context.tenant(`random-${seedValue}`);
        const random = seededRandom(seedValue);
        const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)]!;
        const model = new Map<string, TimelineEvent>();
        for (let round = 0; round < 8; round++) {
          const batch: TimelineEvent[] = [];
          for (let index = 0; index < 25; index++) {
            const event = contractEvent({
              tenantId,
              id: `e-${Math.floor(random() * 90)}`,
              customerId: pick(['a', 'b', 'c']),
              caseId: pick(['x', 'y', null]),
              occurredAt: minute(Math.floor(random() * 12)),
              kind: pick(['message', 'order', 'note'] as const),
              channel: pick(['sms', 'email', 'voice'] as const),
            });
            batch.push(event);
            model.set(event.id, event);
          }
          await write(store, (transaction) => transaction.putEvents(batch));
        }
        const newestFirst = sortBy([...model.values()], (event) => `${event.occurredAt}|${event.id}`).reverse();
        for (const customerId of ['a', 'b', 'c']) {
          const expected = newestFirst.filter((event) => event.customerId === customerId && (event.channel === 'sms' || event.channel === 'email'));
          const paged: TimelineEvent[] = [];
          let before: TimelineEvent | undefined;
          // Bounded, so a store that ignores the cursor fails instead of looping forever.
          for (let pages = 0; pages <= expected.length; pages++) {
            const page = await store.listEvents({ tenantId, customerId, limit: 4, channels: ['sms', 'email'], ...(before ? { before } : {}) });
            paged.push(...page);
            if (page.length < 4) break;
            before = page.at(-1);
          }
          expect(paged).toEqual(expected);
        }
        expect(ids(await store.listEvents({ tenantId, caseId: 'x', limit: 1000 }))).toEqual(ids(newestFirst.filter((event) => event.caseId === 'x')));
      }
    });
  });
}
