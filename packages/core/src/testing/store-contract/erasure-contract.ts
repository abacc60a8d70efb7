import { describe, expect, it } from 'vitest';
import { eraseEventPersonalData } from '../../store/erase-personal-data';
import type { StoreReader, TimelineStore } from '../../store/timeline-store';
import { contractCase, contractCustomer, contractDeadLetter, contractEvent, contractIdentity, contractMerge, contractProposal, contractTimer, fixturePerson, minute } from './fixtures';
import { collect, type StoreContractContext, sortBy, write } from './store-contract-context';
import { seedEverything, snapshot } from './tenant-snapshot';

const other = { email: 'omar.haddad@example.net', body: 'Please change my delivery slot', phone: 'phone:+447700900123' };

async function seedThreeCustomers(store: TimelineStore, tenantId: string) {
  const events = [
    contractEvent({ tenantId, id: 'jane-1', customerId: 'jane', caseId: 'case-jane', occurredAt: minute(1) }),
    contractEvent({ tenantId, id: 'jane-2', customerId: 'jane', occurredAt: minute(2), kind: 'order' }),
    contractEvent({ tenantId, id: 'jane-3', customerId: 'jane', caseId: 'case-jane', occurredAt: minute(3), kind: 'note' }),
    contractEvent({ tenantId, id: 'lee-1', customerId: 'lee', caseId: 'case-lee', occurredAt: minute(4) }),
    contractEvent({ tenantId, id: 'omar-1', customerId: 'omar', caseId: 'case-omar', occurredAt: minute(5), email: other.email, name: 'Omar Haddad', body: other.body }),
  ];
  await write(store, async (transaction) => {
    await transaction.putEvents(events);
    await transaction.putCustomers([
      contractCustomer(tenantId, 'jane'),
      contractCustomer(tenantId, 'lee', { mergedInto: 'jane' }),
      contractCustomer(tenantId, 'omar', { profile: { name: 'Omar Haddad' } }),
    ]);
    await transaction.putIdentities([
      contractIdentity(tenantId, `email:${fixturePerson.email}`, 'jane'),
      contractIdentity(tenantId, `phone:${fixturePerson.phone}`, 'jane'),
      contractIdentity(tenantId, 'zendesk:user:77', 'lee'),
      contractIdentity(tenantId, `email:${other.email}`, 'omar'),
      contractIdentity(tenantId, other.phone, 'omar'),
    ]);
    await transaction.putCases([
      contractCase(tenantId, 'case-jane', 'jane'),
      contractCase(tenantId, 'case-lee', 'lee'),
      contractCase(tenantId, 'case-omar', 'omar', { subject: 'Delivery slot for Omar' }),
    ]);
  });
  return events;
}

/** Every record a customer-scoped read returns, as one JSON text to search for personal values. */
async function readableAbout(reader: StoreReader, tenantId: string, customerIds: ReadonlyArray<string>): Promise<string> {
  const parts: unknown[] = [
    await reader.eventsOfCustomers(tenantId, customerIds),
    await collect(reader.scanEvents(tenantId)),
    await reader.findIdentities(tenantId, [`email:${fixturePerson.email}`, `phone:${fixturePerson.phone}`, 'zendesk:user:77']),
  ];
  for (const id of customerIds) {
    parts.push(
      await reader.getCustomer(tenantId, id),
      await reader.listEvents({ tenantId, customerId: id, limit: 100 }),
      await reader.identitiesOf(tenantId, id),
      await reader.casesOf(tenantId, id),
    );
  }
  return JSON.stringify(parts);
}

/**
 * Contract: privacy erasure of one customer (Shopify `customers/redact`) and of a whole tenant (`shop/redact`).
 * @param context - the store under test
 */
export function describeErasure(context: StoreContractContext): void {
  describe('erasure', () => {
    it("erases a customer's personal data, and that of customers merged into it, keeping ids and times", async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const events = await seedThreeCustomers(store, tenantId);
      expect(await readableAbout(store, tenantId, ['jane', 'lee'])).toContain(fixturePerson.email);
      await write(store, (transaction) => transaction.eraseCustomer(tenantId, 'jane'));

      for (const event of events.filter((event) => event.customerId !== 'omar')) {
        expect(await store.getEvent(tenantId, event.id)).toEqual(eraseEventPersonalData(event));
      }
      expect(await store.existingEventIds(tenantId, events.map((event) => event.id))).toEqual(new Set(events.map((event) => event.id)));
      expect((await store.listEvents({ tenantId, customerId: 'jane', limit: 10 })).map((event) => event.id)).toEqual(['jane-3', 'jane-2', 'jane-1']);
      expect((await store.listEvents({ tenantId, caseId: 'case-lee', limit: 10 })).map((event) => event.id)).toEqual(['lee-1']);
      expect(await store.identitiesOf(tenantId, 'jane')).toEqual([]);
      expect(await store.identitiesOf(tenantId, 'lee')).toEqual([]);
      expect(await store.findIdentities(tenantId, [`email:${fixturePerson.email}`, `phone:${fixturePerson.phone}`, 'zendesk:user:77'])).toEqual([]);
      expect((await store.getCustomer(tenantId, 'jane'))?.profile).toEqual({});
      expect((await store.getCustomer(tenantId, 'lee'))?.profile).toEqual({});
      expect((await store.getCustomer(tenantId, 'lee'))?.mergedInto).toBe('jane');
      expect((await store.getCase(tenantId, 'case-jane'))?.subject).toBeNull();
      expect((await store.getCase(tenantId, 'case-lee'))?.subject).toBeNull();

      const remaining = await readableAbout(store, tenantId, ['jane', 'lee']);
      for (const value of [fixturePerson.email, fixturePerson.phone, fixturePerson.name, fixturePerson.body, 'Jane']) {
        expect(remaining).not.toContain(value);
      }
    });

    it('erases the identity keys merges and proposals remember, and dead letters that name the person', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await seedThreeCustomers(store, tenantId);
      const namesJane = { ...contractDeadLetter(tenantId, 'dl-jane', minute(6)), body: `{"email":"${fixturePerson.email}"}` };
      const namesOmar = { ...contractDeadLetter(tenantId, 'dl-omar', minute(7)), body: `{"email":"${other.email}"}` };
      await write(store, async (transaction) => {
        await transaction.putMerges([{ ...contractMerge(tenantId, 'merge-1', 'jane', 'lee'), sharedIdentityKey: `email:${fixturePerson.email}` }]);
        await transaction.putProposals([{ ...contractProposal(tenantId, 'proposal-1', ['jane', 'omar'], minute(5)), sharedIdentityKey: `phone:${fixturePerson.phone}` }]);
        await transaction.putDeadLetter(namesJane);
        await transaction.putDeadLetter(namesOmar);
      });
      await write(store, (transaction) => transaction.eraseCustomer(tenantId, 'jane'));
      expect(await store.getMerge(tenantId, 'merge-1')).toMatchObject({ sharedIdentityKey: null, absorbedIdentityKeys: [] });
      expect((await store.getProposal(tenantId, 'proposal-1'))?.sharedIdentityKey).toBeNull();
      expect((await store.listDeadLetters(tenantId, 10)).map((letter) => letter.id)).toEqual(['dl-omar']);
    });

    it('leaves every other customer untouched', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const events = await seedThreeCustomers(store, tenantId);
      await write(store, (transaction) => transaction.eraseCustomer(tenantId, 'jane'));
      expect(await store.getEvent(tenantId, 'omar-1')).toEqual(events[4]);
      expect(await store.getCustomer(tenantId, 'omar')).toEqual(contractCustomer(tenantId, 'omar', { profile: { name: 'Omar Haddad' } }));
      expect(sortBy(await store.identitiesOf(tenantId, 'omar'), (identity) => identity.key).map((identity) => identity.key)).toEqual([
        `email:${other.email}`,
        other.phone,
      ]);
      expect((await store.getCase(tenantId, 'case-omar'))?.subject).toBe('Delivery slot for Omar');
    });

    it('erases the same customer in one tenant only', async () => {
      const store = context.store();
      const tenantA = context.tenant('a');
      const tenantB = context.tenant('b');
      await seedThreeCustomers(store, tenantA);
      const eventsB = await seedThreeCustomers(store, tenantB);
      await write(store, (transaction) => transaction.eraseCustomer(tenantA, 'jane'));
      expect(await store.getEvent(tenantB, 'jane-1')).toEqual(eventsB[0]);
      expect((await store.identitiesOf(tenantB, 'jane')).length).toBe(2);
      expect(await store.getCustomer(tenantB, 'jane')).toEqual(contractCustomer(tenantB, 'jane'));
    });

    it('erases everything held for a tenant and nothing of another', async () => {
      const store = context.store();
      const tenantA = context.tenant('a');
      const tenantB = context.tenant('b');
      await seedEverything(store, tenantA);
      await seedEverything(store, tenantB);
      const nobody = contractDeadLetter(null, `${tenantA}-dl-unknown`, minute(0));
      await write(store, (transaction) => transaction.putDeadLetter(nobody));
      const untouched = await snapshot(store, tenantB);
      await write(store, (transaction) => transaction.eraseTenant(tenantA));

      const erased = await snapshot(store, tenantA);
      expect(erased.events).toEqual([]);
      expect(erased.janeTimeline).toEqual([]);
      expect(erased.caseTimeline).toEqual([]);
      expect(erased.existing).toEqual([]);
      expect(erased.customers).toEqual([undefined, undefined, undefined]);
      expect(erased.mergedInto).toEqual([]);
      expect(erased.identities).toEqual([]);
      expect(erased.identitiesOf).toEqual([[], [], []]);
      expect(erased.cases).toEqual([undefined, undefined]);
      expect(erased.casesOf).toEqual([[], [], []]);
      expect(erased.merges).toEqual([]);
      expect(erased.proposals).toEqual([]);
      expect(erased.proposalsOf).toEqual([]);
      expect(erased.version).toBeUndefined();
      expect(erased.checkpoint).toBeUndefined();
      expect(erased.deadLetters).toEqual([]);
      expect(erased.timers).toEqual([]);
      expect(await snapshot(store, tenantB)).toEqual(untouched);
      expect((await store.listDeadLetters(null, 10)).map((letter) => letter.id)).toEqual([nobody.id, `${tenantB}-dl-1`]);
      expect((await store.dueTimers(null, minute(1000), 10)).every((timer) => timer.tenantId === tenantB)).toBe(true);

      // The tenant can start again from nothing.
      await write(store, (transaction) => transaction.putTimers([contractTimer(tenantA, 'breach-1', minute(1))]));
      expect((await store.dueTimers(tenantA, minute(5), 10)).map((timer) => timer.id)).toEqual(['breach-1']);
    });
  });
}
