import type { StoreReader, TimelineStore } from '../../store/timeline-store';
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
import { collect, sortBy, write } from './store-contract-context';

/**
 * Everything a reader returns about a tenant seeded by `seedEverything`, to compare before and after.
 * @param reader - the store or a transaction
 * @param tenantId - the tenant
 * @returns a plain object of every read
 */
export async function snapshot(reader: StoreReader, tenantId: string) {
  const customers = ['jane', 'omar', 'lee'];
  return {
    events: await collect(reader.scanEvents(tenantId)),
    janeTimeline: await reader.listEvents({ tenantId, customerId: 'jane', limit: 100 }),
    omarTimeline: await reader.listEvents({ tenantId, customerId: 'omar', limit: 100 }),
    caseTimeline: await reader.listEvents({ tenantId, caseId: 'case-1', limit: 100 }),
    existing: [...(await reader.existingEventIds(tenantId, ['e-1', 'e-2', 'e-new']))].sort(),
    customers: await Promise.all(customers.map((id) => reader.getCustomer(tenantId, id))),
    mergedInto: (await reader.customersMergedInto(tenantId, 'jane')).map((customer) => customer.id).sort(),
    identities: sortBy(await reader.findIdentities(tenantId, ['email:jane.roe@example.com', 'phone:+15025550100', 'email:new@example.com']), (identity) => identity.key),
    identitiesOf: await Promise.all(customers.map(async (id) => (await reader.identitiesOf(tenantId, id)).map((identity) => identity.key).sort())),
    cases: await Promise.all(['case-1', 'case-2'].map((id) => reader.getCase(tenantId, id))),
    casesOf: await Promise.all(customers.map(async (id) => (await reader.casesOf(tenantId, id)).map((found) => found.id).sort())),
    merges: sortBy(await reader.mergesOf(tenantId, 'jane'), (merge) => merge.id),
    proposals: await reader.listOpenProposals(tenantId, 10),
    proposalsOf: sortBy(await reader.proposalsOf(tenantId, 'lee'), (proposal) => proposal.id),
    version: await reader.getEntityVersion(tenantId, 'shopify:order:1'),
    checkpoint: await reader.getCheckpoint(tenantId, 'shopify', 'orders'),
    deadLetters: await reader.listDeadLetters(tenantId, 10),
    timers: await reader.dueTimers(tenantId, minute(1000), 10),
  };
}

/**
 * Stores one of every kind of record for a tenant (customers `jane` and `lee`, merged into jane).
 * @param store - the store
 * @param tenantId - the tenant
 */
export async function seedEverything(store: TimelineStore, tenantId: string): Promise<void> {
  await write(store, async (transaction) => {
    await transaction.putEvents([
      contractEvent({ tenantId, id: 'e-1', customerId: 'jane', caseId: 'case-1', occurredAt: minute(1) }),
      contractEvent({ tenantId, id: 'e-2', customerId: 'jane', occurredAt: minute(2), kind: 'order' }),
    ]);
    await transaction.putCustomers([contractCustomer(tenantId, 'jane'), contractCustomer(tenantId, 'lee', { mergedInto: 'jane' })]);
    await transaction.putIdentities([contractIdentity(tenantId, 'email:jane.roe@example.com', 'jane'), contractIdentity(tenantId, 'phone:+15025550100', 'jane')]);
    await transaction.putCases([contractCase(tenantId, 'case-1', 'jane')]);
    await transaction.putMerges([contractMerge(tenantId, 'merge-1', 'jane', 'lee')]);
    await transaction.putProposals([contractProposal(tenantId, 'p-1', ['jane', 'lee'], minute(1))]);
    await transaction.putEntityVersion({ tenantId, key: 'shopify:order:1', version: 1, eventId: 'e-2' });
    await transaction.putCheckpoint({ tenantId, adapterId: 'shopify', stream: 'orders', cursor: 'a', updatedAt: minute(1) });
    await transaction.putDeadLetter(contractDeadLetter(tenantId, `${tenantId}-dl-1`, minute(1)));
    await transaction.putTimers([contractTimer(tenantId, 'breach-1', minute(5)), contractTimer(tenantId, 'breach-2', minute(6))]);
  });
}

