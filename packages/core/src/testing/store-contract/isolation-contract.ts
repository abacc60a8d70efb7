import { describe, expect, it } from 'vitest';
import { contractEvent, contractTimer, minute } from './fixtures';
import { type StoreContractContext, write } from './store-contract-context';
import { seedEverything, snapshot } from './tenant-snapshot';

/**
 * Contract: tenants share ids without sharing records; no read returns another tenant's data.
 * @param context - the store under test
 */
export function describeTenantIsolation(context: StoreContractContext): void {
  describe('tenant isolation', () => {
    it('keeps records with the same ids apart per tenant, for every read', async () => {
      const store = context.store();
      const tenantA = context.tenant('a');
      const tenantB = context.tenant('b');
      await seedEverything(store, tenantA);
      await seedEverything(store, tenantB);
      const a = await snapshot(store, tenantA);
      const b = await snapshot(store, tenantB);
      const everyRecord = (value: unknown): unknown[] =>
        Array.isArray(value) ? value.flatMap(everyRecord) : value && typeof value === 'object' && 'tenantId' in value ? [value] : [];
      const recordsA = Object.values(a).flatMap(everyRecord);
      const recordsB = Object.values(b).flatMap(everyRecord);
      expect(recordsA.length).toBeGreaterThan(15);
      expect(recordsA.length).toBe(recordsB.length);
      expect(recordsA.every((record) => (record as { tenantId: string }).tenantId === tenantA)).toBe(true);
      expect(recordsB.every((record) => (record as { tenantId: string }).tenantId === tenantB)).toBe(true);
      // The same keys read from a third tenant return nothing at all.
      const empty = await snapshot(store, context.tenant('c'));
      expect(Object.values(empty).flatMap(everyRecord)).toEqual([]);
      expect(empty.existing).toEqual([]);
    });

    it("never lets one tenant's writes, deletes or claims touch another tenant's records", async () => {
      const store = context.store();
      const tenantA = context.tenant('a');
      const tenantB = context.tenant('b');
      await seedEverything(store, tenantA);
      await seedEverything(store, tenantB);
      const before = await snapshot(store, tenantA);
      await write(store, async (transaction) => {
        await transaction.putEvents([contractEvent({ tenantId: tenantB, id: 'e-1', customerId: 'omar', caseId: 'case-1', occurredAt: minute(8) })]);
        await transaction.deleteEvents(tenantB, ['e-2']);
        await transaction.deleteCustomers(tenantB, ['jane', 'lee']);
        await transaction.deleteIdentities(tenantB, ['email:jane.roe@example.com', 'phone:+15025550100']);
        await transaction.deleteCases(tenantB, ['case-1']);
        await transaction.deleteMerges(tenantB, ['merge-1']);
        await transaction.deleteProposals(tenantB, ['p-1']);
        await transaction.deleteTimers(tenantB, ['breach-2']);
        expect((await transaction.claimDueTimers(tenantB, minute(100), 10)).map((timer) => timer.tenantId)).toEqual([tenantB]);
        await transaction.eraseCustomer(tenantB, 'jane');
      });
      expect(await snapshot(store, tenantA)).toEqual(before);
    });

    it('claims across tenants only when asked for every tenant', async () => {
      const store = context.store();
      const tenantA = context.tenant('a');
      const tenantB = context.tenant('b');
      await write(store, (transaction) => transaction.putTimers([contractTimer(tenantA, 'same-id', minute(1)), contractTimer(tenantB, 'same-id', minute(2))]));
      const fromB = await write(store, (transaction) => transaction.claimDueTimers(tenantB, minute(5), 10));
      expect(fromB.map((timer) => timer.tenantId)).toEqual([tenantB]);
      const fromAll = await write(store, (transaction) => transaction.claimDueTimers(null, minute(5), 10));
      expect(fromAll.map((timer) => timer.tenantId)).toEqual([tenantA]);
    });
  });
}
