import type { Customer } from '../model/customer';
import type { Identity } from '../model/identity';
import type { IncomingEvent, TimelineEvent } from '../model/timeline-event';
import { eventPosition } from '../store/sorted-event-index';
import type { StoreTransaction } from '../store/timeline-store';
import { eventIdentityKeys } from './event-identity-keys';
import { foldAll, foldEvent } from './fold-event';
import { createFoldState, type FoldSettings, type FoldState, isDerivedEvent, pairKey } from './fold-state';

/** What one ingest changed, for events out and for the SLA fold. */
export interface IngestChanges {
  /** Events newly placed on timelines (derived ones included). */
  appended: TimelineEvent[];
  /** Ids of events already stored, dropped. */
  duplicates: string[];
  /** Customers that did not exist before. */
  createdCustomers: Customer[];
  /** Cases opened, changed or given events: the SLA engine re-evaluates these. */
  touchedCaseIds: Set<string>;
  /** Cases whose already stored events were moved, re-placed, rewritten or removed (not only appended to). */
  rewrittenCaseIds: Set<string>;
  /** Customers created or changed, as last written, by id. */
  touchedCustomers: Map<string, Customer>;
  /** Merges that did not exist before. */
  newMergeIds: string[];
  /** Merge proposals that did not exist before. */
  newProposalIds: string[];
  /** Cases that did not exist before. */
  openedCaseIds: string[];
}

/**
 * A fresh change record.
 * @returns a record with every list and set empty
 * @example
 * ```ts
 * const changes = createChanges();
 * for (const event of events) await applyEvent(transaction, event, settings, changes);
 * ```
 */
export function createChanges(): IngestChanges {
  return {
    appended: [],
    duplicates: [],
    createdCustomers: [],
    touchedCaseIds: new Set(),
    rewrittenCaseIds: new Set(),
    touchedCustomers: new Map(),
    newMergeIds: [],
    newProposalIds: [],
    openedCaseIds: [],
  };
}

interface LoadedComponent {
  state: FoldState;
  events: TimelineEvent[];
}

function keysOf(event: IncomingEvent, settings: FoldSettings): string[] {
  return eventIdentityKeys(event, settings.normaliser).map(({ key }) => key);
}

async function loadCustomers(transaction: StoreTransaction, tenantId: string, ids: Iterable<string>, state: FoldState): Promise<void> {
  const pending = [...ids];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (state.customers.has(id)) continue;
    // Independent reads issued together: a networked store pipelines them in one round trip.
    const [customer, absorbed, identities, cases, merges, proposals] = await Promise.all([
      transaction.getCustomer(tenantId, id),
      transaction.customersMergedInto(tenantId, id),
      transaction.identitiesOf(tenantId, id),
      transaction.casesOf(tenantId, id),
      transaction.mergesOf(tenantId, id),
      transaction.proposalsOf(tenantId, id),
    ]);
    if (!customer) continue;
    state.customers.set(id, customer);
    for (const customerAbsorbed of absorbed) pending.push(customerAbsorbed.id);
    for (const identity of identities) state.identities.set(identity.key, identity);
    for (const supportCase of cases) state.cases.set(supportCase.id, supportCase);
    for (const merge of merges) {
      state.merges.set(merge.id, merge);
      if (merge.undoneAt !== null) state.vetoedPairs.add(pairKey(merge.survivorId, merge.absorbedId));
    }
    for (const proposal of proposals) state.proposals.set(proposal.id, proposal);
  }
}

/** Loads every customer connected to the seeds through shared identifiers, with all their events. */
async function loadComponent(transaction: StoreTransaction, tenantId: string, seeds: Iterable<string>, extraKeys: string[], settings: FoldSettings): Promise<LoadedComponent> {
  const state = createFoldState();
  const members = new Set<string>(seeds);
  for (const identity of await transaction.findIdentities(tenantId, extraKeys)) members.add(identity.customerId);
  const events = new Map<string, TimelineEvent>();
  let frontier = [...members];
  while (frontier.length > 0) {
    await loadCustomers(transaction, tenantId, frontier, state);
    const loadedEvents = await transaction.eventsOfCustomers(tenantId, frontier);
    const keys = new Set<string>();
    for (const event of loadedEvents) {
      events.set(event.id, event);
      for (const key of keysOf(event, settings)) if (!state.identities.has(key)) keys.add(key);
      if (event.type === 'identity.merged') for (const id of [event.data.survivorId, event.data.absorbedId]) keys.add(`\u0000customer:${id}`);
    }
    const next: string[] = [];
    const identityKeys = [...keys].filter((key) => !key.startsWith('\u0000'));
    for (const identity of await transaction.findIdentities(tenantId, identityKeys)) {
      if (!members.has(identity.customerId)) {
        members.add(identity.customerId);
        next.push(identity.customerId);
      }
    }
    for (const key of keys) {
      if (!key.startsWith('\u0000customer:')) continue;
      const id = key.slice('\u0000customer:'.length);
      if (!members.has(id)) {
        members.add(id);
        next.push(id);
      }
    }
    const related = [...state.customers.keys()];
    for (const proposal of state.proposals.values()) related.push(...proposal.customerIds);
    for (const merge of state.merges.values()) related.push(merge.survivorId, merge.absorbedId);
    for (const id of related) {
      if (!members.has(id)) {
        members.add(id);
        next.push(id);
      }
    }
    frontier = next;
  }
  return { state, events: [...events.values()] };
}

/** Keys of `before` that `after` no longer holds. */
function removedKeys<V>(before: Map<string, V>, after: Map<string, V>): string[] {
  const out: string[] = [];
  for (const key of before.keys()) if (!after.has(key)) out.push(key);
  return out;
}

/** Values of `after` that are new or replaced since `before` (records are immutable: identity tells). */
function changedValues<V>(before: Map<string, V>, after: Map<string, V>): V[] {
  const out: V[] = [];
  for (const [key, value] of after) if (before.get(key) !== value) out.push(value);
  return out;
}

async function writeState(
  transaction: StoreTransaction,
  tenantId: string,
  before: FoldState,
  after: FoldState,
  sourceEvents: Map<string, IncomingEvent>,
  storedEvents: Map<string, TimelineEvent>,
  changes: IngestChanges,
): Promise<void> {
  const removedCustomers = removedKeys(before.customers, after.customers);
  const removedIdentities = removedKeys(before.identities, after.identities);
  const removedCases = removedKeys(before.cases, after.cases);
  const removedMerges = removedKeys(before.merges, after.merges);
  const removedProposals = removedKeys(before.proposals, after.proposals);
  const deletions: Array<Promise<void>> = [];
  if (removedIdentities.length) deletions.push(transaction.deleteIdentities(tenantId, removedIdentities));
  if (removedCases.length) deletions.push(transaction.deleteCases(tenantId, removedCases));
  if (removedMerges.length) deletions.push(transaction.deleteMerges(tenantId, removedMerges));
  if (removedProposals.length) deletions.push(transaction.deleteProposals(tenantId, removedProposals));
  // A customer a re-fold no longer creates is gone: ids depend only on the events, never on
  // the order they arrived in (the multi-instance test compares whole stores).
  if (removedCustomers.length) deletions.push(transaction.deleteCustomers(tenantId, removedCustomers));
  // An earlier event of the delivery may have written one: it is gone now, not "as written".
  for (const id of removedCustomers) changes.touchedCustomers.delete(id);
  if (deletions.length) await Promise.all(deletions);

  const customers = changedValues(before.customers, after.customers);
  for (const customer of customers) {
    if (!before.customers.has(customer.id)) changes.createdCustomers.push(customer);
    changes.touchedCustomers.set(customer.id, customer);
  }
  const identities = changedValues(before.identities, after.identities);
  const cases = changedValues(before.cases, after.cases);
  for (const supportCase of cases) {
    changes.touchedCaseIds.add(supportCase.id);
    if (!before.cases.has(supportCase.id)) changes.openedCaseIds.push(supportCase.id);
  }
  const merges = changedValues(before.merges, after.merges);
  for (const merge of merges) if (!before.merges.has(merge.id)) changes.newMergeIds.push(merge.id);
  const proposals = changedValues(before.proposals, after.proposals);
  for (const proposal of proposals) if (!before.proposals.has(proposal.id)) changes.newProposalIds.push(proposal.id);

  const eventsToPut: TimelineEvent[] = [];
  for (const [id, placement] of after.placements) {
    const stored = storedEvents.get(id);
    if (stored && stored.customerId === placement.customerId && stored.caseId === placement.caseId && stored.repeatContact === placement.repeatContact) continue;
    const source = stored ?? sourceEvents.get(id);
    if (!source) continue;
    const event = { ...source, ...placement } as TimelineEvent;
    eventsToPut.push(event);
    if (!stored) changes.appended.push(event);
    if (stored?.caseId) changes.touchedCaseIds.add(stored.caseId);
    if (placement.caseId) changes.touchedCaseIds.add(placement.caseId);
    if (stored) {
      if (stored.caseId) changes.rewrittenCaseIds.add(stored.caseId);
      if (placement.caseId) changes.rewrittenCaseIds.add(placement.caseId);
    }
  }
  const staleDerived: string[] = [];
  for (const event of storedEvents.values()) {
    if (isDerivedEvent(event) && !event.type.startsWith('sla.') && !after.derivedEvents.has(event.id)) {
      staleDerived.push(event.id);
      if (event.caseId) changes.rewrittenCaseIds.add(event.caseId);
    }
  }
  if (staleDerived.length) await transaction.deleteEvents(tenantId, staleDerived);
  for (const derived of after.derivedEvents.values()) {
    const stored = storedEvents.get(derived.id);
    if (stored && stored.customerId === derived.customerId) continue;
    if (stored?.caseId) changes.rewrittenCaseIds.add(stored.caseId);
    if (stored && derived.caseId) changes.rewrittenCaseIds.add(derived.caseId);
    eventsToPut.push(derived);
    if (!stored) changes.appended.push(derived);
  }
  // Independent writes issued together (pipelined by a networked store); empty ones skipped.
  const writes: Array<Promise<void>> = [];
  if (customers.length) writes.push(transaction.putCustomers(customers));
  if (identities.length) writes.push(transaction.putIdentities(identities));
  if (cases.length) writes.push(transaction.putCases(cases));
  if (merges.length) writes.push(transaction.putMerges(merges));
  if (proposals.length) writes.push(transaction.putProposals(proposals));
  if (eventsToPut.length) writes.push(transaction.putEvents(eventsToPut));
  await Promise.all(writes);
}

function cloneState(state: FoldState): FoldState {
  return {
    customers: new Map(state.customers),
    identities: new Map(state.identities),
    merges: new Map(state.merges),
    proposals: new Map(state.proposals),
    cases: new Map(state.cases),
    placements: new Map(state.placements),
    derivedEvents: new Map(state.derivedEvents),
    undoneMerges: new Map(state.undoneMerges),
    vetoedPairs: new Set(state.vetoedPairs),
  };
}

async function refold(transaction: StoreTransaction, tenantId: string, seeds: Iterable<string>, event: IncomingEvent, settings: FoldSettings, changes: IngestChanges): Promise<void> {
  const component = await loadComponent(transaction, tenantId, seeds, keysOf(event, settings), settings);
  const stored = new Map(component.events.map((item) => [item.id, item]));
  const sources = component.events.filter((item) => !isDerivedEvent(item)) as IncomingEvent[];
  const after = createFoldState();
  foldAll(after, [...sources, event], settings);
  const before = component.state;
  for (const item of component.events) {
    if (isDerivedEvent(item) && item.type === 'identity.merged') before.derivedEvents.set(item.id, item);
  }
  await writeState(transaction, tenantId, before, after, new Map([[event.id, event]]), stored, changes);
}

/** The first reads of applying an event: its identity keys, locked, and the identities already holding them. */
export interface EventLookup {
  /** The event's normalised identity keys. */
  readonly keys: string[];
  /** Identities holding those keys; `undefined` for operations (merges, unmerges, case merges and splits), which read other records. */
  readonly owners: Identity[] | undefined;
}

function isOperation(event: IncomingEvent): boolean {
  return event.type === 'identity.merged' || event.type === 'identity.unmerged' || event.type === 'case.merged' || event.type === 'case.split';
}

/**
 * Locks an event's identity keys and finds who holds them: what {@link applyEvent} reads first.
 * The lock and the read are issued together (a networked store sends them in one round trip,
 * the lock first), so a caller can issue them alongside its own first read.
 *
 * @param transaction - the open store transaction
 * @param event - a validated source event
 * @param settings - fold settings
 * @returns the keys and their current holders
 * @example
 * ```ts
 * const [existing, lookup] = await Promise.all([transaction.existingEventIds(tenantId, [event.id]), lookUpEvent(transaction, event, settings)]);
 * if (!existing.has(event.id)) await applyEvent(transaction, event, settings, changes, lookup);
 * ```
 */
export async function lookUpEvent(transaction: StoreTransaction, event: IncomingEvent, settings: FoldSettings): Promise<EventLookup> {
  const tenantId = settings.tenantId;
  const keys = keysOf(event, settings);
  const locked = transaction.lockKeys(tenantId, keys.length > 0 ? keys : [`event:${event.id}`]);
  if (isOperation(event)) {
    await locked;
    return { keys, owners: undefined };
  }
  const [, owners] = await Promise.all([locked, transaction.findIdentities(tenantId, keys)]);
  return { keys, owners };
}

function operationCustomers(event: IncomingEvent): string[] {
  if (event.type === 'identity.merged') return [event.data.survivorId, event.data.absorbedId];
  return [];
}

/**
 * Applies one new source event inside a store transaction. The common case (an event newer than
 * everything its customer has, resolving to at most one customer) folds incrementally; an event
 * that arrives out of order, merges customers, or is an operation re-folds the connected customers
 * from their events, so the result never depends on arrival order.
 *
 * @param transaction - the open store transaction
 * @param event - a validated source event, not yet stored
 * @param settings - fold settings
 * @param changes - collects what changed
 * @param lookup - what {@link lookUpEvent} found for this event, when the caller issued it already (otherwise it is issued here)
 * @example
 * ```ts
 * await store.transaction(async (transaction) => {
 *   const changes = createChanges();
 *   await applyEvent(transaction, event, settings, changes);
 *   return changes;
 * });
 * ```
 */
export async function applyEvent(transaction: StoreTransaction, event: IncomingEvent, settings: FoldSettings, changes: IngestChanges, lookup?: EventLookup): Promise<void> {
  const tenantId = settings.tenantId;
  const { keys, owners: holders } = lookup ?? (await lookUpEvent(transaction, event, settings));
  if (isOperation(event)) {
    const seeds = new Set(operationCustomers(event));
    if (event.type === 'identity.unmerged') {
      const merge = await transaction.getMerge(tenantId, event.data.mergeId);
      if (merge) {
        seeds.add(merge.survivorId);
        seeds.add(merge.absorbedId);
      }
    }
    if (event.thread?.startsWith('case:')) {
      const supportCase = await transaction.getCase(tenantId, event.thread.slice(5));
      if (supportCase) seeds.add(supportCase.customerId);
    }
    await refold(transaction, tenantId, seeds, event, settings, changes);
    return;
  }
  const owners = new Set((holders ?? []).map((identity) => identity.customerId));
  if (keys.length === 0 && event.thread?.startsWith('case:')) {
    const supportCase = await transaction.getCase(tenantId, event.thread.slice(5));
    if (supportCase) owners.add(supportCase.customerId);
  }
  if (owners.size > 1) {
    await refold(transaction, tenantId, owners, event, settings, changes);
    return;
  }
  const before = createFoldState();
  await loadCustomers(transaction, tenantId, owners, before);
  const position = eventPosition(event);
  for (const customer of before.customers.values()) {
    if (customer.lastEventKey > position) {
      await refold(transaction, tenantId, owners, event, settings, changes);
      return;
    }
  }
  const after = cloneState(before);
  const result = foldEvent(after, event, settings);
  if (result.merged) {
    await refold(transaction, tenantId, owners, event, settings, changes);
    return;
  }
  await writeState(transaction, tenantId, before, after, new Map([[event.id, event]]), new Map(), changes);
}
