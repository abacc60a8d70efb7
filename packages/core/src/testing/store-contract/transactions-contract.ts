import { describe, expect, it } from 'vitest';
import {
  contractCase,
  contractCustomer,
  contractDeadLetter,
  contractEvent,
  contractIdentity,
  contractMerge,
  contractProposal,
  contractTimer,
  minute,
} from './fixtures';
import { collect, type StoreContractContext, write } from './store-contract-context';
import { seedEverything, snapshot } from './tenant-snapshot';

/**
 * Contract: transactions commit everything or nothing, and see their own writes.
 * @param context - the store under test
 */
export function describeTransactions(context: StoreContractContext): void {
  describe('transactions', () => {
    it('returns what the work returns', async () => {
      const store = context.store();
      expect(await store.transaction(async () => ({ stored: 3 }))).toEqual({ stored: 3 });
    });

    it('rolls back every kind of write completely when the work throws, and rethrows the same error', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await seedEverything(store, tenantId);
      const before = await snapshot(store, tenantId);
      const failure = new Error('adapter exploded mid-ingest');
      const outcome = write(store, async (transaction) => {
        await transaction.putEvents([
          contractEvent({ tenantId, id: 'e-new', customerId: 'omar', occurredAt: minute(3) }),
          { ...contractEvent({ tenantId, id: 'e-1', customerId: 'omar', caseId: 'case-2', occurredAt: minute(9) }) },
        ]);
        await transaction.deleteEvents(tenantId, ['e-2']);
        await transaction.putCustomers([contractCustomer(tenantId, 'omar'), contractCustomer(tenantId, 'jane', { tier: 'vip' })]);
        await transaction.deleteCustomers(tenantId, ['lee']);
        await transaction.putIdentities([contractIdentity(tenantId, 'email:new@example.com', 'omar'), contractIdentity(tenantId, 'phone:+15025550100', 'omar')]);
        await transaction.deleteIdentities(tenantId, ['email:jane.roe@example.com']);
        await transaction.putCases([contractCase(tenantId, 'case-2', 'omar'), contractCase(tenantId, 'case-1', 'omar')]);
        await transaction.deleteMerges(tenantId, ['merge-1']);
        await transaction.putMerges([contractMerge(tenantId, 'merge-2', 'jane', 'omar')]);
        await transaction.putProposals([contractProposal(tenantId, 'p-2', ['omar', 'lee'], minute(0))]);
        await transaction.deleteProposals(tenantId, ['p-1']);
        await transaction.putEntityVersion({ tenantId, key: 'shopify:order:1', version: 2, eventId: 'e-new' });
        await transaction.putCheckpoint({ tenantId, adapterId: 'shopify', stream: 'orders', cursor: 'b', updatedAt: minute(2) });
        await transaction.putDeadLetter(contractDeadLetter(tenantId, `${tenantId}-dl-2`, minute(2)));
        await transaction.claimDueTimers(tenantId, minute(5), 10);
        await transaction.putTimers([contractTimer(tenantId, 'breach-3', minute(7))]);
        await transaction.deleteTimers(tenantId, ['breach-2']);
        await transaction.eraseCustomer(tenantId, 'jane');
        throw failure;
      });
      await expect(outcome).rejects.toBe(failure);
      expect(await snapshot(store, tenantId)).toEqual(before);
    });

    it('rolls back a tenant erasure when the work throws', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await seedEverything(store, tenantId);
      const before = await snapshot(store, tenantId);
      await expect(
        write(store, async (transaction) => {
          await transaction.eraseTenant(tenantId);
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect(await snapshot(store, tenantId)).toEqual(before);
    });

    it('lets reads inside a transaction see its own writes', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await seedEverything(store, tenantId);
      await write(store, async (transaction) => {
        const moved = contractEvent({ tenantId, id: 'e-1', customerId: 'omar', caseId: 'case-2', occurredAt: minute(1) });
        await transaction.putEvents([moved, contractEvent({ tenantId, id: 'e-new', customerId: 'omar', occurredAt: minute(3) })]);
        expect(await transaction.getEvent(tenantId, 'e-1')).toEqual(moved);
        expect(await transaction.existingEventIds(tenantId, ['e-new', 'e-9'])).toEqual(new Set(['e-new']));
        expect((await transaction.listEvents({ tenantId, customerId: 'omar', limit: 10 })).map((event) => event.id)).toEqual(['e-new', 'e-1']);
        expect((await transaction.listEvents({ tenantId, customerId: 'jane', limit: 10 })).map((event) => event.id)).toEqual(['e-2']);
        expect((await collect(transaction.scanEvents(tenantId))).map((event) => event.id)).toEqual(['e-1', 'e-2', 'e-new']);
        await transaction.deleteEvents(tenantId, ['e-2']);
        expect(await transaction.eventsOfCustomers(tenantId, ['jane'])).toEqual([]);

        await transaction.putCustomers([contractCustomer(tenantId, 'omar', { mergedInto: 'jane' })]);
        expect((await transaction.customersMergedInto(tenantId, 'jane')).map((customer) => customer.id).sort()).toEqual(['lee', 'omar']);
        await transaction.putIdentities([contractIdentity(tenantId, 'email:jane.roe@example.com', 'omar')]);
        expect((await transaction.findIdentities(tenantId, ['email:jane.roe@example.com']))[0]?.customerId).toBe('omar');
        expect((await transaction.identitiesOf(tenantId, 'jane')).map((identity) => identity.key)).toEqual(['phone:+15025550100']);
        await transaction.putCases([contractCase(tenantId, 'case-1', 'omar', { status: 'solved' })]);
        expect((await transaction.getCase(tenantId, 'case-1'))?.status).toBe('solved');
        expect(await transaction.casesOf(tenantId, 'jane')).toEqual([]);
        await transaction.putMerges([contractMerge(tenantId, 'merge-2', 'omar', 'jane')]);
        expect((await transaction.mergesOf(tenantId, 'jane')).map((merge) => merge.id).sort()).toEqual(['merge-1', 'merge-2']);
        expect(await transaction.getMerge(tenantId, 'merge-2')).toEqual(contractMerge(tenantId, 'merge-2', 'omar', 'jane'));
        await transaction.putProposals([contractProposal(tenantId, 'p-0', ['omar', 'ann'], minute(0))]);
        expect((await transaction.listOpenProposals(tenantId, 10)).map((proposal) => proposal.id)).toEqual(['p-0', 'p-1']);
        expect((await transaction.getProposal(tenantId, 'p-0'))?.customerIds).toEqual(['omar', 'ann']);
        expect((await transaction.proposalsOf(tenantId, 'ann')).map((proposal) => proposal.id)).toEqual(['p-0']);
        await transaction.putEntityVersion({ tenantId, key: 'shopify:order:1', version: 7, eventId: 'e-new' });
        expect((await transaction.getEntityVersion(tenantId, 'shopify:order:1'))?.version).toBe(7);
        await transaction.putCheckpoint({ tenantId, adapterId: 'shopify', stream: 'orders', cursor: 'z', updatedAt: minute(9) });
        expect((await transaction.getCheckpoint(tenantId, 'shopify', 'orders'))?.cursor).toBe('z');
        await transaction.putDeadLetter(contractDeadLetter(tenantId, `${tenantId}-dl-0`, minute(0)));
        expect((await transaction.listDeadLetters(tenantId, 10)).map((letter) => letter.id)).toEqual([`${tenantId}-dl-0`, `${tenantId}-dl-1`]);
        await transaction.putTimers([contractTimer(tenantId, 'breach-0', minute(0))]);
        expect((await transaction.dueTimers(tenantId, minute(5), 10)).map((timer) => timer.id)).toEqual(['breach-0', 'breach-1']);
        expect((await transaction.claimDueTimers(tenantId, minute(5), 10)).map((timer) => timer.id)).toEqual(['breach-0', 'breach-1']);
        expect((await transaction.dueTimers(tenantId, minute(10), 10)).map((timer) => timer.id)).toEqual(['breach-2']);
      });
      expect((await store.getEvent(tenantId, 'e-1'))?.customerId).toBe('omar');
      expect(await store.getEvent(tenantId, 'e-2')).toBeUndefined();
      expect((await store.dueTimers(tenantId, minute(10), 10)).map((timer) => timer.id)).toEqual(['breach-2']);
    });

    it('runs concurrent transactions without losing any of their writes', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          write(store, async (transaction) => {
            const id = `e-${index}`;
            if ((await transaction.existingEventIds(tenantId, [id])).size > 0) throw new Error('seen before');
            await transaction.putEvents([contractEvent({ tenantId, id, customerId: `c-${index % 2}`, occurredAt: minute(index) })]);
            await transaction.putCustomers([contractCustomer(tenantId, `c-${index}`)]);
          }),
        ),
      );
      expect((await store.listEvents({ tenantId, limit: 50 })).map((event) => event.id)).toEqual(['e-7', 'e-6', 'e-5', 'e-4', 'e-3', 'e-2', 'e-1', 'e-0']);
      expect((await Promise.all(Array.from({ length: 8 }, (_, index) => store.getCustomer(tenantId, `c-${index}`)))).every(Boolean)).toBe(true);
    });

    it('keeps working after a failed transaction', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await expect(write(store, async () => Promise.reject(new Error('first fails')))).rejects.toThrow('first fails');
      await write(store, (transaction) => transaction.putCustomers([contractCustomer(tenantId, 'jane')]));
      expect(await store.getCustomer(tenantId, 'jane')).toEqual(contractCustomer(tenantId, 'jane'));
    });

    it('takes key locks inside a transaction without blocking itself', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await write(store, async (transaction) => {
        await transaction.lockKeys(tenantId, ['email:jane.roe@example.com', 'phone:+15025550100']);
        await transaction.lockKeys(tenantId, ['phone:+15025550100', 'email:jane.roe@example.com']);
        await transaction.lockKeys(tenantId, []);
        await transaction.putCustomers([contractCustomer(tenantId, 'jane')]);
      });
      const results = await Promise.all(
        [1, 2, 3].map((index) =>
          write(store, async (transaction) => {
            await transaction.lockKeys(tenantId, ['customer:jane']);
            const jane = await transaction.getCustomer(tenantId, 'jane');
            await transaction.putCustomers([{ ...jane!, tier: `${jane!.tier}+${index}` }]);
            return index;
          }),
        ),
      );
      expect(results).toEqual([1, 2, 3]);
      // Every read-modify-write under the same key lock saw the previous one's commit.
      expect((await store.getCustomer(tenantId, 'jane'))?.tier.split('+').length).toBe(4);
    });

    it('answers calls issued together (as the engine issues them) as if each had awaited the ones before it', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const jane = contractCustomer(tenantId, 'jane');
      const identity = contractIdentity(tenantId, 'email:jane.roe@example.com', 'jane');
      await write(store, async (transaction) => {
        const [, , , found, identities, cases, existing] = await Promise.all([
          transaction.putCustomers([jane]),
          transaction.putIdentities([identity]),
          transaction.putCases([contractCase(tenantId, 'case-1', 'jane')]),
          transaction.getCustomer(tenantId, 'jane'),
          transaction.findIdentities(tenantId, [identity.key]),
          transaction.casesOf(tenantId, 'jane'),
          transaction.existingEventIds(tenantId, ['e-1']),
        ]);
        expect(found).toEqual(jane);
        expect(identities).toEqual([identity]);
        expect(cases.map((supportCase) => supportCase.id)).toEqual(['case-1']);
        expect(existing).toEqual(new Set());
        // The engine's writes of one ingest, all at once, then its loads of one customer.
        await Promise.all([
          transaction.lockKeys(tenantId, [identity.key, 'phone:+15025550100', identity.key]),
          transaction.putCustomers([{ ...jane, tier: 'vip' }]),
          transaction.putIdentities([]),
          transaction.putCases([contractCase(tenantId, 'case-1', 'jane', { status: 'solved' })]),
          transaction.putMerges([]),
          transaction.putProposals([]),
          transaction.putEvents([contractEvent({ tenantId, id: 'e-1', customerId: 'jane', caseId: 'case-1', occurredAt: minute(1) })]),
        ]);
        const [customer, absorbed, ownIdentities, ownCases, merges, proposals, events] = await Promise.all([
          transaction.getCustomer(tenantId, 'jane'),
          transaction.customersMergedInto(tenantId, 'jane'),
          transaction.identitiesOf(tenantId, 'jane'),
          transaction.casesOf(tenantId, 'jane'),
          transaction.mergesOf(tenantId, 'jane'),
          transaction.proposalsOf(tenantId, 'jane'),
          transaction.eventsOfCustomers(tenantId, ['jane']),
        ]);
        expect(customer?.tier).toBe('vip');
        expect(absorbed).toEqual([]);
        expect(ownIdentities).toEqual([identity]);
        expect(ownCases.map((supportCase) => supportCase.status)).toEqual(['solved']);
        expect([merges, proposals]).toEqual([[], []]);
        expect(events.map((event) => event.id)).toEqual(['e-1']);
      });
      expect((await store.getCase(tenantId, 'case-1'))?.status).toBe('solved');
      expect((await store.getEvent(tenantId, 'e-1'))?.caseId).toBe('case-1');
    });
  });
}
