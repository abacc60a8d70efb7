import type { Customer, CustomerMerge, MergeProposal } from '../model/customer';
import type { Identity } from '../model/identity';
import type { SupportCase } from '../model/support-case';
import type { TimelineEvent } from '../model/timeline-event';
import { eraseEventPersonalData, eraseMergeIdentities, eraseProposalIdentity, personalValues } from './erase-personal-data';
import { eventPosition, idOfPosition, SortedEventIndex } from './sorted-event-index';
import type {
  DeadLetter,
  EntityVersion,
  SlaTimer,
  StoreTransaction,
  SyncCheckpoint,
  TimelineQuery,
  TimelineStore,
} from './timeline-store';

const k = (tenantId: string, id: string) => `${tenantId}\u0000${id}`;

/** A map with an undo journal, so a failed transaction leaves no trace. */
class JournaledMap<V> {
  readonly map = new Map<string, V>();
  constructor(private readonly journal: () => Array<() => void> | null) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    const undo = this.journal();
    if (undo) {
      const had = this.map.has(key);
      const previous = this.map.get(key);
      undo.push(() => (had ? this.map.set(key, previous as V) : this.map.delete(key)));
    }
    this.map.set(key, value);
  }
  delete(key: string): void {
    if (!this.map.has(key)) return;
    const undo = this.journal();
    if (undo) {
      const previous = this.map.get(key) as V;
      undo.push(() => this.map.set(key, previous));
    }
    this.map.delete(key);
  }
}

/** A one-to-many index (customer → identity keys, customer → case ids) with an undo journal. */
class JournaledIndex {
  private readonly sets = new Map<string, Set<string>>();
  constructor(private readonly journal: () => Array<() => void> | null) {}
  add(key: string, member: string): void {
    let set = this.sets.get(key);
    if (!set) {
      set = new Set();
      this.sets.set(key, set);
    }
    if (set.has(member)) return;
    set.add(member);
    this.journal()?.push(() => this.sets.get(key)?.delete(member));
  }
  remove(key: string, member: string): void {
    const set = this.sets.get(key);
    if (!set?.has(member)) return;
    set.delete(member);
    this.journal()?.push(() => this.add(key, member));
  }
  members(key: string): ReadonlyArray<string> {
    return [...(this.sets.get(key) ?? [])];
  }
}

/** Sorted per-customer and per-case timelines with an undo journal. */
class JournaledTimelines {
  private readonly indexes = new Map<string, SortedEventIndex>();
  constructor(private readonly journal: () => Array<() => void> | null) {}
  add(key: string, position: string): void {
    let index = this.indexes.get(key);
    if (!index) {
      index = new SortedEventIndex();
      this.indexes.set(key, index);
    }
    index.add(position);
    this.journal()?.push(() => this.indexes.get(key)?.remove(position));
  }
  remove(key: string, position: string): void {
    const index = this.indexes.get(key);
    if (!index) return;
    index.remove(position);
    this.journal()?.push(() => this.indexes.get(key)?.add(position));
  }
  get(key: string): SortedEventIndex | undefined {
    return this.indexes.get(key);
  }
}

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
  const events = new JournaledMap<TimelineEvent>(journal);
  const customerTimelines = new JournaledTimelines(journal);
  const caseTimelines = new JournaledTimelines(journal);
  const tenantTimelines = new JournaledTimelines(journal);
  const customers = new JournaledMap<Customer>(journal);
  const mergedInto = new JournaledIndex(journal);
  const identities = new JournaledMap<Identity>(journal);
  const identitiesByCustomer = new JournaledIndex(journal);
  const cases = new JournaledMap<SupportCase>(journal);
  const casesByCustomer = new JournaledIndex(journal);
  const merges = new JournaledMap<CustomerMerge>(journal);
  const mergesByCustomer = new JournaledIndex(journal);
  const proposals = new JournaledMap<MergeProposal>(journal);
  const proposalsByCustomer = new JournaledIndex(journal);
  const entityVersions = new JournaledMap<EntityVersion>(journal);
  const checkpoints = new JournaledMap<SyncCheckpoint>(journal);
  const deadLetters = new JournaledMap<DeadLetter>(journal);
  const timers = new JournaledMap<SlaTimer>(journal);
  let queue: Promise<unknown> = Promise.resolve();

  function removeEventIndexes(event: TimelineEvent): void {
    const position = eventPosition(event);
    customerTimelines.remove(k(event.tenantId, event.customerId), position);
    if (event.caseId) caseTimelines.remove(k(event.tenantId, event.caseId), position);
    tenantTimelines.remove(event.tenantId, position);
  }

  function putEvent(event: TimelineEvent): void {
    const key = k(event.tenantId, event.id);
    const previous = events.get(key);
    if (previous) removeEventIndexes(previous);
    events.set(key, event);
    const position = eventPosition(event);
    customerTimelines.add(k(event.tenantId, event.customerId), position);
    if (event.caseId) caseTimelines.add(k(event.tenantId, event.caseId), position);
    tenantTimelines.add(event.tenantId, position);
  }

  function listEvents(query: TimelineQuery): TimelineEvent[] {
    const index = query.caseId
      ? caseTimelines.get(k(query.tenantId, query.caseId))
      : query.customerId
        ? customerTimelines.get(k(query.tenantId, query.customerId))
        : tenantTimelines.get(query.tenantId);
    if (!index) return [];
    const before = query.before ? eventPosition(query.before) : undefined;
    const out: TimelineEvent[] = [];
    const types = query.types ? new Set(query.types) : null;
    const channels = query.channels ? new Set(query.channels) : null;
    for (const position of index.newestFirst(before)) {
      const event = events.get(k(query.tenantId, idOfPosition(position)));
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
      return events.get(k(tenantId, id));
    },
    async existingEventIds(tenantId, ids) {
      return new Set(ids.filter((id) => events.get(k(tenantId, id)) !== undefined));
    },
    async listEvents(query) {
      return listEvents(query);
    },
    async eventsOfCustomers(tenantId, customerIds) {
      const out: TimelineEvent[] = [];
      for (const customerId of customerIds) {
        for (const position of customerTimelines.get(k(tenantId, customerId))?.all() ?? []) {
          const event = events.get(k(tenantId, idOfPosition(position)));
          if (event) out.push(event);
        }
      }
      return out;
    },
    async *scanEvents(tenantId, options = {}) {
      const positions = [...(tenantTimelines.get(tenantId)?.all() ?? [])];
      for (const position of positions) {
        const event = events.get(k(tenantId, idOfPosition(position)));
        if (!event) continue;
        if (options.from && event.occurredAt < options.from) continue;
        if (options.to && event.occurredAt >= options.to) continue;
        yield event;
      }
    },
    async getCustomer(tenantId, id) {
      return customers.get(k(tenantId, id));
    },
    async customersMergedInto(tenantId, survivorId) {
      return mergedInto
        .members(k(tenantId, survivorId))
        .map((id) => customers.get(k(tenantId, id)))
        .filter((customer): customer is Customer => customer?.mergedInto === survivorId);
    },
    async findIdentities(tenantId, keys) {
      const out: Identity[] = [];
      for (const key of keys) {
        const identity = identities.get(k(tenantId, key));
        if (identity) out.push(identity);
      }
      return out;
    },
    async identitiesOf(tenantId, customerId) {
      return identitiesByCustomer
        .members(k(tenantId, customerId))
        .map((key) => identities.get(k(tenantId, key)))
        .filter((identity): identity is Identity => identity?.customerId === customerId);
    },
    async getCase(tenantId, id) {
      return cases.get(k(tenantId, id));
    },
    async casesOf(tenantId, customerId) {
      return casesByCustomer
        .members(k(tenantId, customerId))
        .map((id) => cases.get(k(tenantId, id)))
        .filter((found): found is SupportCase => found?.customerId === customerId);
    },
    async getMerge(tenantId, id) {
      return merges.get(k(tenantId, id));
    },
    async mergesOf(tenantId, customerId) {
      return mergesByCustomer
        .members(k(tenantId, customerId))
        .map((id) => merges.get(k(tenantId, id)))
        .filter((merge): merge is CustomerMerge => merge !== undefined);
    },
    async getProposal(tenantId, id) {
      return proposals.get(k(tenantId, id));
    },
    async proposalsOf(tenantId, customerId) {
      return proposalsByCustomer
        .members(k(tenantId, customerId))
        .map((id) => proposals.get(k(tenantId, id)))
        .filter((proposal): proposal is MergeProposal => proposal !== undefined);
    },
    async listOpenProposals(tenantId, limit) {
      return [...proposals.map.values()]
        .filter((proposal) => proposal.tenantId === tenantId && proposal.status === 'open')
        .sort((a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id))
        .slice(0, limit);
    },
    async getEntityVersion(tenantId, key) {
      return entityVersions.get(k(tenantId, key));
    },
    async getCheckpoint(tenantId, adapterId, stream) {
      return checkpoints.get(k(tenantId, `${adapterId}\u0000${stream}`));
    },
    async listDeadLetters(tenantId, limit) {
      return [...deadLetters.map.values()]
        .filter((letter) => tenantId === null || letter.tenantId === tenantId)
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
        .slice(0, limit);
    },
    async dueTimers(tenantId, until, limit) {
      return [...timers.map.values()]
        .filter((timer) => (tenantId === null || timer.tenantId === tenantId) && timer.dueAt <= until)
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
        .slice(0, limit);
    },
    async putEvents(list) {
      for (const event of list) putEvent(event);
    },
    async deleteEvents(tenantId, ids) {
      for (const id of ids) {
        const previous = events.get(k(tenantId, id));
        if (!previous) continue;
        removeEventIndexes(previous);
        events.delete(k(tenantId, id));
      }
    },
    async putCustomers(list) {
      for (const customer of list) {
        const key = k(customer.tenantId, customer.id);
        const previous = customers.get(key);
        if (previous?.mergedInto) mergedInto.remove(k(customer.tenantId, previous.mergedInto), customer.id);
        customers.set(key, customer);
        if (customer.mergedInto) mergedInto.add(k(customer.tenantId, customer.mergedInto), customer.id);
      }
    },
    async deleteCustomers(tenantId, ids) {
      for (const id of ids) {
        const previous = customers.get(k(tenantId, id));
        if (previous?.mergedInto) mergedInto.remove(k(tenantId, previous.mergedInto), id);
        customers.delete(k(tenantId, id));
      }
    },
    async putIdentities(list) {
      for (const identity of list) {
        const key = k(identity.tenantId, identity.key);
        const previous = identities.get(key);
        if (previous) identitiesByCustomer.remove(k(identity.tenantId, previous.customerId), identity.key);
        identities.set(key, identity);
        identitiesByCustomer.add(k(identity.tenantId, identity.customerId), identity.key);
      }
    },
    async deleteIdentities(tenantId, keys) {
      for (const key of keys) {
        const previous = identities.get(k(tenantId, key));
        if (previous) identitiesByCustomer.remove(k(tenantId, previous.customerId), key);
        identities.delete(k(tenantId, key));
      }
    },
    async putCases(list) {
      for (const supportCase of list) {
        const key = k(supportCase.tenantId, supportCase.id);
        const previous = cases.get(key);
        if (previous) casesByCustomer.remove(k(supportCase.tenantId, previous.customerId), supportCase.id);
        cases.set(key, supportCase);
        casesByCustomer.add(k(supportCase.tenantId, supportCase.customerId), supportCase.id);
      }
    },
    async deleteCases(tenantId, ids) {
      for (const id of ids) {
        const previous = cases.get(k(tenantId, id));
        if (previous) casesByCustomer.remove(k(tenantId, previous.customerId), id);
        cases.delete(k(tenantId, id));
      }
    },
    async putMerges(list) {
      for (const merge of list) {
        merges.set(k(merge.tenantId, merge.id), merge);
        mergesByCustomer.add(k(merge.tenantId, merge.survivorId), merge.id);
        mergesByCustomer.add(k(merge.tenantId, merge.absorbedId), merge.id);
      }
    },
    async deleteMerges(tenantId, ids) {
      for (const id of ids) {
        const previous = merges.get(k(tenantId, id));
        if (!previous) continue;
        mergesByCustomer.remove(k(tenantId, previous.survivorId), id);
        mergesByCustomer.remove(k(tenantId, previous.absorbedId), id);
        merges.delete(k(tenantId, id));
      }
    },
    async putProposals(list) {
      for (const proposal of list) {
        proposals.set(k(proposal.tenantId, proposal.id), proposal);
        for (const customerId of proposal.customerIds) proposalsByCustomer.add(k(proposal.tenantId, customerId), proposal.id);
      }
    },
    async deleteProposals(tenantId, ids) {
      for (const id of ids) {
        const previous = proposals.get(k(tenantId, id));
        if (!previous) continue;
        for (const customerId of previous.customerIds) proposalsByCustomer.remove(k(tenantId, customerId), id);
        proposals.delete(k(tenantId, id));
      }
    },
    async putEntityVersion(version) {
      entityVersions.set(k(version.tenantId, version.key), version);
    },
    async putCheckpoint(checkpoint) {
      checkpoints.set(k(checkpoint.tenantId, `${checkpoint.adapterId}\u0000${checkpoint.stream}`), checkpoint);
    },
    async putDeadLetter(letter) {
      deadLetters.set(letter.id, letter);
    },
    async putTimers(list) {
      for (const timer of list) timers.set(k(timer.tenantId, timer.id), timer);
    },
    async deleteTimers(tenantId, ids) {
      for (const id of ids) timers.delete(k(tenantId, id));
    },
    async lockKeys() {
      // Transactions already run one at a time.
    },
    async claimDueTimers(tenantId, until, limit) {
      const due = await transaction.dueTimers(tenantId, until, limit);
      for (const timer of due) timers.delete(k(timer.tenantId, timer.id));
      return due;
    },
    async eraseCustomer(tenantId, customerId) {
      const ids = [customerId, ...mergedInto.members(k(tenantId, customerId))];
      const identityKeys = ids.flatMap((id) => identitiesByCustomer.members(k(tenantId, id)));
      const held = await transaction.eventsOfCustomers(tenantId, ids);
      const values = personalValues(identityKeys, held);
      for (const event of held) putEvent(eraseEventPersonalData(event));
      await transaction.deleteIdentities(tenantId, identityKeys);
      const caseIds = new Set<string>();
      for (const id of ids) {
        const customer = customers.get(k(tenantId, id));
        if (customer) customers.set(k(tenantId, id), { ...customer, profile: {} });
        for (const supportCase of await transaction.casesOf(tenantId, id)) {
          caseIds.add(supportCase.id);
          cases.set(k(tenantId, supportCase.id), { ...supportCase, subject: null });
        }
        for (const merge of await transaction.mergesOf(tenantId, id)) merges.set(k(tenantId, merge.id), eraseMergeIdentities(merge));
        for (const proposal of await transaction.proposalsOf(tenantId, id)) proposals.set(k(tenantId, proposal.id), eraseProposalIdentity(proposal));
      }
      for (const [key, timer] of [...timers.map]) {
        if (timer.tenantId === tenantId && caseIds.has(timer.caseId)) timers.set(key, { ...timer, event: eraseEventPersonalData(timer.event) });
      }
      const needles = values.map((value) => JSON.stringify(value).slice(1, -1));
      for (const [key, letter] of [...deadLetters.map]) {
        if (letter.tenantId === tenantId && needles.some((needle) => letter.body.includes(needle))) deadLetters.delete(key);
      }
    },
    async eraseTenant(tenantId) {
      const prefix = `${tenantId}\u0000`;
      for (const map of [events, customers, identities, cases, merges, proposals, entityVersions, checkpoints, timers] as const) {
        for (const key of [...(map as JournaledMap<unknown>).map.keys()]) if (key.startsWith(prefix)) (map as JournaledMap<unknown>).delete(key);
      }
      for (const [key, letter] of [...deadLetters.map]) if (letter.tenantId === tenantId) deadLetters.delete(key);
      for (const position of [...(tenantTimelines.get(tenantId)?.all() ?? [])]) tenantTimelines.remove(tenantId, position);
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
