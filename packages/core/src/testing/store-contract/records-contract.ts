import { describe, expect, it } from 'vitest';
import { contractCase, contractCustomer, contractIdentity, contractMerge, contractProposal, minute } from './fixtures';
import { type StoreContractContext, sortBy, write } from './store-contract-context';

/**
 * Contract: customers, identities and cases, with the per-customer indexes following every upsert.
 * @param context - the store under test
 */
export function describeCustomerRecords(context: StoreContractContext): void {
  describe('customers, identities and cases', () => {
    it('stores customers, replaces them on upsert and deletes them', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const jane = contractCustomer(tenantId, 'jane');
      await write(store, (transaction) => transaction.putCustomers([jane, contractCustomer(tenantId, 'omar')]));
      expect(await store.getCustomer(tenantId, 'jane')).toEqual(jane);
      const vip = { ...jane, tier: 'vip', profile: { name: 'Jane R.' } };
      await write(store, (transaction) => transaction.putCustomers([vip]));
      expect(await store.getCustomer(tenantId, 'jane')).toEqual(vip);
      await write(store, (transaction) => transaction.deleteCustomers(tenantId, ['jane', 'never-stored']));
      expect(await store.getCustomer(tenantId, 'jane')).toBeUndefined();
      expect(await store.getCustomer(tenantId, 'omar')).toEqual(contractCustomer(tenantId, 'omar'));
    });

    it('finds the customers merged into a survivor, following changes of `mergedInto`', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      await write(store, (transaction) =>
        transaction.putCustomers([
          contractCustomer(tenantId, 'survivor'),
          contractCustomer(tenantId, 'absorbed-1', { mergedInto: 'survivor' }),
          contractCustomer(tenantId, 'absorbed-2', { mergedInto: 'survivor' }),
          contractCustomer(tenantId, 'elsewhere', { mergedInto: 'other' }),
        ]),
      );
      const merged = await store.customersMergedInto(tenantId, 'survivor');
      expect(sortBy(merged, (customer) => customer.id).map((customer) => customer.id)).toEqual(['absorbed-1', 'absorbed-2']);
      expect(merged.find((customer) => customer.id === 'absorbed-1')).toEqual(contractCustomer(tenantId, 'absorbed-1', { mergedInto: 'survivor' }));
      await write(store, async (transaction) => {
        await transaction.putCustomers([contractCustomer(tenantId, 'absorbed-1', { mergedInto: null })]);
        await transaction.putCustomers([contractCustomer(tenantId, 'absorbed-2', { mergedInto: 'other' })]);
      });
      expect(await store.customersMergedInto(tenantId, 'survivor')).toEqual([]);
      expect((await store.customersMergedInto(tenantId, 'other')).map((customer) => customer.id).sort()).toEqual(['absorbed-2', 'elsewhere']);
      await write(store, (transaction) => transaction.deleteCustomers(tenantId, ['elsewhere']));
      expect((await store.customersMergedInto(tenantId, 'other')).map((customer) => customer.id)).toEqual(['absorbed-2']);
    });

    it('finds identities by key, lists them per customer and moves them between customers', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const email = contractIdentity(tenantId, 'email:jane.roe@example.com', 'jane');
      const phone = contractIdentity(tenantId, 'phone:+15025550100', 'jane');
      const shopify = contractIdentity(tenantId, 'shopify:customer:42', 'omar');
      await write(store, (transaction) => transaction.putIdentities([email, phone, shopify]));
      const found = await store.findIdentities(tenantId, ['phone:+15025550100', 'email:unknown@example.com', 'shopify:customer:42']);
      expect(sortBy(found, (identity) => identity.key)).toEqual([phone, shopify]);
      expect(await store.findIdentities(tenantId, [])).toEqual([]);
      expect(sortBy(await store.identitiesOf(tenantId, 'jane'), (identity) => identity.key)).toEqual([email, phone]);

      const movedPhone = { ...phone, customerId: 'omar', evidenceEventId: 'e-merge' };
      await write(store, (transaction) => transaction.putIdentities([movedPhone]));
      expect(await store.identitiesOf(tenantId, 'jane')).toEqual([email]);
      expect(sortBy(await store.identitiesOf(tenantId, 'omar'), (identity) => identity.key)).toEqual([movedPhone, shopify]);
      expect(await store.findIdentities(tenantId, ['phone:+15025550100'])).toEqual([movedPhone]);

      await write(store, (transaction) => transaction.deleteIdentities(tenantId, ['email:jane.roe@example.com', 'never-stored']));
      expect(await store.identitiesOf(tenantId, 'jane')).toEqual([]);
      expect(await store.findIdentities(tenantId, ['email:jane.roe@example.com'])).toEqual([]);
    });

    it('finds identities among many keys at once', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const identities = Array.from({ length: 900 }, (_, index) => contractIdentity(tenantId, `email:person-${index}@example.com`, `c-${index % 30}`));
      await write(store, (transaction) => transaction.putIdentities(identities));
      const keys = Array.from({ length: 1200 }, (_, index) => `email:person-${index}@example.com`);
      expect((await store.findIdentities(tenantId, keys)).length).toBe(900);
      expect((await store.identitiesOf(tenantId, 'c-7')).length).toBe(30);
    });

    it('stores cases, lists them per customer and moves them when their customer changes', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const open = contractCase(tenantId, 'case-1', 'jane');
      const solved = contractCase(tenantId, 'case-2', 'jane', { status: 'solved', solvedAt: minute(30) });
      await write(store, (transaction) => transaction.putCases([open, solved, contractCase(tenantId, 'case-3', 'omar')]));
      expect(await store.getCase(tenantId, 'case-1')).toEqual(open);
      expect(sortBy(await store.casesOf(tenantId, 'jane'), (found) => found.id)).toEqual([open, solved]);
      const moved = { ...open, customerId: 'omar', status: 'pending' as const };
      await write(store, (transaction) => transaction.putCases([moved]));
      expect(await store.casesOf(tenantId, 'jane')).toEqual([solved]);
      expect(sortBy(await store.casesOf(tenantId, 'omar'), (found) => found.id).map((found) => found.id)).toEqual(['case-1', 'case-3']);
      expect(await store.getCase(tenantId, 'case-1')).toEqual(moved);
      await write(store, (transaction) => transaction.deleteCases(tenantId, ['case-2', 'never-stored']));
      expect(await store.casesOf(tenantId, 'jane')).toEqual([]);
      expect(await store.getCase(tenantId, 'case-2')).toBeUndefined();
    });
  });
}

/**
 * Contract: merge records and merge proposals.
 * @param context - the store under test
 */
export function describeMergeRecords(context: StoreContractContext): void {
  describe('merges and proposals', () => {
    it('stores merges and lists them for the survivor and the absorbed customer', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const first = contractMerge(tenantId, 'merge-1', 'jane', 'jane-zendesk');
      const second = contractMerge(tenantId, 'merge-2', 'omar', 'jane');
      await write(store, (transaction) => transaction.putMerges([first, second]));
      expect(await store.getMerge(tenantId, 'merge-1')).toEqual(first);
      expect(sortBy(await store.mergesOf(tenantId, 'jane'), (merge) => merge.id)).toEqual([first, second]);
      expect(await store.mergesOf(tenantId, 'jane-zendesk')).toEqual([first]);
      expect(await store.mergesOf(tenantId, 'omar')).toEqual([second]);
      const undone = { ...first, undoneAt: minute(90) };
      await write(store, (transaction) => transaction.putMerges([undone]));
      expect(await store.getMerge(tenantId, 'merge-1')).toEqual(undone);
      expect(await store.mergesOf(tenantId, 'jane-zendesk')).toEqual([undone]);
      await write(store, (transaction) => transaction.deleteMerges(tenantId, ['merge-1', 'never-stored']));
      expect(await store.getMerge(tenantId, 'merge-1')).toBeUndefined();
      expect(await store.mergesOf(tenantId, 'jane')).toEqual([second]);
      expect(await store.mergesOf(tenantId, 'jane-zendesk')).toEqual([]);
    });

    it('stores proposals, lists them per customer and lists the open ones oldest first', async () => {
      const store = context.store();
      const tenantId = context.tenant();
      const proposals = [
        contractProposal(tenantId, 'p-3', ['jane', 'omar'], minute(3)),
        contractProposal(tenantId, 'p-1', ['jane', 'lee'], minute(1)),
        contractProposal(tenantId, 'p-2b', ['lee', 'omar'], minute(2)),
        contractProposal(tenantId, 'p-2a', ['ann', 'bob'], minute(2)),
        contractProposal(tenantId, 'p-0', ['ann', 'lee'], minute(0), 'rejected'),
      ];
      await write(store, (transaction) => transaction.putProposals(proposals));
      expect(await store.getProposal(tenantId, 'p-3')).toEqual(proposals[0]);
      expect(sortBy(await store.proposalsOf(tenantId, 'jane'), (proposal) => proposal.id).map((proposal) => proposal.id)).toEqual(['p-1', 'p-3']);
      expect(sortBy(await store.proposalsOf(tenantId, 'omar'), (proposal) => proposal.id).map((proposal) => proposal.id)).toEqual(['p-2b', 'p-3']);
      expect((await store.listOpenProposals(tenantId, 10)).map((proposal) => proposal.id)).toEqual(['p-1', 'p-2a', 'p-2b', 'p-3']);
      expect((await store.listOpenProposals(tenantId, 2)).map((proposal) => proposal.id)).toEqual(['p-1', 'p-2a']);

      await write(store, (transaction) => transaction.putProposals([{ ...proposals[1]!, status: 'accepted' }]));
      expect((await store.listOpenProposals(tenantId, 10)).map((proposal) => proposal.id)).toEqual(['p-2a', 'p-2b', 'p-3']);
      expect(await store.getProposal(tenantId, 'p-1')).toEqual({ ...proposals[1]!, status: 'accepted' });

      await write(store, (transaction) => transaction.deleteProposals(tenantId, ['p-3', 'never-stored']));
      expect((await store.proposalsOf(tenantId, 'jane')).map((proposal) => proposal.id)).toEqual(['p-1']);
      expect(await store.getProposal(tenantId, 'p-3')).toBeUndefined();
      expect((await store.listOpenProposals(tenantId, 10)).map((proposal) => proposal.id)).toEqual(['p-2a', 'p-2b']);
    });
  });
}
