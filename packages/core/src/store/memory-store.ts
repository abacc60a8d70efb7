import type { Customer, CustomerMerge, MergeProposal } from '../model/customer';
import type { Identity } from '../model/identity';
import type { SupportCase } from '../model/support-case';
import type { TimelineEvent } from '../model/timeline-event';
import { eraseEventPersonalData, eraseMergeIdentities, eraseProposalIdentity, personalValues } from './erase-personal-data';
import { OwnedTenantRecords, TenantRecords, TenantTimelines } from './memory-records';
import { eventPosition, idOfPosition } from './sorted-event-index';
import type {
  DeadLetter,
  EntityVersion,
  SlaTimer,
  StoreTransaction,
  SyncCheckpoint,
  TimelineQuery,
  TimelineStore,
} from './timeline-store';

/**
 * Creates the in-memory store: fast, complete, and gone when the process exits. Transactions
 * run one at a time and roll back through an undo journal.
 *
 * @returns a `TimelineStore`
 * @example
 * ```ts
 * const throughline = createThroughline({ store: createMemoryStore(), adapters: [shopify] });
 * ```
 */
export function createMemoryStore(): TimelineStore {
  let undo: Array<() => void> | null = null;
  const journal = () => undo;
  const events = new TenantRecords<TimelineEvent>(journal);
  const customerTimelines = new TenantTimelines(journal);
  const caseTimelines = new TenantTimelines(journal);
  // The tenant-wide timeline sits under one fixed key.
  const tenantTimelines = new TenantTimelines(journal);
  const everything = '';
  // A customer belongs to the one it was merged into.
  const customers = new OwnedTenantRecords<Customer>(journal, (customer) => customer.id, (customer) => (customer.mergedInto ? [customer.mergedInto] : []));
  const identities = new OwnedTenantRecords<Identity>(journal, (identity) => identity.key, (identity) => [identity.customerId]);
  const cases = new OwnedTenantRecords<SupportCase>(journal, (supportCase) => supportCase.id, (supportCase) => [supportCase.customerId]);
  const merges = new OwnedTenantRecords<CustomerMerge>(journal, (merge) => merge.id, (merge) => [merge.survivorId, merge.absorbedId]);
  const proposals = new OwnedTenantRecords<MergeProposal>(journal, (proposal) => proposal.id, (proposal) => proposal.customerIds);
  const entityVersions = new TenantRecords<EntityVersion>(journal);
  const checkpoints = new TenantRecords<SyncCheckpoint>(journal);
  // Dead letters may have no tenant (no adapter recognised the request): one partition for all.
  const deadLetters = new TenantRecords<DeadLetter>(journal);
  const timers = new TenantRecords<SlaTimer>(journal);
  let queue: Promise<unknown> = Promise.resolve();

  function removeEventIndexes(event: TimelineEvent): void {
    const position = eventPosition(event);
    customerTimelines.remove(event.tenantId, event.customerId, position);
    if (event.caseId) caseTimelines.remove(event.tenantId, event.caseId, position);
    tenantTimelines.remove(event.tenantId, everything, position);
  }

  function putEvent(event: TimelineEvent): void {
    const previous = events.get(event.tenantId, event.id);
    if (previous) removeEventIndexes(previous);
    events.set(event.tenantId, event.id, event);
    const position = eventPosition(event);
    customerTimelines.add(event.tenantId, event.customerId, position);
    if (event.caseId) caseTimelines.add(event.tenantId, event.caseId, position);
    tenantTimelines.add(event.tenantId, everything, position);
  }

  function listEvents(query: TimelineQuery): TimelineEvent[] {
    const index = query.caseId
      ? caseTimelines.get(query.tenantId, query.caseId)
      : query.customerId
        ? customerTimelines.get(query.tenantId, query.customerId)
        : tenantTimelines.get(query.tenantId, everything);
    if (!index) return [];
    const before = query.before ? eventPosition(query.before) : undefined;
    const out: TimelineEvent[] = [];
    const types = query.types ? new Set(query.types) : null;
    const channels = query.channels ? new Set(query.channels) : null;
    for (const position of index.newestFirst(before)) {
      const event = events.get(query.tenantId, idOfPosition(position));
      if (!event) continue;
      if (query.customerId && event.customerId !== query.customerId) continue;
      if (types && !types.has(event.type)) continue;
      if (channels && (event.channel === null || !channels.has(event.channel))) continue;
      out.push(event);
      if (out.length >= query.limit) break;
    }
    return out;
  }

  const transaction: StoreTransaction = {
    async getEvent(tenantId, id) {
      return events.get(tenantId, id);
    },
    async existingEventIds(tenantId, ids) {
      const out = new Set<string>();
      for (const id of ids) if (events.has(tenantId, id)) out.add(id);
      return out;
    },
    async listEvents(query) {
      return listEvents(query);
    },
    async eventsOfCustomers(tenantId, customerIds) {
      const out: TimelineEvent[] = [];
      for (const customerId of customerIds) {
        for (const position of customerTimelines.get(tenantId, customerId)?.all() ?? []) {
          const event = events.get(tenantId, idOfPosition(position));
          if (event) out.push(event);
        }
      }
      return out;
    },
    async *scanEvents(tenantId, options = {}) {
      const positions = [...(tenantTimelines.get(tenantId, everything)?.all() ?? [])];
      for (const position of positions) {
        const event = events.get(tenantId, idOfPosition(position));
        if (!event) continue;
        if (options.from && event.occurredAt < options.from) continue;
        if (options.to && event.occurredAt >= options.to) continue;
        yield event;
      }
    },
    async getCustomer(tenantId, id) {
      return customers.get(tenantId, id);
    },
    async customersMergedInto(tenantId, survivorId) {
      return customers.ownedBy(tenantId, survivorId);
    },
    async findIdentities(tenantId, keys) {
      const out: Identity[] = [];
      for (const key of keys) {
        const identity = identities.get(tenantId, key);
        if (identity) out.push(identity);
      }
      return out;
    },
    async identitiesOf(tenantId, customerId) {
      return identities.ownedBy(tenantId, customerId);
    },
    async getCase(tenantId, id) {
      return cases.get(tenantId, id);
    },
    async casesOf(tenantId, customerId) {
      return cases.ownedBy(tenantId, customerId);
    },
    async getMerge(tenantId, id) {
      return merges.get(tenantId, id);
    },
    async mergesOf(tenantId, customerId) {
      return merges.ownedBy(tenantId, customerId);
    },
    async getProposal(tenantId, id) {
      return proposals.get(tenantId, id);
    },
    async proposalsOf(tenantId, customerId) {
      return proposals.ownedBy(tenantId, customerId);
    },
    async listOpenProposals(tenantId, limit) {
      return [...proposals.valuesOf(tenantId)]
        .filter((proposal) => proposal.status === 'open')
        .sort((a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id))
        .slice(0, limit);
    },
    async getEntityVersion(tenantId, key) {
      return entityVersions.get(tenantId, key);
    },
    async getCheckpoint(tenantId, adapterId, stream) {
      return checkpoints.get(tenantId, `${adapterId}\u0000${stream}`);
    },
    async listDeadLetters(tenantId, limit) {
      return [...deadLetters.allValues()]
        .filter((letter) => tenantId === null || letter.tenantId === tenantId)
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
        .slice(0, limit);
    },
    async dueTimers(tenantId, until, limit) {
      return [...(tenantId === null ? timers.allValues() : timers.valuesOf(tenantId))]
        .filter((timer) => timer.dueAt <= until)
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
        .slice(0, limit);
    },
    async putEvents(list) {
      for (const event of list) putEvent(event);
    },
    async deleteEvents(tenantId, ids) {
      for (const id of ids) {
        const previous = events.get(tenantId, id);
        if (!previous) continue;
        removeEventIndexes(previous);
        events.delete(tenantId, id);
      }
    },
    async putCustomers(list) {
      for (const customer of list) customers.put(customer);
    },
    async deleteCustomers(tenantId, ids) {
      for (const id of ids) customers.delete(tenantId, id);
    },
    async putIdentities(list) {
      for (const identity of list) identities.put(identity);
    },
    async deleteIdentities(tenantId, keys) {
      for (const key of keys) identities.delete(tenantId, key);
    },
    async putCases(list) {
      for (const supportCase of list) cases.put(supportCase);
    },
    async deleteCases(tenantId, ids) {
      for (const id of ids) cases.delete(tenantId, id);
    },
    async putMerges(list) {
      for (const merge of list) merges.put(merge);
    },
    async deleteMerges(tenantId, ids) {
      for (const id of ids) merges.delete(tenantId, id);
    },
    async putProposals(list) {
      for (const proposal of list) proposals.put(proposal);
    },
    async deleteProposals(tenantId, ids) {
      for (const id of ids) proposals.delete(tenantId, id);
    },
    async putEntityVersion(version) {
      entityVersions.set(version.tenantId, version.key, version);
    },
    async putCheckpoint(checkpoint) {
      checkpoints.set(checkpoint.tenantId, `${checkpoint.adapterId}\u0000${checkpoint.stream}`, checkpoint);
    },
    async putDeadLetter(letter) {
      deadLetters.set(everything, letter.id, letter);
    },
    async putTimers(list) {
      for (const timer of list) timers.set(timer.tenantId, timer.id, timer);
    },
    async deleteTimers(tenantId, ids) {
      for (const id of ids) timers.delete(tenantId, id);
    },
    async lockKeys() {
      // Transactions already run one at a time.
    },
    async claimDueTimers(tenantId, until, limit) {
      const due = await transaction.dueTimers(tenantId, until, limit);
      for (const timer of due) timers.delete(timer.tenantId, timer.id);
      return due;
    },
    async eraseCustomer(tenantId, customerId) {
      const ids = [customerId, ...customers.keysOwnedBy(tenantId, customerId)];
      const identityKeys = ids.flatMap((id) => [...identities.keysOwnedBy(tenantId, id)]);
      const held = await transaction.eventsOfCustomers(tenantId, ids);
      const values = personalValues(identityKeys, held);
      for (const event of held) putEvent(eraseEventPersonalData(event));
      await transaction.deleteIdentities(tenantId, identityKeys);
      const caseIds = new Set<string>();
      for (const id of ids) {
        const customer = customers.get(tenantId, id);
        if (customer) customers.put({ ...customer, profile: {} });
        for (const supportCase of await transaction.casesOf(tenantId, id)) {
          caseIds.add(supportCase.id);
          cases.put({ ...supportCase, subject: null });
        }
        for (const merge of await transaction.mergesOf(tenantId, id)) merges.put(eraseMergeIdentities(merge));
        for (const proposal of await transaction.proposalsOf(tenantId, id)) proposals.put(eraseProposalIdentity(proposal));
      }
      for (const [id, timer] of timers.entriesOf(tenantId)) {
        if (caseIds.has(timer.caseId)) timers.set(tenantId, id, { ...timer, event: eraseEventPersonalData(timer.event) });
      }
      const needles = values.map((value) => JSON.stringify(value).slice(1, -1));
      for (const [id, letter] of deadLetters.entriesOf(everything)) {
        if (letter.tenantId === tenantId && needles.some((needle) => letter.body.includes(needle))) deadLetters.delete(everything, id);
      }
    },
    async eraseTenant(tenantId) {
      for (const records of [events, customers, identities, cases, merges, proposals, entityVersions, checkpoints, timers] as const) records.deleteTenant(tenantId);
      for (const timelines of [customerTimelines, caseTimelines, tenantTimelines]) timelines.deleteTenant(tenantId);
      for (const [id, letter] of deadLetters.entriesOf(everything)) if (letter.tenantId === tenantId) deadLetters.delete(everything, id);
    },
  };

  const { getEvent, existingEventIds, listEvents: list, eventsOfCustomers, scanEvents, getCustomer, customersMergedInto, findIdentities, identitiesOf, getCase, casesOf, getMerge, mergesOf, getProposal, proposalsOf, listOpenProposals, getEntityVersion, getCheckpoint, listDeadLetters, dueTimers } = transaction;

  return {
    kind: 'memory',
    getEvent, existingEventIds, listEvents: list, eventsOfCustomers, scanEvents, getCustomer, customersMergedInto, findIdentities, identitiesOf, getCase, casesOf, getMerge, mergesOf, getProposal, proposalsOf, listOpenProposals, getEntityVersion, getCheckpoint, listDeadLetters, dueTimers,
    transaction<T>(work: (transaction: StoreTransaction) => Promise<T>): Promise<T> {
      const run = queue.then(async () => {
        undo = [];
        try {
          const result = await work(transaction);
          undo = null;
          return result;
        } catch (error) {
          const steps = undo ?? [];
          undo = null;
          for (let index = steps.length - 1; index >= 0; index--) steps[index]!();
          throw error;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {},
  };
}
